import type { IDataObject, IHttpRequestOptions, INodeParameters } from 'n8n-workflow';

import { appCredentials, APP_ID, createContext, type FullResponse } from '../support/context';

type Answer = FullResponse | ((request: IHttpRequestOptions) => FullResponse);

/** A context whose HTTP answers come from a list, one per request. */
function scripted(
	parameters: INodeParameters | ((itemIndex: number) => INodeParameters),
	answers: Answer[],
	extra: { items?: IDataObject[]; continueOnFail?: boolean; executionId?: string } = {},
) {
	const queue = [...answers];
	return createContext({
		parameters,
		credentials: appCredentials(),
		items: extra.items,
		continueOnFail: extra.continueOnFail,
		executionId: extra.executionId,
		http: async (request) => {
			const next = queue.shift();
			if (!next) throw new Error('no scripted answer left');
			return typeof next === 'function' ? next(request) : next;
		},
	});
}

const answer = (statusCode: number, body: unknown = {}): FullResponse => ({
	statusCode,
	headers: {},
	body,
});

async function failureOf(run: Promise<unknown>): Promise<Error & Record<string, unknown>> {
	try {
		await run;
	} catch (error) {
		return error as Error & Record<string, unknown>;
	}
	throw new Error('expected the run to fail');
}

describe('User operations', () => {
	it('encodes every character of an alias value in the path', async () => {
		const test = scripted(
			{ resource: 'user', operation: 'get', identifyBy: 'externalId', externalId: 'a/b?c#d e' },
			[answer(200, { identity: { external_id: 'a/b?c#d e' } })],
		);
		const [[item]] = await test.run();
		expect(test.calls[0].sent.url).toBe(
			`https://api.onesignal.com/apps/${APP_ID}/users/by/external_id/a%2Fb%3Fc%23d%20e`,
		);
		expect(item.json).toEqual({ identity: { external_id: 'a/b?c#d e' } });
	});

	it('names the alias that belongs to another user when Create User gets a 409', async () => {
		const test = scripted(
			{
				resource: 'user',
				operation: 'create',
				externalId: 'u-1',
				additionalFields: { aliases: { alias: [{ label: 'crm_id', id: 'c-9' }] } },
			},
			[
				answer(409, {
					errors: [
						{
							code: 'user-2',
							title: 'One or more Aliases claimed by another User',
							meta: { conflicting_aliases: { crm_id: 'c-9' } },
						},
					],
				}),
			],
		);
		const error = await failureOf(test.run());
		expect(error.message).toBe('Alias crm_id=c-9 already belongs to another user');
		expect(error.description).toContain(
			'OneSignal said: One or more Aliases claimed by another User.',
		);
		expect(error.description).toContain('HTTP 409 after 1 attempt');
		expect(error.httpCode).toBe('409');
		expect(test.calls).toHaveLength(1);
	});

	it('names the alias from a text 409 when adding aliases', async () => {
		const test = scripted(
			{
				resource: 'alias',
				operation: 'upsert',
				identifyBy: 'subscription',
				subscriptionId: '7e4c5b9a-1f60-4d07-9b1a-2e8c8d2cae51',
				aliases: {
					alias: [
						{ label: 'external_id', id: 'u-1' },
						{ label: 'crm_id', id: 'c-9' },
					],
				},
			},
			[answer(409, { errors: ['external_id u-1 is claimed by another user'] })],
		);
		const error = await failureOf(test.run());
		expect(error.message).toBe('Alias external_id=u-1 already belongs to another user');
		expect(test.calls[0].sent.url).toMatch(/\/subscriptions\/7e4c5b9a-[^/]+\/user\/identity$/);
	});

	it('never resends an update that adds activity, but resends one that only sets properties', async () => {
		const withDeltas = scripted(
			{
				resource: 'user',
				operation: 'update',
				externalId: 'u-1',
				activity: { sessionCount: 1 },
			},
			[answer(503, { errors: ['Service Unavailable'] }), answer(202, {})],
		);
		const error = await failureOf(withDeltas.run());
		expect(withDeltas.calls).toHaveLength(1);
		expect(error.description).toContain('HTTP 503 after 1 attempt');

		const propertiesOnly = scripted(
			{
				resource: 'user',
				operation: 'update',
				externalId: 'u-1',
				updateFields: { language: 'fr' },
			},
			[
				answer(503, { errors: ['Service Unavailable'] }),
				answer(202, { properties: { language: 'fr' } }),
			],
		);
		const [[item]] = await propertiesOnly.run();
		expect(propertiesOnly.calls).toHaveLength(2);
		expect(item.json).toEqual({
			identity: { external_id: 'u-1' },
			properties: { language: 'fr' },
		});
	});

	it('fails an update with nothing to update before sending', async () => {
		const test = scripted({ resource: 'user', operation: 'update', externalId: 'u-1' }, []);
		const error = await failureOf(test.run());
		expect(error.message).toBe('Update Fields: nothing to update');
		expect(test.calls).toHaveLength(0);
	});

	it('says which user was not found', async () => {
		const test = scripted(
			{
				resource: 'user',
				operation: 'delete',
				identifyBy: 'customAlias',
				aliasLabel: 'crm_id',
				aliasId: 'c-404',
			},
			[answer(404, { errors: [{ title: 'User not found' }] })],
		);
		const error = await failureOf(test.run());
		expect(error.message).toBe('No user with crm_id "c-404" in this app');
	});
});

