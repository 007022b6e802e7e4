import { ParameterError } from '../../OneSignal/helpers/validation';

/**
 * The event kinds OneSignal's Event Streams send, `message.<channel>.<action>`, as its Event
 * Stream data reference lists them. Older pages of that reference spell two of them differently
 * (`hardbounced`, `supressed`); both spellings are listed, and a filter on either spelling passes
 * events with the other (see kindMatches).
 */
export interface EventKind {
	kind: string;
	name: string;
	description: string;
}

export const EVENT_STREAM_KINDS: readonly EventKind[] = [
	{
		kind: 'message.push.sent',
		name: 'Push Sent',
		description: 'Handed to FCM, APNs or the browser push service',
	},
	{
		kind: 'message.push.received',
		name: 'Push Received',
		description: 'Confirmed delivery on the device (not on every platform)',
	},
	{
		kind: 'message.push.clicked',
		name: 'Push Clicked',
		description: 'The user opened the notification',
	},
	{ kind: 'message.push.failed', name: 'Push Failed', description: 'The push could not be sent' },
	{
		kind: 'message.push.unsubscribed',
		name: 'Push Unsubscribed',
		description: 'The subscription stopped accepting push',
	},
	{ kind: 'message.email.sent', name: 'Email Sent', description: 'The email was sent' },
	{
		kind: 'message.email.received',
		name: 'Email Received',
		description: "Accepted by the recipient's mail server",
	},
	{
		kind: 'message.email.opened',
		name: 'Email Opened',
		description: 'The recipient opened the email',
	},
	{
		kind: 'message.email.clicked',
		name: 'Email Link Clicked',
		description: 'The recipient clicked a link',
	},
	{
		kind: 'message.email.unsubscribed',
		name: 'Email Unsubscribed',
		description: 'The recipient used the unsubscribe link',
	},
	{
		kind: 'message.email.reported_as_spam',
		name: 'Email Reported As Spam',
		description: 'The recipient marked the email as spam',
	},
	{
		kind: 'message.email.bounced',
		name: 'Email Bounced',
		description: 'Returned because of a permanent error',
	},
	{
		kind: 'message.email.hardbounced',
		name: 'Email Bounced (Older Name)',
		description: 'The name older Event Streams use for a bounce',
	},
	{
		kind: 'message.email.failed',
		name: 'Email Failed',
		description: "Could not be delivered to the recipient's inbox",
	},
	{
		kind: 'message.email.suppressed',
		name: 'Email Suppressed',
		description: 'Not sent: the address is on the suppression list',
	},
	{
		kind: 'message.email.supressed',
		name: 'Email Suppressed (Older Spelling)',
		description: 'The spelling older Event Streams use for a suppression',
	},
	{ kind: 'message.sms.sent', name: 'SMS Sent', description: 'The SMS was sent' },
	{
		kind: 'message.sms.delivered',
		name: 'SMS Delivered',
		description: 'The carrier confirmed delivery',
	},
	{
		kind: 'message.sms.undelivered',
		name: 'SMS Undelivered',
		description: 'The carrier could not deliver it',
	},
	{ kind: 'message.sms.failed', name: 'SMS Failed', description: 'The SMS could not be sent' },
	{
		kind: 'message.iam.displayed',
		name: 'In-App Message Displayed',
		description: 'An in-app message was shown',
	},
	{
		kind: 'message.iam.clicked',
		name: 'In-App Message Clicked',
		description: 'An element of an in-app message was tapped',
	},
	{
		kind: 'message.iam.pagedisplayed',
		name: 'In-App Message Page Displayed',
		description: 'A page or card of an in-app message was shown',
	},
];

/** The channels of the kinds above; `live_activity` kinds are passed through by pattern only. */
export const EVENT_STREAM_CHANNELS = ['push', 'email', 'sms', 'iam', 'live_activity'] as const;

/** What browsers send; `notification.displayed` is the older SDKs' name for willDisplay. */
export const WEB_PUSH_EVENTS = [
	'notification.willDisplay',
	'notification.clicked',
	'notification.dismissed',
] as const;

export type WebPushEvent = (typeof WEB_PUSH_EVENTS)[number];

const PATTERN = /^[A-Za-z0-9_.*-]+$/;

/**
 * Reads the kind filter: `*` matches any run of characters (dots included), everything else is
 * literal and case-insensitive. `message.push.*` is every push event, `message.*.clicked` every
 * click, `*` everything. Bad patterns fail with the parameter's name.
 */
export function compileKindPatterns(patterns: readonly string[], parameter: string): RegExp[] {
	const compiled: RegExp[] = [];
	for (const raw of patterns) {
		const pattern = raw.trim();
		if (pattern === '') continue;
		if (!PATTERN.test(pattern)) {
			throw new ParameterError(
				parameter,
				`"${pattern}" is not an event kind pattern`,
				'Use letters, digits, dots, underscores and * as a wildcard, for example message.push.* or message.email.bounced.',
			);
		}
		const source = pattern
			.split('*')
			.map((part) => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'))
			.join('.*');
		compiled.push(new RegExp(`^${source}$`, 'i'));
	}
	return compiled;
}

/** The two spellings of one event, so a filter on either passes both. */
const SAME_EVENT: Record<string, string> = {
	'message.email.bounced': 'message.email.hardbounced',
	'message.email.hardbounced': 'message.email.bounced',
	'message.email.suppressed': 'message.email.supressed',
	'message.email.supressed': 'message.email.suppressed',
};

export function kindMatches(kind: string, patterns: readonly RegExp[]): boolean {
	const spellings = [kind, SAME_EVENT[kind.toLowerCase()]].filter(Boolean);
	return spellings.some((spelling) => patterns.some((pattern) => pattern.test(spelling)));
}

/** Splits `message.<channel>.<action>` into its parts; other kinds have neither. */
export function channelAndAction(kind: string): { channel: string | null; action: string | null } {
	const match = /^message\.([a-z_]+)\.([a-z_]+)$/i.exec(kind);
	return match
		? { channel: match[1].toLowerCase(), action: match[2].toLowerCase() }
		: { channel: null, action: null };
}
