import { randomUUID } from 'crypto';

import type { Route, RouteAnswer, RouteContext } from '../server';
import type { StandInState } from '../state';

/**
 * Journeys (OneSignal's beta Journeys API): created as drafts with server-assigned node and
 * branch IDs, listed newest first with an opaque forward-only cursor (50 a page at most), changed
 * with JSON Merge Patch (arrays replaced wholesale, a concurrency key guarding against lost
 * updates), activated or archived through `state`, and a single node patched in place.
 */

type Json = Record<string, unknown>;

export interface StoredJourney {
	id: string;
	appId: string;
	name: string;
	description: string;
	state: 'draft' | 'scheduled' | 'processing' | 'active' | 'archived';
	createdAt: number;
	updatedAt: number;
	startedAt: number | null;
	archivedAt: number | null;
	audience: Json | null;
	earlyExit: Json | null;
	reentryRules: Json | null;
	schedule: Json | null;
	nodes: Json[];
	concurrencyKey: string;
}

const bad = (...errors: string[]): RouteAnswer => ({ status: 400, body: { errors } });

export function journeysOf(state: StandInState): Map<string, StoredJourney> {
	let journeys = state.extra.get('journeys') as Map<string, StoredJourney> | undefined;
	if (!journeys) {
		journeys = new Map();
		state.extra.set('journeys', journeys);
	}
	return journeys;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function presentJourney(journey: StoredJourney): Json {
	return {
		id: journey.id,
		app_id: journey.appId,
		name: journey.name,
		description: journey.description,
		state: journey.state,
		created_at: iso(journey.createdAt),
		updated_at: iso(journey.updatedAt),
		started_at: iso(journey.startedAt),
		archived_at: iso(journey.archivedAt),
		created_source: 'public_api',
		audience: journey.audience,
		early_exit: journey.earlyExit,
		reentry_rules: journey.reentryRules,
		schedule: journey.schedule,
		nodes: journey.nodes,
		concurrency_key: journey.concurrencyKey,
	};
}

function presentListItem(journey: StoredJourney): Json {
	const full = presentJourney(journey);
	return {
		id: full.id,
		app_id: full.app_id,
		name: full.name,
		state: full.state,
		created_at: full.created_at,
		updated_at: full.updated_at,
		started_at: full.started_at,
		archived_at: full.archived_at,
		created_source: full.created_source,
		schedule: full.schedule,
		audience: journey.audience ? { kind: journey.audience.kind } : null,
		reentry_rules: full.reentry_rules,
	};
}

/**
 * Gives every node and branch of a graph an ID. On create no ID may be sent; on update a node
 * that keeps its ID must exist already, so in-flight users stay where they are.
 */
function assignIds(
	nodes: unknown,
	known: Set<string> | undefined,
	path = 'nodes',
): string | undefined {
	if (!Array.isArray(nodes)) return `${path} must be an array`;
	for (const [index, node] of (nodes as Json[]).entries()) {
		const where = `${path}[${index}]`;
		if (typeof node !== 'object' || node === null) return `${where} must be an object`;
		if (typeof node.kind !== 'string') return `${where}.kind is required`;
		if (node.id !== undefined) {
			if (!known) return `${where}.id must not be set on create`;
			if (!known.has(String(node.id)))
				return `${where}.id '${String(node.id)}' is not a node of this journey`;
		} else {
			node.id = randomUUID();
		}
		if (node.kind === 'wait') {
			const seconds = Number(node.duration_seconds);
			if (!Number.isInteger(seconds) || seconds < 60 || seconds > 31_556_952) {
				return `${where}.duration_seconds must be between 60 and 31556952`;
			}
		}
		if (Array.isArray(node.branches)) {
			for (const [branchIndex, branch] of (node.branches as Json[]).entries()) {
				if (branch.id === undefined) branch.id = randomUUID();
				const problem = assignIds(
					branch.nodes ?? [],
					known,
					`${where}.branches[${branchIndex}].nodes`,
				);
				if (problem) return problem;
			}
		}
	}
	return undefined;
}

function nodeIds(nodes: Json[], into = new Set<string>()): Set<string> {
	for (const node of nodes) {
		into.add(String(node.id));
		for (const branch of (node.branches as Json[] | undefined) ?? []) {
			nodeIds((branch.nodes as Json[] | undefined) ?? [], into);
		}
	}
	return into;
}

function findNode(nodes: Json[], id: string): Json | undefined {
	for (const node of nodes) {
		if (node.id === id) return node;
		for (const branch of (node.branches as Json[] | undefined) ?? []) {
			const found = findNode((branch.nodes as Json[] | undefined) ?? [], id);
			if (found) return found;
		}
	}
	return undefined;
}

function checkAudience(audience: unknown): string | undefined {
	if (audience === undefined || audience === null) return undefined;
	const kind = (audience as Json).kind;
	if (kind !== 'segment' && kind !== 'event_trigger')
		return 'audience.kind must be segment or event_trigger';
	const attributes = (audience as Json).attributes;
	if (Array.isArray(attributes) && attributes.length > 1) {
		return 'audience.attributes accepts a single condition group';
	}
	return undefined;
}

/** RFC 7396: objects merge key by key, null removes, anything else (arrays too) replaces. */
function mergePatch(target: unknown, patch: unknown): unknown {
	if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
	const result: Json =
		typeof target === 'object' && target !== null && !Array.isArray(target)
			? { ...(target as Json) }
			: {};
	for (const [key, value] of Object.entries(patch as Json)) {
		if (value === null) delete result[key];
		else result[key] = mergePatch(result[key], value);
	}
	return result;
}

function findJourney(context: RouteContext): StoredJourney | RouteAnswer {
	const journey = journeysOf(context.state).get(context.params.journeyId);
	if (!journey || journey.appId !== context.appId) {
		return { status: 404, body: { errors: ['Journey not found'] } };
	}
	return journey;
}

function listJourneys(context: RouteContext): RouteAnswer {
	const { query, appId } = context;
	const limit = Number(query.get('limit') ?? 50);
	if (!Number.isInteger(limit) || limit < 1 || limit > 50)
		return bad('limit must be between 1 and 50');
	const all = [...journeysOf(context.state).values()]
		.filter((journey) => journey.appId === appId)
		.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
	let start = 0;
	const cursor = query.get('cursor');
	if (cursor !== null) {
		try {
			start = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after: number })
				.after;
		} catch {
			return bad('cursor is invalid');
		}
		if (!Number.isInteger(start) || start < 0) return bad('cursor is invalid');
	}
	const page = all.slice(start, start + limit);
	const hasMore = start + limit < all.length;
	const body: Json = { journeys: page.map(presentListItem), has_more: hasMore };
	if (hasMore) {
		body.next_cursor = Buffer.from(JSON.stringify({ after: start + limit })).toString('base64url');
	}
	return { status: 200, body };
}

