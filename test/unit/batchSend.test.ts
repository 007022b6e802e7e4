import type { INodeParameters } from 'n8n-workflow';

import {
	indexUnreachable,
	planBatch,
	settingsDifference,
	unreachableOf,
} from '../../nodes/OneSignal/helpers/batchSend';
import { appCredentials, createContext, type FullResponse } from '../support/context';

type Body = Record<string, unknown> & { include_aliases?: { external_id: string[] } };

const batchParameters = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'send',
	channel: 'push',
	sendTo: 'externalIds',
	sendMode: 'batch',
	contentSource: 'inline',
	heading: 'Maintenance',
	message: 'The service is down from 2 to 3 am tonight',
	...extra,
});

/** External IDs u-<from> … u-<to - 1>. */
const users = (from: number, to: number) =>
	Array.from({ length: to - from }, (_, index) => `u-${from + index}`);

/** Answers each send with a fresh notification ID; recipients in `unreachable` are reported. */
function oneSignal(unreachable: string[] = []) {
	let count = 0;
	return async (request: { body?: unknown }): Promise<FullResponse> => {
		const body = request.body as Body;
		const ids = body.include_aliases?.external_id ?? [];
		const invalid = ids.filter((id) => unreachable.includes(id));
		count++;
		return {
			statusCode: 200,
			headers: {},
			body: invalid.length
				? { id: `n-${count}`, errors: { invalid_aliases: { external_id: invalid } } }
				: { id: `n-${count}` },
		};
	};
}

/**
 * Answers every send with notification ID n-<request number>, except request `number`, which
 * gets `answer`.
 */
function answeringExcept(number: number, answer: FullResponse) {
	let count = 0;
	return async (): Promise<FullResponse> => {
		count++;
		return count === number ? answer : { statusCode: 200, headers: {}, body: { id: `n-${count}` } };
	};
}

describe('batch send: planning', () => {
	it('packs recipients of all items into requests of at most 2,000, each recipient once', () => {
		const plan = planBatch([
			{ itemIndex: 0, recipients: users(0, 1500), settings: {} },
			{ itemIndex: 1, recipients: [...users(1500, 3000), 'u-3'], settings: {} },
			{ itemIndex: 2, recipients: users(3000, 4500), settings: {} },
		]);
		expect(plan.requests.map((request) => request.length)).toEqual([2000, 2000, 500]);
		expect(new Set(plan.requests.flat()).size).toBe(4500);
		expect(plan.recipients).toBe(4500);
		// Item 1 straddles the first two requests, and also names u-3 of the first one.
		expect(plan.requestsOfItem.get(0)).toEqual([0]);
		expect(plan.requestsOfItem.get(1)).toEqual([0, 1]);
		expect(plan.requestsOfItem.get(2)).toEqual([1, 2]);
	});

	it('names the field that differs between two items and both values', () => {
		const differences = settingsDifference(
			{ itemIndex: 0, recipients: [], settings: { contents: { en: 'Hi Ada' }, channel: 'push' } },
			{
				itemIndex: 4,
				recipients: [],
				settings: { contents: { en: 'Hi Bob' }, channel: 'push', data: { order: 42 } },
			},
		);
		expect(differences).toEqual([
			{ field: 'Message', here: '"Hi Bob"', there: '"Hi Ada"' },
			{ field: 'Data', here: '{"order":42}', there: 'nothing' },
		]);
		expect(
			settingsDifference(
				{ itemIndex: 0, recipients: [], settings: { contents: { en: 'Hi' } } },
				{ itemIndex: 1, recipients: [], settings: { contents: { en: 'Hi' } } },
			),
		).toEqual([]);
	});

	it('gives each item only the unreachable recipients it named, and shows the others', () => {
		const reported = { external_id: ['u-1', 'u-7'] };
		const index = indexUnreachable(['u-1', 'u-2', 'u-3'], reported);
		expect(unreachableOf(['u-1', 'u-2'], index)).toEqual({ external_id: ['u-1'] });
		expect(unreachableOf(['u-3'], index)).toEqual({});
		expect(index.unattributed).toEqual(['OneSignal reported external_id u-7 as unreachable']);
		const lower = (value: string) => value.toLowerCase();
		const subscriptions = indexUnreachable(['s-1'], { subscription_id: ['S-1'] }, lower);
		expect(unreachableOf(['s-1'], subscriptions, lower)).toEqual({ subscription_id: ['S-1'] });
	});
});

