import type { IDataObject, ILoadOptionsFunctions, INodeParameters } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { apiKeyBody, parseIpAllowlist } from '../../nodes/OneSignal/helpers/apiKeys';
import { appBody } from '../../nodes/OneSignal/helpers/appSettings';

import { searchApps } from '../../nodes/OneSignal/methods/listSearch';
import { OneSignal } from '../../nodes/OneSignal/OneSignal.node';
import { FAKE_P12, P8_KEY, SERVICE_ACCOUNT } from '../contract/cases/organization';
import { APP_ID, createContext, ORG_KEY, type FullResponse } from '../support/context';
import { parameterError } from '../support/errors';

const ORG_ID = '3c9d8e2f-1a4b-4c6d-8e0f-2a3b4c5d6e7f';
const RECORD_ID = '0aa1b2c3-d4e5-46f7-8899-aabbccddeeff';
const NEW_KEY = `os_v2_app_${'7'.repeat(40)}`;

const orgCredentials = (organizationId = ORG_ID) => ({
	oneSignalOrganizationApi: {
		apiKey: ORG_KEY,
		organizationId,
		baseUrl: 'https://api.onesignal.com',
	},
});

const app = (value = APP_ID) => ({ __rl: true, mode: 'list', value });

function answering(...answers: Array<Partial<FullResponse> & { body: unknown }>) {
	const queue = [...answers];
	return async (): Promise<FullResponse> => {
		const next = queue.shift();
		if (!next) throw new Error('no scripted answer left');
		return { statusCode: 200, headers: {}, ...next };
	};
}

async function failure(promise: Promise<unknown>) {
	return (await promise.then(
		() => {
			throw new Error('expected a failure');
		},
		(error: unknown) => error,
	)) as Error & { description?: string };
}

describe('node description', () => {
	const node = new OneSignal().description;
	const shown = (name: string, resource: string) => {
		const credential = node.credentials!.find((entry) => entry.name === name)!;
		return NodeHelpers.displayParameter({ resource }, credential, { typeVersion: 1 }, node);
	};

	it.each(['app', 'apiKey', 'auditLog'])(
		'for %s shows only the organization credential',
		(resource) => {
			expect(shown('oneSignalOrganizationApi', resource)).toBe(true);
			expect(shown('oneSignalAppApi', resource)).toBe(false);
		},
	);

	it('for app-level resources shows only the app credential', () => {
		expect(shown('oneSignalAppApi', 'message')).toBe(true);
		expect(shown('oneSignalOrganizationApi', 'message')).toBe(false);
	});

	it('says in every organization operation that it needs the Organization API credential', () => {
		const selectors = node.properties.filter(
			(property) =>
				property.name === 'operation' &&
				['app', 'apiKey', 'auditLog'].some((resource) =>
					(property.displayOptions?.show?.resource as string[]).includes(resource),
				),
		);
		const options = selectors.flatMap((selector) => selector.options as unknown as IDataObject[]);
		expect(options).toHaveLength(10);
		for (const option of options) {
			expect(option.description).toContain('needs the Organization API credential');
		}
	});
});

describe('app settings body', () => {
	it('sends the site origin as both web origins and encodes the .p8 key and service account', () => {
		const { body, secrets } = appBody(
			{
				name: ' Shop ',
				organizationId: ORG_ID,
				webPush: { siteName: 'Shop', siteOrigin: 'https://shop.example.com' },
				ios: { keyId: 'K', teamId: 'T', bundleId: 'com.example', p8Key: P8_KEY },
				android: { serviceAccountJson: SERVICE_ACCOUNT },
			},
			'create',
		);
		expect(body).toMatchObject({
			name: 'Shop',
			organization_id: ORG_ID,
			chrome_web_origin: 'https://shop.example.com',
			safari_site_origin: 'https://shop.example.com',
			safari_apns_p12: '',
			apns_p8: Buffer.from(P8_KEY).toString('base64'),
			fcm_v1_service_account_json: Buffer.from(SERVICE_ACCOUNT).toString('base64'),
		});
		expect(secrets).toEqual(
			expect.arrayContaining([
				P8_KEY,
				SERVICE_ACCOUNT,
				body.apns_p8,
				body.fcm_v1_service_account_json,
			]),
		);
	});

	it('takes a service account already in Base64 as it is', () => {
		const encoded = Buffer.from(SERVICE_ACCOUNT).toString('base64');
		const { body } = appBody({ android: { serviceAccountJson: encoded } }, 'update');
		expect(body).toEqual({ fcm_v1_service_account_json: encoded });
	});

	it('leaves the Safari certificate alone on update', () => {
		const { body } = appBody(
			{ webPush: { siteName: 'Shop', siteOrigin: 'https://shop.example.com' } },
			'update',
		);
		expect(body).not.toHaveProperty('safari_apns_p12');
	});

	it.each([
		[{ webPush: { siteName: 'Shop' } }, 'Site Origin: is required for web push'],
		[{ webPush: { siteOrigin: 'https://a.example' } }, 'Site Name: is required for web push'],
		[
			{ webPush: { siteName: 'Shop', siteOrigin: 'https://shop.example.com/app' } },
			'Site Origin: "https://shop.example.com/app" has a path; OneSignal needs the site\'s origin only',
		],
		[{ ios: { keyId: 'K', p8Key: P8_KEY } }, 'Team ID: is required with a .p8 key'],
		[
			{ ios: { keyId: 'K', p12Certificate: FAKE_P12 } },
			'iOS Settings: has both a .p8 key and a .p12 certificate',
		],
		[{ android: { senderId: 'abc' } }, 'Sender ID: "abc" is not a Firebase sender ID'],
		[{}, 'Update Fields: nothing to update'],
		[
			{ otherFields: '{"players": 3}' },
			'Other Fields (JSON): "players" is set by OneSignal and cannot be changed',
		],
	])('refuses %j', (input, message) => {
		expect(parameterError(() => appBody(input as never, 'update')).message).toBe(message);
	});

	it('never quotes a secret in its messages', () => {
		const broken = SERVICE_ACCOUNT.replace('service_account', 'user');
		const account = parameterError(() =>
			appBody({ android: { serviceAccountJson: broken } }, 'update'),
		);
		expect(account.message).toBe(
			'Service Account JSON: is not a Firebase service account file (the value is not shown because it is secret)',
		);
		const p12 = parameterError(() =>
			appBody({ ios: { p12Certificate: 'not base64 at all!' } }, 'update'),
		);
		expect(`${p12.message} ${p12.hint}`).not.toContain('not base64 at all');
		expect(`${account.message} ${account.hint}`).not.toContain('PRIVATE KEY');
	});
});

