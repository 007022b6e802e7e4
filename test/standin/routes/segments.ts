import { randomUUID } from 'crypto';

import type { Route, RouteAnswer, RouteContext } from '../server';
import type { StoredSegment } from '../state';

/**
 * Segments as OneSignal keeps them: listed oldest first, 300 a page at most; names unique per
 * app; create, view, update (name always required) and delete. The stand-in does not evaluate
 * filters: a segment created through the API holds every user.
 */

const bad = (...errors: string[]): RouteAnswer => ({ status: 400, body: { errors } });

function findSegment(context: RouteContext): StoredSegment | RouteAnswer {
	const segment = context.state.segments.get(context.params.segmentId);
	if (!segment || segment.appId !== context.appId) {
		return { status: 404, body: { success: false } };
	}
	return segment;
}

function checkFilters(filters: unknown): string | undefined {
	if (!Array.isArray(filters)) return 'filters must be an array';
	if (filters.length > 200) return 'filters can have at most 200 entries';
	for (const entry of filters as Array<Record<string, unknown>>) {
		if (typeof entry !== 'object' || entry === null) return 'each filter must be an object';
		if ('operator' in entry) {
			if (entry.operator !== 'OR' && entry.operator !== 'AND') return 'operator must be OR or AND';
			continue;
		}
		if (typeof entry.field !== 'string' || typeof entry.relation !== 'string') {
			return 'each filter needs a field and a relation';
		}
	}
	return undefined;
}

function listSegments({ state, query, appId }: RouteContext): RouteAnswer {
	const limit = Number(query.get('limit') ?? 300);
	const offset = Number(query.get('offset') ?? 0);
	if (!Number.isInteger(limit) || limit < 1 || limit > 300) {
		return bad('limit must be between 1 and 300');
	}
	if (!Number.isInteger(offset) || offset < 0) return bad('offset must be a positive integer');
	const all = [...state.segments.values()]
		.filter((segment) => segment.appId === appId)
		.sort((a, b) => a.createdAt - b.createdAt);
	return {
		status: 200,
		body: {
			total_count: all.length,
			offset,
			limit,
			segments: all.slice(offset, offset + limit).map((segment) => ({
				id: segment.id,
				name: segment.name,
				created_at: new Date(segment.createdAt).toISOString(),
				updated_at: new Date(segment.updatedAt).toISOString(),
				app_id: segment.appId,
				read_only: segment.readOnly,
				is_active: segment.isActive,
			})),
		},
	};
}

function createSegment(context: RouteContext): RouteAnswer {
	const { state, appId } = context;
	const body = (context.body ?? {}) as Record<string, unknown>;
	const name = typeof body.name === 'string' ? body.name.trim() : '';
	if (!name) return bad('name is required');
	const problem = checkFilters(body.filters);
	if (problem) return bad(problem);
	if ([...state.segments.values()].some((s) => s.appId === appId && s.name === name)) {
		return { status: 409, body: { success: false, errors: [`Segment '${name}' already exists`] } };
	}
	const id = typeof body.id === 'string' && body.id ? body.id : randomUUID();
	if (state.segments.has(id)) return bad(`Segment with id '${id}' already exists`);
	state.segments.set(id, {
		id,
		appId: appId!,
		name,
		filters: body.filters as Array<Record<string, unknown>>,
		members: [...state.users.keys()],
		readOnly: false,
		isActive: true,
		createdAt: context.now,
		updatedAt: context.now,
	});
	return { status: 201, body: { success: true, id } };
}

function viewSegment(context: RouteContext): RouteAnswer {
	const found = findSegment(context);
	if ('status' in found) return { status: 404, body: { errors: ['Segment not found'] } };
	const answer: Record<string, unknown> = { subscriber_count: found.members.length };
	if (context.query.get('include-segment-detail') === 'true') {
		answer.payload = {
			id: found.id,
			name: found.name,
			description: found.description ?? null,
			created_at: Math.floor(found.createdAt / 1000),
			source: found.readOnly ? 'default' : 'custom',
			filters: found.filters,
		};
	}
	return { status: 200, body: answer };
}

function updateSegment(context: RouteContext): RouteAnswer {
	const found = findSegment(context);
	if ('status' in found) return { status: 404, body: { errors: ['Segment not found'] } };
	const body = (context.body ?? {}) as Record<string, unknown>;
	const name = typeof body.name === 'string' ? body.name.trim() : '';
	if (!name) return bad('name is required');
	if (name.length > 128) return bad('name is too long (maximum is 128 characters)');
	if (found.readOnly) return { status: 403, body: { errors: ['This segment cannot be edited'] } };
	if (body.filters !== undefined) {
		const problem = checkFilters(body.filters);
		if (problem) return bad(problem);
		found.filters = body.filters as Array<Record<string, unknown>>;
	}
	if (typeof body.description === 'string') found.description = body.description || null;
	found.name = name;
	found.updatedAt = context.now;
	return { status: 200, body: { success: true, id: found.id } };
}

function deleteSegment(context: RouteContext): RouteAnswer {
	const found = findSegment(context);
	if ('status' in found) return found;
	context.state.segments.delete(found.id);
	return { status: 200, body: { success: true } };
}

const app = { appIdFrom: { param: 'appId' }, tier: 'app' as const };

export const segmentRoutes: Route[] = [
	{ method: 'GET', path: '/apps/:appId/segments', ...app, handle: listSegments },
	{ method: 'POST', path: '/apps/:appId/segments', ...app, handle: createSegment },
	{ method: 'GET', path: '/apps/:appId/segments/:segmentId', ...app, handle: viewSegment },
	{ method: 'PATCH', path: '/apps/:appId/segments/:segmentId', ...app, handle: updateSegment },
	{ method: 'DELETE', path: '/apps/:appId/segments/:segmentId', ...app, handle: deleteSegment },
];
