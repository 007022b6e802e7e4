import type { IDataObject } from 'n8n-workflow';

import { ParameterError, parseJsonObject } from './validation';

/**
 * The body of Create App and Update App, from the node's typed fields. Push credentials (APNs
 * certificates and keys, the FCM service account) are secrets: the messages here never quote
 * them, and `secrets` lists every form they are sent in so the transport can keep them out of
 * errors too.
 */

export interface AppSettingsInput {
	name?: unknown;
	webPush?: IDataObject;
	ios?: IDataObject;
	android?: IDataObject;
	otherFields?: unknown;
	organizationId?: string;
}

export interface AppBody {
	body: IDataObject;
	secrets: string[];
}

/** Fields the API computes itself; sending them is at best ignored. */
const READ_ONLY_FIELDS = [
	'id',
	'players',
	'messageable_players',
	'created_at',
	'updated_at',
	'apns_certificates',
	'safari_apns_certificates',
	'safari_push_id',
	'basic_auth_key',
];

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

function utf8ToBase64(value: string): string {
	return Buffer.from(value, 'utf8').toString('base64');
}

/** Base64 text without line breaks, or a ParameterError that does not quote the value. */
function base64Value(value: string, parameter: string, what: string): string {
	const compact = value.replace(/\s+/g, '');
	if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
		throw new ParameterError(
			parameter,
			`is not Base64 text (the value is not shown because it is secret)`,
			`Enter ${what} encoded as Base64. In n8n, read the file with "Read/Write Files from Disk" and turn it into text with "Extract from File → Move File to Base64 String", then map that field here.`,
		);
	}
	return compact;
}

/** An https or http address; with `originOnly`, nothing after the host and port. */
function urlValue(value: string, parameter: string, originOnly: boolean): string {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		url = undefined as unknown as URL;
	}
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
		throw new ParameterError(
			parameter,
			`"${value}" is not a web address`,
			originOnly
				? 'Enter the address of your site with its scheme, such as https://example.com.'
				: 'Enter a full address starting with https://, such as https://example.com/icon-256.png.',
		);
	}
	if (originOnly && (url.pathname !== '/' || url.search || url.hash)) {
		throw new ParameterError(
			parameter,
			`"${value}" has a path; OneSignal needs the site's origin only`,
			`Enter just the scheme and host, such as ${url.origin}.`,
		);
	}
	return originOnly ? url.origin : value;
}

function webPushFields(
	input: IDataObject,
	mode: 'create' | 'update',
	body: IDataObject,
	secrets: string[],
) {
	const siteName = text(input.siteName);
	const siteOrigin = text(input.siteOrigin);
	const icon = text(input.defaultIconUrl);
	const safariP12 = text(input.safariCertificate);
	const safariPassword =
		typeof input.safariCertificatePassword === 'string' ? input.safariCertificatePassword : '';
	if (!siteName && !siteOrigin && !icon && !safariP12 && !safariPassword) return;
	// OneSignal sets up web push only when the site name and both origins come together.
	if (!siteName || !siteOrigin) {
		throw new ParameterError(
			siteName ? 'Site Origin' : 'Site Name',
			'is required for web push',
			'OneSignal sets up web push only when Site Name and Site Origin are sent together; fill in both under Web Push Settings.',
		);
	}
	body.site_name = siteName;
	const origin = urlValue(siteOrigin, 'Site Origin', true);
	body.chrome_web_origin = origin;
	body.safari_site_origin = origin;
	if (icon) {
		const iconUrl = urlValue(icon, 'Default Notification Icon URL', false);
		body.chrome_web_default_notification_icon = iconUrl;
		body.safari_icon_256_256 = iconUrl;
	}
	if (safariP12) {
		body.safari_apns_p12 = base64Value(safariP12, 'Safari Certificate (P12)', 'the .p12 file');
		body.safari_apns_p12_password = safariPassword;
		secrets.push(safariP12, body.safari_apns_p12 as string, safariPassword);
	} else if (safariPassword) {
		throw new ParameterError(
			'Safari Certificate Password',
			'is set without a Safari certificate',
			'Add Safari Certificate (P12) too, or remove the password.',
		);
	} else if (mode === 'create') {
		// OneSignal's reference asks for both Safari certificate fields, empty, when the site uses
		// OneSignal's own Safari certificate. On update they are left out so an uploaded
		// certificate stays as it is.
		body.safari_apns_p12 = '';
		body.safari_apns_p12_password = '';
	}
}

