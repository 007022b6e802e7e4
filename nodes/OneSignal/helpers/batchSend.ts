import { packBySize, jsonBytes } from './batching';
import { MAX_RECIPIENTS_PER_REQUEST } from './messageBody';
import type { SendOutcome } from './sendResult';

/**
 * "One message to all incoming items": every item names its own recipients, and all of them are
 * sent one message, in as few requests as OneSignal allows. Pure helpers: which recipients go into
 * which request, what differs between items that the batch cannot honour, and what each item's
 * result is once the requests are answered.
 */

/** Body fields that name recipients; everything else in a request is the message itself. */
export const RECIPIENT_LIST_FIELDS = [
	'include_aliases',
	'include_subscription_ids',
	'email_to',
	'include_phone_numbers',
] as const;

/** One item's part of the batch: its recipients and what it would send. */
export interface BatchMember {
	itemIndex: number;
	/** Parsed and checked recipients of the item, in its own order. */
	recipients: string[];
	/**
	 * Everything that makes up the message apart from the recipients, by a name the user knows
	 * (Channel, Send To, Alias Label) or by its Create Message field (contents, headings, …).
	 */
	settings: Record<string, unknown>;
}

export interface BatchPlan {
	/** Recipients of each request, each listed once, in the order the items named them. */
	requests: string[][];
	/** For each item, the requests (0-based) that hold its recipients, in order. */
	requestsOfItem: Map<number, number[]>;
	/** How many distinct recipients the batch has. */
	recipients: number;
}

/**
 * Gathers the members' recipients into requests of at most `maxPerRequest` (OneSignal's 2,000),
 * with the shared chunking helper. A recipient named by several items is sent once; each of those
 * items points at the request that carries it.
 */
export function planBatch(
	members: BatchMember[],
	maxPerRequest: number = MAX_RECIPIENTS_PER_REQUEST,
): BatchPlan {
	const firstOwner = new Map<string, number>();
	const unique: string[] = [];
	for (const member of members) {
		for (const recipient of member.recipients) {
			if (firstOwner.has(recipient)) continue;
			firstOwner.set(recipient, member.itemIndex);
			unique.push(recipient);
		}
	}
	// OneSignal states only a count limit for recipient lists, so the byte limits are left open;
	// the helper still packs in input order, which keeps each item's recipients together.
	const packing = packBySize(unique, jsonBytes, {
		maxEntryBytes: Number.MAX_SAFE_INTEGER / 4,
		maxRequestBytes: Number.MAX_SAFE_INTEGER / 2,
		envelopeBytes: 2,
		maxEntriesPerRequest: maxPerRequest,
	});
	const requests = packing.requests.map((request) => request.entries);
	const requestOf = new Map<string, number>();
	requests.forEach((list, index) => list.forEach((recipient) => requestOf.set(recipient, index)));
	const requestsOfItem = new Map<number, number[]>();
	for (const member of members) {
		const indexes = [...new Set(member.recipients.map((recipient) => requestOf.get(recipient)!))];
		requestsOfItem.set(
			member.itemIndex,
			indexes.sort((a, b) => a - b),
		);
	}
	return { requests, requestsOfItem, recipients: unique.length };
}

/** Names of the Create Message fields as the Send operation shows them. */
const FIELD_LABELS: Record<string, string> = {
	contents: 'Message',
	headings: 'Heading',
	subtitle: 'Subtitle',
	email_subject: 'Email Subject',
	email_body: 'Email Body',
	template_id: 'Template',
	custom_data: 'Template Variables',
	data: 'Data',
	url: 'Launch URL',
	name: 'Message Name',
	send_after: 'Send After',
	sms_from: 'SMS From',
	sms_media_urls: 'SMS Media URLs',
	big_picture: 'Image URL',
	chrome_web_image: 'Image URL',
	ios_attachments: 'Image URL',
	collapse_id: 'Collapse ID',
	android_channel_id: 'Android Channel ID',
	priority: 'Priority',
	ttl: 'Time to Live (Seconds)',
	delayed_option: 'Optimise Delivery',
	delivery_time_of_day: 'Delivery Time of Day',
	email_from_name: 'Email From Name',
	email_from_address: 'Email From Address',
	email_reply_to_address: 'Email Reply-To Address',
	email_preheader: 'Email Preheader',
	include_unsubscribed: 'Include Unsubscribed',
	target_channel: 'Channel',
	app_id: 'Credential',
	channel: 'Channel',
	sendTo: 'Send To',
	aliasLabel: 'Alias Label',
	idempotencyKey: 'Idempotency Key',
	failIfUnreachable: 'Fail If Any Recipient Is Unreachable',
};

