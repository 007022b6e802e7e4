import { randomBytes } from 'crypto';

import { startStandIn, type StandIn } from '../standin';
import { freePort, N8nHome, outputOf, type ExecutionResult } from '../support/n8n';
import { codeNode, linearWorkflow, type WorkflowNode } from '../support/workflows';

/**
 * API keys never appear in output items, error messages, error descriptions or n8n's log, on
 * every failure path: 401 (unknown key), 403 (key of another app), 429 until the attempts run out,
 * 500 until the attempts run out, and a refused connection; for the app key and for the
 * organization key alike. n8n runs with debug logging so the request helper's retry lines are in
 * the log too.
 */

let standIn: StandIn;
let home: N8nHome;
let result: ExecutionResult;
const unknownKey = `os_v2_app_${randomBytes(20).toString('hex')}`;
const unknownOrgKey = `os_v2_org_${randomBytes(20).toString('hex')}`;
let otherAppKey: string;

function credential(id: string, apiKey: string, baseUrl: string) {
	return {
		id,
		name: id,
		type: 'oneSignalAppApi',
		data: { appId: standIn.seeded!.appId, apiKey, baseUrl },
	};
}

function orgCredential(id: string, apiKey: string, baseUrl: string) {
	return {
		id,
		name: id,
		type: 'oneSignalOrganizationApi',
		data: { apiKey, organizationId: 'org-e2e', baseUrl },
	};
}

/** An organization-key operation: listing apps, reading one app, or listing an app's API keys. */
function orgCall(
	name: string,
	credentialId: string,
	operation: 'listApps' | 'getApp' | 'listKeys',
): WorkflowNode {
	const app = { __rl: true, mode: 'id', value: standIn.seeded!.appId };
	const parameters = {
		listApps: { resource: 'app', operation: 'getAll', returnAll: true },
		getApp: { resource: 'app', operation: 'get', app },
		listKeys: { resource: 'apiKey', operation: 'getAll', app },
	}[operation];
	return {
		name,
		type: 'n8n-nodes-onesignal.oneSignal',
		typeVersion: 1,
		onError: 'continueRegularOutput',
		credentials: { oneSignalOrganizationApi: { id: credentialId, name: credentialId } },
		parameters: { ...parameters, requestSettings: { maxAttempts: 2, maxRetryWait: 1 } },
	};
}

function send(
	name: string,
	credentialId: string,
	marker: string,
	extra: Partial<WorkflowNode> = {},
): WorkflowNode {
	return {
		name,
		type: 'n8n-nodes-onesignal.oneSignal',
		typeVersion: 1,
		onError: 'continueRegularOutput',
		credentials: { oneSignalAppApi: { id: credentialId, name: credentialId } },
		parameters: {
			resource: 'message',
			operation: 'send',
			channel: 'push',
			sendTo: 'externalIds',
			externalIds: 'user-ada',
			message: `Hello from ${marker}`,
			requestSettings: { maxAttempts: 2, maxRetryWait: 1 },
		},
		...extra,
	};
}

beforeAll(async () => {
	standIn = await startStandIn();
	otherAppKey = standIn.state.addApp(
		'Other app',
		`os_v2_app_${randomBytes(20).toString('hex')}`,
	).apiKey;
	standIn.faults = [
		{
			method: 'POST',
			path: '^/notifications$',
			bodyIncludes: 'node-429',
			kind: 'status',
			status: 429,
			headers: { 'Retry-After': '0' },
			body: { errors: ['API rate limit exceeded'] },
		},
		{
			method: 'POST',
			path: '^/notifications$',
			bodyIncludes: 'node-500',
			kind: 'status',
			status: 500,
			body: { errors: ['Internal Server Error'] },
		},
		// The organization-key paths: listing an app's keys is rate limited, reading an app fails.
		{
			method: 'GET',
			path: '^/apps/[^/]+/auth/tokens$',
			kind: 'status',
			status: 429,
			headers: { 'Retry-After': '0' },
			body: { errors: ['API rate limit exceeded'] },
		},
		{
			method: 'GET',
			path: '^/apps/[^/]+$',
			kind: 'status',
			status: 500,
			body: { errors: ['Internal Server Error'] },
		},
	];
	const closedPort = await freePort();
	home = await N8nHome.create({ env: { N8N_LOG_LEVEL: 'debug' } });
	await home.importCredentials([
		credential('osGoodCredential', standIn.seeded!.appKey, standIn.url),
		credential('osUnknownKey', unknownKey, standIn.url),
		credential('osOtherAppKey', otherAppKey, standIn.url),
		credential('osUnreachable', standIn.seeded!.appKey, `http://127.0.0.1:${closedPort}`),
		orgCredential('osOrgGood', standIn.state.organizationKey, standIn.url),
		orgCredential('osOrgUnknownKey', unknownOrgKey, standIn.url),
		orgCredential('osOrgWithAppKey', standIn.seeded!.appKey, standIn.url),
		orgCredential(
			'osOrgUnreachable',
			standIn.state.organizationKey,
			`http://127.0.0.1:${closedPort}`,
		),
	]);
	await home.importWorkflow(
		linearWorkflow('osSecretsEverywhere', [
			codeNode('One item', [{ n: 1 }]),
			send('Unknown key (401)', 'osUnknownKey', 'node-401'),
			send('Key of another app (403)', 'osOtherAppKey', 'node-403'),
			send('Rate limited (429)', 'osGoodCredential', 'node-429'),
			send('Server error (500)', 'osGoodCredential', 'node-500'),
			send('Connection refused', 'osUnreachable', 'node-refused'),
			orgCall('Org: unknown key (401)', 'osOrgUnknownKey', 'listApps'),
			orgCall('Org: app key instead (403)', 'osOrgWithAppKey', 'listApps'),
			orgCall('Org: rate limited (429)', 'osOrgGood', 'listKeys'),
			orgCall('Org: server error (500)', 'osOrgGood', 'getApp'),
			orgCall('Org: connection refused', 'osOrgUnreachable', 'listApps'),
		]),
	);
	result = await home.execute('osSecretsEverywhere');
});