function createJourney(context: RouteContext): RouteAnswer {
	const body = (context.body ?? {}) as Json;
	const name = typeof body.name === 'string' ? body.name.trim() : '';
	if (!name) return bad('name is required');
	if (name.length > 300) return bad('name is too long (maximum is 300 characters)');
	for (const field of ['id', 'state', 'app_id', 'concurrency_key']) {
		if (body[field] !== undefined) return bad(`${field} is set by the server`);
	}
	const problem = checkAudience(body.audience) ?? assignIds(body.nodes ?? [], undefined);
	if (problem) return bad(problem);
	const reentry = body.reentry_rules as Json | undefined;
	if (reentry && Number(reentry.duration_seconds) < 600) {
		return bad('reentry_rules.duration_seconds must be at least 600');
	}
	const journey: StoredJourney = {
		id: randomUUID(),
		appId: context.appId!,
		name,
		description: typeof body.description === 'string' ? body.description : '',
		state: 'draft',
		createdAt: context.now,
		updatedAt: context.now,
		startedAt: null,
		archivedAt: null,
		audience: (body.audience as Json | undefined) ?? null,
		earlyExit: (body.early_exit as Json | undefined) ?? null,
		reentryRules: reentry ?? null,
		schedule: (body.schedule as Json | undefined) ?? null,
		nodes: (body.nodes as Json[] | undefined) ?? [],
		concurrencyKey: randomUUID(),
	};
	journeysOf(context.state).set(journey.id, journey);
	return { status: 201, body: presentJourney(journey) };
}

function checkConcurrency(journey: StoredJourney, key: unknown): RouteAnswer | undefined {
	if (key === undefined || key === null) return undefined;
	if (key !== journey.concurrencyKey) {
		return {
			status: 409,
			body: { errors: ['The journey was changed since it was read (concurrency_key mismatch)'] },
		};
	}
	return undefined;
}

function changeState(journey: StoredJourney, next: unknown, now: number): RouteAnswer | undefined {
	if (next === undefined) return undefined;
	if (journey.state === 'archived')
		return { status: 422, body: { errors: ['An archived journey cannot change state'] } };
	switch (next) {
		case 'active':
			journey.state = 'active';
			journey.startedAt ??= now;
			return undefined;
		case 'archived':
			journey.state = 'archived';
			journey.archivedAt = now;
			return undefined;
		case 'scheduled':
			if (!journey.schedule?.start_at) {
				return { status: 422, body: { errors: ['A scheduled journey needs schedule.start_at'] } };
			}
			journey.state = 'scheduled';
			return undefined;
		case 'draft':
			if (journey.state !== 'draft' && journey.state !== 'scheduled') {
				return {
					status: 422,
					body: { errors: [`A ${journey.state} journey cannot go back to draft`] },
				};
			}
			journey.state = 'draft';
			return undefined;
		default:
			return bad('state must be draft, scheduled, active or archived');
	}
}

