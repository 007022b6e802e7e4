import fc from 'fast-check';
import type { INodeParameters } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { startPrism, type Prism } from '../support/prism';
import { runAgainstPrism } from './harness';

/**
 * Random parameter combinations for Send, good and bad mixed. Every run must either produce
 * requests that OneSignal's spec accepts, or fail with a NodeOperationError before sending; never
 * an unhandled exception, and never a request with two audiences.
 */

let prism: Prism;

beforeAll(async () => {
	prism = await startPrism();
});

afterAll(async () => {
	await prism?.stop();
});

const AUDIENCE_FIELDS = [
	'included_segments',
	'filters',
	'include_aliases',
	'include_subscription_ids',
	'email_to',
	'include_phone_numbers',
];

/** Mostly good values with the occasional bad one, so both outcomes happen often. */
function mostly<T>(good: T[], bad: T[]): fc.Arbitrary<T> {
	return fc.oneof(
		{ arbitrary: fc.constantFrom(...good), weight: 6 },
		{ arbitrary: fc.constantFrom(...bad), weight: 1 },
	);
}

const uuid = fc.uuid().map((value) => value.toLowerCase());
const idEntry = fc.oneof(
	{ arbitrary: fc.constantFrom('user-ada', 'u-2', ' u-3 ', 'a/b?c#d e'), weight: 3 },
	{ arbitrary: uuid, weight: 3 },
	{ arbitrary: fc.constantFrom('ada@example.com', '+15551234567'), weight: 3 },
	{ arbitrary: uuid.map((value) => value.slice(0, 30)), weight: 1 },
	{ arbitrary: fc.constantFrom('not-an-email', '0612345678', ''), weight: 1 },
);
const idList = fc
	.array(idEntry, { minLength: 1, maxLength: 4 })
	.map((entries) => entries.join(', '));
const uuidList = fc
	.array(uuid, { minLength: 1, maxLength: 4 })
	.map((entries) => entries.join(', '));

const filterRow = fc.record({
	join: fc.constantFrom('and', 'or'),
	field: fc.constantFrom('tag', 'session_count', 'last_session', 'language', 'country', 'user_id'),
	key: fc.constantFrom('', 'plan'),
	relation: fc.constantFrom(
		'=',
		'>',
		'<',
		'!=',
		'exists',
		'not_exists',
		'in_array',
		'time_elapsed_gt',
	),
	value: mostly(['3', '24', '7'], ['', 'abc']),
});

const otherFields = fc.oneof(
	{
		arbitrary: fc.constantFrom(
			'{}',
			'{"ios_sound": "ping.wav"}',
			'{"collapse_id": "c-1", "thread_id": "t"}',
		),
		weight: 6,
	},
	fc.constantFrom(
		'{"ios_sound": "ping.wav"}',
		'{"IncludedSegments": ["Active"]}',
		'{"include_player_ids": ["x"]}',
		'{"included_segments": ["VIP"]}',
		'{"collapse_id": "c-1", "thread_id": "t"}',
		'{"android_accent_color": "FF0000FF"}',
		'{"email_preheader": "hi"}',
		'{"contents": {"vi": "Xin chào"}}',
		'{not json',
		'[1, 2]',
	),
);

const additionalFields = fc.record(
	{
		url: mostly(['https://example.com/a', 'myapp://x/1'], ['example.com']),
		imageUrl: mostly(['https://example.com/i.png'], ['ftp://x']),
		data: mostly(['{"orderId": 1}', '{}'], ['{bad', `{"blob": "${'x'.repeat(3000)}"}`]),
		ttl: mostly([0, 3600], [5_000_000]),
		priority: fc.constantFrom(5, 10),
		sendAfter: mostly(
			['2031-05-01T10:00:00+02:00', '2031-05-01T10:00:00'],
			['2001-01-01T00:00:00Z'],
		),
		delayedOption: fc.constantFrom('timezone', 'last-active'),
		deliveryTimeOfDay: mostly(['9:00AM', '21:45'], ['25:99']),
		idempotencyKey: fc.constantFrom('order-1', '1dd608f2-c6a1-41e3-851d-000c2940e62c', ''),
		mainLanguage: mostly(['en', 'vi'], ['xx']),
		failIfUnreachable: fc.boolean(),
		otherFields,
		emailFromAddress: mostly(['news@example.com'], ['nope']),
		smsMediaUrls: mostly(['https://example.com/a.png'], ['nope']),
		name: fc.string({ maxLength: 10 }),
	},
	{ requiredKeys: [] },
);

