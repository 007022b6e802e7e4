import { editorDateToIso } from './time';
import { ParameterError, parseJsonObject, parseList } from './validation';

/**
 * A user's `properties` (tags, language, time zone, location, activity dates, spending) and the
 * `deltas` that add to its counters, built from the editor's typed fields. OneSignal applies at most
 * 100 property updates per request, so a request above that is refused before it is sent.
 */

export const MAX_PROPERTY_UPDATES = 100;

export interface PropertyInput {
	/** Tag rows from the editor. */
	tags?: Array<{ key?: unknown; value?: unknown }>;
	/** Tags as an object from an expression, merged over the rows. */
	tagsObject?: unknown;
	/** Tag keys to delete (sent with an empty value, which is how OneSignal deletes a tag). */
	removeTags?: unknown;
	language?: unknown;
	timezone?: unknown;
	country?: unknown;
	latitude?: unknown;
	longitude?: unknown;
	firstActive?: unknown;
	lastActive?: unknown;
	amountSpent?: unknown;
	ip?: unknown;
}

export interface PurchaseInput {
	sku?: unknown;
	amount?: unknown;
	currency?: unknown;
	count?: unknown;
}

export interface DeltaInput {
	sessionCount?: unknown;
	sessionTime?: unknown;
	purchases?: PurchaseInput[];
}

function present(value: unknown): boolean {
	return value !== undefined && value !== null && value !== '';
}

function tagValue(value: unknown, key: string): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	throw new ParameterError(
		'Tags',
		`the tag "${key}" has a ${Array.isArray(value) ? 'list' : 'nested object'} as its value`,
		'OneSignal stores tags as text. Give each tag a text or number value, or split it into several tags.',
	);
}

function buildTags(input: PropertyInput): Record<string, string> | undefined {
	const tags: Record<string, string> = {};
	for (const row of input.tags ?? []) {
		const key = String(row.key ?? '').trim();
		if (key === '') {
			throw new ParameterError(
				'Tags → Key',
				'a tag has no key',
				'Give every tag a key, or remove the row.',
			);
		}
		tags[key] = tagValue(row.value, key);
	}
	const fromObject = parseJsonObject(input.tagsObject, 'Tags (JSON)');
	for (const [key, value] of Object.entries(fromObject)) tags[key] = tagValue(value, key);
	for (const key of parseList(input.removeTags, 'Tags to Remove')) {
		if (key in tags && tags[key] !== '') {
			throw new ParameterError(
				'Tags to Remove',
				`"${key}" is both set and removed`,
				'Remove the tag from Tags, or from Tags to Remove.',
			);
		}
		tags[key] = '';
	}
	return Object.keys(tags).length ? tags : undefined;
}

function number(value: unknown, parameter: string, range?: [number, number]): number {
	const parsed = typeof value === 'number' ? value : Number(String(value).trim());
	if (!Number.isFinite(parsed)) {
		throw new ParameterError(parameter, `"${String(value)}" is not a number`, 'Enter a number.');
	}
	if (range && (parsed < range[0] || parsed > range[1])) {
		throw new ParameterError(
			parameter,
			`${parsed} is outside ${range[0]} to ${range[1]}`,
			`Enter a value from ${range[0]} to ${range[1]}.`,
		);
	}
	return parsed;
}

function wholeNumber(value: unknown, parameter: string, minimum: number): number {
	const parsed = number(value, parameter);
	if (!Number.isInteger(parsed) || parsed < minimum) {
		throw new ParameterError(
			parameter,
			`${parsed} is not a whole number of at least ${minimum}`,
			`Enter a whole number from ${minimum} up.`,
		);
	}
	return parsed;
}

/**
 * A moment as Unix seconds: a date picked in the editor (in the workflow's time zone), an ISO
 * string, or a number of seconds (milliseconds are recognised by their size).
 */
export function unixSeconds(value: unknown, parameter: string, timeZone: string): number {
	if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value.trim()))) {
		const raw = Number(value);
		return raw > 1e12 ? Math.floor(raw / 1000) : Math.floor(raw);
	}
	const iso = editorDateToIso(value, timeZone);
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) {
		throw new ParameterError(
			parameter,
			`"${String(value)}" is not a date`,
			'Pick a date, or map an ISO date such as 2026-03-01T12:00:00Z or Unix seconds.',
		);
	}
	return Math.floor(ms / 1000);
}

function timeZoneId(value: unknown): string {
	const zone = String(value).trim();
	let known = true;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
	} catch {
		known = false;
	}
	if (!known) {
		throw new ParameterError(
			'Timezone',
			`"${zone}" is not a time zone`,
			'Use an IANA time zone name such as America/Los_Angeles or Europe/Berlin.',
		);
	}
	return zone;
}

