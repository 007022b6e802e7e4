import type { Channel } from './messageBody';
import { isTargetingField } from './messageBody';
import { byteLength, closestName, ParameterError } from './validation';

/**
 * Rules for the "Other Fields (JSON)" escape hatch of the Send operation. OneSignal silently
 * ignores field names it does not know (`IncludedSegments`, `include_aliases.ExternalIds`), which
 * has sent messages to the wrong audience; here every name is checked against the fields of the
 * official spec's Notification schema.
 */

/** Every field of the spec's Notification schema (API 5.12.0). test/unit checks it against the spec. */
export const NOTIFICATION_FIELDS = [
	'included_segments',
	'excluded_segments',
	'include_subscription_ids',
	'include_email_tokens',
	'email_to',
	'include_phone_numbers',
	'include_ios_tokens',
	'include_wp_wns_uris',
	'include_amazon_reg_ids',
	'include_chrome_reg_ids',
	'include_chrome_web_reg_ids',
	'include_android_reg_ids',
	'include_aliases',
	'target_channel',
	'id',
	'value',
	'name',
	'aggregation',
	'isIos',
	'isAndroid',
	'isHuawei',
	'isAnyWeb',
	'isChromeWeb',
	'isFirefox',
	'isSafari',
	'isWP_WNS',
	'isAdm',
	'isChrome',
	'app_id',
	'external_id',
	'idempotency_key',
	'contents',
	'headings',
	'subtitle',
	'data',
	'huawei_msg_type',
	'url',
	'web_url',
	'app_url',
	'ios_attachments',
	'template_id',
	'content_available',
	'mutable_content',
	'target_content_identifier',
	'big_picture',
	'global_image',
	'huawei_big_picture',
	'adm_big_picture',
	'chrome_big_picture',
	'chrome_web_image',
	'buttons',
	'web_buttons',
	'ios_category',
	'android_channel_id',
	'huawei_channel_id',
	'existing_android_channel_id',
	'huawei_existing_channel_id',
	'android_background_layout',
	'small_icon',
	'huawei_small_icon',
	'large_icon',
	'huawei_large_icon',
	'adm_small_icon',
	'adm_large_icon',
	'chrome_web_icon',
	'chrome_web_badge',
	'firefox_icon',
	'chrome_icon',
	'ios_sound',
	'android_sound',
	'huawei_sound',
	'adm_sound',
	'wp_wns_sound',
	'android_led_color',
	'huawei_led_color',
	'android_accent_color',
	'huawei_accent_color',
	'android_visibility',
	'huawei_visibility',
	'ios_badgeType',
	'ios_badgeCount',
	'collapse_id',
	'web_push_topic',
	'apns_alert',
	'delayed_option',
	'delivery_time_of_day',
	'ttl',
	'priority',
	'apns_push_type_override',
	'throttle_rate_per_minute',
	'android_group',
	'android_group_message',
	'adm_group',
	'adm_group_message',
	'thread_id',
	'summary_arg',
	'summary_arg_count',
	'ios_relevance_score',
	'ios_interruption_level',
	'email_subject',
	'email_body',
	'email_from_name',
	'email_from_address',
	'email_reply_to_address',
	'email_preheader',
	'disable_email_click_tracking',
	'include_unsubscribed',
	'email_bcc',
	'email_sender_domain',
	'sms_from',
	'sms_media_urls',
	'filters',
	'custom_data',
	'huawei_badge_class',
	'huawei_badge_add_num',
	'huawei_badge_set_num',
	'huawei_category',
	'huawei_bi_tag',
	'send_after',
] as const;