describe('Alias and Subscription operations', () => {
	it('returns one item per alias, or the identity object when asked', async () => {
		const identity = { external_id: 'u-1', onesignal_id: 'os-1', crm_id: 'c-1' };
		const perAlias = scripted({ resource: 'alias', operation: 'getAll', externalId: 'u-1' }, [
			answer(200, { identity }),
		]);
		const [items] = await perAlias.run();
		expect(items.map((item) => item.json)).toEqual([
			{ label: 'external_id', id: 'u-1', onesignalId: 'os-1' },
			{ label: 'onesignal_id', id: 'os-1', onesignalId: 'os-1' },
			{ label: 'crm_id', id: 'c-1', onesignalId: 'os-1' },
		]);
		const whole = scripted(
			{
				resource: 'alias',
				operation: 'getAll',
				externalId: 'u-1',
				options: { output: 'identity' },
			},
			[answer(200, { identity })],
		);
		expect((await whole.run())[0].map((item) => item.json)).toEqual([{ identity }]);
	});

	it('refuses to delete the OneSignal ID alias before sending', async () => {
		const test = scripted(
			{ resource: 'alias', operation: 'delete', externalId: 'u-1', labelToDelete: 'onesignal_id' },
			[],
		);
		const error = await failureOf(test.run());
		expect(error.message).toBe('Alias Label to Delete: the OneSignal ID cannot be removed');
		expect(test.calls).toHaveLength(0);
	});

	it('sends nothing for an External ID that is only dots, and names the field', async () => {
		const test = scripted(
			{ resource: 'user', operation: 'get', identifyBy: 'externalId', externalId: '..' },
			[answer(200, {})],
		);
		const error = await failureOf(test.run());
		expect(error.message).toBe(
			'External ID: ".." cannot be used, because OneSignal’s API cannot address a value that is only dots ("." or "..")',
		);
		expect(error.description).toContain('"OneSignal ID"');
		expect(test.calls).toHaveLength(0);
	});

	it.each([
		[
			'a custom alias to delete',
			{
				resource: 'user',
				operation: 'delete',
				identifyBy: 'customAlias',
				aliasLabel: '..',
				aliasId: '..',
			},
			/^Alias Label: "\.\." cannot be used/,
		],
		[
			'an alias label to delete',
			{ resource: 'alias', operation: 'delete', externalId: 'u-1', labelToDelete: '.' },
			/^Alias Label to Delete: "\." cannot be used/,
		],
		[
			'a push token in Update by Token',
			{
				resource: 'subscription',
				operation: 'updateByToken',
				tokenType: 'AndroidPush',
				address: '..',
				updateFields: { enabled: false },
			},
			/^Token: "\.\." cannot be used/,
		],
	])('sends nothing for %s that is only dots', async (_, parameters, message) => {
		const test = scripted(parameters as INodeParameters, [answer(200, {})]);
		const error = await failureOf(test.run());
		expect(error.message).toMatch(message);
		expect(test.calls).toHaveLength(0);
	});

	it('encodes the token of Update by Token in the path', async () => {
		const test = scripted(
			{
				resource: 'subscription',
				operation: 'updateByToken',
				tokenType: 'Email',
				address: 'a+b@example.com',
				updateFields: { enabled: false },
			},
			[answer(202, {})],
		);
		const [[item]] = await test.run();
		expect(test.calls[0].sent.url).toMatch(
			/\/subscriptions_by_token\/Email\/a%2Bb%40example\.com$/,
		);
		expect(item.json).toEqual({
			tokenType: 'Email',
			token: 'a+b@example.com',
			updated: true,
			subscription: { enabled: false },
		});
	});

	it('refuses a subscription ID that is not a UUID', async () => {
		const test = scripted(
			{ resource: 'subscription', operation: 'delete', subscriptionId: 'ada@example.com' },
			[],
		);
		const error = await failureOf(test.run());
		expect(error.message).toBe('Subscription ID: "ada@example.com" is not a subscription ID');
	});
});

