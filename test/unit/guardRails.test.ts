import type { INodeParameters } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	appCredentials,
	APP_KEY,
	createContext,
	ORG_KEY,
	type FullResponse,
	type TestContext,
} from '../support/context';

/**
 * The mistakes real OneSignal users make (issue "Guard rails"), one block per case, each with the
 * exact outcome asserted. Input mistakes must fail before any request: `calls` stays empty.
 */

const SUBSCRIPTION = (n: number) => `1dd608f2-c6a1-41e3-851d-${String(n).padStart(12, '0')}`;

function send(extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'message',
		operation: 'send',
		channel: 'push',
		sendTo: 'externalIds',
		externalIds: 'u-1',
		contentSource: 'inline',
		message: 'Hi',
		...extra,
	};
}

function answering(...bodies: unknown[]) {
	const queue = [...bodies];
	return async (): Promise<FullResponse> => ({
		statusCode: 200,
		headers: {},
		body: queue.shift() ?? { id: 'n' },
	});
}

async function failureOf(test: TestContext): Promise<NodeApiError | NodeOperationError> {
	try {
		await test.run();
	} catch (error) {
		return error as NodeOperationError;
	}
	throw new Error('expected the item to fail');
}

async function inputFailure(parameters: INodeParameters) {
	const test = createContext({ parameters, credentials: appCredentials(), http: answering() });
	const error = await failureOf(test);
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(test.calls).toHaveLength(0);
	return error;
}

function sentBody(test: TestContext, index = 0): Record<string, unknown> {
	return test.calls[index].sent.body as Record<string, unknown>;
}

describe('1. key tier and scheme', () => {
	it.each(['Basic', 'Bearer', 'Key'])(
		'uses a key pasted as "%s abc…" as the key',
		async (scheme) => {
			const test = createContext({
				parameters: send(),
				credentials: appCredentials(undefined, `${scheme} ${APP_KEY}`),
				http: answering({ id: 'n' }),
			});
			await test.run();
			expect((test.calls[0].sent.headers as Record<string, string>).Authorization).toBe(
				`Key ${APP_KEY}`,
			);
		},
	);

	it('a 403 says the app key was used, never its value, and lists the likely causes', async () => {
		const test = createContext({
			parameters: send(),
			credentials: appCredentials(),
			http: async () => ({ statusCode: 403, headers: {}, body: { errors: ['Access denied'] } }),
		});
		const error = await failureOf(test);
		expect(error.message).toBe('OneSignal refused the app API key (HTTP 403): Access denied');
		expect(error.description).toContain('(1) wrong key tier: an organization key was pasted');
		expect(error.description).toContain('(2) the key was rotated or deleted');
		expect(error.description).toContain('(3) the key has an IP allow-list');
		expect(`${error.message}${error.description}`).not.toContain(APP_KEY);
		expect(`${error.message}${error.description}`).not.toContain(ORG_KEY);
	});
});

describe('2. a 200 that sent nothing', () => {
	it('fails the item with OneSignal’s reason and the case-sensitivity hint', async () => {
		const test = createContext({
			parameters: send({ sendTo: 'segments', segments: ['all'], confirmEntireSegment: true }),
			credentials: appCredentials(),
			http: answering({ id: '', errors: ['All included players are not subscribed'] }),
		});
		const error = await failureOf(test);
		expect(sentBody(test)).toMatchObject({ included_segments: ['all'], contents: { en: 'Hi' } });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('OneSignal sent nothing: All included players are not subscribed');
		expect(error.description).toContain('Segment names are exact and case-sensitive');
		expect(error.description).toContain('pick segments from the list');
	});
});

