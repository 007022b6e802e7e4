/**
 * Liquid, which OneSignal uses to fill in Event Stream and Journey webhook bodies, prints every
 * value as text, and an absent value as nothing. These helpers read such values back: an empty
 * string means absent, and fields known to be numbers or times become numbers and ISO times.
 */

/** Text, trimmed; empty, null and undefined become null. Numbers and booleans become text. */
export function liquidText(value: unknown): string | null {
	if (value === undefined || value === null) return null;
	if (typeof value === 'string') {
		const text = value.trim();
		return text === '' ? null : text;
	}
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return null;
}

/** A number given as a number or as decimal text; anything else is null. */
export function liquidNumber(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	const text = liquidText(value);
	if (text === null || !/^-?\d+(\.\d+)?$/.test(text)) return null;
	const number = Number(text);
	return Number.isFinite(number) ? number : null;
}

/**
 * A point in time as an ISO string in UTC. Takes Unix time in seconds (OneSignal's
 * `event.timestamp`) or milliseconds, as a number or as text, and date strings with a zone.
 * Returns null for anything it cannot read without guessing.
 */
export function liquidTime(value: unknown): string | null {
	const number = liquidNumber(value);
	if (number !== null) {
		// Seconds until the year 33658; larger values can only be milliseconds.
		const ms = Math.abs(number) < 1e12 ? number * 1000 : number;
		const date = new Date(ms);
		return Number.isNaN(date.getTime()) ? null : date.toISOString();
	}
	const text = liquidText(value);
	if (text === null) return null;
	// A date without a zone would be read in the server's zone: refuse rather than guess.
	if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text) && !/ UTC$/.test(text)) return null;
	const parsed = Date.parse(text.replace(/ UTC$/, 'Z'));
	return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}

/** A copy of an object with Liquid's empty strings removed, recursively. */
export function withoutEmptyValues(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutEmptyValues);
	if (typeof value !== 'object' || value === null) {
		return typeof value === 'string' ? value.trim() : value;
	}
	const result: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value)) {
		if (entry === undefined || entry === null) continue;
		if (typeof entry === 'string' && entry.trim() === '') continue;
		result[key] = withoutEmptyValues(entry);
	}
	return result;
}
