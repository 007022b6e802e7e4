/**
 * Gathers entries (custom events, later batch sends) into as few requests as a size limit allows.
 * Pure, so the packing can be tested on its own and reused by any endpoint that takes a JSON array.
 */

export interface PackingLimits {
	/** An entry larger than this is refused before anything is sent. */
	maxEntryBytes: number;
	/** The whole request body, envelope included, stays at or below this. */
	maxRequestBytes: number;
	/** Bytes of the body around the array, e.g. `{"events":[` + `]}` = 13. */
	envelopeBytes: number;
	/** At most this many entries in one request (no limit when absent). */
	maxEntriesPerRequest?: number;
}

export interface PackedRequest<T> {
	entries: T[];
	/** Size of the request body in bytes (UTF-8 JSON), envelope and commas included. */
	bytes: number;
}

export interface Packing<T> {
	requests: Array<PackedRequest<T>>;
	/** Entries over `maxEntryBytes`, in input order, with their size. */
	tooLarge: Array<{ entry: T; bytes: number }>;
}

/**
 * Packs entries in their input order: each request is filled until the next entry would not fit.
 * Keeping the order keeps output items aligned with input items; since no entry is larger than
 * `maxEntryBytes`, a request is never more than one entry short of full, so the count is within
 * one of what any reordering could achieve.
 */
export function packBySize<T>(
	entries: T[],
	sizeOf: (entry: T) => number,
	limits: PackingLimits,
): Packing<T> {
	if (limits.maxEntryBytes + limits.envelopeBytes > limits.maxRequestBytes) {
		throw new RangeError('maxEntryBytes plus the envelope must fit into maxRequestBytes');
	}
	const requests: Array<PackedRequest<T>> = [];
	const tooLarge: Packing<T>['tooLarge'] = [];
	let current: PackedRequest<T> | undefined;
	for (const entry of entries) {
		const bytes = sizeOf(entry);
		if (bytes > limits.maxEntryBytes) {
			tooLarge.push({ entry, bytes });
			continue;
		}
		const separator = current && current.entries.length > 0 ? 1 : 0;
		const full =
			!current ||
			current.bytes + separator + bytes > limits.maxRequestBytes ||
			(limits.maxEntriesPerRequest !== undefined &&
				current.entries.length >= limits.maxEntriesPerRequest);
		if (full) {
			current = { entries: [entry], bytes: limits.envelopeBytes + bytes };
			requests.push(current);
		} else {
			current!.entries.push(entry);
			current!.bytes += separator + bytes;
		}
	}
	return { requests, tooLarge };
}

/** UTF-8 size of a value as JSON, the way it is sent. */
export function jsonBytes(value: unknown): number {
	return new TextEncoder().encode(JSON.stringify(value)).length;
}
