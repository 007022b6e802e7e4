import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	DEFAULT_REQUEST_SETTINGS,
	oneSignalApiRequest,
	requestSettingsOf,
} from '../../nodes/OneSignal/transport';
import { appCredentials, createContext, type FullResponse } from '../support/context';

/**
 * How long the request helper waits before it tries again, read from its debug log line (the
 * wait it decided on) rather than from a clock: at least what `Retry-After` asks, in any of its
 * three forms, never longer than the cap the user sets under Request Settings, and exponential
 * backoff with jitter when the server names no time.
 */

const answers = (list: FullResponse[], settings: IDataObject = {}, signal?: AbortSignal) => {
	const queue = [...list];
	return createContext({
		parameters: { requestSettings: settings as never },
		credentials: appCredentials(),
		signal,
		http: async () => queue.shift() ?? { statusCode: 200, headers: {}, body: {} },
	});
};

const status = (statusCode: number, headers: Record<string, unknown> = {}): FullResponse => ({
	statusCode,
	headers,
	body: { errors: [`status ${statusCode}`] },
});
const ok: FullResponse = { statusCode: 200, headers: {}, body: { id: 'n-1' } };

const waitsOf = (logs: Array<{ meta?: unknown }>) =>
	logs.map((entry) => (entry.meta as { waitMs: number }).waitMs);

async function get(test: ReturnType<typeof answers>) {
	return await oneSignalApiRequest.call(test.context, {
		method: 'GET',
		path: '/notifications/n-1',
		operation: 'test.wait',
		itemIndex: 0,
	});
}

const anHourFromNow = () => new Date(Date.now() + 3_600_000).toUTCString();

describe('waits before the next try', () => {
	it.each([
		['Retry-After in seconds', { 'retry-after': '0.05' }, 50],
		['the legacy RetryAfter header', { retryafter: '0.08' }, 80],
	])('waits what %s asks', async (_, headers, waitMs) => {
		const test = answers([status(429, headers), ok]);
		await get(test);
		expect(waitsOf(test.logs)).toEqual([waitMs]);
		expect(test.calls).toHaveLength(2);
	});

	it.each([
		['Retry-After in seconds', () => ({ 'retry-after': '3600' })],
		['Retry-After as an HTTP date', () => ({ 'retry-after': anHourFromNow() })],
		['the legacy RetryAfter header', () => ({ RetryAfter: '3600' })],
	])(
		'never waits longer than the Max Wait Between Attempts the user set, for %s',
		async (_, headers) => {
			const test = answers([status(429, headers()), ok], { maxRetryWait: 0.06 });
			await get(test);
			expect(waitsOf(test.logs)).toEqual([60]);
			expect(test.calls).toHaveLength(2);
		},
	);

	it('caps a Retry-After of an hour at 30 seconds by default (checked, then cancelled)', async () => {
		expect(requestSettingsOf(answers([]).context).maxDelayMs).toBe(30_000);
		const controller = new AbortController();
		const test = answers(
			[status(429, { 'retry-after': anHourFromNow() }), ok],
			{},
			controller.signal,
		);
		const pending = get(test).catch((error: unknown) => error);
		while (test.logs.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
		expect(waitsOf(test.logs)).toEqual([DEFAULT_REQUEST_SETTINGS.maxDelayMs]);
		controller.abort();
		expect(await pending).toBeInstanceOf(NodeOperationError);
		expect(test.calls).toHaveLength(1);
	});

	it('backs off exponentially with jitter when no Retry-After is given', async () => {
		const test = answers([status(429), status(503), status(502), ok], { maxRetryWait: 5 });
		await get(test);
		const [first, second, third] = waitsOf(test.logs);
		// Base 500 ms, doubling: each wait is between half and all of its step.
		expect(first).toBeGreaterThanOrEqual(250);
		expect(first).toBeLessThanOrEqual(500);
		expect(second).toBeGreaterThanOrEqual(500);
		expect(second).toBeLessThanOrEqual(1000);
		expect(third).toBeGreaterThanOrEqual(1000);
		expect(third).toBeLessThanOrEqual(2000);
		expect(test.calls).toHaveLength(4);
	});
});
