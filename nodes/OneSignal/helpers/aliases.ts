import { isUuid } from './idempotency';
import { checkPathValue } from './paths';
import { ParameterError } from './validation';

/**
 * Users and their aliases. OneSignal identifies a user by any alias: `external_id` (your own user
 * ID), `onesignal_id` (OneSignal's UUID, read-only) or a label of your own such as `crm_id`. Every
 * alias value belongs to at most one user; a write that would give a value to a second user fails
 * with 409, and the functions here turn that answer into a message that names the alias.
 */

export const EXTERNAL_ID = 'external_id';
export const ONESIGNAL_ID = 'onesignal_id';

/** How the editor lets a user be identified. */
export type UserIdentifiedBy = 'externalId' | 'onesignalId' | 'customAlias';

export interface Alias {
	label: string;
	id: string;
}

/**
 * Custom labels OneSignal reserves or treats specially; using them as a custom label is almost
 * always a mix-up with the built-in choices.
 */
const RESERVED_CUSTOM_LABELS = new Set([EXTERNAL_ID, ONESIGNAL_ID]);

const UNADDRESSABLE_USER_HINT =
	'Check that the field maps the value you meant. A user whose alias is only dots can be reached by another alias: choose "OneSignal ID" under "Identify User By" (OneSignal: Audience → Users → the OneSignal ID column).';

/** Checks an alias label typed by the user; returns it trimmed. */
export function checkAliasLabel(label: unknown, parameter: string): string {
	const text = typeof label === 'string' ? label.trim() : String(label ?? '').trim();
	if (text === '') {
		throw new ParameterError(
			parameter,
			'is empty',
			'Enter the label of the alias, such as crm_id (OneSignal: Audience → Users → a user → Aliases).',
		);
	}
	if (text.length > 100 || /[\s/]/.test(text)) {
		throw new ParameterError(
			parameter,
			`"${text.slice(0, 40)}" is not an alias label`,
			'A label is a short name without spaces or slashes, such as crm_id or facebook_id.',
		);
	}
	return checkPathValue(
		text,
		parameter,
		'A label is a short name such as crm_id or facebook_id; one made only of dots could never be read or removed again.',
	);
}

/**
 * The alias that identifies one user, from the editor's "Identify User By" choice and value.
 * A OneSignal ID must be a UUID; an External ID or custom alias value may hold any character
 * (the path builder encodes it), but may not be only "." or "..", which no request path can carry.
 */
export function userAlias(
	by: UserIdentifiedBy,
	value: unknown,
	customLabel: unknown,
	displayNames: { value: string; label?: string },
): Alias {
	const id = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
	if (id.trim() === '') {
		throw new ParameterError(
			displayNames.value,
			'is empty',
			'Enter the value, or map it from an earlier node with an expression.',
		);
	}
	if (by === 'onesignalId') {
		if (!isUuid(id.trim())) {
			throw new ParameterError(
				displayNames.value,
				`"${id.slice(0, 60)}" is not a OneSignal ID`,
				'A OneSignal ID is a UUID such as 1dd608f2-c6a1-11e3-851d-000c2940e62c (OneSignal: Audience → Users → the user). To use your own user ID, choose "External ID".',
			);
		}
		return { label: ONESIGNAL_ID, id: id.trim().toLowerCase() };
	}
	if (by === 'customAlias') {
		const label = checkAliasLabel(customLabel, displayNames.label ?? 'Alias Label');
		if (RESERVED_CUSTOM_LABELS.has(label)) {
			throw new ParameterError(
				displayNames.label ?? 'Alias Label',
				`"${label}" is a built-in label`,
				`Choose "${label === EXTERNAL_ID ? 'External ID' : 'OneSignal ID'}" under "Identify User By" instead of a custom alias.`,
			);
		}
		return { label, id: checkPathValue(id, displayNames.value, UNADDRESSABLE_USER_HINT) };
	}
	// External IDs are compared exactly by OneSignal; only surrounding whitespace, which is never
	// intended and easy to pick up from a spreadsheet, is removed.
	return {
		label: EXTERNAL_ID,
		id: checkPathValue(id.trim(), displayNames.value, UNADDRESSABLE_USER_HINT),
	};
}

/**
 * Builds the `identity` object of a write (Create User, Add Aliases) from label/value rows.
 * OneSignal IDs are assigned by OneSignal and cannot be set; a label may appear only once.
 */
