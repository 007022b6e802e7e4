import { ParameterError } from './validation';

/**
 * Subscriptions: one device, inbox or phone number of a user. The spec's `Subscription` object,
 * built from typed fields, and the checks OneSignal would otherwise answer with a 400.
 */

/** The subscription types, in the editor's alphabetical order. */
export const SUBSCRIPTION_TYPES = [
	{ name: 'Amazon Fire OS Push', value: 'FireOSPush' },
	{ name: 'Android Push', value: 'AndroidPush' },
	{ name: 'Chrome Extension Push', value: 'ChromeExtensionPush' },
	{ name: 'Chrome Web Push', value: 'ChromePush' },
	{ name: 'Email', value: 'Email' },
	{ name: 'Firefox Web Push', value: 'FirefoxPush' },
	{ name: 'Huawei Push', value: 'HuaweiPush' },
	{ name: 'iOS Push', value: 'iOSPush' },
	{ name: 'macOS Push', value: 'macOSPush' },
	{ name: 'Safari Web Push', value: 'SafariPush' },
	{ name: 'Safari Web Push (Legacy)', value: 'SafariLegacyPush' },
	{ name: 'SMS', value: 'SMS' },
	{ name: 'Windows Push', value: 'WindowsPush' },
];

const TYPE_VALUES = new Set(SUBSCRIPTION_TYPES.map((type) => type.value));

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/** Checks the token for its type: an email address, an E.164 number or a push token. */
export function checkToken(type: string, token: string, parameter = 'Token'): string {
	const value = token.trim();
	if (value === '') {
		throw new ParameterError(
			parameter,
			'is empty',
			type === 'Email'
				? 'Enter the email address.'
				: type === 'SMS'
					? 'Enter the phone number in E.164 form, such as +15551234567.'
					: 'Enter the push token the device registered with.',
		);
	}
	if (type === 'Email' && !EMAIL.test(value)) {
		throw new ParameterError(
			parameter,
			`"${value}" is not an email address`,
			'Enter an address such as ada@example.com.',
		);
	}
	if (type === 'SMS' && !E164.test(value)) {
		throw new ParameterError(
			parameter,
			`"${value}" is not a phone number in E.164 form`,
			'Write it with a plus sign and country code and no spaces, such as +15551234567.',
		);
	}
	return value;
}

export function checkSubscriptionType(type: unknown, parameter = 'Type'): string {
	const value = String(type ?? '');
	if (!TYPE_VALUES.has(value)) {
		throw new ParameterError(
			parameter,
			`"${value}" is not a subscription type`,
			`Use one of: ${[...TYPE_VALUES].join(', ')}.`,
		);
	}
	return value;
}

/** Optional subscription fields from the editor, by their editor names. */
export interface SubscriptionFieldInput {
	enabled?: unknown;
	notificationTypes?: unknown;
	token?: unknown;
	appVersion?: unknown;
	deviceModel?: unknown;
	deviceOs?: unknown;
	sdk?: unknown;
	carrier?: unknown;
	netType?: unknown;
	rooted?: unknown;
	testType?: unknown;
	sessionCount?: unknown;
	sessionTime?: unknown;
	webAuth?: unknown;
	webP256?: unknown;
}

const STRING_FIELDS: Array<[keyof SubscriptionFieldInput, string]> = [
	['appVersion', 'app_version'],
	['deviceModel', 'device_model'],
	['deviceOs', 'device_os'],
	['sdk', 'sdk'],
	['carrier', 'carrier'],
	['webAuth', 'web_auth'],
	['webP256', 'web_p256'],
];

const INTEGER_FIELDS: Array<[keyof SubscriptionFieldInput, string, string]> = [
	['notificationTypes', 'notification_types', 'Notification Types'],
	['netType', 'net_type', 'Network Type'],
	['testType', 'test_type', 'Test Type'],
	['sessionCount', 'session_count', 'Session Count'],
	['sessionTime', 'session_time', 'Session Time (Seconds)'],
];

/** The spec's `Subscription` object from typed fields; only what was set is sent. */
export function buildSubscriptionFields(input: SubscriptionFieldInput): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	if (typeof input.enabled === 'boolean') result.enabled = input.enabled;
	if (typeof input.rooted === 'boolean') result.rooted = input.rooted;
	for (const [from, to] of STRING_FIELDS) {
		const value = input[from];
		if (value !== undefined && value !== null && String(value).trim() !== '') {
			result[to] = String(value).trim();
		}
	}
	for (const [from, to, label] of INTEGER_FIELDS) {
		const value = input[from];
		if (value === undefined || value === null || value === '') continue;
		const parsed = typeof value === 'number' ? value : Number(String(value).trim());
		if (!Number.isInteger(parsed)) {
			throw new ParameterError(
				label,
				`"${String(value)}" is not a whole number`,
				'Enter a whole number.',
			);
		}
		result[to] = parsed;
	}
	if (input.token !== undefined && input.token !== null && String(input.token).trim() !== '') {
		result.token = String(input.token).trim();
	}
	return result;
}
