import { isUuid } from './idempotency';
import { LANGUAGES } from './languages';
import { byteLength, chunk, ParameterError } from './validation';

/**
 * Builds the body of POST /notifications from the Send operation's parameters, checking every
 * rule OneSignal enforces (or silently ignores) before anything is sent. Pure: no n8n context.
 */

export type Channel = 'push' | 'email' | 'sms';

export type TargetMode =
	| 'externalIds'
	| 'aliases'
	| 'subscriptionIds'
	| 'emails'
	| 'phoneNumbers'
	| 'segments'
	| 'filters';

/** OneSignal takes at most this many entries in one recipient list. */
export const MAX_RECIPIENTS_PER_REQUEST = 2000;

export interface Target {
	mode: TargetMode;
	/** External IDs, alias IDs, subscription IDs, emails or phone numbers, already parsed. */
	ids?: string[];
	aliasLabel?: string;
	segments?: string[];
	excludedSegments?: string[];
	filters?: Array<Record<string, unknown>>;
	/** The user confirmed that a segment send reaches everyone in the segment. */
	confirmEntireSegment?: boolean;
}

export interface LanguageContent {
	message?: string;
	heading?: string;
	subtitle?: string;
	subject?: string;
	body?: string;
}

export interface Content {
	source: 'inline' | 'template';
	templateId?: string;
	/** Language code of the main content; it is also sent as `en`, OneSignal's fallback. */
	mainLanguage: string;
	main: LanguageContent;
	otherLanguages: Array<LanguageContent & { language: string }>;
	/** Liquid variables for the template. */
	customData?: Record<string, unknown>;
}

export interface SendInput {
	appId: string;
	channel: Channel;
	target: Target;
	content: Content;
	/** Optional fields already mapped to API names (url, data, send_after, …). */
	fields: Record<string, unknown>;
}

/** One request's worth of a send: the body and the recipients it covers (when listed). */
export interface SendRequestPlan {
	body: Record<string, unknown>;
	recipients: string[];
}

const TARGETING_FIELDS = [
	'included_segments',
	'excluded_segments',
	'filters',
	'include_aliases',
	'target_channel',
	'include_subscription_ids',
	'email_to',
	'include_email_tokens',
	'include_phone_numbers',
	'include_player_ids',
	'include_external_user_ids',
	'include_ios_tokens',
	'include_wp_wns_uris',
	'include_amazon_reg_ids',
	'include_chrome_reg_ids',
	'include_chrome_web_reg_ids',
	'include_android_reg_ids',
] as const;

export function isTargetingField(name: string): boolean {
	return (TARGETING_FIELDS as readonly string[]).includes(name);
}

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Labels OneSignal reserves; anything else must be a custom label the user chose on purpose. */
export const RESERVED_ALIAS_LABELS = ['external_id', 'onesignal_id'] as const;

/** Segment names that mean "everyone"; OneSignal's default segments. */
const WHOLE_AUDIENCE_SEGMENTS = ['all', 'total subscriptions', 'subscribed users', 'active users'];

function checkRecipients(target: Target, channel: Channel): string[] {
	const ids = target.ids ?? [];
	const label = {
		externalIds: 'External IDs',
		aliases: 'Alias IDs',
		subscriptionIds: 'Subscription IDs',
		emails: 'Email Addresses',
		phoneNumbers: 'Phone Numbers',
	}[target.mode as 'externalIds'];
	if (ids.length === 0) {
		throw new ParameterError(
			label,
			'is empty',
			'Enter at least one recipient, separated by commas, or map a list from an earlier node.',
		);
	}
	const reject = (bad: string[], what: string, fix: string) => {
		if (bad.length === 0) return;
		const shown = bad
			.slice(0, 5)
			.map((value) => `"${value}"`)
			.join(', ');
		throw new ParameterError(
			label,
			`${bad.length} ${bad.length === 1 ? 'entry is' : 'entries are'} not ${what}: ${shown}${bad.length > 5 ? ', …' : ''}`,
			fix,
		);
	};
	switch (target.mode) {
		case 'subscriptionIds':
			reject(
				ids.filter((id) => !isUuid(id)),
				'a valid subscription ID (a UUID such as 1dd608f2-c6a1-11e3-851d-000c2940e62c)',
				'Copy subscription IDs from OneSignal (Audience → Subscriptions) or from a Get User result; one malformed ID makes OneSignal reject the whole request.',
			);
			break;
		case 'phoneNumbers':
			if (channel !== 'sms') break;
			reject(
				ids.filter((id) => !E164.test(id)),
				'in E.164 format',
				'Write numbers in international E.164 form: a plus sign, the country code and the number without spaces or a leading zero, e.g. 0612345678 in France becomes +33612345678.',
			);
			break;
		case 'emails':
			reject(
				ids.filter((id) => !EMAIL.test(id)),
				'an email address',
				'Enter addresses such as ada@example.com, separated by commas.',
			);
			break;
		case 'aliases':
			if (target.aliasLabel === 'onesignal_id') {
				reject(
					ids.filter((id) => !isUuid(id)),
					'a OneSignal ID (a UUID)',
					'OneSignal IDs are UUIDs; to target your own user IDs choose the External ID label.',
				);
			}
			break;
		default:
			break;
	}
	return ids;
}