/** Fields the node fills from its own parameters: where to set each instead. */
const MANAGED_FIELDS: Record<string, string> = {
	app_id: 'the App ID of the credential',
	idempotency_key: 'Additional Fields → Idempotency Key',
	contents: 'Message (and Additional Fields → Other Languages)',
	headings: 'Heading (and Additional Fields → Other Languages)',
	subtitle: 'Additional Fields → Subtitle',
	template_id: 'Content → Use a Template',
	custom_data: 'Template Variables',
	email_subject: 'Email Subject',
	email_body: 'Email Body',
	sms_from: 'SMS From',
	external_id:
		'"Send To: Users by External ID" — the top-level external_id field does not choose recipients',
	id: 'nothing: OneSignal assigns the message ID',
	value: 'nothing: it is not a request field',
	aggregation: 'nothing: it is not a request field',
};

/** Fields OneSignal retired, with what replaced them. */
const LEGACY_FIELDS: Record<string, string> = {
	include_player_ids: 'include_subscription_ids (in this node: Send To → Subscription IDs)',
	include_external_user_ids:
		'include_aliases.external_id with target_channel (in this node: Send To → Users by External ID)',
	include_email_tokens: 'email_to (in this node: Send To → Email Addresses)',
	include_ios_tokens: 'include_subscription_ids (Send To → Subscription IDs)',
	include_android_reg_ids: 'include_subscription_ids (Send To → Subscription IDs)',
	include_chrome_reg_ids: 'include_subscription_ids (Send To → Subscription IDs)',
	include_chrome_web_reg_ids: 'include_subscription_ids (Send To → Subscription IDs)',
	include_amazon_reg_ids: 'include_subscription_ids (Send To → Subscription IDs)',
	include_wp_wns_uris: 'include_subscription_ids (Send To → Subscription IDs)',
	android_sound: 'android_channel_id (Android notification channels carry the sound)',
	android_led_color: 'android_channel_id (Android notification channels carry the light colour)',
	android_visibility: 'android_channel_id (Android notification channels carry the visibility)',
	isIos: 'segments or filters (Send To → Segments or Filters)',
	isAndroid: 'segments or filters (Send To → Segments or Filters)',
	isChrome: 'segments or filters (Send To → Segments or Filters)',
};

const PARAMETER = 'Other Fields (JSON)';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** OneSignal keeps undelivered push messages at most 28 days. */
const MAX_TTL_SECONDS = 2_419_200;

/**
 * Launch URLs may be web pages or app deep links (`myapp://orders/1`); images and media must be
 * web URLs that devices can download.
 */
function checkUrl(value: unknown, label: string, allowDeepLink: boolean, webOnly = false): void {
	if (value === undefined) return;
	const text = String(value).trim();
	const web = /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(text);
	const deepLink = /^[a-z][a-z0-9+.-]*:\/\/?[^\s]*$/i.test(text);
	if (web || (allowDeepLink && !webOnly && deepLink)) return;
	throw new ParameterError(
		label,
		`"${text}" is not ${allowDeepLink ? 'a web address or app link' : 'a web address'}`,
		allowDeepLink
			? 'Enter a full address such as https://example.com/page, or an app link such as myapp://orders/42.'
			: 'Enter a full address starting with https://, which devices can download.',
	);
}
const OFFSET_TIMESTAMP = /(Z|[+-]\d{2}:?\d{2}|GMT[+-]\d{4}|UTC[+-]?\d{0,4})\s*(\(.*\))?$/i;

/**
 * Checks the optional fields (from the typed parameters) and the user's raw JSON fields, and
 * returns them merged. Throws a ParameterError naming the field and the fix for anything OneSignal
 * would reject or, worse, silently ignore.
 */
