import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { randomUUID } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { oneSignalApiRequest, requestSettingsOf } from '../../nodes/OneSignal/transport';
import { appCredentials, APP_KEY, createContext } from '../support/context';

/**
 * A request that gets no answer within the timeout, against a real server on 127.0.0.1 that
 * answers too late: the request helper sends it again only when that is safe (reads, deletes, and
 * writes with an idempotency key), because the server may have acted on it already. Requests go
 * out through axios with the node's timeout, as n8n's request helper sends them.
 */

const TIMEOUT_SECONDS = 0.2;
/** Long past the timeout, so a late answer can never be taken for a timely one. */
const LATE_MS = 1500;

interface Received {
	method: string;
	body: string;
}

let server: Server;
let baseUrl: string;
const received: Received[] = [];
/** How many of the next requests are answered late; the others at once. */
let lateAnswers = 0;
const pending = new Set<NodeJS.Timeout>();
const keysSeen = new Set<string>();

/**
 * Acts on a request at once, as OneSignal does before its answer is sent: a write carrying a key
 * it has seen is a replay of the first one.
 */
function actOn(body: string): { replayed: boolean } {
	const key = (body && (JSON.parse(body) as { idempotency_key?: string }).idempotency_key) || '';
	const replayed = key !== '' && keysSeen.has(key);
	if (key) keysSeen.add(key);
	return { replayed };
}

function answer(req: IncomingMessage, res: ServerResponse, replayed: boolean) {
	res.writeHead(200, {
		'content-type': 'application/json',
		...(replayed ? { 'idempotent-replayed': 'true' } : {}),
	});
	res.end(JSON.stringify({ id: 'notification-1', method: req.method }));
}

beforeAll(async () => {
	server = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString()));
		req.on('end', () => {
			received.push({ method: req.method ?? '', body });
			const { replayed } = actOn(body);
			if (lateAnswers > 0) {
				lateAnswers--;
				const timer = setTimeout(() => {
					pending.delete(timer);
					if (!res.destroyed) answer(req, res, replayed);
				}, LATE_MS);
				pending.add(timer);
				return;
			}
			answer(req, res, replayed);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	for (const timer of pending) clearTimeout(timer);
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
	received.length = 0;
	lateAnswers = 0;
});

function context(settings: Record<string, number> = {}) {
	return createContext({
		parameters: {
			resource: 'message',
			operation: 'get',
			messageId: 'x',
			requestSettings: { timeout: TIMEOUT_SECONDS, ...settings } as never,
		},
		credentials: appCredentials(baseUrl),
	});
}

async function send(
	test: { context: IExecuteFunctions },
	method: 'GET' | 'DELETE' | 'POST',
	safeToRepeat?: boolean,
	body?: Record<string, string>,
) {
	return await oneSignalApiRequest.call(test.context, {
		method,
		path: '/notifications',
		body,
		operation: 'test.timeout',
		itemIndex: 0,
		safeToRepeat,
	});
}

async function failure(promise: Promise<unknown>): Promise<NodeApiError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected the request to fail');
}

describe('no answer within the timeout, from a real server that answers late', () => {
	it.each(['GET', 'DELETE'] as const)(
		'a %s is sent again and the second answer is used',
		async (method) => {
			lateAnswers = 1;
			const test = context();
			const response = await send(test, method);
			expect(received.map((request) => request.method)).toEqual([method, method]);
			expect(response.attempts).toBe(2);
			expect(response.body).toEqual({ id: 'notification-1', method });
			// The retry was logged with the error code of the timeout (axios says ECONNABORTED, or
			// ETIMEDOUT when told to), not with a status.
			expect(test.logs).toHaveLength(1);
			expect(test.logs[0].meta).toMatchObject({
				attempt: 1,
				status: expect.stringMatching(/^(ECONNABORTED|ETIMEDOUT)$/),
			});
		},
	);

	it('a POST with an idempotency key is sent again with the same key, and the answer is the replay', async () => {
		lateAnswers = 1;
		const body = { idempotency_key: randomUUID(), contents: 'hi' };
		const response = await send(context(), 'POST', true, body);
		expect(received).toHaveLength(2);
		expect(received[1].body).toBe(received[0].body);
		expect(response.replayed).toBe(true);
	});

	it('a POST without an idempotency key is sent once, and the error says it may have been processed', async () => {
		lateAnswers = 1;
		const error = await failure(send(context(), 'POST', false, { contents: 'hi' }));
		expect(received).toHaveLength(1);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(
			/^Could not get an answer from OneSignal \(127\.0\.0\.1:\d+\): no answer within the timeout$/,
		);
		expect(error.description).toMatch(
			/^1 attempt over \d+\.\d s, last error (ECONNABORTED|ETIMEDOUT)\./,
		);
		expect(error.description).toContain('may have reached OneSignal');
		expect(error.description).toContain('not repeated because repeating it could act twice');
	});

	it('after the last attempt the error says how many were made, over how long, and the last error', async () => {
		lateAnswers = 3;
		const error = await failure(send(context({ maxAttempts: 3 }), 'GET'));
		expect(received).toHaveLength(3);
		expect(error.description).toMatch(
			/^3 attempts over \d+\.\d s, last error (ECONNABORTED|ETIMEDOUT)\./,
		);
		expect(JSON.stringify({ ...error, message: error.message })).not.toContain(APP_KEY);
	});
});

describe('the timeout setting', () => {
	it('is 100 seconds unless set, as OneSignal advises', () => {
		expect(requestSettingsOf(createContext({ parameters: {} }).context).timeoutMs).toBe(100_000);
	});

	it('is given to every request in seconds as the user set it', async () => {
		const test = createContext({
			parameters: { requestSettings: { timeout: 7 } as never },
			credentials: appCredentials(),
			http: async () => ({ statusCode: 200, headers: {}, body: {} }),
		});
		await send(test, 'GET');
		expect(test.calls[0].options.timeout).toBe(7000);
	});
});
