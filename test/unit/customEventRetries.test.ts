import type { IHttpRequestOptions } from 'n8n-workflow';

import { appCredentials, createContext, type FullResponse } from '../support/context';

/**
 * Custom events go out many to a request, each with its own idempotency key. A request that may
 * not have been recorded (a 5xx, a dropped connection) is sent again whole, with the same keys,
 * so OneSignal records every event once; a 202 that names failed events is final: nothing is
 * sent again, and exactly the named events fail.
 */

type Answer = FullResponse | Error | ((request: IHttpRequestOptions) => FullResponse);

function run(answers: Answer[], items = 4) {
	const queue = [...answers];
	return createContext({
		// Each item is an event of its own user.
		parameters: (itemIndex) => ({
			resource: 'customEvent',
			operation: 'track',
			name: 'purchase',
			identifyBy: 'externalId',
			externalId: `u-${itemIndex}`,
			requestSettings: { maxAttempts: 5, maxRetryWait: 1 } as never,
		}),
		credentials: appCredentials(),
		items: Array.from({ length: items }, (_, n) => ({ n })),
		continueOnFail: true,
		http: async (request) => {
			const next = queue.shift();
			if (!next) throw new Error('no scripted answer left');
			if (next instanceof Error) throw next;
			return typeof next === 'function' ? next(request) : next;
		},
	});
}

const events = (request: IHttpRequestOptions) =>
	(request.body as { events: Array<{ idempotency_key: string; external_id: string }> }).events;
const keys = (request: IHttpRequestOptions) => events(request).map((e) => e.idempotency_key);
const reply = (statusCode: number, body: unknown = {}): FullResponse => ({
	statusCode,
	headers: statusCode === 503 ? { 'retry-after': '0.01' } : {},
	body,
});
const dropped = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

describe('custom event requests under faults', () => {
	it('a 5xx and a dropped connection resend the whole batch with the same per-event keys', async () => {
		const test = run([reply(500, { errors: ['Internal'] }), dropped(), reply(503), reply(200)]);
		const [output] = await test.run();
		expect(test.calls).toHaveLength(4);
		const first = keys(test.calls[0].sent);
		expect(first).toHaveLength(4);
		expect(new Set(first).size).toBe(4);
		for (const call of test.calls) expect(keys(call.sent)).toEqual(first);
		expect(output.map((item) => item.json.tracked)).toEqual([true, true, true, true]);
		expect(output.map((item) => item.json.idempotencyKey)).toEqual(first);
	});

	it('a 202 naming two events is not retried, and only those two items fail', async () => {
		const test = run([
			(request) =>
				reply(202, {
					errors: [1, 3].map((index) => ({
						event_id: keys(request)[index],
						error: { code: 'not found', title: `no user ${events(request)[index].external_id}` },
					})),
				}),
			reply(200),
		]);
		const [output] = await test.run();
		expect(test.calls).toHaveLength(1);
		expect(output.map((item) => item.json.tracked ?? 'failed')).toEqual([
			true,
			'failed',
			true,
			'failed',
		]);
		expect(output[1].json.error).toMatch(/^OneSignal did not record the event "purchase"/);
		expect(output[1].json.httpCode).toBe('202');
		expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
	});

	it('after a 5xx, the resend’s 202 fails only the event it names', async () => {
		const test = run([
			reply(503),
			(request) =>
				reply(202, { errors: [{ event_id: keys(request)[2], error: { title: 'bad event' } }] }),
		]);
		const [output] = await test.run();
		expect(test.calls).toHaveLength(2);
		expect(keys(test.calls[1].sent)).toEqual(keys(test.calls[0].sent));
		expect(output.map((item) => item.json.tracked === true)).toEqual([true, true, false, true]);
	});
});

describe('custom event Idempotency Key field', () => {
	const trackWithKey = (idempotencyKey: unknown) =>
		createContext({
			parameters: {
				resource: 'customEvent',
				operation: 'track',
				name: 'purchase',
				identifyBy: 'externalId',
				externalId: 'u-1',
				additionalFields: { idempotencyKey } as never,
			},
			credentials: appCredentials(),
			http: async () => reply(202, {}),
		});

	it('uses a mapped order number as its text: the same key on every run', async () => {
		const first = trackWithKey(1001);
		const second = trackWithKey('1001');
		await first.run();
		await second.run();
		expect(keys(first.calls[0].sent)).toHaveLength(1);
		expect(keys(first.calls[0].sent)).toEqual(keys(second.calls[0].sent));
	});

	it('refuses a list, before sending, instead of quietly deriving a key', async () => {
		const test = trackWithKey(['a', 'b']);
		await expect(test.run()).rejects.toThrow('Idempotency Key: got a list where text is needed');
		expect(test.calls).toHaveLength(0);
	});
});