describe('App operations', () => {
	it('Create uses the credential’s organization and keeps secrets out of a OneSignal error', async () => {
		const echoed = Buffer.from(P8_KEY).toString('base64');
		const test = createContext({
			parameters: {
				resource: 'app',
				operation: 'create',
				name: 'Shop',
				ios: { keyId: 'K', teamId: 'T', bundleId: 'com.example', p8Key: P8_KEY },
			},
			credentials: orgCredentials(),
			http: answering({ statusCode: 400, body: { errors: [`apns_p8 ${echoed} is not a key`] } }),
		});
		const error = await failure(test.run());
		expect(error.message).toBe('apns_p8 [redacted] is not a key');
		expect(JSON.stringify(error)).not.toContain(echoed);
		expect(test.calls[0].sent.body).toMatchObject({ name: 'Shop', organization_id: ORG_ID });
		expect(test.calls[0].sent.headers).toMatchObject({ Authorization: `Key ${ORG_KEY}` });
		expect(test.logs.map((entry) => JSON.stringify(entry)).join('\n')).not.toContain(echoed);
	});

	it('Create refuses to run without an organization ID (OneSignal would make a new organization)', async () => {
		const test = createContext({
			parameters: { resource: 'app', operation: 'create', name: 'Shop' },
			credentials: orgCredentials(''),
			http: answering({ body: {} }),
		});
		const error = await failure(test.run());
		expect(error.message).toBe('Organization ID: no organization ID is set');
		expect(error.description).toContain('Additional Fields → Organization ID');
		expect(test.calls).toHaveLength(0);
	});

	it('Get Many returns one item per app and applies the Limit to the single answer', async () => {
		const apps = [1, 2, 3].map((index) => ({ id: `app-${index}`, name: `App ${index}` }));
		const test = createContext({
			parameters: { resource: 'app', operation: 'getAll', returnAll: false, limit: 2 },
			credentials: orgCredentials(),
			http: answering({ body: apps }),
		});
		const [items] = await test.run();
		expect(items.map((item) => item.json)).toEqual(apps.slice(0, 2));
	});

	it('Get refuses an App ID that is not a UUID before sending', async () => {
		const test = createContext({
			parameters: {
				resource: 'app',
				operation: 'get',
				app: { __rl: true, mode: 'id', value: 'shop' },
			},
			credentials: orgCredentials(),
			http: answering({ body: {} }),
		});
		await expect(test.run()).rejects.toThrow('App: "shop" is not an App ID');
		expect(test.calls).toHaveLength(0);
	});

	it('the App picker lists the organization’s apps by name, filtered', async () => {
		const test = createContext({
			parameters: { resource: 'app', operation: 'get' },
			credentials: orgCredentials(),
			http: answering({
				body: [
					{ id: 'b', name: 'Shop EU' },
					{ id: 'a', name: 'Blog' },
					{ id: 'c', name: 'Shop US' },
				],
			}),
		});
		const result = await searchApps.call(test.context as unknown as ILoadOptionsFunctions, 'shop');
		expect(result.results).toEqual([
			{ name: 'Shop EU', value: 'b' },
			{ name: 'Shop US', value: 'c' },
		]);
		expect(test.calls[0].credentialType).toBe('oneSignalOrganizationApi');
	});
});

