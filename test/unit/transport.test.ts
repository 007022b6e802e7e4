import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { oneSignalApiRequest } from '../../nodes/OneSignal/transport';
import { appCredentials, APP_KEY, createContext, type FullResponse } from '../support/context';

type Answer = FullResponse | Error;

/** A context whose HTTP answers come from a list, one per request, recording every request. */
function scripted(answers: Answer[], extra: { settings?: IDataObject; signal?: AbortSignal } = {}) {
	const queue = [...answers];
	return createContext({
		parameters: {
			resource: 'message',
			operation: 'get',
			messageId: 'x',
			requestSettings: (extra.settings ?? {}) as never,
		},
		credentials: appCredentials(),
		signal: extra.signal,
		http: async () => {
			const next = queue.shift();
			if (!next) throw new Error('no scripted answer left');
			if (next instanceof Error) throw next;
			return next;
		},
	});
}

const ok = (body: unknown = { ok: true }, headers: Record<string, unknown> = {}): FullResponse => ({
	statusCode: 200,
	headers,
	body,
});
const status = (
	code: number,
	headers: Record<string, unknown> = {},
	body: unknown = { errors: [`status ${code}`] },
) => ({
	statusCode: code,
	headers,
	body,
});
const networkError = (code: string) => Object.assign(new Error(`socket ${code}`), { code });

async function send(
	context: IExecuteFunctions,
	method: 'GET' | 'POST' = 'GET',
	safeToRepeat?: boolean,
) {
	return await oneSignalApiRequest.call(context, {
		method,
		path: '/notifications',
		operation: 'test.op',
		itemIndex: 0,
		safeToRepeat,
	});
}

async function failure(promise: Promise<unknown>): Promise<NodeApiError | NodeOperationError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected the request to fail');
}

describe('shared request helper', () => {
	it.each([400, 401, 403, 404, 409, 422])(
		'sends exactly one request on HTTP %i and fails',
		async (code) => {
			const test = scripted([status(code), ok()]);
			const error = await failure(send(test.context, 'GET'));
			expect(test.calls).toHaveLength(1);
			expect(error).toBeInstanceOf(NodeApiError);
			expect((error as NodeApiError).httpCode).toBe(String(code));
			expect(error.message).toContain(`status ${code}`);
		},
	);

	it('retries 429 and 503 and returns the eventual answer with the attempt count', async () => {
		const test = scripted([
			status(429, { 'retry-after': '0.01' }),
			status(503, { 'retry-after': '0.01' }),
			ok({ id: 'abc' }),
		]);
		const response = await send(test.context);
		expect(response.body).toEqual({ id: 'abc' });
		expect(response.attempts).toBe(3);
		expect(test.calls).toHaveLength(3);
	});

	it('logs each retry at debug level with operation, status, attempt and wait, never the key', async () => {
		const test = scripted([status(429, { 'retry-after': '0.02' }), ok()]);
		await send(test.context);
		expect(test.logs).toEqual([
			{
				level: 'debug',
				message: 'OneSignal request will be retried',
				meta: { operation: 'test.op', status: 429, attempt: 1, waitMs: 20 },
			},
		]);
		expect(JSON.stringify(test.logs)).not.toContain(APP_KEY);
	});

	it('waits at least Retry-After before the next try', async () => {
		const test = scripted([status(429, { 'retry-after': '0.3' }), ok()]);
		const started = Date.now();
		await send(test.context);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});

	it('gives up after Max Attempts and says how many were made, over how long, and the last status', async () => {
		const test = scripted(
			[status(503, { 'retry-after': '0.01' }), status(503, { 'retry-after': '0.01' }), status(502)],
			{ settings: { maxAttempts: 3 } },
		);
		const error = (await failure(send(test.context))) as NodeApiError;
		expect(test.calls).toHaveLength(3);
		expect(error.httpCode).toBe('502');
		expect(error.description).toMatch(/HTTP 502 after 3 attempts over \d+\.\d s/);
	});

	it('does not resend a POST without idempotency key after a 500', async () => {
		const test = scripted([status(500), ok()]);
		await failure(send(test.context, 'POST'));
		expect(test.calls).toHaveLength(1);
	});

	it('resends a POST marked safe (it carries an idempotency key) after a dropped connection', async () => {
		const test = scripted([
			networkError('ECONNRESET'),
			ok({ id: 'n1' }, { 'idempotent-replayed': 'true' }),
		]);
		const response = await send(test.context, 'POST', true);
		expect(test.calls).toHaveLength(2);
		expect(response.replayed).toBe(true);
	});

	it('does not resend a POST without idempotency key after a timeout, and says it may have been processed', async () => {
		const test = scripted([networkError('ETIMEDOUT'), ok()]);
		const error = await failure(send(test.context, 'POST'));
		expect(test.calls).toHaveLength(1);
		expect(error.description).toContain('may have reached OneSignal');
	});

	it('resends even an unsafe POST when the connection was refused, as nothing reached the server', async () => {
		const test = scripted([networkError('ECONNREFUSED'), ok()]);
		await send(test.context, 'POST', false);
		expect(test.calls).toHaveLength(2);
	});

	it('stops waiting within a second when the execution is cancelled, without another request', async () => {
		const controller = new AbortController();
		const test = scripted([status(429, { 'retry-after': '30' }), ok()], {
			signal: controller.signal,
		});
		const started = Date.now();
		const pending = failure(send(test.context));
		setTimeout(() => controller.abort(), 100);
		const error = await pending;
		expect(Date.now() - started).toBeLessThan(1000);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('The execution was cancelled');
		expect(test.calls).toHaveLength(1);
	});

	it('never puts the key into the error, even when OneSignal echoes it', async () => {
		const test = scripted([status(401, {}, { errors: [`Invalid key ${APP_KEY}`] })]);
		const error = await failure(send(test.context));
		const everything = JSON.stringify({
			...error,
			message: error.message,
			description: error.description,
		});
		expect(everything).not.toContain(APP_KEY);
		expect(error.message).toContain('OneSignal refused the app API key (HTTP 401)');
		expect(error.description).toContain('wrong key tier');
		expect(error.description).toContain('IP allow-list');
	});

	it('asks for the Organization API credential by name when an org operation has none', async () => {
		const test = scripted([ok()]);
		const error = await failure(
			oneSignalApiRequest.call(test.context, {
				method: 'GET',
				path: '/apps',
				keyTier: 'organization',
				operation: 'app.getAll',
			}),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('This operation needs the OneSignal Organization API credential');
		expect(test.calls).toHaveLength(0);
	});
});
