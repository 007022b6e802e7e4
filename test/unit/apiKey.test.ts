import { OneSignalAppApi } from '../../credentials/OneSignalAppApi.credentials';
import { OneSignalOrganizationApi } from '../../credentials/OneSignalOrganizationApi.credentials';
import { normalizeApiKey, normalizeBaseUrl } from '../../nodes/OneSignal/helpers/apiKey';

describe('API key normalisation', () => {
	it.each([
		['os_v2_app_abc123', 'os_v2_app_abc123'],
		['Key os_v2_app_abc123', 'os_v2_app_abc123'],
		['key   os_v2_app_abc123', 'os_v2_app_abc123'],
		['Basic os_v2_app_abc123', 'os_v2_app_abc123'],
		['Bearer os_v2_app_abc123', 'os_v2_app_abc123'],
		['Authorization: Key os_v2_app_abc123', 'os_v2_app_abc123'],
		['  "os_v2_app_abc123"  ', 'os_v2_app_abc123'],
	])('turns %j into the bare key', (pasted, bare) => {
		expect(normalizeApiKey(pasted)).toBe(bare);
	});

	it('does not strip a key that merely starts with the letters of a scheme', () => {
		expect(normalizeApiKey('Keyless123')).toBe('Keyless123');
		expect(normalizeApiKey('Bearerish')).toBe('Bearerish');
	});

	it('drops trailing slashes from the base URL and defaults it', () => {
		expect(normalizeBaseUrl('http://127.0.0.1:4010///')).toBe('http://127.0.0.1:4010');
		expect(normalizeBaseUrl('')).toBe('https://api.onesignal.com');
	});

	it.each([
		['app', new OneSignalAppApi()],
		['organization', new OneSignalOrganizationApi()],
	])(
		'the %s credential sends "Authorization: Key <key>" whatever scheme was pasted',
		async (_, credential) => {
			const sent = await credential.authenticate(
				{ apiKey: 'Bearer os_v2_secret', appId: 'x' },
				{ url: 'https://api.onesignal.com/apps', headers: { Accept: 'application/json' } },
			);
			expect(sent.headers).toEqual({
				Accept: 'application/json',
				Authorization: 'Key os_v2_secret',
			});
		},
	);

	it('tests the app credential with a request that needs only an app key', () => {
		const credential = new OneSignalAppApi();
		expect(credential.test.request).toMatchObject({ url: '/notifications', method: 'GET' });
		expect(credential.test.request.qs).toMatchObject({ limit: 1 });
	});

	it('tests the organization credential with a request that needs the organization key', () => {
		expect(new OneSignalOrganizationApi().test.request).toMatchObject({
			url: '/apps',
			method: 'GET',
		});
	});
});