describe('3. partial send', () => {
	const partial = { id: 'n-1', errors: { invalid_aliases: { external_id: ['u-2'] } } };

	it('succeeds and lists u-2 as unreachable', async () => {
		const test = createContext({
			parameters: send({ externalIds: 'u-1, u-2' }),
			credentials: appCredentials(),
			http: answering(partial),
		});
		const [[item]] = await test.run();
		expect(item.json).toMatchObject({
			id: 'n-1',
			unreachable: { external_id: ['u-2'] },
			unreachableCount: 1,
		});
	});

	it('fails with "Fail If Any Recipient Is Unreachable" while saying the others got it', async () => {
		const test = createContext({
			parameters: send({ externalIds: 'u-1, u-2', additionalFields: { failIfUnreachable: true } }),
			credentials: appCredentials(),
			http: answering(partial),
		});
		const error = await failureOf(test);
		expect(error.message).toBe('1 recipient could not be reached: external_id u-2');
		expect(error.description).toContain('sent to the other recipients (n-1)');
	});

	it('reads errors given as a list of strings next to an id as messages, not a failure', async () => {
		const test = createContext({
			parameters: send(),
			credentials: appCredentials(),
			http: answering({ id: 'n-3', errors: ['Some players were not subscribed'] }),
		});
		const [[item]] = await test.run();
		expect(item.json).toMatchObject({ id: 'n-3', messages: ['Some players were not subscribed'] });
		expect(item.json.unreachable).toBeUndefined();
	});
});

describe('4. mixed targeting', () => {
	it('refuses a second audience through Other Fields (JSON)', async () => {
		const error = await inputFailure(
			send({ additionalFields: { otherFields: '{"included_segments": ["Subscribed Users"]}' } }),
		);
		expect(error.message).toBe(
			'Other Fields (JSON): "included_segments" chooses recipients, which this field cannot do',
		);
		expect(error.description).toContain('Choose the audience with "Send To"');
	});

	it('needs "Send to the Entire Segment" for a segment such as Total Subscriptions', async () => {
		const error = await inputFailure(
			send({ sendTo: 'segments', segments: ['Total Subscriptions'] }),
		);
		expect(error.message).toBe(
			'Send to the Entire Segment: is off, and this message would reach everyone in "Total Subscriptions" (your whole audience)',
		);
	});

	it('sends exactly one audience field when confirmed', async () => {
		const test = createContext({
			parameters: send({
				sendTo: 'segments',
				segments: ['Total Subscriptions'],
				confirmEntireSegment: true,
			}),
			credentials: appCredentials(),
			http: answering({ id: 'n' }),
		});
		await test.run();
		const body = sentBody(test);
		expect(body.included_segments).toEqual(['Total Subscriptions']);
		expect(body).not.toHaveProperty('include_aliases');
		expect(body).not.toHaveProperty('target_channel');
	});
});

describe('5. wrong key names', () => {
	it('refuses IncludedSegments and points to Send To', async () => {
		const error = await inputFailure(
			send({ additionalFields: { otherFields: '{"IncludedSegments": ["Active"]}' } }),
		);
		expect(error.message).toBe(
			'Other Fields (JSON): "IncludedSegments" is not a field of OneSignal\'s Create Message API and would be silently ignored',
		);
		expect(error.description).toContain(
			'It looks like "included_segments", which chooses recipients',
		);
	});

	it('refuses include_aliases with ExternalIds (no audience in raw JSON at all)', async () => {
		const error = await inputFailure(
			send({ additionalFields: { otherFields: '{"include_aliases": {"ExternalIds": ["u-1"]}}' } }),
		);
		expect(error.message).toContain('"include_aliases" chooses recipients');
	});

	it('suggests the nearest valid name for a plain typo', async () => {
		const error = await inputFailure(
			send({ additionalFields: { otherFields: '{"ios_sond": "ping.wav"}' } }),
		);
		expect(error.description).toBe(
			'Did you mean "ios_sound"? Field names are snake_case and exact.',
		);
	});

	it('refuses a custom alias label that is a misspelt External ID', async () => {
		const error = await inputFailure(
			send({
				sendTo: 'aliases',
				aliasLabel: 'custom',
				customAliasLabel: 'ExternalIds',
				aliasIds: 'u-1',
			}),
		);
		expect(error.message).toContain(
			'Custom Alias Label: "ExternalIds" looks like a misspelt built-in label',
		);
		expect(error.description).toBe(
			'To target your own user IDs, set "Send To" to "Users by External ID".',
		);
	});

	it('accepts a custom label chosen on purpose', async () => {
		const test = createContext({
			parameters: send({
				sendTo: 'aliases',
				aliasLabel: 'custom',
				customAliasLabel: 'crm_id',
				aliasIds: 'c-7',
			}),
			credentials: appCredentials(),
			http: answering({ id: 'n' }),
		});
		await test.run();
		expect(sentBody(test)).toMatchObject({
			include_aliases: { crm_id: ['c-7'] },
			target_channel: 'push',
		});
	});
});