function label(field: string): string {
	return FIELD_LABELS[field] ?? `"${field}" (Other Fields)`;
}

/** A short, readable form of a value for an error message. */
function shown(value: unknown): string {
	if (value === undefined) return 'nothing';
	// Language maps: the main text is the one the user typed into the field.
	const inner =
		typeof value === 'object' && value !== null && 'en' in value
			? (value as Record<string, unknown>).en
			: value;
	const cut = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
	return typeof inner === 'string' ? `"${cut(inner)}"` : cut(JSON.stringify(inner));
}

function sameValue(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

export interface SettingDifference {
	/** The field's display name. */
	field: string;
	/** Short readable values: in the item, and in the item the batch takes its message from. */
	here: string;
	there: string;
}

/**
 * What an item would send differently from the item the batch takes its message from, one entry
 * per field as the user sees it. The batch sends one message, so any difference would be dropped
 * silently; the caller reports it instead.
 */
export function settingsDifference(
	reference: BatchMember,
	member: BatchMember,
): SettingDifference[] {
	const differences: SettingDifference[] = [];
	const keys = [...new Set([...Object.keys(reference.settings), ...Object.keys(member.settings)])];
	for (const key of keys) {
		const here = member.settings[key];
		const there = reference.settings[key];
		if (sameValue(here, there)) continue;
		const field = label(key);
		if (differences.some((entry) => entry.field === field)) continue;
		differences.push({ field, here: shown(here), there: shown(there) });
	}
	return differences;
}

/** What became of one request of the batch. */
export type RequestOutcome =
	| {
			kind: 'sent';
			response: SendOutcome;
			idempotencyKey: string;
			replayed: boolean;
			unreachable: UnreachableIndex;
	  }
	/** OneSignal answered 200 but created no message (no recipient of the request is reachable). */
	| { kind: 'nothingSent'; response: SendOutcome; idempotencyKey: string }
	/** The request failed, or was not made because an earlier one failed. */
	| { kind: 'failed'; error: Error; idempotencyKey: string };

/** The recipients OneSignal reported unreachable in one request, ready to be split among items. */
export interface UnreachableIndex {
	/** Normalised value → the kind OneSignal filed it under and the value as it wrote it. */
	byValue: Map<string, { kind: string; value: string }>;
	/** Reported values that are not recipients of the request (shown, not hidden). */
	unattributed: string[];
}

/**
 * Indexes what one request's answer reported unreachable, once per request: a batch has
 * thousands of items and each looks its own recipients up here. `normalise` makes an item's value
 * comparable with OneSignal's (e.g. lower-case subscription IDs).
 */
export function indexUnreachable(
	requestRecipients: string[],
	reported: Record<string, string[]>,
	normalise: (value: string) => string = (value) => value,
): UnreachableIndex {
	const known = new Set(requestRecipients.map(normalise));
	const byValue = new Map<string, { kind: string; value: string }>();
	const unattributed: string[] = [];
	for (const [kind, values] of Object.entries(reported)) {
		const stray: string[] = [];
		for (const value of values) {
			const key = normalise(value);
			if (known.has(key)) byValue.set(key, { kind, value });
			else stray.push(value);
		}
		if (stray.length) {
			unattributed.push(`OneSignal reported ${kind} ${stray.join(', ')} as unreachable`);
		}
	}
	return { byValue, unattributed };
}

/** The unreachable recipients among one item's own, by kind. */
export function unreachableOf(
	recipients: string[],
	index: UnreachableIndex,
	normalise: (value: string) => string = (value) => value,
): Record<string, string[]> {
	const result: Record<string, string[]> = {};
	if (index.byValue.size === 0) return result;
	for (const recipient of recipients) {
		const found = index.byValue.get(normalise(recipient));
		if (found) (result[found.kind] ??= []).push(found.value);
	}
	return result;
}
