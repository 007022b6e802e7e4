import type { INodeParameters } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { appCredentials, APP_ID, createContext, type FullResponse } from '../support/context';

const sendParameters = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'send',
	channel: 'push',
	sendTo: 'externalIds',
	externalIds: 'u-1, u-2',
	contentSource: 'inline',
	message: 'Hello',
	...extra,
});

function answering(...bodies: unknown[]) {
	const queue = [...bodies];
	return async (): Promise<FullResponse> => ({ statusCode: 200, headers: {}, body: queue.shift() });
}

describe('Send operation', () => {
	it('sends one request per item with a stable idempotency key and returns the notification ID', async () => {
		const answers = answering({ id: 'n-1' });
		const first = createContext({
			parameters: sendParameters(),
			credentials: appCredentials(),
			http: answers,
		});
		const [[item]] = await first.run();
		expect(first.calls).toHaveLength(1);
		const body = first.calls[0].sent.body as Record<string, unknown>;
		expect(body).toMatchObject({
			app_id: APP_ID,
			contents: { en: 'Hello' },
			include_aliases: { external_id: ['u-1', 'u-2'] },
			target_channel: 'push',
		});
		expect(item.json).toMatchObject({
			id: 'n-1',
			replayed: false,
			recipients: 2,
			idempotencyKey: body.idempotency_key,
		});
		expect(item.pairedItem).toEqual({ item: 0 });

		const again = createContext({
			parameters: sendParameters(),
			credentials: appCredentials(),
			http: answering({ id: 'n-1' }),
		});
		await again.run();
		expect((again.calls[0].sent.body as Record<string, unknown>).idempotency_key).toBe(
			body.idempotency_key,
		);
	});

	it('fails the item with OneSignal’s reason when the answer is 200 with an empty id', async () => {
		const test = createContext({
			parameters: sendParameters(),
			credentials: appCredentials(),
			http: answering({ id: '', errors: ['All included players are not subscribed'] }),
		});
		await expect(test.run()).rejects.toThrow(
			'OneSignal sent nothing: All included players are not subscribed',
		);
	});

	it('reports unreachable recipients of a partial send and succeeds', async () => {
		const test = createContext({
			parameters: sendParameters(),
			credentials: appCredentials(),
			http: answering({ id: 'n-2', errors: { invalid_aliases: { external_id: ['u-2'] } } }),
		});
		const [[item]] = await test.run();
		expect(item.json).toMatchObject({
			id: 'n-2',
			unreachable: { external_id: ['u-2'] },
			unreachableCount: 1,
		});
	});

	it('fails a partial send when "Fail If Any Recipient Is Unreachable" is on, naming who', async () => {
		const test = createContext({
			parameters: sendParameters({ additionalFields: { failIfUnreachable: true } }),
			credentials: appCredentials(),
			http: answering({ id: 'n-2', errors: { invalid_aliases: { external_id: ['u-2'] } } }),
		});
		await expect(test.run()).rejects.toThrow('1 recipient could not be reached: external_id u-2');
	});

	it('with continue-on-fail, reports the bad item and sends the others', async () => {
		const test = createContext({
			parameters: (itemIndex) =>
				sendParameters({ externalIds: itemIndex === 1 ? '' : `u-${itemIndex}` }),
			items: [{}, {}, {}],
			continueOnFail: true,
			credentials: appCredentials(),
			http: answering({ id: 'n-a' }, { id: 'n-c' }),
		});
		const [output] = await test.run();
		expect(test.calls).toHaveLength(2);
		expect(output.map((item) => item.json.id ?? item.json.error)).toEqual([
			'n-a',
			'External IDs: is empty',
			'n-c',
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('turns a business key into the same idempotency key in any execution', async () => {
		const keys: unknown[] = [];
		for (const executionId of ['100', '200']) {
			const test = createContext({
				parameters: sendParameters({ additionalFields: { idempotencyKey: 'welcome-u-1' } }),
				credentials: appCredentials(),
				executionId,
				http: answering({ id: 'n' }),
			});
			await test.run();
			keys.push((test.calls[0].sent.body as Record<string, unknown>).idempotency_key);
		}
		expect(keys[0]).toBe(keys[1]);
	});

	it('derives different keys for different executions when no business key is set', async () => {
		const keys: unknown[] = [];
		for (const executionId of ['100', '200']) {
			const test = createContext({
				parameters: sendParameters(),
				credentials: appCredentials(),
				executionId,
				http: answering({ id: 'n' }),
			});
			await test.run();
			keys.push((test.calls[0].sent.body as Record<string, unknown>).idempotency_key);
		}
		expect(keys[0]).not.toBe(keys[1]);
	});

	describe('an item with more than 2,000 recipients', () => {
		const ids = Array.from({ length: 5001 }, (_, index) => `stale-${index}`);
		ids[2500] = 'user-ada';
		ids[4500] = 'user-linus';
		const nobody = { id: '', errors: ['All included players are not subscribed'] };

		it('sends every request even when one reaches nobody, and lists that request’s recipients as unreachable', async () => {
			const test = createContext({
				parameters: sendParameters({ externalIds: ids.join(',') }),
				credentials: appCredentials(),
				http: answering(nobody, { id: 'n-2' }, { id: 'n-3' }),
			});
			const [[item]] = await test.run();
			expect(test.calls).toHaveLength(3);
			const sentTo = test.calls.map(
				(call) =>
					(call.sent.body as { include_aliases: { external_id: string[] } }).include_aliases
						.external_id,
			);
			expect(sentTo.flat()).toEqual(ids);
			expect(item.json).toMatchObject({ id: 'n-2', recipients: 5001, unreachableCount: 2000 });
			expect((item.json.unreachable as { external_id: string[] }).external_id).toEqual(
				ids.slice(0, 2000),
			);
			expect(item.json.requests).toEqual([
				expect.objectContaining({ id: '', sentNothing: true, recipients: 2000 }),
				expect.objectContaining({ id: 'n-2', recipients: 2000 }),
				expect.objectContaining({ id: 'n-3', recipients: 1001 }),
			]);
		});

		it('counts the item as replayed when every request that reached someone was a replay', async () => {
			const replay = (body: unknown): FullResponse => ({
				statusCode: 200,
				headers: { 'idempotent-replayed': 'true' },
				body,
			});
			const answers = [replay(nobody), replay({ id: 'n-2' }), replay({ id: 'n-3' })];
			const test = createContext({
				parameters: sendParameters({ externalIds: ids.join(',') }),
				credentials: appCredentials(),
				http: async () => answers.shift()!,
			});
			const [[item]] = await test.run();
			expect(item.json).toMatchObject({ id: 'n-2', replayed: true });
		});

		it('fails the item, after trying every request, only when none of them reached anyone', async () => {
			const test = createContext({
				parameters: sendParameters({ externalIds: ids.join(',') }),
				credentials: appCredentials(),
				http: answering(nobody, nobody, nobody),
			});
			await expect(test.run()).rejects.toThrow(
				'OneSignal sent nothing: All included players are not subscribed',
			);
			expect(test.calls).toHaveLength(3);
		});

		it('fails the item with Fail If Any Recipient Is Unreachable, after sending to the others', async () => {
			const test = createContext({
				parameters: sendParameters({
					externalIds: ids.join(','),
					additionalFields: { failIfUnreachable: true },
				}),
				credentials: appCredentials(),
				http: answering({ id: 'n-1' }, nobody, { id: 'n-3' }),
			});
			await expect(test.run()).rejects.toThrow('2000 recipients could not be reached');
			expect(test.calls).toHaveLength(3);
		});
	});

	describe('Idempotency Key field', () => {
		const keyOf = (call: { sent: { body?: unknown } }) =>
			(call.sent.body as { idempotency_key: string }).idempotency_key;

		it('uses a number as its text, the same key on every run', async () => {
			const run = async (idempotencyKey: unknown) => {
				const test = createContext({
					parameters: sendParameters({ additionalFields: { idempotencyKey } as INodeParameters }),
					credentials: appCredentials(),
					http: answering({ id: 'n-1' }),
				});
				await test.run();
				return keyOf(test.calls[0]);
			};
			expect(await run(98765)).toBe(await run('98765'));
		});

		it.each([
			['empty', ''],
			['blank', '  '],
			['null', null],
		])(
			'derives the key when the field is %s, as for a row without a business key',
			async (_, value) => {
				const keyWith = async (additionalFields: INodeParameters) => {
					const test = createContext({
						parameters: sendParameters({ additionalFields }),
						credentials: appCredentials(),
						http: answering({ id: 'n-1' }),
					});
					await test.run();
					return keyOf(test.calls[0]);
				};
				const derived = await keyWith({});
				expect(await keyWith({ idempotencyKey: value } as INodeParameters)).toBe(derived);
				expect(await keyWith({ idempotencyKey: 'order-1' })).not.toBe(derived);
			},
		);

		it.each([
			['a list', ['a', 'b'], 'Idempotency Key: got a list where text is needed'],
			['an object', { id: 1 }, 'Idempotency Key: got an object where text is needed'],
			['a boolean', true, 'Idempotency Key: got a boolean where text is needed'],
			['NaN', Number.NaN, 'Idempotency Key: the expression gave NaN, not a usable number'],
		])(
			'refuses %s before sending, instead of quietly deriving a key',
			async (_, value, message) => {
				const test = createContext({
					parameters: sendParameters({
						additionalFields: { idempotencyKey: value } as INodeParameters,
					}),
					credentials: appCredentials(),
					http: answering({ id: 'n-1' }),
				});
				await expect(test.run()).rejects.toThrow(message);
				expect(test.calls).toHaveLength(0);
			},
		);
	});
});

describe('Send operation: values of other types in text fields', () => {
	async function sent(extra: INodeParameters) {
		const test = createContext({
			parameters: sendParameters(extra),
			credentials: appCredentials(),
			http: answering({ id: 'n-1' }),
		});
		await test.run();
		expect(test.calls).toHaveLength(1);
		return test.calls[0].sent.body as Record<string, unknown>;
	}

	async function refused(extra: INodeParameters) {
		const test = createContext({
			parameters: sendParameters(extra),
			credentials: appCredentials(),
			http: answering({ id: 'n-1' }),
		});
		const error = await test.run().then(
			() => {
				throw new Error('expected the item to fail');
			},
			(failure: unknown) => failure as NodeOperationError,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(test.calls).toHaveLength(0);
		return error;
	}

	it('sends a Message that is a number as its text', async () => {
		expect((await sent({ message: 42 })).contents).toEqual({ en: '42' });
	});

	it('sends a Heading that is a number instead of leaving it out', async () => {
		expect((await sent({ heading: 7 })).headings).toEqual({ en: '7' });
	});

	it('sends an Email Subject that is a number as its text', async () => {
		const body = await sent({
			channel: 'email',
			message: undefined,
			emailSubject: 2026,
			emailBody: '<p>Hi</p>',
		});
		expect(body.email_subject).toBe('2026');
	});

	it('refuses a Message that is an array, naming the type and how to join it', async () => {
		const error = await refused({ message: ['a', 'b'] });
		expect(error.message).toBe('Message: expects text but got an array');
		expect(error.description).toContain('join the array');
	});

	it('refuses a Message that is an object or a boolean', async () => {
		expect((await refused({ message: { text: 'Hi' } })).message).toBe(
			'Message: expects text but got an object',
		);
		expect((await refused({ message: true })).message).toBe(
			'Message: expects text but got true (a boolean)',
		);
	});

	it('refuses a Heading or an Email Subject that is an object', async () => {
		expect((await refused({ heading: { a: 1 } })).message).toBe(
			'Heading: expects text but got an object',
		);
		const error = await refused({
			channel: 'email',
			emailSubject: ['Hi'],
			emailBody: '<p>Hi</p>',
		});
		expect(error.message).toBe('Email Subject: expects text but got an array');
	});

	it('sends External IDs mapped as numbers as their text', async () => {
		const body = await sent({ externalIds: ['u-1', 42] as unknown as string });
		expect(body.include_aliases).toEqual({ external_id: ['u-1', '42'] });
	});

	it('refuses an External ID that is an object, with its position', async () => {
		const error = await refused({ externalIds: ['u-1', { a: 1 }] as unknown as string });
		expect(error.message).toBe(
			'External IDs: entry 2 of the list is an object ({"a":1}), not text',
		);
		expect(error.description).toContain('map(');
	});

	it('refuses External IDs that are a boolean or a single object', async () => {
		expect((await refused({ externalIds: true })).message).toBe(
			'External IDs: expects text or a list but got true (a boolean)',
		);
		expect((await refused({ externalIds: ['u-1', false] as unknown as string })).message).toBe(
			'External IDs: entry 2 of the list is false (a boolean), not text',
		);
		expect((await refused({ externalIds: { a: 1 } as unknown as string })).message).toBe(
			'External IDs: expects text or a list but got an object',
		);
	});

	it('refuses an object in Other Languages and in optional text fields', async () => {
		const other = await refused({
			additionalFields: {
				otherLanguages: { language: [{ language: 'es', message: ['Hola'] }] },
			},
		});
		expect(other.message).toBe('Other Languages → Message: expects text but got an array');
		const url = await refused({ additionalFields: { url: { href: 'https://x' } } });
		expect(url.message).toBe('Launch URL: expects text but got an object');
	});
});