describe('6. legacy fields', () => {
	it('refuses include_player_ids and names include_subscription_ids', async () => {
		const error = await inputFailure(
			send({ additionalFields: { otherFields: '{"include_player_ids": ["x"]}' } }),
		);
		expect(error.message).toBe(
			'Other Fields (JSON): "include_player_ids" is a retired OneSignal field',
		);
		expect(error.description).toContain('include_subscription_ids');
	});

	it('refuses include_external_user_ids and names include_aliases.external_id with target_channel', async () => {
		const error = await inputFailure(
			send({ additionalFields: { otherFields: '{"include_external_user_ids": ["u-1"]}' } }),
		);
		expect(error.description).toContain('include_aliases.external_id with target_channel');
	});

	it.each(['push', 'email', 'sms'])(
		'always sets target_channel=%s when targeting by alias',
		async (channel) => {
			const test = createContext({
				parameters: send({
					channel,
					emailSubject: 'S',
					emailBody: '<p>B</p>',
					smsFrom: '+15550001111',
				}),
				credentials: appCredentials(),
				http: answering({ id: 'n' }),
			});
			await test.run();
			expect(sentBody(test).target_channel).toBe(channel);
		},
	);
});

describe('7. one bad ID rejects the batch', () => {
	const thirty = Array.from({ length: 30 }, (_, index) => SUBSCRIPTION(index + 1));

	it('trims and de-duplicates, and names the malformed ID before sending', async () => {
		const fromSheet = [...thirty];
		fromSheet[3] = `${thirty[3]} `;
		fromSheet[7] = thirty[7].slice(0, 30);
		fromSheet.push(thirty[0]);
		const error = await inputFailure(
			send({ sendTo: 'subscriptionIds', subscriptionIds: fromSheet.join(',') }),
		);
		expect(error.message).toBe(
			`Subscription IDs: 1 entry is not a valid subscription ID (a UUID such as 1dd608f2-c6a1-11e3-851d-000c2940e62c): "${thirty[7].slice(0, 30)}"`,
		);
	});

	it('sends the cleaned list once the bad entry is fixed', async () => {
		const test = createContext({
			parameters: send({
				sendTo: 'subscriptionIds',
				subscriptionIds: [...thirty, ` ${thirty[0]}`].join('\n'),
			}),
			credentials: appCredentials(),
			http: answering({ id: 'n' }),
		});
		await test.run();
		expect(sentBody(test).include_subscription_ids).toEqual(thirty);
	});

	it('splits 4,500 IDs into requests of 2,000, 2,000 and 500 with their own keys, and merges the results', async () => {
		const many = Array.from({ length: 4500 }, (_, index) => SUBSCRIPTION(index + 1));
		const test = createContext({
			parameters: send({ sendTo: 'subscriptionIds', subscriptionIds: many }),
			credentials: appCredentials(),
			http: answering(
				{ id: 'n-1' },
				{ id: 'n-2', errors: { invalid_player_ids: [many[2500]] } },
				{ id: 'n-3' },
			),
		});
		const [[item]] = await test.run();
		expect(
			test.calls.map(
				(call) =>
					(call.sent.body as { include_subscription_ids: string[] }).include_subscription_ids
						.length,
			),
		).toEqual([2000, 2000, 500]);
		expect(
			new Set(
				test.calls.map((call) => (call.sent.body as { idempotency_key: string }).idempotency_key),
			).size,
		).toBe(3);
		expect(item.json).toMatchObject({
			id: 'n-1',
			recipients: 4500,
			unreachable: { subscription_id: [many[2500]] },
			requests: [
				expect.objectContaining({ id: 'n-1', recipients: 2000 }),
				expect.objectContaining({ id: 'n-2', recipients: 2000 }),
				expect.objectContaining({ id: 'n-3', recipients: 500 }),
			],
		});
	});
});