afterAll(async () => {
	await home?.dispose();
	await standIn?.close();
});

describe('no key in output, errors or logs', () => {
	it.each([
		['Unknown key (401)', /^OneSignal refused the app API key \(HTTP 401\)/, '401', 1],
		['Key of another app (403)', /^OneSignal refused the app API key \(HTTP 403\)/, '403', 1],
		['Rate limited (429)', /^API rate limit exceeded$/, '429', 2],
		['Server error (500)', /^Internal Server Error$/, '500', 2],
		[
			'Connection refused',
			/^Could not get an answer from OneSignal \(127\.0\.0\.1:\d+\): the connection was refused$/,
			undefined,
			2,
		],
		[
			'Org: unknown key (401)',
			/^OneSignal refused the organization API key \(HTTP 401\)/,
			'401',
			1,
		],
		[
			'Org: app key instead (403)',
			/^OneSignal refused the organization API key \(HTTP 403\)/,
			'403',
			1,
		],
		['Org: rate limited (429)', /^API rate limit exceeded$/, '429', 2],
		['Org: server error (500)', /^Internal Server Error$/, '500', 2],
		[
			'Org: connection refused',
			/^Could not get an answer from OneSignal \(127\.0\.0\.1:\d+\): the connection was refused$/,
			undefined,
			2,
		],
	] as const)('%s fails its item with a clear error', (node, message, httpCode, attempts) => {
		const [item] = outputOf(result, node);
		expect(item.error).toMatch(message);
		expect(item.httpCode).toBe(httpCode);
		const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
		expect(item.description).toMatch(new RegExp(`${tries} over \\d+\\.\\d s`));
	});

	it('the retries were logged at debug level without headers or body', () => {
		const retryLines = result.log
			.split('\n')
			.filter((line) => line.includes('OneSignal request will be retried'));
		// 429, 500 and the refused connection, for each key.
		expect(retryLines.length).toBeGreaterThanOrEqual(6);
		for (const line of retryLines) {
			expect(line).not.toContain('Hello from');
			expect(line).not.toMatch(/authorization/i);
		}
	});

	it('no key appears anywhere in the run data or the log', () => {
		const everything = `${JSON.stringify(result.run)}\n${result.log}\n${home.log}`;
		expect(everything.length).toBeGreaterThan(1000);
		for (const key of [
			standIn.seeded!.appKey,
			unknownKey,
			otherAppKey,
			standIn.state.organizationKey,
			unknownOrgKey,
		]) {
			expect(everything).not.toContain(key);
			// Nor a long piece of it (a key cut short in a log line is still a leak).
			expect(everything).not.toContain(key.slice(10, 40));
		}
	});

	it('the requests really carried the keys (so the search above could have found them)', () => {
		const sentKeys = new Set(standIn.requests.map((request) => request.headers.authorization));
		expect(sentKeys).toContain(`Key ${unknownKey}`);
		expect(sentKeys).toContain(`Key ${otherAppKey}`);
		expect(sentKeys).toContain(`Key ${standIn.seeded!.appKey}`);
		expect(sentKeys).toContain(`Key ${standIn.state.organizationKey}`);
		expect(sentKeys).toContain(`Key ${unknownOrgKey}`);
	});
});
