import { jsonBytes, packBySize, type Packing } from './batching';
import { ParameterError } from './validation';

/**
 * Custom events (POST /apps/{app_id}/custom_events). Limits from OneSignal's reference: a name of
 * at most 128 characters, at most 2,024 bytes an event and 1 MB a request. The event's own data
 * goes under `payload`, as the spec and OneSignal's SDKs send it (one reference page shows
 * `properties`; the spec wins, see the shared NOTES).
 */
export const CUSTOM_EVENT_LIMITS = {
	maxNameLength: 128,
	maxEventBytes: 2024,
	// "1 MB" is read as 1,000,000 bytes, the smaller of the two meanings, so no request is refused.
	maxRequestBytes: 1_000_000,
} as const;

/** `{"events":[` and `]}` */
const ENVELOPE_BYTES = jsonBytes({ events: [] });

export interface CustomEvent {
	name: string;
	external_id?: string;
	onesignal_id?: string;
	timestamp?: string;
	payload?: Record<string, unknown>;
	idempotency_key: string;
}

export interface EventInput {
	name: string;
	user: { label: 'external_id' | 'onesignal_id'; id: string };
	timestamp?: string;
	payload?: Record<string, unknown>;
	idempotencyKey: string;
}

/** Builds one event as sent, refusing what OneSignal would refuse for the whole batch. */
export function buildCustomEvent(input: EventInput): CustomEvent {
	const name = input.name.trim();
	if (name === '') {
		throw new ParameterError(
			'Event Name',
			'is empty',
			'Enter the name your Journeys listen for, such as purchase_completed.',
		);
	}
	if ([...name].length > CUSTOM_EVENT_LIMITS.maxNameLength) {
		throw new ParameterError(
			'Event Name',
			`has ${[...name].length} characters; OneSignal accepts at most ${CUSTOM_EVENT_LIMITS.maxNameLength}`,
			'Use a shorter name and put details into the event properties.',
		);
	}
	const event: CustomEvent = { name, idempotency_key: input.idempotencyKey };
	event[input.user.label] = input.user.id;
	if (input.timestamp) event.timestamp = input.timestamp;
	if (input.payload && Object.keys(input.payload).length > 0) event.payload = input.payload;
	return event;
}

export function eventBytes(event: CustomEvent): number {
	return jsonBytes(event);
}

/**
 * Gathers events into as few requests as the size limits allow, in input order. Events over
 * 2,024 bytes come back in `tooLarge` and are never sent.
 */
export function planCustomEventRequests<T extends { event: CustomEvent }>(
	entries: T[],
): Packing<T> {
	return packBySize(entries, (entry) => eventBytes(entry.event), {
		maxEntryBytes: CUSTOM_EVENT_LIMITS.maxEventBytes,
		maxRequestBytes: CUSTOM_EVENT_LIMITS.maxRequestBytes,
		envelopeBytes: ENVELOPE_BYTES,
	});
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorText(entry: Record<string, unknown>): string {
	const inner = isRecord(entry.error) ? entry.error : entry;
	const title = [inner.title, inner.message, inner.detail].find(
		(value) => typeof value === 'string',
	);
	const code = typeof inner.code === 'string' ? inner.code : undefined;
	if (typeof title === 'string')
		return code && !title.includes(code) ? `${title} (${code})` : title;
	if (typeof entry.error === 'string') return entry.error;
	return code ?? JSON.stringify(entry);
}

export interface EventFailures {
	/** Position of the event in the request → OneSignal's reason. */
	failed: Map<number, string>;
	/** Errors that name no event of the request, in OneSignal's words. */
	unattributed: string[];
}

/**
 * Reads the per-event errors of a 202 answer:
 * `{"errors": [{"event_user_id": "u-1", "event_id": "<key>", "error": {"code", "title"}}]}`.
 * An error is tied to its event by `event_id` (the event's idempotency key, which every event
 * carries) or an index when OneSignal gives one; otherwise by `event_user_id`, which fails every
 * event of that user in the request — the usual reason, "user not found", applies to all of them.
 */
export function readEventFailures(body: unknown, events: CustomEvent[]): EventFailures {
	const failed = new Map<number, string>();
	const unattributed: string[] = [];
	const errors = isRecord(body) && Array.isArray(body.errors) ? body.errors : [];
	const byKey = new Map(events.map((event, index) => [event.idempotency_key.toLowerCase(), index]));
	for (const entry of errors) {
		if (!isRecord(entry)) {
			if (entry !== undefined && entry !== null) unattributed.push(String(entry));
			continue;
		}
		const text = errorText(entry);
		const key = [entry.event_id, entry.idempotency_key].find((value) => typeof value === 'string');
		const keyIndex = typeof key === 'string' ? byKey.get(key.toLowerCase()) : undefined;
		if (keyIndex !== undefined) {
			failed.set(keyIndex, text);
			continue;
		}
		const position = [entry.index, entry.event_index].find(
			(value) => typeof value === 'number' && Number.isInteger(value),
		) as number | undefined;
		if (position !== undefined && position >= 0 && position < events.length) {
			failed.set(position, text);
			continue;
		}
		const user = entry.event_user_id;
		const matches =
			typeof user === 'string' || typeof user === 'number'
				? events
						.map((event, index) => ({ event, index }))
						.filter(
							({ event }) =>
								event.external_id === String(user) || event.onesignal_id === String(user),
						)
				: [];
		if (matches.length === 0) {
			unattributed.push(text);
			continue;
		}
		for (const { index } of matches) if (!failed.has(index)) failed.set(index, text);
	}
	return { failed, unattributed };
}