describe('Outcome operation', () => {
	it('returns one item per outcome', async () => {
		const test = scripted(
			{
				resource: 'outcome',
				operation: 'get',
				outcomes: { outcome: [{ outcome: 'clicks', aggregation: 'count' }] },
				timeRange: '1mo',
			},
			[answer(200, { outcomes: [{ id: 'os__click', value: 42, aggregation: 'count' }] })],
		);
		const [items] = await test.run();
		expect(test.calls[0].sent.qs).toEqual({
			outcome_names: 'os__click.count',
			outcome_time_range: '1mo',
		});
		expect(items.map((item) => item.json)).toEqual([
			{ id: 'os__click', value: 42, aggregation: 'count', timeRange: '1mo' },
		]);
	});
});

describe('Custom Event operation', () => {
	const track = (extra: INodeParameters = {}): INodeParameters => ({
		resource: 'customEvent',
		operation: 'track',
		name: 'purchase',
		identifyBy: 'externalId',
		externalId: 'u-1',
		...extra,
	});
	const items = (count: number) => Array.from({ length: count }, (_, n) => ({ n }));
	const eventsOf = (request: IHttpRequestOptions) =>
		(request.body as { events: Array<Record<string, string>> }).events;

	it('sends all items in one request, each event with its own stable key', async () => {
		const first = scripted(track(), [answer(200, {})], { items: items(3) });
		const [output] = await first.run();
		expect(first.calls).toHaveLength(1);
		const keys = eventsOf(first.calls[0].sent).map((event) => event.idempotency_key);
		expect(new Set(keys).size).toBe(3);
		expect(output.map((item) => item.json.idempotencyKey)).toEqual(keys);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);

		const again = scripted(track(), [answer(200, {})], { items: items(3) });
		await again.run();
		expect(eventsOf(again.calls[0].sent).map((event) => event.idempotency_key)).toEqual(keys);
	});

	it('fails exactly the events a 202 lists and reports them with Continue On Fail', async () => {
		const test = scripted(
			track(),
			[
				(request) =>
					answer(202, {
						errors: [
							{
								event_user_id: 'u-1',
								event_id: eventsOf(request)[1].idempotency_key,
								error: {
									code: 'not found',
									title: 'failed to find a onesignal_id for user_id u-1',
								},
							},
						],
					}),
			],
			{ items: items(3), continueOnFail: true },
		);
		const [output] = await test.run();
		expect(test.calls).toHaveLength(1);
		expect(output.map((item) => item.json.tracked)).toEqual([true, undefined, true]);
		expect(output[1].json).toEqual({
			error:
				'OneSignal did not record the event "purchase" for external_id "u-1": failed to find a onesignal_id for user_id u-1 (not found)',
			description: expect.stringContaining('the other events of the request were recorded'),
			httpCode: '202',
		});
		expect(output[1].pairedItem).toEqual({ item: 1 });
	});

	it('fails the node on the failed event without Continue On Fail', async () => {
		const test = scripted(
			track(),
			[
				(request) =>
					answer(202, {
						errors: [{ event_id: eventsOf(request)[2].idempotency_key, error: { title: 'bad' } }],
					}),
			],
			{ items: items(3) },
		);
		const error = await failureOf(test.run());
		expect(error.message).toContain('OneSignal did not record the event "purchase"');
		expect((error.context as IDataObject).itemIndex).toBe(2);
	});

	it('resends the whole request after a 5xx with the same per-event keys', async () => {
		const test = scripted(track(), [answer(500, { errors: ['Internal'] }), answer(200, {})], {
			items: items(2),
		});
		const [output] = await test.run();
		expect(test.calls).toHaveLength(2);
		expect(test.calls[1].sent.body).toEqual(test.calls[0].sent.body);
		expect(output.every((item) => item.json.tracked === true)).toBe(true);
	});

	it('fails an oversized event before sending and sends the others', async () => {
		const test = scripted(
			(itemIndex) =>
				track({
					additionalFields: { propertiesObject: { note: 'x'.repeat(itemIndex === 1 ? 2100 : 10) } },
				}),
			[answer(200, {})],
			{ items: items(3), continueOnFail: true },
		);
		const [output] = await test.run();
		expect(eventsOf(test.calls[0].sent)).toHaveLength(2);
		expect(String(output[1].json.error)).toMatch(
			/^Event Properties: the event is 2,\d{3} bytes; OneSignal accepts at most 2,024 bytes per event$/,
		);
		expect(output[0].json.tracked).toBe(true);
		expect(output[2].json.tracked).toBe(true);
	});

	it('gathers 700 events of about 1.9 KB into two requests', async () => {
		const test = scripted(
			track({ additionalFields: { propertiesObject: { note: 'x'.repeat(1800) } } }),
			[answer(200, {}), answer(200, {})],
			{ items: items(700) },
		);
		const [output] = await test.run();
		expect(test.calls.map((call) => eventsOf(call.sent).length)).toEqual([
			expect.any(Number),
			expect.any(Number),
		]);
		expect(test.calls.reduce((sum, call) => sum + eventsOf(call.sent).length, 0)).toBe(700);
		for (const call of test.calls) {
			expect(Buffer.byteLength(JSON.stringify(call.sent.body))).toBeLessThanOrEqual(1_000_000);
		}
		expect(output[699].json).toMatchObject({ tracked: true, request: 2, requests: 2 });
	});

	it('refuses two items with the same user-given key, which OneSignal would record once', async () => {
		const test = scripted(
			track({ additionalFields: { idempotencyKey: 'order-1' } }),
			[answer(200, {})],
			{ items: items(2), continueOnFail: true },
		);
		const [output] = await test.run();
		expect(eventsOf(test.calls[0].sent)).toHaveLength(1);
		expect(output[1].json.error).toBe(
			'Idempotency Key: item 2 has the same key as item 1, so OneSignal would record only one of them',
		);
	});
});

