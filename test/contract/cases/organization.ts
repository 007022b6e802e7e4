import type { ContractCase } from './types';

/**
 * Apps, API keys and audit logs: every operation that needs the organization key. The harness
 * checks that each request carries `Authorization: Key <org key>`.
 */

const APP = '5e1c9a34-2f6b-4d8e-9c1a-7b3d2e4f6a80';
const OTHER_APP = '8f0d7c6b-5a49-4e3d-8c2b-1a0f9e8d7c6b';
const RECORD_ID = '0aa1b2c3-d4e5-46f7-8899-aabbccddeeff';
// Built, not written out: test values that only look like secrets.
export const FAKE_P12 = Buffer.from('not a real p12 certificate').toString('base64');

const ORG = '3c9d8e2f-1a4b-4c6d-8e0f-2a3b4c5d6e7f';

const appById = (value: string) => ({ __rl: true, mode: 'id', value });

export const SERVICE_ACCOUNT = JSON.stringify({
	type: 'service_account',
	project_id: 'example-shop',
	private_key_id: 'f00d',
	private_key:
		'-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n',
	client_email: 'firebase-adminsdk@example-shop.iam.gserviceaccount.com',
});

export const P8_KEY =
	'-----BEGIN PRIVATE KEY-----\nMIGTAgEAMBMGByqGSM49AgEGCCqGSM49\n-----END PRIVATE KEY-----';

const sentBody = (exchange: { call: { sent: { body?: unknown } } }) =>
	exchange.call.sent.body as Record<string, unknown>;