function checkAliasLabel(label: string | undefined): string {
	const value = (label ?? '').trim();
	if (!value) {
		throw new ParameterError(
			'Custom Alias Label',
			'is empty',
			'Enter the label of the alias you set on your users, such as "crm_id".',
		);
	}
	const squashed = value.toLowerCase().replace(/[^a-z]/g, '');
	const reserved = ['externalid', 'externalids', 'externaluserid', 'onesignalid', 'onesignalids'];
	if (
		reserved.includes(squashed) &&
		!(RESERVED_ALIAS_LABELS as readonly string[]).includes(value)
	) {
		throw new ParameterError(
			'Custom Alias Label',
			`"${value}" looks like a misspelt built-in label; OneSignal would look for a custom alias of that name and find nobody`,
			squashed.startsWith('external')
				? 'To target your own user IDs, set "Send To" to "Users by External ID".'
				: 'To target OneSignal IDs, set "Alias Label" to "OneSignal ID".',
		);
	}
	if (!/^[A-Za-z0-9_\-.]+$/.test(value)) {
		throw new ParameterError(
			'Custom Alias Label',
			`"${value}" has characters OneSignal does not allow in alias labels`,
			'Use letters, digits, "_", "-" or "." only.',
		);
	}
	return value;
}

function targetingBody(
	target: Target,
	channel: Channel,
): {
	fields: Record<string, unknown>;
	listField?: (ids: string[]) => Record<string, unknown>;
	recipients: string[];
} {
	switch (target.mode) {
		case 'externalIds': {
			const ids = checkRecipients(target, channel);
			return {
				fields: { target_channel: channel },
				listField: (part) => ({ include_aliases: { external_id: part } }),
				recipients: ids,
			};
		}
		case 'aliases': {
			const label =
				target.aliasLabel === 'external_id' || target.aliasLabel === 'onesignal_id'
					? target.aliasLabel
					: checkAliasLabel(target.aliasLabel);
			const ids = checkRecipients(target, channel);
			return {
				fields: { target_channel: channel },
				listField: (part) => ({ include_aliases: { [label]: part } }),
				recipients: ids,
			};
		}
		case 'subscriptionIds': {
			const ids = checkRecipients(target, channel).map((id) => id.toLowerCase());
			return {
				fields: {},
				listField: (part) => ({ include_subscription_ids: part }),
				recipients: [...new Set(ids)],
			};
		}
		case 'emails': {
			if (channel !== 'email') {
				throw new ParameterError(
					'Send To',
					'"Email Addresses" only works with the Email channel',
					'Set Channel to Email, or target users by External ID.',
				);
			}
			const ids = checkRecipients(target, channel);
			return { fields: {}, listField: (part) => ({ email_to: part }), recipients: ids };
		}
		case 'phoneNumbers': {
			if (channel !== 'sms') {
				throw new ParameterError(
					'Send To',
					'"Phone Numbers" only works with the SMS channel',
					'Set Channel to SMS, or target users by External ID.',
				);
			}
			const ids = checkRecipients(target, channel);
			return {
				fields: {},
				listField: (part) => ({ include_phone_numbers: part }),
				recipients: ids,
			};
		}
		case 'segments': {
			const segments = target.segments ?? [];
			if (segments.length === 0) {
				throw new ParameterError(
					'Segments',
					'is empty',
					'Pick at least one segment from the list, or enter its exact name (names are case-sensitive).',
				);
			}
			if (!target.confirmEntireSegment) {
				const broad = segments.filter((name) =>
					WHOLE_AUDIENCE_SEGMENTS.includes(name.toLowerCase()),
				);
				throw new ParameterError(
					'Send to the Entire Segment',
					`is off, and this message would reach everyone in ${segments.map((s) => `"${s}"`).join(', ')}${broad.length ? ' (your whole audience)' : ''}`,
					'Turn on "Send to the Entire Segment" to confirm, or choose another "Send To" option to reach specific users.',
				);
			}
			const fields: Record<string, unknown> = { included_segments: segments };
			if (target.excludedSegments?.length) fields.excluded_segments = target.excludedSegments;
			return { fields, recipients: [] };
		}
		case 'filters': {
			const filters = target.filters ?? [];
			if (filters.length === 0) {
				throw new ParameterError(
					'Filters',
					'is empty',
					'Add at least one filter condition, or choose another "Send To" option.',
				);
			}
			return { fields: { filters }, recipients: [] };
		}
		default:
			throw new ParameterError(
				'Send To',
				`"${String(target.mode)}" is not a targeting option`,
				'Choose one of the options in the list.',
			);
	}
}

function text(value: string | undefined): string | undefined {
	if (typeof value !== 'string') return undefined;
	return value.trim() === '' ? undefined : value;
}