function iosFields(input: IDataObject, body: IDataObject, secrets: string[]) {
	const p8 = {
		keyId: text(input.keyId),
		teamId: text(input.teamId),
		bundleId: text(input.bundleId),
		key: text(input.p8Key),
	};
	const p12 = text(input.p12Certificate);
	const p12Password = typeof input.p12Password === 'string' ? input.p12Password : '';
	const usesP8 = Object.values(p8).some(Boolean);
	if (usesP8 && (p12 || p12Password)) {
		throw new ParameterError(
			'iOS Settings',
			'has both a .p8 key and a .p12 certificate',
			'Choose one way to authenticate with Apple: the .p8 key (Key ID, Team ID, Bundle ID, P8 Key) or the .p12 certificate (P12 Certificate, P12 Password).',
		);
	}
	if (usesP8) {
		const missing = (
			[
				['Key ID', p8.keyId],
				['Team ID', p8.teamId],
				['Bundle ID', p8.bundleId],
				['P8 Key', p8.key],
			] as const
		)
			.filter(([, value]) => !value)
			.map(([label]) => label);
		if (missing.length) {
			throw new ParameterError(
				missing[0],
				'is required with a .p8 key',
				`A .p8 key needs Key ID, Team ID, Bundle ID and P8 Key together; missing: ${missing.join(', ')}. Apple shows them under Certificates, Identifiers & Profiles → Keys.`,
			);
		}
		body.apns_key_id = p8.keyId;
		body.apns_team_id = p8.teamId;
		body.apns_bundle_id = p8.bundleId;
		// The .p8 file is PEM text; OneSignal wants it Base64-encoded. Text already in Base64 is
		// taken as it is.
		body.apns_p8 = p8.key.includes('-----BEGIN')
			? utf8ToBase64(p8.key.replace(/\r\n/g, '\n'))
			: base64Value(p8.key, 'P8 Key', 'the .p8 file (or paste its text as is)');
		secrets.push(p8.key, body.apns_p8 as string);
	}
	if (p12) {
		body.apns_p12 = base64Value(p12, 'P12 Certificate', 'the .p12 file');
		body.apns_p12_password = p12Password;
		secrets.push(p12, body.apns_p12 as string, p12Password);
	} else if (p12Password) {
		throw new ParameterError(
			'P12 Password',
			'is set without a certificate',
			'Add P12 Certificate too, or remove the password.',
		);
	}
	if (input.environment === 'sandbox' || input.environment === 'production') {
		body.apns_env = input.environment;
	}
	if (typeof input.dataAtRoot === 'boolean') {
		body.additional_data_is_root_payload = input.dataAtRoot;
	}
}

/**
 * The FCM v1 service account: the JSON file Firebase gives, sent Base64-encoded as OneSignal's
 * reference asks. Accepts the file's text or its Base64 encoding.
 */
function serviceAccountBase64(value: string): string {
	const parameter = 'Service Account JSON';
	let json = value;
	let encoded: string | undefined;
	if (!value.startsWith('{')) {
		encoded = base64Value(value, parameter, 'the service account JSON file (or paste its text)');
		json = Buffer.from(encoded, 'base64').toString('utf8');
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(json);
	} catch {
		parsed = undefined;
	}
	const account = (parsed ?? {}) as Record<string, unknown>;
	const missing = ['project_id', 'private_key', 'client_email'].filter(
		(key) => typeof account[key] !== 'string' || account[key] === '',
	);
	if (account.type !== 'service_account' || missing.length) {
		throw new ParameterError(
			parameter,
			'is not a Firebase service account file (the value is not shown because it is secret)',
			'Paste the whole JSON file from Firebase → Project settings → Service accounts → Generate new private key. It has "type": "service_account", project_id, private_key and client_email.',
		);
	}
	return encoded ?? utf8ToBase64(value);
}

function androidFields(input: IDataObject, body: IDataObject, secrets: string[]) {
	const account = text(input.serviceAccountJson);
	if (account) {
		body.fcm_v1_service_account_json = serviceAccountBase64(account);
		secrets.push(account, body.fcm_v1_service_account_json as string);
	}
	const senderId = text(input.senderId);
	if (senderId) {
		if (!/^\d+$/.test(senderId)) {
			throw new ParameterError(
				'Sender ID',
				`"${senderId}" is not a Firebase sender ID`,
				'The sender ID is the project number, digits only (Firebase → Project settings → Cloud Messaging).',
			);
		}
		body.android_gcm_sender_id = senderId;
	}
}

export function appBody(input: AppSettingsInput, mode: 'create' | 'update'): AppBody {
	const body: IDataObject = {};
	const secrets: string[] = [];
	const name = text(input.name);
	if (name) body.name = name;
	else if (mode === 'create') {
		throw new ParameterError(
			'Name',
			'is empty',
			'Give the app the name it should have in OneSignal.',
		);
	}
	if (input.organizationId) body.organization_id = input.organizationId;

	webPushFields(input.webPush ?? {}, mode, body, secrets);
	iosFields(input.ios ?? {}, body, secrets);
	androidFields(input.android ?? {}, body, secrets);

	const other = parseJsonObject(input.otherFields, 'Other Fields (JSON)');
	for (const [key, value] of Object.entries(other)) {
		if (READ_ONLY_FIELDS.includes(key)) {
			throw new ParameterError(
				'Other Fields (JSON)',
				`"${key}" is set by OneSignal and cannot be changed`,
				`Remove "${key}".`,
			);
		}
		if (key in body) {
			throw new ParameterError(
				'Other Fields (JSON)',
				`"${key}" is already set by a field of this node`,
				`Remove "${key}" from Other Fields (JSON), or clear the field that sets it.`,
			);
		}
		body[key] = value as IDataObject[string];
		if (typeof value === 'string' && /p12|p8|key|password|json/i.test(key)) secrets.push(value);
	}

	if (mode === 'update' && Object.keys(body).length === 0) {
		throw new ParameterError(
			'Update Fields',
			'nothing to update',
			'Add at least one field: Name, or a setting under Web Push, iOS or Android Settings.',
		);
	}
	return { body, secrets: secrets.filter((secret) => secret.length >= 4) };
}
