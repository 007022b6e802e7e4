import type { INodeParameters } from 'n8n-workflow';

import { startPrism, type Prism } from '../support/prism';
import {
	authorizationOf,
	CONTRACT_APP_KEY,
	expectWellFormedFilters,
	runAgainstPrism,
} from './harness';

let prism: Prism;

beforeAll(async () => {
	prism = await startPrism();
});

afterAll(async () => {
	await prism?.stop();
});

const MESSAGE_ID = '7b1f2c34-9d8e-4f6a-b1c2-3d4e5f6a7b8c';

const cases: Array<[string, INodeParameters]> = [
	[
		'Send a push to external IDs',
		{
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
			},
		},
	],
	[
		'Send an email to addresses',
		{
			resource: 'message',
			operation: 'send',
			channel: 'email',
			sendTo: 'emails',
			emails: 'ada@example.com',
			emailSubject: 'Your receipt',
			emailBody: '<p>Thanks!</p>',
			additionalFields: { emailFromName: 'Shop', includeUnsubscribed: true },
		},
	],
	[
		'Send an SMS to phone numbers',
		{
			resource: 'message',
			operation: 'send',
			channel: 'sms',
			sendTo: 'phoneNumbers',
			phoneNumbers: '+15551234567',
			message: 'Your code is 1234',
			smsFrom: '+15557654321',
		},
	],
	[
		'Send a template to a segment',
		{
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
	],
	[
		'Send with filters',
		{
			resource: 'message',
			operation: 'send',
			channel: 'push',
			sendTo: 'filters',
			filters: {
				conditions: [
					{ field: 'tag', key: 'plan', relation: '=', value: 'pro' },
					{ join: 'or', field: 'session_count', relation: '>', value: '3' },
				],
			},
			message: 'Hi',
		},
	],
	['Get a message', { resource: 'message', operation: 'get', messageId: MESSAGE_ID }],
	['Get many messages', { resource: 'message', operation: 'getAll', returnAll: false, limit: 5 }],
	['Cancel a message', { resource: 'message', operation: 'cancel', messageId: MESSAGE_ID }],
];

describe('Message requests against the official spec', () => {
	it.each(cases)('%s: Prism accepts the request', async (_, parameters) => {
		const run = await runAgainstPrism(prism.url, parameters);
		expect(run.exchanges.length).toBeGreaterThan(0);
		for (const exchange of run.exchanges) {
			expect(exchange.violations).toEqual([]);
			const body = exchange.call.sent.body as Record<string, unknown> | undefined;
			if (body?.filters !== undefined) expectWellFormedFilters(body.filters);
			else expect(exchange.specDefects).toEqual([]);
			// Prism answers 400 to the spec's own filter defect; any other request must pass.
			if (exchange.specDefects.length === 0) expect(exchange.status).toBeLessThan(300);
			expect(authorizationOf(exchange)).toBe(`Key ${CONTRACT_APP_KEY}`);
		}
		if (run.exchanges.every((exchange) => exchange.specDefects.length === 0)) {
			expect(run.error).toBeUndefined();
		}
	});

	it('a request that breaks the spec is caught (the check can fail)', async () => {
		const response = await fetch(`${prism.url}/notifications`, {
			method: 'POST',
			headers: { Authorization: `Key ${CONTRACT_APP_KEY}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ contents: { en: 'missing app_id' } }),
		});
		expect(response.status).toBe(400);
		expect(response.headers.get('sl-violations')).toContain('app_id');
	});
});
