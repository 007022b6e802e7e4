import type { Route } from '../server';

/** Segments and templates, read-only for now: what pickers and segment sends need. */
export const catalogRoutes: Route[] = [
	{
		method: 'GET',
		path: '/apps/:appId/segments',
		tier: 'app',
		appIdFrom: { param: 'appId' },
		handle: ({ state, query, appId }) => {
			const limit = Number(query.get('limit') ?? 300);
			const offset = Number(query.get('offset') ?? 0);
			if (!Number.isInteger(limit) || limit < 1 || limit > 300) {
				return { status: 400, body: { errors: ['limit must be between 1 and 300'] } };
			}
			const all = [...state.segments.values()].filter((segment) => segment.appId === appId);
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
		},
	},
	{
		method: 'GET',
		path: '/templates',
		tier: 'app',
		appIdFrom: { query: 'app_id' },
		handle: ({ state, query, appId }) => {
			const limit = Number(query.get('limit') ?? 50);
			const offset = Number(query.get('offset') ?? 0);
			if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
				return { status: 400, body: { errors: ['limit must be between 1 and 50'] } };
			}
			const channel = query.get('channel');
			const all = [...state.templates.values()].filter(
				(template) => template.appId === appId && (!channel || template.channel === channel),
			);
			return {
				status: 200,
				body: {
					templates: all.slice(offset, offset + limit).map((template) => ({
						id: template.id,
						name: template.name,
						channel: template.channel,
						created_at: new Date(template.createdAt).toISOString(),
						updated_at: new Date(template.updatedAt).toISOString(),
						content: template.content,
					})),
				},
			};
		},
	},
];
