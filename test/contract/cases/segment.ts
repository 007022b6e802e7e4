import type { ContractCase } from './types';

const SEGMENT = { __rl: true, mode: 'id', value: 'd5d4d1a8-1c9e-42fb-b3f2-56d3a5a9a8b7' };

export const segmentCases: ContractCase[] = [
	{
		operationId: 'create_segment',
		title: 'Create a segment with AND and OR conditions',
		// Prism answers 400 to any filter list (a oneOf defect of the spec, see harness.ts), so
		// the output is checked in the unit tests.
		parameters: {
			resource: 'segment',
			operation: 'create',
			name: 'Pro users or recently active',
			filters: {
				conditions: [
					// "equals" is what the editor stores for "=" (see helpers/filters.ts).
					{ field: 'tag', key: 'plan', relation: 'equals', value: 'pro' },
					{ field: 'session_count', relation: '>', value: '3' },
					{ join: 'or', field: 'last_session', relation: '<', value: '24' },
				],
			},
		},
		check: (_, exchanges) => {
			expect(exchanges[0].call.sent.body).toMatchObject({
				name: 'Pro users or recently active',
				filters: [
					{ field: 'tag', key: 'plan', relation: '=', value: 'pro' },
					{ field: 'session_count', relation: '>', value: '3' },
					{ operator: 'OR' },
					{ field: 'last_session', relation: '<', hours_ago: '24' },
				],
			});
		},
	},
	{
		operationId: 'get_segment',
		title: 'Get a segment with its filters',
		parameters: { resource: 'segment', operation: 'get', segment: SEGMENT, includeDetails: true },
		check: (_, exchanges) => {
			expect(exchanges[0].call.sent.qs).toEqual({ 'include-segment-detail': true });
		},
	},
	{
		operationId: 'get_segments',
		title: 'Get many segments',
		parameters: { resource: 'segment', operation: 'getAll', returnAll: false, limit: 10 },
		check: (_, exchanges) => {
			expect(exchanges[0].call.sent.qs).toEqual({ limit: 10, offset: 0 });
		},
	},
	{
		operationId: 'update_segment',
		title: 'Rename a segment and replace its filters',
		parameters: {
			resource: 'segment',
			operation: 'update',
			segment: SEGMENT,
			replaceFilters: true,
			filters: { conditions: [{ field: 'country', relation: 'equals', value: 'FR' }] },
			updateFields: { name: 'France', description: 'Everyone in France' },
		},
		check: (_, exchanges) => {
			expect(exchanges).toHaveLength(1);
			expect(exchanges[0].call.sent.body).toEqual({
				name: 'France',
				description: 'Everyone in France',
				filters: [{ field: 'country', relation: '=', value: 'FR' }],
			});
		},
	},
	{
		operationId: 'update_segment',
		title: 'Change only the description (the current name is read first)',
		parameters: {
			resource: 'segment',
			operation: 'update',
			segment: SEGMENT,
			updateFields: { description: 'Kept for the spring campaign' },
		},
		check: (_, exchanges) => {
			expect(exchanges.map((exchange) => exchange.call.sent.method)).toEqual(['GET', 'PATCH']);
			expect(exchanges[1].call.sent.body).toMatchObject({
				name: expect.any(String),
				description: 'Kept for the spring campaign',
			});
		},
	},
	{
		operationId: 'delete_segment',
		title: 'Delete a segment',
		parameters: { resource: 'segment', operation: 'delete', segment: SEGMENT },
		check: (run) => {
			expect(run.output?.[0][0].json).toEqual({ deleted: true, id: SEGMENT.value });
		},
	},
];
