import { randomBytes } from 'crypto';

import { P8_KEY, SERVICE_ACCOUNT } from '../contract/cases/organization';
import { startStandIn, type StandIn } from '../standin';
import { orgData, SEEDED_AUDIT_EVENTS } from '../standin/routes/org';
import { N8nHome, outputOf, type ExecutionResult } from '../support/n8n';

/**
 * The organization-key resources in real n8n against the stand-in: apps, API keys and the audit
 * log, and what a user sees when the node has the wrong credential. All workflows are imported in
 * one CLI call; each test is one `n8n execute`.
 */

const CREDENTIALS = {
	org: { id: 'osOrgCredential01', name: 'OneSignal organization' },
	app: { id: 'osAppCredential01', name: 'OneSignal demo app' },
	appKeyAsOrg: { id: 'osWrongOrgCred01', name: 'Organization credential with an app key' },
};

interface NodeSpec {
	name: string;
	parameters: Record<string, unknown>;
	credential?: keyof typeof CREDENTIALS;
	credentialType?: 'oneSignalOrganizationApi' | 'oneSignalAppApi';
	executeOnce?: boolean;
	continueOnError?: boolean;
}

/** A Manual Trigger followed by the given OneSignal nodes, in a chain. */
function chain(id: string, specs: NodeSpec[]) {
	const nodes: Array<Record<string, unknown>> = [
		{
			id: `${id}-start`,
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	specs.forEach((spec, index) => {
		const credential = spec.credential ?? 'org';
		const type =
			spec.credentialType ??
			(credential === 'app' ? 'oneSignalAppApi' : 'oneSignalOrganizationApi');
		nodes.push({
			id: `${id}-${index}`,
			name: spec.name,
			type: 'n8n-nodes-onesignal.oneSignal',
			typeVersion: 1,
			position: [220 * (index + 1), 0],
			parameters: spec.parameters,
			credentials: { [type]: CREDENTIALS[credential] },
			...(spec.executeOnce ? { executeOnce: true } : {}),
			...(spec.continueOnError ? { onError: 'continueRegularOutput' } : {}),
		});
	});
	const connections: Record<string, unknown> = {};
	for (let index = 0; index < nodes.length - 1; index++) {
		connections[nodes[index].name as string] = {
			main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]],
		};
	}
	return { id, name: id, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

let standIn: StandIn;
let home: N8nHome;
let secondAppId: string;

beforeAll(async () => {
	standIn = await startStandIn();
	// A second app before the audit log is made, so filtering by app has something to leave out.
	secondAppId = standIn.state.addApp('Blog', `os_v2_app_${randomBytes(24).toString('hex')}`).id;
	orgData(standIn.state);
	const seed = standIn.seeded!;
	home = await N8nHome.create();
	await home.importCredentials([
		{
			...CREDENTIALS.org,
			type: 'oneSignalOrganizationApi',
			data: {
				apiKey: seed.organizationKey,
				organizationId: seed.organizationId,
				baseUrl: standIn.url,
			},
		},
		{
			...CREDENTIALS.app,
			type: 'oneSignalAppApi',
			data: { appId: seed.appId, apiKey: seed.appKey, baseUrl: standIn.url },
		},
		{
			...CREDENTIALS.appKeyAsOrg,
			type: 'oneSignalOrganizationApi',
			data: { apiKey: seed.appKey, organizationId: seed.organizationId, baseUrl: standIn.url },
		},
	]);
	await home.importWorkflow([
		chain('osOrgApps01', [
			{ name: 'List apps', parameters: { resource: 'app', operation: 'getAll', returnAll: true } },
			{
				name: 'Create app',
				executeOnce: true,
				parameters: {
					resource: 'app',
					operation: 'create',
					name: 'E2E Shop',
					webPush: { siteName: 'E2E Shop', siteOrigin: 'https://shop.example.com' },
					ios: {
						keyId: 'ABC123DEFG',
						teamId: '1A2B3C4D5E',
						bundleId: 'com.example.shop',
						p8Key: P8_KEY,
					},
					android: { serviceAccountJson: SERVICE_ACCOUNT },
				},
			},
			{
				name: 'Rename app',
				parameters: {
					resource: 'app',
					operation: 'update',
					app: byId('={{ $json.id }}'),
					updateFields: { name: '={{ $json.name }} (renamed)' },
				},
			},
			{
				name: 'Get app',
				parameters: {
					resource: 'app',
					operation: 'get',
					app: byId("={{ $('Create app').item.json.id }}"),
				},
			},
			{
				name: 'List apps again',
				executeOnce: true,
				parameters: { resource: 'app', operation: 'getAll', returnAll: false, limit: 10 },
			},
		]),
		chain('osOrgApiKeys01', [
			{
				name: 'Create key',
				parameters: {
					resource: 'apiKey',
					operation: 'create',
					app: {
						__rl: true,
						mode: 'list',
						value: standIn.seeded!.appId,
						cachedResultName: 'Demo App',
					},
					name: 'n8n e2e',
					additionalFields: { ipAllowlist: '203.0.113.7, 198.51.100.0/24' },
				},
			},
			{
				name: 'Rotate key',
				parameters: {
					resource: 'apiKey',
					operation: 'rotate',
					app: byId('={{ $json.app_id }}'),
					keyId: '={{ $json.token_id }}',
				},
			},
			{
				name: 'Delete key',
				parameters: {
					resource: 'apiKey',
					operation: 'delete',
					app: byId('={{ $json.app_id }}'),
					keyId: '={{ $json.token_id }}',
				},
			},
			{
				name: 'List keys',
				parameters: {
					resource: 'apiKey',
					operation: 'getAll',
					app: byId(standIn.seeded!.appId),
					returnAll: true,
				},
			},
		]),
		chain('osOrgAuditLog01', [
			{
				name: 'Every event',
				parameters: {
					resource: 'auditLog',
					operation: 'getAll',
					timeRange: 'last90Days',
					returnAll: true,
				},
			},
			{
				name: 'Segment changes in the demo app',
				executeOnce: true,
				parameters: {
					resource: 'auditLog',
					operation: 'getAll',
					timeRange: 'last90Days',
					returnAll: false,
					limit: 30,
					filters: {
						appIds: [standIn.seeded!.appId],
						actions: 'segment.created, segment.updated',
					},
				},
			},
		]),
		chain('osOrgWrongCreds01', [
			{
				name: 'With only the app credential',
				credential: 'app',
				continueOnError: true,
				parameters: { resource: 'app', operation: 'getAll', returnAll: true },
			},
			{
				name: 'With an app key as organization key',
				credential: 'appKeyAsOrg',
				continueOnError: true,
				parameters: {
					resource: 'auditLog',
					operation: 'getAll',
					timeRange: 'last7Days',
					returnAll: true,
				},
			},
		]),
	]);
});

afterAll(async () => {
	await home?.dispose();
	await standIn?.close();
});

function expectNoSecretsIn(result: ExecutionResult) {
	expect(result.log).not.toContain(standIn.seeded!.organizationKey);
	expect(result.log).not.toContain('[netguard');
}

describe('organization operations in real n8n', () => {
	it('lists apps, creates one with push settings, renames it and reads it back', async () => {
		const before = standIn.state.apps.size;
		const result = await home.execute('osOrgApps01');
		expect(result.run?.data.resultData.error).toBeUndefined();

		const listed = outputOf(result, 'List apps');
		expect(listed.map((app) => app.name).sort()).toEqual(['Blog', 'Demo App']);
		const [created] = outputOf(result, 'Create app');
		expect(created).toMatchObject({
			name: 'E2E Shop',
			chrome_web_origin: 'https://shop.example.com',
		});
		// Certificates and keys go to OneSignal and never come back in the output.
		for (const secret of ['apns_p8', 'fcm_v1_service_account_json', 'safari_apns_p12']) {
			expect(created).not.toHaveProperty(secret);
		}
		expect(outputOf(result, 'Rename app')).toEqual([
			expect.objectContaining({ id: created.id, name: 'E2E Shop (renamed)' }),
		]);
		expect(outputOf(result, 'Get app')).toEqual([
			expect.objectContaining({
				id: created.id,
				name: 'E2E Shop (renamed)',
				apns_key_id: 'ABC123DEFG',
			}),
		]);
		expect(outputOf(result, 'List apps again')).toHaveLength(before + 1);

		const stored = standIn.state.app(String(created.id))!;
		expect(stored.fields).toMatchObject({
			organization_id: standIn.seeded!.organizationId,
			apns_p8: Buffer.from(P8_KEY).toString('base64'),
			fcm_v1_service_account_json: Buffer.from(SERVICE_ACCOUNT).toString('base64'),
		});
		for (const request of standIn.requestsTo('POST', '/apps')) {
			expect(request.headers.authorization).toBe(`Key ${standIn.seeded!.organizationKey}`);
		}
		expect(result.log).not.toContain(Buffer.from(P8_KEY).toString('base64'));
		expect(result.log).not.toContain(Buffer.from(SERVICE_ACCOUNT).toString('base64'));
		expectNoSecretsIn(result);
	});

	it('creates an API key, rotates it and deletes it; the new keys come back once', async () => {
		const appId = standIn.seeded!.appId;
		const result = await home.execute('osOrgApiKeys01');
		expect(result.run?.data.resultData.error).toBeUndefined();

		const [created] = outputOf(result, 'Create key');
		expect(created).toEqual({
			token_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			formatted_token: expect.stringMatching(/^os_v2_app_/),
			app_id: appId,
			name: 'n8n e2e',
		});
		const [rotated] = outputOf(result, 'Rotate key');
		expect(rotated.token_id).toBe(created.token_id);
		expect(rotated.formatted_token).toMatch(/^os_v2_app_/);
		expect(rotated.formatted_token).not.toBe(created.formatted_token);
		expect(outputOf(result, 'Delete key')).toEqual([{ deleted: true, id: created.token_id }]);
		const remaining = outputOf(result, 'List keys');
		expect(remaining.map((token) => token.name)).toEqual(['Default']);
		expect(remaining.some((token) => 'value' in token || 'formatted_token' in token)).toBe(false);

		const [createRequest] = standIn.requestsTo('POST', `/apps/${appId}/auth/tokens`);
		expect(createRequest.body).toEqual({
			name: 'n8n e2e',
			ip_allowlist_mode: 'explicit',
			ip_allowlist: ['203.0.113.7', '198.51.100.0/24'],
		});
		expect(standIn.requestsTo('POST', /\/rotate$/)).toHaveLength(1);
		expect(standIn.requestsTo('DELETE', /\/auth\/tokens\//)).toHaveLength(1);
		expectNoSecretsIn(result);
	});

	it('reads the whole audit log page by page, and stops a filtered read at its Limit', async () => {
		const result = await home.execute('osOrgAuditLog01');
		expect(result.run?.data.resultData.error).toBeUndefined();

		const everything = outputOf(result, 'Every event');
		expect(everything).toHaveLength(SEEDED_AUDIT_EVENTS);
		expect(new Set(everything.map((event) => event.id)).size).toBe(SEEDED_AUDIT_EVENTS);
		const pages = standIn.requestsTo('GET', /\/audit_logs$/);
		const [first, second, third] = pages;
		expect(pages.length).toBe(4);
		expect([first, second, third].map((page) => page.query.limit)).toEqual(['100', '100', '100']);
		expect(first.query.cursor).toBeUndefined();
		expect(first.query.start_time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		expect(second.query.cursor).toEqual(expect.any(String));
		expect(third.query.cursor).not.toBe(second.query.cursor);

		const filtered = outputOf(result, 'Segment changes in the demo app');
		expect(filtered).toHaveLength(30);
		for (const event of filtered) {
			expect(['segment.created', 'segment.updated']).toContain(event.action);
			expect(event.app_id).toBe(standIn.seeded!.appId);
		}
		const filterRequest = pages[3];
		expect(filterRequest.query).toMatchObject({
			limit: '30',
			app_ids: standIn.seeded!.appId,
			actions: ['segment.created', 'segment.updated'],
		});
		expect(Object.keys(filterRequest.query).some((key) => key.includes('['))).toBe(false);
		// The filter left events of the other app out.
		expect(
			orgData(standIn.state).auditLogs.some(
				(event) => event.app_id === secondAppId && event.action.startsWith('segment.'),
			),
		).toBe(true);
		expectNoSecretsIn(result);
	});

	it('says which credential to add, and that the organization key was refused, without showing keys', async () => {
		const requestsBefore = standIn.requests.length;
		const result = await home.execute('osOrgWrongCreds01');

		const [missing] = outputOf(result, 'With only the app credential');
		expect(missing).toEqual({
			error: 'This operation needs the OneSignal Organization API credential',
			description: expect.stringContaining('Add a "OneSignal Organization API" credential'),
		});
		const [refused] = outputOf(result, 'With an app key as organization key');
		expect(refused.error).toMatch(/^OneSignal refused the organization API key \(HTTP 403\)/);
		expect(refused.description).toContain('Likely causes');
		expect(refused.description).toContain(
			'wrong key tier: an app key was pasted into this credential',
		);
		expect(refused.httpCode).toBe('403');

		// Only the second node reached OneSignal.
		const sent = standIn.requests.slice(requestsBefore);
		expect(sent).toHaveLength(1);
		expect(sent[0].status).toBe(403);
		expect(result.log).not.toContain(standIn.seeded!.appKey);
		expectNoSecretsIn(result);
	});
});