export function identityFromRows(
	rows: Array<{ label?: unknown; id?: unknown }>,
	parameter: string,
): Record<string, string> {
	const identity: Record<string, string> = {};
	for (const row of rows) {
		const label = checkAliasLabel(row.label, `${parameter} → Label`);
		const id =
			typeof row.id === 'number' ? String(row.id) : typeof row.id === 'string' ? row.id : '';
		if (id.trim() === '') {
			throw new ParameterError(
				`${parameter} → Value`,
				`the alias "${label}" has no value`,
				'Give every alias a value, or remove the row.',
			);
		}
		if (label === ONESIGNAL_ID) {
			throw new ParameterError(
				`${parameter} → Label`,
				'onesignal_id cannot be set',
				'OneSignal assigns the OneSignal ID itself. Use external_id or a label of your own.',
			);
		}
		if (label in identity && identity[label] !== id) {
			throw new ParameterError(
				`${parameter} → Label`,
				`the label "${label}" is given twice`,
				'A user has one value per alias label. Keep one row per label.',
			);
		}
		identity[label] = label === EXTERNAL_ID ? id.trim() : id;
	}
	return identity;
}

/** `external_id "u-1", crm_id "c-9"` */
/** `external_id=u-9, crm_id=c-1`; a value with spaces or commas is quoted so it reads unambiguously. */
export function describeAliases(aliases: Record<string, string>): string {
	return Object.entries(aliases)
		.map(([label, id]) => `${label}=${/[\s,"]/.test(id) ? JSON.stringify(id) : id}`)
		.join(', ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringEntries(value: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	if (!isRecord(value)) return result;
	for (const [key, entry] of Object.entries(value)) {
		if (typeof entry === 'string' || typeof entry === 'number') result[key] = String(entry);
	}
	return result;
}

export interface AliasConflict {
	/** The aliases OneSignal named, or the ones sent when it named none. */
	aliases: Record<string, string>;
	/** False when OneSignal did not say which alias it was and all the sent ones are listed. */
	named: boolean;
	/** OneSignal's own words, for the description. */
	said: string[];
}

/**
 * Finds which alias of a 409 answer belongs to another user. OneSignal answers in two shapes:
 * `{"errors": [{"code": "user-2", "title": "…", "meta": {"conflicting_aliases": {...}}}]}`
 * (the spec's shape; some endpoints put the aliases straight into `meta`), or
 * `{"errors": ["text"]}`. For the text shape the sent aliases whose value or label the text
 * mentions are named; when it mentions none, every sent alias is listed as a candidate.
 */
export function aliasConflict(
	body: unknown,
	sent: Record<string, string>,
	messages: string[] = [],
): AliasConflict {
	const errors = isRecord(body) && Array.isArray(body.errors) ? body.errors : [];
	const named: Record<string, string> = {};
	const texts: string[] = [];
	for (const entry of errors) {
		if (typeof entry === 'string') {
			texts.push(entry);
			continue;
		}
		if (!isRecord(entry)) continue;
		const title = [entry.title, entry.message].find((value) => typeof value === 'string');
		if (typeof title === 'string') texts.push(title);
		const meta = isRecord(entry.meta) ? entry.meta : {};
		const listed = isRecord(meta.conflicting_aliases)
			? stringEntries(meta.conflicting_aliases)
			: stringEntries(meta);
		Object.assign(named, listed);
	}
	const said = texts.length ? texts : messages;
	if (Object.keys(named).length > 0) return { aliases: named, named: true, said };

	const mentioned: Record<string, string> = {};
	for (const [label, id] of Object.entries(sent)) {
		if (said.some((text) => text.includes(id) || text.includes(label))) mentioned[label] = id;
	}
	if (Object.keys(mentioned).length > 0) return { aliases: mentioned, named: true, said };
	return { aliases: { ...sent }, named: Object.keys(sent).length === 1, said };
}

/** The message and description of a 409 on a write of aliases. */
export function aliasConflictMessage(conflict: AliasConflict): {
	message: string;
	description: string;
} {
	const count = Object.keys(conflict.aliases).length;
	const listed = describeAliases(conflict.aliases);
	let message: string;
	if (count === 0) message = 'An alias already belongs to another user';
	else if (!conflict.named)
		message = `One of the aliases ${listed} already belongs to another user`;
	else if (count === 1) message = `Alias ${listed} already belongs to another user`;
	else message = `Aliases ${listed} already belong to another user`;
	const description = [
		conflict.said.length ? `OneSignal said: ${conflict.said.join('; ')}.` : '',
		'An alias value identifies exactly one user.',
		'Use Get User with that alias to see which user has it, then delete the alias from that user (Alias → Delete) or the other user (User → Delete) before adding it here, or update that user instead.',
	]
		.filter(Boolean)
		.join(' ');
	return { message, description };
}
