import {
	backoffMs,
	decideRetry,
	DEFAULT_RETRY_SETTINGS,
	retryAfterMs,
	type AttemptOutcome,
} from '../../nodes/OneSignal/helpers/retryPolicy';

const settings = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 20_000 };
const now = Date.parse('2026-12-04T12:00:00Z');
const ask = (outcome: AttemptOutcome, safeToRepeat = true, attempt = 1) =>
	decideRetry({ attempt, outcome, safeToRepeat, settings, nowMs: now, random: () => 0.5 });

describe('retry policy', () => {
	it.each([400, 401, 403, 404, 409, 422])('never retries HTTP %i', (status) => {
		expect(ask({ kind: 'status', status }).retry).toBe(false);
		expect(ask({ kind: 'status', status }, false).retry).toBe(false);
	});

	it('retries 429 even for a write without an idempotency key, because nothing was processed', () => {
		expect(ask({ kind: 'status', status: 429 }, false)).toMatchObject({ retry: true });
	});

	it('waits exactly Retry-After seconds on 429', () => {
		const decision = ask({ kind: 'status', status: 429, headers: { 'retry-after': '3' } });
		expect(decision).toEqual({ retry: true, waitMs: 3000, reason: 'rate limited (429)' });
	});

	it('waits until the HTTP date of Retry-After', () => {
		const at = new Date(now + 7000).toUTCString();
		const decision = ask({ kind: 'status', status: 429, headers: { 'Retry-After': at } });
		expect(decision).toMatchObject({ retry: true, waitMs: 7000 });
	});

	it('reads the legacy RetryAfter header', () => {
		expect(retryAfterMs({ RetryAfter: '2' }, now)).toBe(2000);
	});

	it('prefers Retry-After over the legacy spelling when both are present', () => {
		expect(retryAfterMs({ RetryAfter: '9', 'Retry-After': '2' }, now)).toBe(2000);
	});

	it('caps a long Retry-After at the maximum wait', () => {
		const decision = ask({ kind: 'status', status: 429, headers: { 'retry-after': '3600' } });
		expect(decision).toMatchObject({ retry: true, waitMs: 20_000 });
	});

	it('ignores a Retry-After it cannot read and backs off instead', () => {
		expect(retryAfterMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
		expect(ask({ kind: 'status', status: 429, headers: { 'retry-after': 'soon' } })).toMatchObject({
			waitMs: backoffMs(1, settings, () => 0.5),
		});
	});

	it.each([500, 502, 503, 504])('retries HTTP %i when repeating is safe', (status) => {
		expect(ask({ kind: 'status', status })).toMatchObject({ retry: true });
	});

	it.each([500, 503])('does not retry HTTP %i for a write without an idempotency key', (status) => {
		expect(ask({ kind: 'status', status }, false).retry).toBe(false);
	});

	it.each(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED'])(
		'retries %s only when repeating is safe, since the request may have been processed',
		(code) => {
			expect(ask({ kind: 'network', code })).toMatchObject({ retry: true });
			expect(ask({ kind: 'network', code }, false).retry).toBe(false);
		},
	);

	it('retries a refused connection even for an unsafe write: nothing reached the server', () => {
		expect(ask({ kind: 'network', code: 'ECONNREFUSED' }, false)).toMatchObject({ retry: true });
	});

	it('stops at the attempt bound', () => {
		expect(ask({ kind: 'status', status: 503 }, true, 3).retry).toBe(true);
		expect(ask({ kind: 'status', status: 503 }, true, 4)).toEqual({
			retry: false,
			reason: 'gave up after 4 attempts',
		});
	});

	it('backs off exponentially with jitter between half and all of each step, capped', () => {
		const low = (attempt: number) => backoffMs(attempt, settings, () => 0);
		const high = (attempt: number) => backoffMs(attempt, settings, () => 1);
		expect([low(1), high(1)]).toEqual([500, 1000]);
		expect([low(2), high(2)]).toEqual([1000, 2000]);
		expect([low(3), high(3)]).toEqual([2000, 4000]);
		expect(high(10)).toBe(20_000);
	});

	it('has defaults that keep one item’s total wait under a minute and a half', () => {
		let total = 0;
		for (let attempt = 1; attempt < DEFAULT_RETRY_SETTINGS.maxAttempts; attempt++) {
			total += backoffMs(attempt, DEFAULT_RETRY_SETTINGS, () => 1);
		}
		expect(total).toBeLessThan(90_000);
	});
});