describe('8. content language', () => {
	it('sends a Vietnamese-only message as the English fallback too', async () => {
		const test = createContext({
			parameters: send({ message: 'Xin chào', additionalFields: { mainLanguage: 'vi' } }),
			credentials: appCredentials(),
			http: answering({ id: 'n' }),
		});
		await test.run();
		expect(sentBody(test).contents).toEqual({ en: 'Xin chào', vi: 'Xin chào' });
	});

	it('drops an empty heading instead of sending null', async () => {
		const test = createContext({
			parameters: send({ heading: '' }),
			credentials: appCredentials(),
			http: answering({ id: 'n' }),
		});
		await test.run();
		expect(sentBody(test)).not.toHaveProperty('headings');
	});

	it('refuses headings in other languages without a main heading', async () => {
		const error = await inputFailure(
			send({
				additionalFields: {
					otherLanguages: { language: [{ language: 'fr', message: 'Salut', heading: 'Bonjour' }] },
				},
			}),
		);
		expect(error.message).toBe('Heading: is set for other languages but not for the main message');
	});

	it('needs no content with a template', async () => {
		const test = createContext({
			parameters: send({
				contentSource: 'template',
				message: '',
				template: { __rl: true, mode: 'id', value: 'a7c3e1f9-4b2d-4e8a-9c6f-1d3b5a7e9c2f' },
			}),
			credentials: appCredentials(),
			http: answering({ id: 'n' }),
		});
		await test.run();
		expect(sentBody(test)).not.toHaveProperty('contents');
		expect(sentBody(test).template_id).toBe('a7c3e1f9-4b2d-4e8a-9c6f-1d3b5a7e9c2f');
	});
});

describe('9. filters', () => {
	const filters = (conditions: Array<Record<string, unknown>>) =>
		send({ sendTo: 'filters', filters: { conditions } as never });

	it('refuses a field OneSignal does not filter on (user_id)', async () => {
		const error = await inputFailure(filters([{ field: 'user_id', relation: '=', value: '7' }]));
		expect(error.message).toBe(
			'Filters: row 1 uses the field "user_id", which OneSignal does not filter on',
		);
	});

	it('requires a key for a tag filter', async () => {
		const error = await inputFailure(filters([{ field: 'tag', relation: '=', value: 'pro' }]));
		expect(error.message).toBe('Filters: row 1: a tag filter needs a key');
	});

	it('puts OR in its own element and shows the expression in the output', async () => {
		const test = createContext({
			parameters: filters([
				{ field: 'tag', key: 'plan', relation: '=', value: 'pro' },
				{ join: 'and', field: 'session_count', relation: '>', value: '3' },
				{ join: 'or', field: 'last_session', relation: '<', value: '24' },
			]),
			credentials: appCredentials(),
			http: answering({ id: 'n' }),
		});
		const [[item]] = await test.run();
		expect(sentBody(test).filters).toEqual([
			{ field: 'tag', key: 'plan', relation: '=', value: 'pro' },
			{ field: 'session_count', relation: '>', value: '3' },
			{ operator: 'OR' },
			{ field: 'last_session', relation: '<', hours_ago: '24' },
		]);
		expect(item.json.filterExpression).toBe(
			'tag:plan = "pro" AND session_count > "3" OR last_session < "24 hours ago"',
		);
	});
});

describe('10. template variables', () => {
	it('refuses template variables without a template', async () => {
		const test = createContext({
			parameters: send(),
			credentials: appCredentials(),
			http: answering(),
		});
		// The editor only shows the field with a template; an expression or import can still set it.
		const { planSend } = await import('../../nodes/OneSignal/helpers/messageBody');
		expect(() =>
			planSend({
				appId: 'a',
				channel: 'push',
				target: { mode: 'externalIds', ids: ['u-1'] },
				content: {
					source: 'inline',
					mainLanguage: 'en',
					main: { message: 'Hi' },
					otherLanguages: [],
					customData: { a: 1 },
				},
				fields: {},
			}),
		).toThrow('Template Variables: only work with a template');
		expect(test.calls).toHaveLength(0);
	});

	it.each([
		['push', 2048],
		['email', 10000],
	])('checks the size of template variables for %s (%i bytes)', async (channel, limit) => {
		const big = JSON.stringify({ text: 'x'.repeat(limit) });
		const error = await inputFailure(
			send({
				channel,
				contentSource: 'template',
				template: { __rl: true, mode: 'id', value: 'a7c3e1f9-4b2d-4e8a-9c6f-1d3b5a7e9c2f' },
				templateVariables: big,
			}),
		);
		expect(error.message).toBe(
			`Template Variables: are ${Buffer.byteLength(big)} bytes; OneSignal accepts at most ${limit} bytes for ${channel} messages`,
		);
	});

	it('says that Data does not fill template variables', async () => {
		const { OneSignal } = await import('../../nodes/OneSignal/OneSignal.node');
		const additional = new OneSignal().description.properties.find(
			(property) =>
				property.name === 'additionalFields' &&
				property.displayOptions?.show?.operation?.includes('send'),
		);
		const data = (additional?.options as Array<{ name: string; description?: string }>).find(
			(option) => option.name === 'data',
		);
		expect(data?.description).toContain('does not fill template variables');
	});
});

