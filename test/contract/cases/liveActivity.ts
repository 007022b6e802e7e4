import type { ContractCase } from './types';

export const liveActivityCases: ContractCase[] = [
	{
		operationId: 'start_live_activity',
		title: 'Start a Live Activity for External IDs with attributes and content state',
		parameters: {
			resource: 'liveActivity',
			operation: 'start',
			activityType: 'OrderAttributes',
			activityId: 'order-1042',
			name: 'Order 1042 tracking',
			heading: 'Your order',
			message: 'We are preparing it',
			sendTo: 'externalIds',
			externalIds: 'user-ada',
			attributes: { values: [{ key: 'orderNumber', value: '1042' }] },
			contentState: {
				values: [
					{ key: 'status', value: 'preparing' },
					{ key: 'minutesLeft', value: '25' },
				],
			},
			additionalFields: { priority: 5, staleDate: '2030-01-01T10:00:00Z', relevanceScore: 0.5 },
		},
		check: (_, exchanges) => {
			const sent = exchanges[0].call.sent;
			expect(sent.url).toMatch(/\/activities\/activity\/OrderAttributes$/);
			expect(sent.body).toMatchObject({
				event: 'start',
				activity_id: 'order-1042',
				event_attributes: { orderNumber: 1042 },
				event_updates: { status: 'preparing', minutesLeft: 25 },
				include_aliases: { external_id: ['user-ada'] },
				stale_date: 1893492000,
				priority: 5,
				idempotency_key: expect.stringMatching(/^[0-9a-f-]{36}$/),
			});
		},
	},
	{
		operationId: 'start_live_activity',
		title: 'Start a Live Activity for a segment',
		parameters: {
			resource: 'liveActivity',
			operation: 'start',
			activityType: 'Match',
			activityId: 'match-7',
			name: 'Final',
			heading: 'Kick-off',
			message: 'The final has started',
			sendTo: 'segments',
			segments: ['Football fans'],
		},
	},
	{
		operationId: 'update_live_activity',
		title: 'Update a Live Activity with an alert',
		parameters: {
			resource: 'liveActivity',
			operation: 'update',
			activityId: 'order-1042',
			name: 'Order 1042 on its way',
			contentState: { values: [{ key: 'status', value: 'shipped' }] },
			additionalFields: {
				heading: 'Shipped',
				message: 'Your order is on its way',
				sound: 'ding.wav',
			},
		},
		check: (_, exchanges) => {
			expect(exchanges[0].call.sent.url).toMatch(/\/live_activities\/order-1042\/notifications$/);
			expect(exchanges[0].call.sent.body).toMatchObject({
				event: 'update',
				event_updates: { status: 'shipped' },
				contents: { en: 'Your order is on its way' },
			});
		},
	},
	{
		operationId: 'update_live_activity',
		title: 'End a Live Activity with a dismissal date',
		parameters: {
			resource: 'liveActivity',
			operation: 'end',
			activityId: 'order-1042',
			name: 'Order 1042 delivered',
			contentState: { values: [{ key: 'status', value: 'delivered' }] },
			additionalFields: { dismissalDate: '2030-01-01T12:00:00Z' },
		},
		check: (_, exchanges) => {
			expect(exchanges[0].call.sent.body).toMatchObject({
				event: 'end',
				dismissal_date: 1893499200,
			});
		},
	},
];