export function checkOtherFields(
	other: Record<string, unknown>,
	typed: Record<string, unknown>,
	channel: Channel,
	now: Date,
): Record<string, unknown> {
	const known = NOTIFICATION_FIELDS as readonly string[];
	for (const name of Object.keys(other)) {
		if (LEGACY_FIELDS[name]) {
			throw new ParameterError(
				PARAMETER,
				`"${name}" is a retired OneSignal field`,
				`Use ${LEGACY_FIELDS[name]} instead.`,
			);
		}
		if (isTargetingField(name)) {
			throw new ParameterError(
				PARAMETER,
				`"${name}" chooses recipients, which this field cannot do`,
				'Choose the audience with "Send To" so that one request never mixes two audiences.',
			);
		}
		if (MANAGED_FIELDS[name]) {
			throw new ParameterError(
				PARAMETER,
				`"${name}" is set by the node`,
				`Use ${MANAGED_FIELDS[name]}.`,
			);
		}
		if (!known.includes(name)) {
			const suggestion = closestName(name, [...known, ...Object.keys(LEGACY_FIELDS)]);
			let hint =
				'Check the field name in OneSignal’s Create Message reference; names are snake_case and exact.';
			if (suggestion && (isTargetingField(suggestion) || LEGACY_FIELDS[suggestion])) {
				hint = `It looks like "${suggestion}", which chooses recipients: use "Send To" for that, so that one request never mixes two audiences.`;
			} else if (suggestion && MANAGED_FIELDS[suggestion]) {
				hint = `It looks like "${suggestion}", which the node sets: use ${MANAGED_FIELDS[suggestion]}.`;
			} else if (suggestion) {
				hint = `Did you mean "${suggestion}"? Field names are snake_case and exact.`;
			}
			throw new ParameterError(
				PARAMETER,
				`"${name}" is not a field of OneSignal's Create Message API and would be silently ignored`,
				hint,
			);
		}
		if (typed[name] !== undefined) {
			throw new ParameterError(
				PARAMETER,
				`"${name}" is also set in Additional Fields`,
				'Set each field in one place only.',
			);
		}
	}

	const merged: Record<string, unknown> = { ...typed, ...other };
	if (merged.data !== undefined) {
		if (typeof merged.data !== 'object' || merged.data === null || Array.isArray(merged.data)) {
			throw new ParameterError(
				'Data',
				'must be a JSON object',
				'Enter an object such as {"orderId": 42}.',
			);
		}
		const size = byteLength(merged.data);
		if (size > 2048) {
			throw new ParameterError(
				'Data',
				`is ${size} bytes; OneSignal accepts at most 2,048`,
				'Send an ID and let the app fetch the rest.',
			);
		}
	}
	if (merged.send_after !== undefined) merged.send_after = checkSendAfter(merged.send_after, now);
	if (
		merged.delayed_option !== undefined &&
		!['timezone', 'last-active'].includes(String(merged.delayed_option))
	) {
		throw new ParameterError(
			'Optimise Delivery',
			`"${String(merged.delayed_option)}" is not an option`,
			'Use "timezone" or "last-active".',
		);
	}
	if (merged.delivery_time_of_day !== undefined) {
		const time = String(merged.delivery_time_of_day).trim();
		if (!/^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?$|^(0?[1-9]|1[0-2]):[0-5]\d\s?(AM|PM)$/i.test(time)) {
			throw new ParameterError(
				'Delivery Time of Day',
				`"${time}" is not a time of day`,
				'Write it like 9:00AM, 21:45 or 9:45:30.',
			);
		}
		if (merged.delayed_option !== 'timezone') {
			throw new ParameterError(
				'Delivery Time of Day',
				'only works when delivery is optimised for the user’s time zone',
				'Set "Optimise Delivery" to "User\'s Time Zone".',
			);
		}
	}
	checkUrl(merged.url, 'Launch URL', true);
	checkUrl(merged.web_url, 'web_url', true);
	checkUrl(merged.app_url, 'app_url', true);
	for (const [field, label] of [
		['big_picture', 'Image URL'],
		['chrome_web_image', 'Image URL'],
		['global_image', 'global_image'],
		['chrome_web_icon', 'chrome_web_icon'],
		['large_icon', 'large_icon'],
	] as const) {
		checkUrl(merged[field], label, false, true);
	}
	if (merged.ttl !== undefined) {
		const ttl = Number(merged.ttl);
		if (!Number.isInteger(ttl) || ttl < 0 || ttl > MAX_TTL_SECONDS) {
			throw new ParameterError(
				'Time to Live (Seconds)',
				`${String(merged.ttl)} is outside 0 to ${MAX_TTL_SECONDS} (28 days)`,
				'Enter a whole number of seconds up to 2419200.',
			);
		}
	}
	if (merged.priority !== undefined && ![5, 10].includes(Number(merged.priority))) {
		throw new ParameterError(
			'Priority',
			`${String(merged.priority)} is not a priority OneSignal knows`,
			'Use 10 (high) or 5 (normal).',
		);
	}
	for (const [field, label] of [
		['email_from_address', 'Email From Address'],
		['email_reply_to_address', 'Email Reply-To Address'],
	] as const) {
		if (merged[field] !== undefined && !EMAIL.test(String(merged[field]).trim())) {
			throw new ParameterError(
				label,
				`"${String(merged[field])}" is not an email address`,
				'Enter an address such as news@example.com.',
			);
		}
	}
	if (Array.isArray(merged.email_bcc) && merged.email_bcc.length > 5) {
		throw new ParameterError(PARAMETER, '"email_bcc" has more than 5 addresses', 'Keep at most 5.');
	}
	if (Array.isArray(merged.sms_media_urls)) {
		for (const url of merged.sms_media_urls) checkUrl(url, 'SMS Media URLs', false, true);
	}
	if (typeof merged.name === 'string' && merged.name.length > 128) {
		throw new ParameterError('Message Name', 'is longer than 128 characters', 'Shorten it.');
	}
	for (const name of ['ttl', 'priority', 'ios_badgeCount', 'summary_arg_count']) {
		if (merged[name] !== undefined && !Number.isInteger(Number(merged[name]))) {
			throw new ParameterError(
				PARAMETER,
				`"${name}" must be a whole number`,
				`Set ${name} to a number such as 10.`,
			);
		}
	}
	if (channel !== 'email') {
		for (const name of Object.keys(merged).filter((key) => key.startsWith('email_'))) {
			throw new ParameterError(
				PARAMETER,
				`"${name}" only applies to email`,
				'Remove it, or set Channel to Email.',
			);
		}
	}
	if (channel !== 'sms' && merged.sms_media_urls !== undefined) {
		throw new ParameterError(
			'SMS Media URLs',
			'only apply to SMS',
			'Remove them, or set Channel to SMS.',
		);
	}
	if (Array.isArray(merged.sms_media_urls) && merged.sms_media_urls.length > 10) {
		throw new ParameterError('SMS Media URLs', 'has more than 10 URLs', 'Keep at most 10.');
	}
	return merged;
}

/**
 * OneSignal wants an unambiguous future time. A bare "2026-12-24 09:00" could be any time zone,
 * so a timestamp without an offset is refused rather than guessed.
 */
function checkSendAfter(value: unknown, now: Date): string {
	const text = value instanceof Date ? value.toISOString() : String(value).trim();
	const parsed = Date.parse(text);
	if (Number.isNaN(parsed)) {
		throw new ParameterError(
			'Send After',
			`"${text}" is not a date and time`,
			'Use an ISO 8601 time such as 2026-12-24T09:00:00+01:00.',
		);
	}
	if (!OFFSET_TIMESTAMP.test(text)) {
		throw new ParameterError(
			'Send After',
			`"${text}" has no time zone`,
			'Add an offset or Z, such as 2026-12-24T09:00:00+01:00, so the time cannot be misread.',
		);
	}
	if (parsed <= now.getTime()) {
		throw new ParameterError(
			'Send After',
			`${text} is in the past`,
			'Choose a future time, or leave Send After empty to send now.',
		);
	}
	return new Date(parsed).toISOString();
}
