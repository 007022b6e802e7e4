import type { ContractCase } from './types';

const JOURNEY = { __rl: true, mode: 'id', value: '2f4e6a8c-0b1d-4e3f-9a5b-7c9d1e3f5a7b' };
const SEGMENT_ID = 'd5d4d1a8-1c9e-42fb-b3f2-56d3a5a9a8b7';
const TEMPLATE_ID = 'e4d3c2b1-a09f-4f1e-8d7c-6b5a4f3e2d1c';

export const journeyCases: ContractCase[] = [
	{
		operationId: 'create_journey',
		title: 'Create a segment journey with steps, schedule, re-entry and early exit',
		parameters: {
			resource: 'journey',
			operation: 'create',
			name: 'Welcome series',
			audienceKind: 'segment',
			includedSegmentIds: [SEGMENT_ID],
			futureAdditionsOnly: true,
			steps: {
				step: [
					{ kind: 'send_push', templateId: TEMPLATE_ID, annotation: 'Welcome' },
					{ kind: 'wait', waitMinutes: 1440 },
					{ kind: 'tag', tags: 'onboarded=true' },
				],
			},
			additionalFields: {
				description: 'First week',
				reentryMinutes: 60,
				startAt: '2030-01-01T09:00:00Z',
				exitOnSession: true,
				exitEventName: 'purchase_completed',
			},
		},
		check: (_, exchanges) => {
			expect(exchanges[0].call.sent.body).toEqual({
				name: 'Welcome series',
				description: 'First week',
				audience: {
					kind: 'segment',
					included_segment_ids: [SEGMENT_ID],
					future_additions_only: true,
				},
				reentry_rules: { duration_seconds: 3600 },
				schedule: { start_at: '2030-01-01T09:00:00.000Z' },
				early_exit: { rules: { on_event: { name: 'purchase_completed' }, on_session: true } },
				nodes: [
					{ kind: 'send_push', template_id: TEMPLATE_ID, annotation: 'Welcome' },
					{ kind: 'wait', duration_seconds: 86400 },
					{ kind: 'tag', assignments: { onboarded: 'true' } },
				],
			});
		},
	},
	{
		operationId: 'create_journey',
		title: 'Create an event-triggered journey with a condition',
		parameters: {
			resource: 'journey',
			operation: 'create',
			name: 'Cart recovery',
			audienceKind: 'event_trigger',
			eventName: 'cart_abandoned',
			eventConditions: { condition: [{ key: 'amount', operator: 'greater', value: '50' }] },
			steps: { step: [{ kind: 'send_email', templateId: TEMPLATE_ID }] },
		},
		check: (_, exchanges) => {
			expect(exchanges[0].call.sent.body).toMatchObject({
				audience: {
					kind: 'event_trigger',
					name: 'cart_abandoned',
					attributes: [[{ key: 'amount', operator: 'greater', value: '50' }]],
				},
			});
		},
	},
	{
		operationId: 'view_journey',
		title: 'Get a journey',
		parameters: { resource: 'journey', operation: 'get', journey: JOURNEY },
	},
	{
		operationId: 'view_journeys',
		title: 'Get many journeys (cursor paging)',
		parameters: { resource: 'journey', operation: 'getAll', returnAll: false, limit: 3 },
		check: (_, exchanges) => {
			expect((exchanges[0].call.sent.qs as Record<string, unknown>).cursor).toBeUndefined();
			expect((exchanges[0].call.sent.qs as Record<string, unknown>).limit).toBe(3);
		},
	},
	{
		operationId: 'update_journey',
		title: 'Activate a journey with a concurrency key',
		parameters: {
			resource: 'journey',
			operation: 'update',
			journey: JOURNEY,
			updateFields: { state: 'active', name: 'Welcome series v2', concurrencyKey: 'ck-1' },
		},
		check: (_, exchanges) => {
			expect(exchanges[0].call.sent.body).toEqual({
				state: 'active',
				name: 'Welcome series v2',
				concurrency_key: 'ck-1',
			});
		},
	},
	{
		operationId: 'update_journey',
		title: 'Replace the steps of a journey',
		parameters: {
			resource: 'journey',
			operation: 'update',
			journey: JOURNEY,
			replaceSteps: true,
			steps: { step: [{ kind: 'wait', waitMinutes: 30 }] },
		},
	},
	{
		operationId: 'delete_journey',
		title: 'Delete a journey',
		parameters: { resource: 'journey', operation: 'delete', journey: JOURNEY },
		check: (run) => {
			expect(run.output?.[0][0].json).toEqual({ deleted: true, id: JOURNEY.value });
		},
	},
	{
		operationId: 'view_journey_stats',
		title: 'Get the stats of a journey',
		parameters: { resource: 'journey', operation: 'getStats', journey: JOURNEY },
	},
	{
		operationId: 'update_journey_node',
		title: 'Change the template and label of one step',
		parameters: {
			resource: 'journey',
			operation: 'updateNode',
			journey: JOURNEY,
			nodeId: '3f0c2a9e-5b7d-4e61-9a8f-2c4d6e8f0a1b',
			updateFields: { templateId: TEMPLATE_ID, annotation: 'Welcome (new)' },
		},
		check: (_, exchanges) => {
			expect(exchanges[0].call.sent.url).toMatch(
				/\/journeys\/2f4e6a8c-0b1d-4e3f-9a5b-7c9d1e3f5a7b\/nodes\/3f0c2a9e-5b7d-4e61-9a8f-2c4d6e8f0a1b$/,
			);
			expect(exchanges[0].call.sent.body).toEqual({
				template_id: TEMPLATE_ID,
				annotation: 'Welcome (new)',
			});
		},
	},
];