function countryCode(value: unknown): string {
	const code = String(value).trim().toUpperCase();
	if (!/^[A-Z]{2}$/.test(code)) {
		throw new ParameterError(
			'Country',
			`"${String(value)}" is not a country code`,
			'Use the two-letter ISO 3166-1 code, such as US, DE or BR.',
		);
	}
	return code;
}

/** Builds `properties`; returns undefined when nothing is set. */
export function buildUserProperties(
	input: PropertyInput,
	timeZone: string,
): Record<string, unknown> | undefined {
	const properties: Record<string, unknown> = {};
	const tags = buildTags(input);
	if (tags) properties.tags = tags;
	if (present(input.language)) properties.language = String(input.language).trim();
	if (present(input.timezone)) properties.timezone_id = timeZoneId(input.timezone);
	if (present(input.country)) properties.country = countryCode(input.country);
	if (present(input.latitude) !== present(input.longitude)) {
		throw new ParameterError(
			present(input.latitude) ? 'Longitude' : 'Latitude',
			'is missing',
			'A location needs both latitude and longitude.',
		);
	}
	if (present(input.latitude)) {
		properties.lat = number(input.latitude, 'Latitude', [-90, 90]);
		properties.long = number(input.longitude, 'Longitude', [-180, 180]);
	}
	if (present(input.firstActive)) {
		properties.first_active = unixSeconds(input.firstActive, 'First Active', timeZone);
	}
	if (present(input.lastActive)) {
		properties.last_active = unixSeconds(input.lastActive, 'Last Active', timeZone);
	}
	if (present(input.amountSpent)) {
		properties.amount_spent = number(input.amountSpent, 'Amount Spent', [0, Number.MAX_VALUE]);
	}
	if (present(input.ip)) properties.ip = String(input.ip).trim();
	return Object.keys(properties).length ? properties : undefined;
}

function purchase(row: PurchaseInput, position: number): Record<string, unknown> {
	const where = `Purchases (row ${position + 1})`;
	const sku = String(row.sku ?? '').trim();
	if (sku === '') {
		throw new ParameterError(`${where} → SKU`, 'is empty', 'Enter the product identifier.');
	}
	const amount =
		typeof row.amount === 'number' ? String(row.amount) : String(row.amount ?? '').trim();
	if (!/^\d*\.?\d+$/.test(amount)) {
		throw new ParameterError(
			`${where} → Amount`,
			`"${amount}" is not an amount`,
			'Enter the amount without a currency sign, such as 4.99.',
		);
	}
	const iso = String(row.currency ?? 'USD')
		.trim()
		.toUpperCase();
	if (!/^[A-Z]{3}$/.test(iso)) {
		throw new ParameterError(
			`${where} → Currency`,
			`"${iso}" is not a currency code`,
			'Use the three-letter ISO 4217 code, such as USD or EUR.',
		);
	}
	const result: Record<string, unknown> = { sku, amount, iso };
	if (present(row.count)) result.count = wholeNumber(row.count, `${where} → Count`, 1);
	return result;
}

/** Builds `deltas` (added to the user's counters); returns undefined when nothing is set. */
export function buildDeltas(input: DeltaInput): Record<string, unknown> | undefined {
	const deltas: Record<string, unknown> = {};
	if (present(input.sessionCount)) {
		deltas.session_count = wholeNumber(input.sessionCount, 'Session Count to Add', 0);
	}
	if (present(input.sessionTime)) {
		deltas.session_time = wholeNumber(input.sessionTime, 'Session Time to Add (Seconds)', 0);
	}
	const purchases = (input.purchases ?? []).map(purchase);
	if (purchases.length) deltas.purchases = purchases;
	return Object.keys(deltas).length ? deltas : undefined;
}

/** How many property updates a request makes: one per tag, per property and per purchase. */
export function countPropertyUpdates(
	properties: Record<string, unknown> | undefined,
	deltas: Record<string, unknown> | undefined,
): number {
	let count = 0;
	for (const [key, value] of Object.entries(properties ?? {})) {
		if (key === 'tags' && typeof value === 'object' && value !== null)
			count += Object.keys(value).length;
		else if (key === 'purchases' && Array.isArray(value)) count += value.length;
		else count += 1;
	}
	for (const [key, value] of Object.entries(deltas ?? {})) {
		count += key === 'purchases' && Array.isArray(value) ? value.length : 1;
	}
	return count;
}

export function checkPropertyUpdateCount(
	properties: Record<string, unknown> | undefined,
	deltas: Record<string, unknown> | undefined,
): void {
	const count = countPropertyUpdates(properties, deltas);
	if (count > MAX_PROPERTY_UPDATES) {
		throw new ParameterError(
			'Update Fields',
			`this request would make ${count} property updates; OneSignal accepts at most ${MAX_PROPERTY_UPDATES} per request`,
			'Split the tags over two OneSignal nodes (each updates the same user), or remove tags you no longer need.',
		);
	}
}