const sendParameters: fc.Arbitrary<INodeParameters> = fc
	.record({
		channel: fc.constantFrom('push', 'email', 'sms'),
		sendTo: fc.constantFrom(
			'externalIds',
			'aliases',
			'subscriptionIds',
			'emails',
			'phoneNumbers',
			'segments',
			'filters',
		),
		externalIds: idList,
		onesignalIds: uuidList,
		aliasLabel: fc.constantFrom('onesignal_id', 'custom'),
		customAliasLabel: fc.constantFrom('crm_id', 'externalId', 'bad label', ''),
		aliasIds: idList,
		subscriptionIds: idList,
		emails: idList,
		phoneNumbers: idList,
		segments: fc.array(fc.constantFrom('VIP', 'Active Users', 'Total Subscriptions'), {
			maxLength: 3,
		}),
		excludedSegments: fc.array(fc.constantFrom('VIP', 'Churned'), { maxLength: 2 }),
		confirmEntireSegment: mostly([true], [false]),
		conditions: fc.array(filterRow, { maxLength: 4 }),
		contentSource: fc.constantFrom('inline', 'template'),
		templateId: mostly(['a7c3e1f9-4b2d-4e8a-9c6f-1d3b5a7e9c2f'], ['not-a-template']),
		templateVariables: mostly(['{}', '{"first_name": "Ada"}'], ['{bad']),
		heading: fc.constantFrom('', 'Welcome', '   '),
		message: mostly(['Hi {{ name }}', 'Xin chào'], ['']),
		emailSubject: mostly(['Receipt'], ['']),
		emailBody: mostly(['<p>Thanks</p>'], ['']),
		smsFrom: mostly(['+15557654321'], ['', '07700900000']),
		additionalFields: fc.oneof(
			{ arbitrary: fc.constant({}), weight: 1 },
			{ arbitrary: additionalFields, weight: 2 },
		),
	})
	.map(({ conditions, templateId, onesignalIds, ...rest }) => ({
		resource: 'message',
		operation: 'send',
		...rest,
		// OneSignal IDs are UUIDs; custom labels take any ID.
		aliasIds: rest.aliasLabel === 'onesignal_id' ? onesignalIds : rest.aliasIds,
		filters: { conditions },
		template: { __rl: true, mode: 'id', value: templateId },
	})) as unknown as fc.Arbitrary<INodeParameters>;

describe('Send with random parameters', () => {
	it('either sends requests the spec accepts with one audience, or fails with a NodeOperationError before sending', async () => {
		let sent = 0;
		let refused = 0;
		await fc.assert(
			fc.asyncProperty(sendParameters, async (parameters) => {
				const run = await runAgainstPrism(prism.url, parameters);
				for (const exchange of run.exchanges) {
					const body = exchange.call.sent.body as Record<string, unknown>;
					expect(AUDIENCE_FIELDS.filter((field) => field in body)).toHaveLength(1);
					expect(exchange.violations).toEqual([]);
				}
				if (run.error) {
					if (run.exchanges.length === 0) {
						expect(run.error).toBeInstanceOf(NodeOperationError);
						refused++;
					} else {
						// Only the spec's own filter defect may make Prism refuse a request we sent.
						expect(run.error).toBeInstanceOf(NodeApiError);
						expect(run.exchanges.every((exchange) => exchange.specDefects.length > 0)).toBe(true);
					}
				} else {
					expect(run.exchanges.length).toBeGreaterThan(0);
					sent++;
				}
			}),
			{ numRuns: 400, seed: 20261204 },
		);
		// Both outcomes must occur, or the generator is not exercising the checks at all.
		expect(sent).toBeGreaterThan(40);
		expect(refused).toBeGreaterThan(40);
	});
});