function contentBody(channel: Channel, content: Content): Record<string, unknown> {
	if (content.source === 'template') {
		if (!content.templateId || !isUuid(content.templateId.trim())) {
			throw new ParameterError(
				'Template',
				content.templateId ? `"${content.templateId}" is not a template ID` : 'is empty',
				'Pick a template from the list, or paste its ID (a UUID, shown in OneSignal under Messages → Templates).',
			);
		}
		const body: Record<string, unknown> = { template_id: content.templateId.trim() };
		if (content.customData && Object.keys(content.customData).length > 0) {
			const limit = channel === 'email' ? 10_000 : 2_048;
			const size = byteLength(content.customData);
			if (size > limit) {
				throw new ParameterError(
					'Template Variables',
					`are ${size} bytes; OneSignal accepts at most ${limit} bytes for ${channel} messages`,
					'Send fewer or shorter variables, or move long content into the template itself.',
				);
			}
			body.custom_data = content.customData;
		}
		return body;
	}

	if (content.customData && Object.keys(content.customData).length > 0) {
		throw new ParameterError(
			'Template Variables',
			'only work with a template',
			'Set "Content" to "Use a Template", or put the values straight into the message text.',
		);
	}

	const languages = new Map<string, LanguageContent>();
	languages.set('en', content.main);
	const mainLanguage = (content.mainLanguage || 'en').trim();
	if (mainLanguage !== 'en') languages.set(mainLanguage, content.main);
	const known = LANGUAGES.map((entry) => entry.value);
	for (const language of [
		mainLanguage,
		...content.otherLanguages.map((entry) => entry.language.trim()),
	]) {
		if (language && !known.includes(language)) {
			throw new ParameterError(
				language === mainLanguage ? 'Message Language' : 'Other Languages',
				`"${language}" is not a language code OneSignal knows`,
				`Use one of: ${known.join(', ')}.`,
			);
		}
	}
	for (const entry of content.otherLanguages) {
		const language = entry.language.trim();
		if (!language) continue;
		if (language === 'en' && mainLanguage === 'en') {
			throw new ParameterError(
				'Other Languages',
				'has an English entry, but the main message is already sent as English',
				'Remove the English entry, or change "Message Language" to the language of the main message.',
			);
		}
		if (language !== 'en' || mainLanguage !== 'en') languages.set(language, entry);
	}

	const perLanguage = (pick: (entry: LanguageContent) => string | undefined) => {
		const result: Record<string, string> = {};
		for (const [language, entry] of languages) {
			const value = text(pick(entry));
			if (value !== undefined) result[language] = value;
		}
		return Object.keys(result).length ? result : undefined;
	};

	if (channel === 'email') {
		const subject = text(content.main.subject);
		const html = text(content.main.body);
		if (!subject) {
			throw new ParameterError(
				'Email Subject',
				'is empty',
				'Enter a subject line, or use a template.',
			);
		}
		if (!html) {
			throw new ParameterError(
				'Email Body',
				'is empty',
				'Enter the HTML body of the email, or use a template.',
			);
		}
		return { email_subject: subject, email_body: html };
	}

	const contents = perLanguage((entry) => entry.message);
	if (!contents?.en) {
		throw new ParameterError(
			'Message',
			'is empty',
			channel === 'sms'
				? 'Enter the text of the SMS, or use a template.'
				: 'Enter the text of the notification, or use a template.',
		);
	}
	const body: Record<string, unknown> = { contents };
	if (channel === 'push') {
		const headings = perLanguage((entry) => entry.heading);
		if (headings) {
			if (!headings.en) {
				throw new ParameterError(
					'Heading',
					'is set for other languages but not for the main message',
					'Fill in Heading for the main message too; OneSignal needs an English (default) heading whenever any heading is sent.',
				);
			}
			body.headings = headings;
		}
		const subtitles = perLanguage((entry) => entry.subtitle);
		if (subtitles?.en) body.subtitle = subtitles;
	}
	return body;
}

/**
 * Plans the requests for one item. Listed recipients above OneSignal's per-request cap are split
 * into several requests, each with the same content; the caller gives each its own idempotency key.
 */
export function planSend(input: SendInput): SendRequestPlan[] {
	if (
		input.channel === 'sms' &&
		input.content.source === 'inline' &&
		!text(input.fields.sms_from as string)
	) {
		throw new ParameterError(
			'SMS From',
			'is empty',
			'Enter the sending phone number registered with OneSignal, in E.164 form such as +15551234567.',
		);
	}
	if (typeof input.fields.sms_from === 'string' && !E164.test(input.fields.sms_from.trim())) {
		throw new ParameterError(
			'SMS From',
			`"${input.fields.sms_from}" is not in E.164 format`,
			'Write it as a plus sign, the country code and the number, such as +15551234567.',
		);
	}

	const targeting = targetingBody(input.target, input.channel);
	const base: Record<string, unknown> = {
		app_id: input.appId,
		...contentBody(input.channel, input.content),
		...input.fields,
		...targeting.fields,
	};

	if (!targeting.listField) return [{ body: base, recipients: [] }];
	return chunk(targeting.recipients, MAX_RECIPIENTS_PER_REQUEST).map((part) => ({
		body: { ...base, ...targeting.listField!(part) },
		recipients: part,
	}));
}
