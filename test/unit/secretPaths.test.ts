import type { IExecuteFunctions } from 'n8n-workflow';

import { oneSignalApiRequest, type KeyTier } from '../../nodes/OneSignal/transport';
import { freePort } from '../support/n8n';
import {
	APP_ID,
	APP_KEY,
	createContext,
	ORG_KEY,
	type FullResponse,
	type HttpHandler,
	realHttp,
} from '../support/context';

/**
 * Neither key, app or organization, appears in the error (message, description, the response kept
 * on it) or in a log line, on any failure path: 401, 403, 429 and 500 until the attempts run out
 * (OneSignal's body quoting the key back), a refused connection to a real closed port, and a
 * network error whose own text carries the key (as a proxy's error page may).
 */

const KEYS: Record<KeyTier, string> = { app: APP_KEY, organization: ORG_KEY };

function credentials(baseUrl: string) {
	return {
		oneSignalAppApi: { appId: APP_ID, apiKey: APP_KEY, baseUrl },
		oneSignalOrganizationApi: { apiKey: ORG_KEY, organizationId: 'org-1', baseUrl },
	};
}

function echoing(statusCode: number, key: string): FullResponse {
	return {
		statusCode,
		headers: statusCode === 429 ? { 'retry-after': '0.01' } : {},
		body: { errors: [`Rejected Authorization: Key ${key}`], key },
	};
}

type Path = { name: string; http: (key: string) => HttpHandler | undefined; closed?: boolean };

const PATHS: Path[] = [
	...[401, 403, 429, 500].map((code) => ({
		name: `HTTP ${code}`,
		http: (key: string) => async () => echoing(code, key),
	})),
	{ name: 'a refused connection', http: () => realHttp, closed: true },
	{
		name: 'a network error quoting the key',
		http: (key: string) => async () => {
			throw Object.assign(new Error(`socket hang up (Authorization: Key ${key})`), {
				code: 'ECONNRESET',
			});
		},
	},
];

async function failWith(tier: KeyTier, path: Path) {
	const key = KEYS[tier];
	const baseUrl = path.closed
		? `http://127.0.0.1:${await freePort()}`
		: 'https://api.onesignal.com';
	const test = createContext({
		parameters: { requestSettings: { maxAttempts: 2, maxRetryWait: 1 } as never },
		credentials: credentials(baseUrl),
		http: path.http(key),
	});
	let error: Error | undefined;
	try {
		await oneSignalApiRequest.call(test.context as IExecuteFunctions, {
			method: 'GET',
			path: tier === 'app' ? `/apps/${APP_ID}/segments` : '/apps',
			keyTier: tier,
			operation: 'test.secrets',
			itemIndex: 0,
		});
	} catch (caught) {
		error = caught as Error;
	}
	return { key, test, error };
}

describe.each(['app', 'organization'] as const)('the %s key', (tier) => {
	it.each(PATHS.map((path) => [path.name, path] as const))(
		'stays out of the error and the log on %s',
		async (_, path) => {
			const { key, test, error } = await failWith(tier, path);
			expect(error).toBeDefined();
			const record = error as Error & { description?: string; errorResponse?: unknown };
			const cause = record.cause as Error | undefined;
			const everything = [
				record.message,
				record.description ?? '',
				JSON.stringify(record),
				// What n8n may store beside the message: the response body it was built from, and
				// the error it wraps.
				JSON.stringify(record.errorResponse ?? null),
				cause ? `${cause.message} ${JSON.stringify(cause)}` : '',
				JSON.stringify(test.logs),
			].join('\n');
			expect(everything).not.toContain(key);
			expect(everything).not.toContain(key.slice(10, 30));
			// The key was really sent, so the search above could have found it.
			const sent = test.calls.map(
				(call) => (call.sent.headers as Record<string, string>).Authorization,
			);
			expect(sent[0]).toBe(`Key ${key}`);
		},
	);
});
