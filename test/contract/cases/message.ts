import { ourRequest, sdkEstimateRecipients } from '../../support/sdkRequests';
import type { ContractExchange } from '../harness';
import type { ContractCase } from './types';

const MESSAGE_ID = '7b1f2c34-9d8e-4f6a-b1c2-3d4e5f6a7b8c';

export const messageCases: ContractCase[] = [
	{
		operationId: 'create_notification',
		title: 'Send a push to external IDs with the common options',
		parameters: {
			resource: 'message',
			operation: 'send',
			channel: 'push',
			sendTo: 'externalIds',
			externalIds: 'user-ada, user-grace',
			heading: 'Welcome',
			message: 'Hi Ada',
			additionalFields: {
				url: 'https://example.com/tour',
				data: '{"orderId": 42}',
				ttl: 3600,
				priority: 10,
				imageUrl: 'https://example.com/img.png',
				sendAfter: '2030-01-01T09:00:00+01:00',
				otherLanguages: {
					language: [{ language: 'fr', heading: 'Bienvenue', message: 'Salut Ada' }],
				},
			},
		},
	},
	{
		operationId: 'create_notification',
		title: 'Send an email to addresses',
		parameters: {
			resource: 'message',
			operation: 'send',
			channel: 'email',
			sendTo: 'emails',
			emails: 'ada@example.com',
			emailSubject: 'Your receipt',
			emailBody: '<p>Thanks!</p>',
			additionalFields: { emailFromName: 'Shop', includeUnsubscribed: true },
		},
	},
	{
		operationId: 'create_notification',
		title: 'Send an SMS to phone numbers',
		parameters: {
			resource: 'message',
			operation: 'send',
			channel: 'sms',
			sendTo: 'phoneNumbers',
			phoneNumbers: '+15551234567',
			message: 'Your code is 1234',
			smsFrom: '+15557654321',
		},
	},
	{
		operationId: 'create_notification',
		title: 'Send a template to a segment',
		parameters: {
			resource: 'message',
			operation: 'send',
			channel: 'push',
			sendTo: 'segments',
			segments: ['VIP'],
			confirmEntireSegment: true,
			contentSource: 'template',
			template: { __rl: true, mode: 'id', value: 'a7c3e1f9-4b2d-4e8a-9c6f-1d3b5a7e9c2f' },
			templateVariables: '{"order": "A-1"}',
		},
	},
	{
		operationId: 'create_notification',
		title: 'Send with filters',
		parameters: {
			resource: 'message',
			operation: 'send',
			channel: 'push',
			sendTo: 'filters',
			filters: {
				conditions: [
					{ field: 'tag', key: 'plan', relation: '=', value: 'pro' },
					{ join: 'or', field: 'last_session', relation: '<', value: '24' },
				],
			},
			message: 'Hi',
		},
	},
	{
		operationId: 'create_notification',
		title: 'Send one message to the recipients of all items (batch mode)',
		parameters: {
			resource: 'message',
			operation: 'send',
			channel: 'email',
			sendTo: 'emails',
			sendMode: 'batch',
			emails: 'ada@example.com, grace@example.com',
			emailSubject: 'We are down tonight',
			emailBody: '<p>From 2 to 3 am.</p>',
		},
		items: [{}, {}, {}],
		check: (run, exchanges) => {
			expect(exchanges).toHaveLength(1);
			const body = exchanges[0].call.sent.body as Record<string, unknown>;
			expect(body.email_to).toEqual(['ada@example.com', 'grace@example.com']);
			expect(run.output?.[0].map((item) => item.json.request)).toEqual([1, 1, 1]);
		},
	},
	{
		operationId: 'get_notification',
		title: 'Get a message',
		parameters: { resource: 'message', operation: 'get', messageId: MESSAGE_ID },
	},
	{
		operationId: 'get_notifications',
		title: 'Get many messages',
		parameters: { resource: 'message', operation: 'getAll', returnAll: false, limit: 5 },
	},
	{
		operationId: 'cancel_notification',
		title: 'Cancel a message',
		parameters: { resource: 'message', operation: 'cancel', messageId: MESSAGE_ID },
	},
	{
		operationId: 'get_notifications',
		title: 'Get many messages oldest first from a time (time_offset cursor)',
		parameters: {
			resource: 'message',
			operation: 'getAll',
			order: 'fromTime',
			startFrom: '2025-01-01T00:00:00Z',
			returnAll: false,
			limit: 3,
		},
		check: (_, exchanges) => {
			const first = exchanges[0].call.sent.qs as Record<string, unknown>;
			expect(first.time_offset).toBe('2025-01-01T00:00:00.000Z');
			for (const exchange of exchanges) {
				expect((exchange.call.sent.qs as Record<string, unknown>).offset).toBeUndefined();
			}
		},
	},
	{
		operationId: 'get_notification_history',
		title: 'Get the clicked history of a message, emailed too',
		parameters: {
			resource: 'message',
			operation: 'getHistory',
			messageId: MESSAGE_ID,
			events: 'clicked',
			additionalFields: { email: 'reports@example.com' },
		},
		check: (run) => {
			expect(run.output?.[0][0].json).toHaveProperty('destination_url');
		},
	},
	{
		operationId: 'export_events',
		title: 'Export the events of a message (address only)',
		parameters: { resource: 'message', operation: 'exportEvents', messageId: MESSAGE_ID },
		check: (run, exchanges) => {
			expect(exchanges[0].call.sent.body).toBeUndefined();
			expect(run.output?.[0][0].json).toHaveProperty('csv_file_url');
		},
	},
	{
		operationId: 'estimate_recipients',
		title: 'Estimate the recipients of a segment send narrowed by filters and External IDs',
		outsideSpec: true,
		parameters: {
			resource: 'message',
			operation: 'estimateRecipients',
			channel: 'email',
			audience: 'segments',
			segments: ['VIP', 'Active Users'],
			filters: { conditions: [{ field: 'tag', key: 'plan', relation: '=', value: 'pro' }] },
			additionalFields: { excludedSegments: ['Churned'], externalIds: 'user-ada, user-grace' },
		},
		check: async (_, exchanges) => {
			expect(exchanges).toHaveLength(1);
			const sent = exchanges[0].call.sent;
			expect(sent.url).toMatch(/\/notifications\/count-unsaved$/);
			// The SDK's serializer keeps only the fields its model declares: equal means none of
			// ours is unknown to OneSignal's SDK or named differently.
			expect(ourRequest(sent)).toEqual(await sdkEstimateRecipients(sent.body));
			// The shape of OneSignal's Node SDK 5.18 EstimateNotificationRecipientsRequest.
			expect(sent.body).toEqual({
				app_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
				included_segments: ['VIP', 'Active Users'],
				excluded_segments: ['Churned'],
				filters: [{ field: 'tag', key: 'plan', relation: '=', value: 'pro' }],
				include_aliases: { external_id: ['user-ada', 'user-grace'] },
				target_channel: 'email',
			});
			expectOnlyEstimateFields(exchanges[0]);
		},
	},
	{
		operationId: 'estimate_recipients',
		title: 'Estimate all subscribers of a channel',
		outsideSpec: true,
		parameters: {
			resource: 'message',
			operation: 'estimateRecipients',
			channel: 'push',
			audience: 'all',
		},
		check: async (_, exchanges) => {
			const sent = exchanges[0].call.sent;
			expect(sent.body).toEqual({
				app_id: expect.any(String),
				included_segments: ['All'],
				target_channel: 'push',
			});
			expect(ourRequest(sent)).toEqual(await sdkEstimateRecipients(sent.body));
		},
	},
];

/** The fields the Node SDK 5.18 declares for this request; anything else would be ignored. */
function expectOnlyEstimateFields(exchange: ContractExchange): void {
	const allowed = [
		'app_id',
		'included_segments',
		'excluded_segments',
		'filters',
		'include_aliases',
		'target_channel',
	];
	const body = exchange.call.sent.body as Record<string, unknown>;
	expect(Object.keys(body).filter((key) => !allowed.includes(key))).toEqual([]);
	expect(Array.isArray(body.included_segments)).toBe(true);
}