describe('11. email and SMS essentials', () => {
	it('needs an email subject', async () => {
		const error = await inputFailure(
			send({ channel: 'email', emailSubject: '', emailBody: '<p>x</p>' }),
		);
		expect(error.message).toBe('Email Subject: is empty');
	});

	it('needs an email body', async () => {
		const error = await inputFailure(
			send({ channel: 'email', emailSubject: 'Hi', emailBody: ' ' }),
		);
		expect(error.message).toBe('Email Body: is empty');
	});

	it('needs SMS From', async () => {
		const error = await inputFailure(send({ channel: 'sms', smsFrom: '' }));
		expect(error.message).toBe('SMS From: is empty');
	});

	it('refuses a local number and explains E.164', async () => {
		const error = await inputFailure(
			send({
				channel: 'sms',
				smsFrom: '+15550001111',
				sendTo: 'phoneNumbers',
				phoneNumbers: '0612345678',
			}),
		);
		expect(error.message).toBe('Phone Numbers: 1 entry is not in E.164 format: "0612345678"');
		expect(error.description).toContain('0612345678 in France becomes +33612345678');
	});
});

describe('12. alias conflicts', () => {
	it.each([
		['a list of strings', { errors: ['alias external_id=u-9 already belongs to another user'] }],
		[
			'a list of objects',
			{
				errors: [
					{
						code: 'user-2',
						title: 'One or more Aliases claimed by another User',
						meta: { conflicting_aliases: { external_id: 'u-9' } },
					},
				],
			},
		],
	])('adding a claimed alias fails with a readable message from %s', async (_, body) => {
		const test = createContext({
			parameters: {
				resource: 'alias',
				operation: 'upsert',
				identifyBy: 'customAlias',
				aliasLabel: 'crm_id',
				aliasId: 'c-1',
				aliases: { alias: [{ label: 'external_id', id: 'u-9' }] },
			},
			credentials: appCredentials(),
			http: async () => ({ statusCode: 409, headers: {}, body }),
		});
		const error = await failureOf(test);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Alias external_id=u-9 already belongs to another user');
		expect(test.calls).toHaveLength(1);
	});
});

describe('typed fields are checked against their documented format', () => {
	it.each([
		[
			{ url: 'example.com/page' },
			'Launch URL: "example.com/page" is not a web address or app link',
		],
		[{ imageUrl: 'ftp://x/y.png' }, 'Image URL: "ftp://x/y.png" is not a web address'],
		[{ ttl: 3_000_000 }, 'Time to Live (Seconds): 3000000 is outside 0 to 2419200 (28 days)'],
		[{ deliveryTimeOfDay: '25:00' }, 'Delivery Time of Day: "25:00" is not a time of day'],
		[{ sendAfter: '2001-01-01T00:00:00Z' }, 'Send After: 2001-01-01T00:00:00Z is in the past'],
		[{ data: '{"a": ' }, 'Data: is not valid JSON'],
	])('refuses %j', async (additionalFields, message) => {
		const error = await inputFailure(send({ additionalFields }));
		expect(error.message).toContain(message);
	});

	it('accepts an app deep link as Launch URL', async () => {
		const test = createContext({
			parameters: send({ additionalFields: { url: 'myapp://orders/42' } }),
			credentials: appCredentials(),
			http: answering({ id: 'n' }),
		});
		await test.run();
		expect(sentBody(test).url).toBe('myapp://orders/42');
	});
});