export const organizationCases: ContractCase[] = [
	{
		operationId: 'get_apps',
		title: 'Get many apps',
		organization: true,
		parameters: { resource: 'app', operation: 'getAll', returnAll: true },
	},
	{
		operationId: 'get_app',
		title: 'Get an app picked by ID',
		organization: true,
		parameters: { resource: 'app', operation: 'get', app: appById(APP) },
		check: (_, [exchange]) => {
			expect(exchange.call.sent.url).toMatch(new RegExp(`/apps/${APP}$`));
		},
	},
	{
		operationId: 'create_app',
		title: 'Create an app with web, iOS (.p8) and Android push settings',
		organization: true,
		parameters: {
			resource: 'app',
			operation: 'create',
			name: 'Example Shop',
			webPush: {
				siteName: 'Example Shop',
				siteOrigin: 'https://shop.example.com/',
				defaultIconUrl: 'https://shop.example.com/icon-256.png',
			},
			ios: {
				environment: 'production',
				keyId: 'ABC123DEFG',
				teamId: '1A2B3C4D5E',
				bundleId: 'com.example.shop',
				p8Key: P8_KEY,
				dataAtRoot: false,
			},
			android: { serviceAccountJson: SERVICE_ACCOUNT, senderId: '123456789012' },
		},
		check: (_, [exchange]) => {
			expect(sentBody(exchange)).toEqual({
				name: 'Example Shop',
				organization_id: ORG,
				site_name: 'Example Shop',
				chrome_web_origin: 'https://shop.example.com',
				safari_site_origin: 'https://shop.example.com',
				chrome_web_default_notification_icon: 'https://shop.example.com/icon-256.png',
				safari_icon_256_256: 'https://shop.example.com/icon-256.png',
				safari_apns_p12: '',
				safari_apns_p12_password: '',
				apns_env: 'production',
				apns_key_id: 'ABC123DEFG',
				apns_team_id: '1A2B3C4D5E',
				apns_bundle_id: 'com.example.shop',
				apns_p8: Buffer.from(P8_KEY).toString('base64'),
				additional_data_is_root_payload: false,
				fcm_v1_service_account_json: Buffer.from(SERVICE_ACCOUNT).toString('base64'),
				android_gcm_sender_id: '123456789012',
			});
		},
	},
	{
		operationId: 'update_app',
		title: 'Rename an app and switch it to a .p12 certificate',
		organization: true,
		parameters: {
			resource: 'app',
			operation: 'update',
			app: appById(APP),
			updateFields: { name: 'Example Shop (EU)' },
			ios: {
				environment: 'sandbox',
				p12Certificate: FAKE_P12,
				p12Password: 'hunter22',
			},
		},
		check: (_, [exchange]) => {
			expect(exchange.call.sent.method).toBe('PUT');
			expect(sentBody(exchange)).toEqual({
				name: 'Example Shop (EU)',
				apns_env: 'sandbox',
				apns_p12: FAKE_P12,
				apns_p12_password: 'hunter22',
			});
		},
	},
	{
		operationId: 'view_api_keys',
		title: 'Get many API keys of an app',
		organization: true,
		parameters: { resource: 'apiKey', operation: 'getAll', app: appById(APP), returnAll: true },
	},
	{
		operationId: 'create_api_key',
		title: 'Create an API key limited to two addresses',
		organization: true,
		parameters: {
			resource: 'apiKey',
			operation: 'create',
			app: appById(APP),
			name: 'n8n production',
			additionalFields: { ipAllowlist: '203.0.113.7, 198.51.100.0/24' },
		},
		check: (run, [exchange]) => {
			expect(sentBody(exchange)).toEqual({
				name: 'n8n production',
				ip_allowlist_mode: 'explicit',
				ip_allowlist: ['203.0.113.7', '198.51.100.0/24'],
			});
			expect(run.output?.[0][0].json).toMatchObject({
				formatted_token: expect.any(String),
				token_id: expect.any(String),
				app_id: APP,
			});
		},
	},
	{
		operationId: 'update_api_key',
		title: 'Rename an API key and open its allowlist',
		organization: true,
		parameters: {
			resource: 'apiKey',
			operation: 'update',
			app: appById(APP),
			keyId: RECORD_ID,
			updateFields: { name: 'n8n staging', ipAllowlistMode: 'disabled' },
		},
		check: (_, [exchange]) => {
			expect(exchange.call.sent.method).toBe('PATCH');
			expect(sentBody(exchange)).toEqual({ name: 'n8n staging', ip_allowlist_mode: 'disabled' });
		},
	},
	{
		operationId: 'delete_api_key',
		title: 'Delete an API key',
		organization: true,
		parameters: { resource: 'apiKey', operation: 'delete', app: appById(APP), keyId: RECORD_ID },
		check: (run) => {
			expect(run.output?.[0][0].json).toEqual({ deleted: true, id: RECORD_ID });
		},
	},
	{
		operationId: 'rotate_api_key',
		title: 'Rotate an API key',
		organization: true,
		parameters: { resource: 'apiKey', operation: 'rotate', app: appById(APP), keyId: RECORD_ID },
		check: (_, [exchange]) => {
			expect(exchange.call.sent.url).toMatch(
				new RegExp(`/apps/${APP}/auth/tokens/${RECORD_ID}/rotate$`),
			);
		},
	},
	{
		operationId: 'list_audit_logs',
		title: 'Get audit log entries of the last 7 days with every filter',
		organization: true,
		parameters: {
			resource: 'auditLog',
			operation: 'getAll',
			timeRange: 'last7Days',
			returnAll: false,
			limit: 20,
			filters: {
				appIds: [APP, OTHER_APP],
				actions: 'notification.sent, segment.created',
				actorIds: '1f2e3d4c-5b6a-4978-8877-665544332211',
				actorEmails: 'ada@example.com',
				targetTypes: 'notification',
				targetIds: '7b1f2c34-9d8e-4f6a-b1c2-3d4e5f6a7b8c',
				ipAddresses: '203.0.113.7',
			},
		},
		check: (_, [exchange]) => {
			const { sent } = exchange.call;
			expect(sent.url).toMatch(new RegExp(`/organizations/${ORG}/audit_logs$`));
			// The spec declares the filters `style: form, explode: true`: app_ids=a&app_ids=b.
			expect(sent.arrayFormat).toBe('repeat');
			expect(sent.qs).toMatchObject({
				limit: 20,
				app_ids: [APP, OTHER_APP],
				actions: ['notification.sent', 'segment.created'],
				actor_emails: ['ada@example.com'],
				ip_addresses: ['203.0.113.7'],
				start_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
			});
		},
	},
	{
		operationId: 'list_audit_logs',
		title: 'Get audit log entries of a custom range with the organization ID option',
		organization: true,
		parameters: {
			resource: 'auditLog',
			operation: 'getAll',
			timeRange: 'custom',
			startTime: new Date(Date.now() - 3 * 86_400_000).toISOString(),
			endTime: new Date(Date.now() - 86_400_000).toISOString(),
			returnAll: false,
			limit: 5,
			options: { organizationId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' },
		},
		check: (_, [exchange]) => {
			expect(exchange.call.sent.url).toContain(
				'/organizations/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d/',
			);
			expect(Object.keys(exchange.call.sent.qs ?? {}).sort()).toEqual([
				'end_time',
				'limit',
				'start_time',
			]);
		},
	},
];