describe('batch send: one message to all incoming items', () => {
	it('sends 4,500 listed users in 3 requests and tells each item its request, ID and unreachable recipients', async () => {
		const lists = [users(0, 1500), users(1500, 3000), users(3000, 4500)];
		const test = createContext({
			parameters: (itemIndex) => batchParameters({ externalIds: lists[itemIndex].join(',') }),
			items: lists.map(() => ({})),
			credentials: appCredentials(),
			http: oneSignal(['u-10', 'u-2500']),
		});
		const [output] = await test.run();

		expect(test.calls).toHaveLength(3);
		const bodies = test.calls.map((call) => call.sent.body as Body);
		expect(bodies.map((body) => body.include_aliases!.external_id.length)).toEqual([
			2000, 2000, 500,
		]);
		expect(
			bodies.every((body) => (body.contents as { en: string }).en.startsWith('The service')),
		).toBe(true);
		const keys = bodies.map((body) => body.idempotency_key);
		expect(new Set(keys).size).toBe(3);

		expect(output).toHaveLength(3);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json).toMatchObject({
			id: 'n-1',
			request: 1,
			requests: 3,
			recipients: 1500,
			batchRecipients: 4500,
			idempotencyKey: keys[0],
			unreachable: { external_id: ['u-10'] },
			unreachableCount: 1,
		});
		expect(output[1].json).toMatchObject({
			id: 'n-1',
			request: 1,
			notifications: [
				{ request: 1, id: 'n-1', idempotencyKey: keys[0] },
				{ request: 2, id: 'n-2', idempotencyKey: keys[1] },
			],
			unreachable: { external_id: ['u-2500'] },
		});
		expect(output[2].json).not.toHaveProperty('unreachable');
	});

	it('uses the same keys when the node runs again in the same execution, so OneSignal replays', async () => {
		const run = async () => {
			const test = createContext({
				parameters: (itemIndex) => batchParameters({ externalIds: `u-${itemIndex}` }),
				items: [{}, {}],
				credentials: appCredentials(),
				http: oneSignal(),
			});
			await test.run();
			return test.calls.map((call) => (call.sent.body as Body).idempotency_key);
		};
		const first = await run();
		expect(first).toHaveLength(1);
		expect(await run()).toEqual(first);
	});

	it('derives the keys from the Idempotency Key, so another execution sends nothing again', async () => {
		const run = async (executionId: string) => {
			const test = createContext({
				parameters: (itemIndex) =>
					batchParameters({
						externalIds: itemIndex === 0 ? users(0, 2000) : users(2000, 2500),
						additionalFields: { idempotencyKey: 'maintenance-tonight' },
					}),
				items: [{}, {}],
				credentials: appCredentials(),
				http: oneSignal(),
				executionId,
			});
			await test.run();
			return test.calls.map((call) => (call.sent.body as Body).idempotency_key);
		};
		const first = await run('execution-1');
		expect(first).toHaveLength(2);
		expect(new Set(first).size).toBe(2);
		expect(await run('execution-2')).toEqual(first);
	});

	it('fails the items of a request OneSignal sent nothing to, and only those', async () => {
		const lists = [users(0, 2000), users(2000, 2010)];
		const test = createContext({
			parameters: (itemIndex) => batchParameters({ externalIds: lists[itemIndex] }),
			items: lists.map(() => ({})),
			credentials: appCredentials(),
			continueOnFail: true,
			http: answeringExcept(2, {
				statusCode: 200,
				headers: {},
				body: { id: '', errors: ['All included players are not subscribed'] },
			}),
		});
		const [output] = await test.run();
		expect(output[0].json).toMatchObject({ id: 'n-1', request: 1, requests: 2 });
		expect(output[1].json.error).toBe(
			'OneSignal sent nothing to request 2 of 2: All included players are not subscribed',
		);
	});

	it('fails an item none of whose recipients was reached, as one message per item would', async () => {
		const lists = [['u-ada'], ['u-ghost'], ['u-grace', 'u-gone']];
		const test = createContext({
			parameters: (itemIndex) => batchParameters({ externalIds: lists[itemIndex] }),
			items: lists.map(() => ({})),
			credentials: appCredentials(),
			continueOnFail: true,
			http: oneSignal(['u-ghost', 'u-gone']),
		});
		const [output] = await test.run();
		expect(test.calls).toHaveLength(1);
		expect(output[0].json).toMatchObject({ id: 'n-1' });
		expect(output[1].json).toMatchObject({
			error:
				"OneSignal sent nothing to this item's recipients: none of its 1 has an active subscription on this channel",
			description: expect.stringContaining('Requests 1 (n-1) of this batch were sent'),
		});
		// Partly reached: a success that names who was missed.
		expect(output[2].json).toMatchObject({ id: 'n-1', unreachable: { external_id: ['u-gone'] } });
	});

	it('says which requests went out when a failed item stops the node', async () => {
		const lists = [users(0, 2000), users(2000, 2010)];
		const test = createContext({
			parameters: (itemIndex) => batchParameters({ externalIds: lists[itemIndex] }),
			items: lists.map(() => ({})),
			credentials: appCredentials(),
			http: answeringExcept(1, {
				statusCode: 200,
				headers: {},
				body: { id: '', errors: ['All included players are not subscribed'] },
			}),
		});
		const failure = await test.run().then(
			() => undefined,
			(error: { description?: string }) => error,
		);
		expect(test.calls).toHaveLength(2);
		expect(failure?.description).toContain('Requests 2 (n-2) of this batch were sent');
		expect(failure?.description).toContain('running the workflow again sends them again');
	});

	it('stops before sending anything when an item carries a different message text', async () => {
		const test = createContext({
			parameters: (itemIndex) =>
				batchParameters({
					externalIds: `u-${itemIndex}`,
					message: itemIndex === 2 ? 'Hi Bob' : 'Hi everyone',
				}),
			items: [{}, {}, {}],
			credentials: appCredentials(),
			http: oneSignal(),
		});
		await expect(test.run()).rejects.toThrow(
			'Message: is "Hi Bob" in this item but "Hi everyone" in item 1. One message to all items sends the content and settings of item 1 to every recipient',
		);
		expect(test.calls).toHaveLength(0);
	});

	it('with Continue On Fail, sends to the matching items and reports the differing one as an error item', async () => {
		const test = createContext({
			parameters: (itemIndex) =>
				batchParameters({
					externalIds: `u-${itemIndex}`,
					heading: itemIndex === 1 ? 'Order 1042' : 'Maintenance',
				}),
			items: [{}, {}, {}],
			credentials: appCredentials(),
			http: oneSignal(),
			continueOnFail: true,
		});
		const [output] = await test.run();
		expect(test.calls).toHaveLength(1);
		expect((test.calls[0].sent.body as Body).include_aliases).toEqual({
			external_id: ['u-0', 'u-2'],
		});
		expect(output.map((item) => Object.keys(item.json).includes('error'))).toEqual([
			false,
			true,
			false,
		]);
		expect(output[1].json.error).toBe(
			'Heading: is "Order 1042" in this item but "Maintenance" in item 1. One message to all items sends the content and settings of item 1 to every recipient',
		);
	});

	it('fails the items of a request OneSignal refused and does not send the requests after it', async () => {
		const lists = [users(0, 2000), users(2000, 4000), users(4000, 4100)];
		const test = createContext({
			parameters: (itemIndex) => batchParameters({ externalIds: lists[itemIndex] }),
			items: lists.map(() => ({})),
			credentials: appCredentials(),
			http: answeringExcept(2, {
				statusCode: 400,
				headers: {},
				body: { errors: ['Message Notifications must have English language content'] },
			}),
		});
		await expect(test.run()).rejects.toThrow(
			'Message Notifications must have English language content',
		);
		expect(test.calls).toHaveLength(2);
	});

	it('fails every item with the credential’s name when there is none, or stops on the first', async () => {
		const run = async (continueOnFail: boolean) => {
			const test = createContext({
				parameters: (itemIndex) => batchParameters({ externalIds: `u-${itemIndex}` }),
				items: [{}, {}],
				credentials: {},
				continueOnFail,
			});
			return await test.run();
		};
		const [output] = await run(true);
		expect(output.map((item) => item.json.error)).toEqual([
			'This operation needs the OneSignal App API credential',
			'This operation needs the OneSignal App API credential',
		]);
		await expect(run(false)).rejects.toThrow(
			'This operation needs the OneSignal App API credential',
		);
	});

	it('keeps one message per item unless "Send As" asks for the batch, and never batches segments', async () => {
		const perItem = createContext({
			parameters: (itemIndex) =>
				batchParameters({ sendMode: 'perItem', externalIds: `u-${itemIndex}` }),
			items: [{}, {}],
			credentials: appCredentials(),
			http: oneSignal(),
		});
		await perItem.run();
		expect(perItem.calls).toHaveLength(2);

		const segments = createContext({
			parameters: batchParameters({
				sendTo: 'segments',
				segments: ['Active Users'],
				confirmEntireSegment: true,
			}),
			items: [{}, {}],
			credentials: appCredentials(),
			http: async () => ({ statusCode: 200, headers: {}, body: { id: 'n-1' } }),
		});
		await segments.run();
		expect((segments.calls[0].sent.body as Body).included_segments).toEqual(['Active Users']);
		expect(segments.calls).toHaveLength(2);
	});
});