describe('Custom Event requests after a failed one', () => {
	it('stops sending further requests when a whole request fails without Continue On Fail', async () => {
		const test = scripted(
			{
				resource: 'customEvent',
				operation: 'track',
				name: 'purchase',
				externalId: 'u-1',
				additionalFields: { propertiesObject: { note: 'x'.repeat(1800) } },
			},
			[answer(400, { errors: ['events must be an array'] }), answer(200, {})],
			{ items: Array.from({ length: 700 }, () => ({})) },
		);
		const error = await failureOf(test.run());
		expect(test.calls).toHaveLength(1);
		expect(error.message).toBe('events must be an array');
		expect((error.context as IDataObject).itemIndex).toBe(0);
	});
});

describe('Alias label picker', () => {
	it('lists the labels the chosen user has, without the OneSignal ID', async () => {
		const { getUserAliasLabels } = await import('../../nodes/OneSignal/methods/loadOptions');
		const base = createContext({
			parameters: { resource: 'alias', operation: 'delete' },
			credentials: appCredentials(),
			http: async () =>
				answer(200, { identity: { external_id: 'u 1', onesignal_id: 'os-1', crm_id: 'c-1' } }),
		});
		const current: Record<string, string> = { identifyBy: 'externalId', externalId: 'u 1' };
		const context = Object.assign(Object.create(base.context), {
			getCurrentNodeParameter: (name: string) => current[name],
		});
		const options = await getUserAliasLabels.call(context);
		expect(base.calls[0].sent.url).toMatch(/\/users\/by\/external_id\/u%201\/identity$/);
		expect(options).toEqual([
			{ name: 'crm_id', value: 'crm_id', description: 'c-1' },
			{ name: 'external_id', value: 'external_id', description: 'u 1' },
		]);

		current.externalId = '';
		expect(await getUserAliasLabels.call(context)).toEqual([]);
		expect(base.calls).toHaveLength(1);
	});
});