function updateJourney(context: RouteContext): RouteAnswer {
	const found = findJourney(context);
	if ('status' in found) return found;
	const body = (context.body ?? {}) as Json;
	const conflict = checkConcurrency(found, body.concurrency_key);
	if (conflict) return conflict;
	const problem =
		checkAudience(body.audience) ??
		(body.nodes !== undefined ? assignIds(body.nodes, nodeIds(found.nodes)) : undefined);
	if (problem) return bad(problem);
	if (typeof body.name === 'string') found.name = body.name;
	if (body.description !== undefined) found.description = (body.description as string | null) ?? '';
	if (body.audience !== undefined)
		found.audience = mergePatch(found.audience, body.audience) as Json | null;
	if (body.early_exit !== undefined)
		found.earlyExit = mergePatch(found.earlyExit, body.early_exit) as Json | null;
	if (body.reentry_rules !== undefined) {
		found.reentryRules = mergePatch(found.reentryRules, body.reentry_rules) as Json | null;
	}
	if (body.schedule !== undefined)
		found.schedule = mergePatch(found.schedule, body.schedule) as Json | null;
	if (body.nodes !== undefined) found.nodes = body.nodes as Json[];
	const stateProblem = changeState(found, body.state, context.now);
	if (stateProblem) return stateProblem;
	found.updatedAt = context.now;
	found.concurrencyKey = randomUUID();
	return { status: 200, body: presentJourney(found) };
}

function updateNode(context: RouteContext): RouteAnswer {
	const found = findJourney(context);
	if ('status' in found) return found;
	const body = { ...((context.body ?? {}) as Json) };
	const conflict = checkConcurrency(found, body.concurrency_key);
	if (conflict) return conflict;
	delete body.concurrency_key;
	if ('kind' in body || 'id' in body) return bad('kind and id of a node cannot be changed');
	const node = findNode(found.nodes, context.params.nodeId);
	if (!node) return { status: 404, body: { errors: ['Node not found in this journey'] } };
	if (body.duration_seconds !== undefined && node.kind !== 'wait') {
		return {
			status: 422,
			body: { errors: [`duration_seconds does not apply to a ${String(node.kind)} node`] },
		};
	}
	Object.assign(node, mergePatch(node, body));
	found.updatedAt = context.now;
	found.concurrencyKey = randomUUID();
	return { status: 200, body: presentJourney(found) };
}

function journeyStats(context: RouteContext): RouteAnswer {
	const found = findJourney(context);
	if ('status' in found) return found;
	const nodes: Json = {};
	const branches: Json = {};
	const walk = (list: Json[]) => {
		for (const node of list) {
			const stats: Json = { kind: node.kind, waiting: 0, completed: 0, exited_early: 0 };
			if (String(node.kind).startsWith('send_')) stats.message_stats = { totals: { sent: 0 } };
			nodes[String(node.id)] = stats;
			for (const branch of (node.branches as Json[] | undefined) ?? []) {
				branches[String(branch.id)] = { completed: 0 };
				walk((branch.nodes as Json[] | undefined) ?? []);
			}
		}
	};
	walk(found.nodes);
	return {
		status: 200,
		body: { id: found.id, started: 0, completed: 0, exited_early: 0, nodes, branches },
	};
}

const app = { tier: 'app' as const, appIdFrom: { param: 'appId' } };
const one = '/apps/:appId/journeys/:journeyId';

export const journeyRoutes: Route[] = [
	{ method: 'GET', path: '/apps/:appId/journeys', ...app, handle: listJourneys },
	{ method: 'POST', path: '/apps/:appId/journeys', ...app, handle: createJourney },
	{
		method: 'GET',
		path: one,
		...app,
		handle: (context) => {
			const found = findJourney(context);
			return 'status' in found ? found : { status: 200, body: presentJourney(found) };
		},
	},
	{ method: 'PATCH', path: one, ...app, handle: updateJourney },
	{
		method: 'DELETE',
		path: one,
		...app,
		handle: (context) => {
			const found = findJourney(context);
			if ('status' in found) return found;
			journeysOf(context.state).delete(found.id);
			return { status: 200, body: { success: true } };
		},
	},
	{ method: 'GET', path: `${one}/stats`, ...app, handle: journeyStats },
	{ method: 'PATCH', path: `${one}/nodes/:nodeId`, ...app, handle: updateNode },
];
