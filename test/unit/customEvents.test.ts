import { jsonBytes, packBySize } from '../../nodes/OneSignal/helpers/batching';
import {
	buildCustomEvent,
	CUSTOM_EVENT_LIMITS,
	type CustomEvent,
	eventBytes,
	planCustomEventRequests,
	readEventFailures,
} from '../../nodes/OneSignal/helpers/customEvents';
import { ParameterError } from '../../nodes/OneSignal/helpers/validation';

const key = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function event(n: number, padding = 0, user = `u-${n}`): CustomEvent {
	return buildCustomEvent({
		name: 'purchase',
		user: { label: 'external_id', id: user },
		payload: padding ? { note: 'x'.repeat(padding) } : undefined,
		idempotencyKey: key(n),
	});
}

describe('packing entries into size-limited requests', () => {
	const limits = { maxEntryBytes: 10, maxRequestBytes: 30, envelopeBytes: 4 };

	it('fills each request in input order until the next entry would not fit', () => {
		// Envelope 4, then 10 + 1 + 10 = 25; a third entry would make 36.
		const packed = packBySize(['a', 'b', 'c', 'd', 'e'], () => 10, limits);
		expect(packed.requests.map((request) => request.entries)).toEqual([
			['a', 'b'],
			['c', 'd'],
			['e'],
		]);
		expect(packed.requests.map((request) => request.bytes)).toEqual([25, 25, 14]);
		expect(packed.tooLarge).toEqual([]);
	});

	it('sets aside entries over the entry limit and packs the rest', () => {
		const sizes: Record<string, number> = { a: 5, big: 11, b: 5 };
		const packed = packBySize(['a', 'big', 'b'], (entry) => sizes[entry], limits);
		expect(packed.tooLarge).toEqual([{ entry: 'big', bytes: 11 }]);
		expect(packed.requests.map((request) => request.entries)).toEqual([['a', 'b']]);
	});

	it('honours a cap on entries per request', () => {
		const packed = packBySize(['a', 'b', 'c'], () => 1, { ...limits, maxEntriesPerRequest: 2 });
		expect(packed.requests.map((request) => request.entries.length)).toEqual([2, 1]);
	});

	it('reports the request size exactly as JSON.stringify makes it', () => {
		const entries = [{ a: 1 }, { b: 'ü' }, { c: [1, 2] }];
		const packed = packBySize(entries, jsonBytes, {
			maxEntryBytes: 100,
			maxRequestBytes: 1000,
			envelopeBytes: jsonBytes({ events: [] }),
		});
		expect(packed.requests[0].bytes).toBe(jsonBytes({ events: entries }));
	});
});

describe('custom event requests', () => {
	it('gathers 1,000 events of about 1.9 KB into two requests of at most 1 MB', () => {
		const events = Array.from({ length: 1000 }, (_, n) => ({ event: event(n, 1800) }));
		const plan = planCustomEventRequests(events);
		expect(plan.tooLarge).toEqual([]);
		expect(plan.requests).toHaveLength(2);
		for (const request of plan.requests) {
			const body = { events: request.entries.map((entry) => entry.event) };
			expect(jsonBytes(body)).toBe(request.bytes);
			expect(request.bytes).toBeLessThanOrEqual(CUSTOM_EVENT_LIMITS.maxRequestBytes);
		}
		expect(plan.requests.flatMap((request) => request.entries)).toEqual(events);
	});

	it('refuses an event over 2,024 bytes and keeps the others', () => {
		const small = { event: event(1) };
		const big = { event: event(2, 2100) };
		const plan = planCustomEventRequests([small, big]);
		expect(plan.tooLarge).toEqual([{ entry: big, bytes: eventBytes(big.event) }]);
		expect(plan.requests[0].entries).toEqual([small]);
	});

	it('accepts an event of exactly 2,024 bytes', () => {
		const base = eventBytes(event(1, 1));
		const exact = { event: event(1, 1 + CUSTOM_EVENT_LIMITS.maxEventBytes - base) };
		expect(eventBytes(exact.event)).toBe(2024);
		expect(planCustomEventRequests([exact]).tooLarge).toEqual([]);
	});

	it('puts the event’s data under payload and leaves empty data out', () => {
		expect(
			buildCustomEvent({
				name: ' signup ',
				user: { label: 'onesignal_id', id: 'x' },
				payload: { plan: 'pro' },
				timestamp: '2026-01-01T00:00:00.000Z',
				idempotencyKey: key(1),
			}),
		).toEqual({
			name: 'signup',
			onesignal_id: 'x',
			payload: { plan: 'pro' },
			timestamp: '2026-01-01T00:00:00.000Z',
			idempotency_key: key(1),
		});
		expect(event(1)).not.toHaveProperty('payload');
	});

	it('refuses a name over 128 characters', () => {
		expect(() =>
			buildCustomEvent({
				name: 'n'.repeat(129),
				user: { label: 'external_id', id: 'u' },
				idempotencyKey: key(1),
			}),
		).toThrow(ParameterError);
	});
});

describe('per-event errors of a 202 answer', () => {
	const events = [event(1), event(2), event(3, 0, 'u-1')];

	it('ties an error to its event by idempotency key', () => {
		const { failed, unattributed } = readEventFailures(
			{
				errors: [
					{
						event_user_id: 'u-2',
						event_id: key(2).toUpperCase(),
						error: { code: 'not found', title: 'failed to find a onesignal_id for user_id u-2' },
					},
				],
			},
			events,
		);
		expect([...failed]).toEqual([[1, 'failed to find a onesignal_id for user_id u-2 (not found)']]);
		expect(unattributed).toEqual([]);
	});

	it('fails every event of a user when only the user is named', () => {
		const { failed } = readEventFailures(
			{ errors: [{ event_user_id: 'u-1', error: { title: 'user not found' } }] },
			events,
		);
		expect([...failed.keys()].sort()).toEqual([0, 2]);
	});

	it('uses an index when OneSignal gives one', () => {
		const { failed } = readEventFailures({ errors: [{ index: 2, title: 'bad' }] }, events);
		expect([...failed]).toEqual([[2, 'bad']]);
	});

	it('keeps errors that name no event apart instead of guessing', () => {
		const { failed, unattributed } = readEventFailures(
			{ errors: [{ event_user_id: 'someone-else', error: { title: 'odd' } }, 'text error'] },
			events,
		);
		expect(failed.size).toBe(0);
		expect(unattributed).toEqual(['odd', 'text error']);
	});

	it('reads a success without errors as nothing failed', () => {
		expect(readEventFailures({}, events).failed.size).toBe(0);
		expect(readEventFailures('', events).failed.size).toBe(0);
	});
});