describe('API key body', () => {
	it('turns an allowlist into the explicit mode, and no list into disabled on create', () => {
		expect(apiKeyBody({ name: 'n8n', ipAllowlist: '203.0.113.7, 10.0.0.0/8' }, 'create')).toEqual({
			name: 'n8n',
			ip_allowlist_mode: 'explicit',
			ip_allowlist: ['203.0.113.7', '10.0.0.0/8'],
		});
		expect(apiKeyBody({ name: 'n8n' }, 'create')).toEqual({
			name: 'n8n',
			ip_allowlist_mode: 'disabled',
		});
		expect(apiKeyBody({ name: 'renamed' }, 'update')).toEqual({ name: 'renamed' });
	});

	it.each([
		[
			{ ipAllowlistMode: 'explicit' },
			'IP Allowlist: is empty while IP Allowlist Mode is "Only Listed Addresses"',
		],
		[
			{ ipAllowlistMode: 'disabled', ipAllowlist: '1.2.3.4' },
			'IP Allowlist: has addresses while IP Allowlist Mode is "Any Address"',
		],
		[{}, 'Update Fields: nothing to update'],
	])('refuses %j on update', (fields, message) => {
		expect(parameterError(() => apiKeyBody(fields, 'update')).message).toBe(message);
	});

	it('accepts IPv4, IPv6 and CIDR ranges and names what is not one', () => {
		expect(parseIpAllowlist('2001:db8::/32, 192.0.2.1')).toEqual(['2001:db8::/32', '192.0.2.1']);
		expect(parameterError(() => parseIpAllowlist('192.0.2.1/33, example.com')).message).toBe(
			'IP Allowlist: "192.0.2.1/33", "example.com" are not an IP address or range',
		);
	});
});

describe('API Key operations', () => {
	const run = (
		parameters: INodeParameters,
		...answers: Array<{ body: unknown; statusCode?: number }>
	) => {
		const test = createContext({
			parameters,
			credentials: orgCredentials(),
			http: answering(...answers),
		});
		return { test, done: test.run() };
	};

	it('Create returns the new key in the output, once, and never logs it', async () => {
		const { test, done } = run(
			{ resource: 'apiKey', operation: 'create', app: app(), name: 'n8n' },
			{ body: { token_id: RECORD_ID, formatted_token: NEW_KEY } },
		);
		const [[item]] = await done;
		expect(item.json).toEqual({
			token_id: RECORD_ID,
			formatted_token: NEW_KEY,
			app_id: APP_ID,
			name: 'n8n',
		});
		expect(test.calls[0].sent.url).toBe(`https://api.onesignal.com/apps/${APP_ID}/auth/tokens`);
		expect(JSON.stringify(test.logs)).not.toContain(NEW_KEY);
	});

	it('Create is not repeated after a lost answer, since a second try would make a second key', async () => {
		const test = createContext({
			parameters: { resource: 'apiKey', operation: 'create', app: app(), name: 'n8n' },
			credentials: orgCredentials(),
			http: async () => {
				throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
			},
		});
		const error = await failure(test.run());
		expect(test.calls).toHaveLength(1);
		expect(error.description).toContain('may have reached OneSignal');
	});

	it('Rotate returns the new key; Delete returns deleted and the ID', async () => {
		const rotate = run(
			{ resource: 'apiKey', operation: 'rotate', app: app(), keyId: RECORD_ID },
			{ body: { token_id: RECORD_ID, formatted_token: NEW_KEY } },
		);
		expect((await rotate.done)[0][0].json).toMatchObject({ formatted_token: NEW_KEY });
		expect(rotate.test.calls[0].sent.method).toBe('POST');

		const remove = run(
			{ resource: 'apiKey', operation: 'delete', app: app(), keyId: RECORD_ID },
			{ body: {} },
		);
		expect((await remove.done)[0][0].json).toEqual({ deleted: true, id: RECORD_ID });
		expect(remove.test.calls[0].sent.url).toBe(
			`https://api.onesignal.com/apps/${APP_ID}/auth/tokens/${RECORD_ID}`,
		);
	});

	it('Get Many returns one item per key with its app', async () => {
		const { done } = run(
			{ resource: 'apiKey', operation: 'getAll', app: app(), returnAll: true },
			{
				body: {
					tokens: [
						{ token_id: 'a', name: 'one' },
						{ token_id: 'b', name: 'two' },
					],
				},
			},
		);
		expect((await done)[0].map((item) => item.json)).toEqual([
			{ token_id: 'a', name: 'one', app_id: APP_ID },
			{ token_id: 'b', name: 'two', app_id: APP_ID },
		]);
	});

	it('refuses a key value where the key ID belongs, without sending it anywhere', async () => {
		const { test, done } = run(
			{ resource: 'apiKey', operation: 'delete', app: app(), keyId: NEW_KEY },
			{ body: {} },
		);
		await expect(done).rejects.toThrow('API Key ID:');
		expect(test.calls).toHaveLength(0);
	});
});
