/**
 * When a OneSignal request may be sent again, and how long to wait first. Pure functions, so the
 * whole policy is visible and testable in one place; the transport only applies the decision.
 *
 * The rules follow OneSignal's own advice: wait `Retry-After` on 429, back off on 5xx and lost
 * connections, never retry 400/401/403/404/409/422, and never resend a write that may already
 * have been processed unless an idempotency key makes the repeat harmless.
 */

export interface RetrySettings {
	/** Total tries, the first one included. */
	maxAttempts: number;
	/** First backoff step; doubles on each retry. */
	baseDelayMs: number;
	/** No single wait is longer than this, whatever `Retry-After` asks for. */
	maxDelayMs: number;
}

export const DEFAULT_RETRY_SETTINGS: RetrySettings = {
	maxAttempts: 5,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
};

/** What came back from one try: an HTTP status, or a transport error code such as ECONNRESET. */
export type AttemptOutcome =
	| { kind: 'status'; status: number; headers?: Record<string, unknown> }
	| { kind: 'network'; code: string };

export type RetryDecision =
	| { retry: true; waitMs: number; reason: string }
	| { retry: false; reason: string };

/** Statuses that mean "this request is wrong"; sending it again cannot help. */
const NEVER_RETRIED = new Set([400, 401, 403, 404, 405, 409, 410, 413, 422]);

/** The request provably never reached a server: nothing can have been processed. */
const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'UND_ERR_CONNECT_TIMEOUT',
]);

/** The request may have reached OneSignal and been processed before the answer was lost. */
const MAYBE_SENT_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
	'UND_ERR_SOCKET',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
	'ERR_BAD_RESPONSE',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export function isNetworkCodeRetryable(code: string): boolean {
	return NOT_SENT_CODES.has(code) || MAYBE_SENT_CODES.has(code);
}

export function neverReachedServer(code: string): boolean {
	return NOT_SENT_CODES.has(code);
}

/**
 * Reads how long the server asked us to wait, in milliseconds. Accepts `Retry-After` as
 * delta-seconds (fractions too) or as an HTTP date, and the legacy `RetryAfter` spelling some
 * OneSignal endpoints have used. Returns undefined when there is no usable value.
 */
export function retryAfterMs(
	headers: Record<string, unknown> | undefined,
	nowMs: number,
): number | undefined {
	if (!headers) return undefined;
	let raw: unknown;
	for (const [name, value] of Object.entries(headers)) {
		const lower = name.toLowerCase();
		if (lower === 'retry-after' || lower === 'retryafter') {
			raw = Array.isArray(value) ? value[0] : value;
			if (lower === 'retry-after') break;
		}
	}
	if (raw === undefined || raw === null) return undefined;
	const text = String(raw).trim();
	if (text === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - nowMs);
}

/**
 * Exponential backoff with "equal jitter": half of the step is fixed, half random, so retries
 * from many items spread out while each still waits a predictable minimum.
 */
export function backoffMs(attempt: number, settings: RetrySettings, random: () => number): number {
	const step = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(step / 2 + (step / 2) * random());
}

export interface RetryQuestion {
	/** The try that just failed, starting at 1. */
	attempt: number;
	outcome: AttemptOutcome;
	/** True for reads, and for writes whose repeat is harmless (an idempotency key, a PUT). */
	safeToRepeat: boolean;
	settings: RetrySettings;
	nowMs: number;
	random: () => number;
}

export function decideRetry(question: RetryQuestion): RetryDecision {
	const { attempt, outcome, safeToRepeat, settings, nowMs, random } = question;
	if (attempt >= settings.maxAttempts) {
		return { retry: false, reason: `gave up after ${attempt} attempts` };
	}

	if (outcome.kind === 'network') {
		if (!isNetworkCodeRetryable(outcome.code)) {
			return { retry: false, reason: `${outcome.code} is not a passing fault` };
		}
		if (!safeToRepeat && !neverReachedServer(outcome.code)) {
			return {
				retry: false,
				reason: `${outcome.code} after the request may have been processed, and it has no idempotency key`,
			};
		}
		return { retry: true, waitMs: backoffMs(attempt, settings, random), reason: outcome.code };
	}

	const { status } = outcome;
	if (status === 429) {
		// A 429 means OneSignal refused the request without processing it, so even a write
		// without an idempotency key can be sent again.
		const asked = retryAfterMs(outcome.headers, nowMs);
		const waitMs =
			asked === undefined
				? backoffMs(attempt, settings, random)
				: Math.min(asked, settings.maxDelayMs);
		return { retry: true, waitMs, reason: 'rate limited (429)' };
	}
	if (NEVER_RETRIED.has(status) || (status >= 400 && status < 500)) {
		return { retry: false, reason: `HTTP ${status} is not retried` };
	}
	if (status >= 500) {
		if (!safeToRepeat) {
			return {
				retry: false,
				reason: `HTTP ${status} on a request that may have been processed and has no idempotency key`,
			};
		}
		const asked = retryAfterMs(outcome.headers, nowMs);
		const waitMs =
			asked === undefined
				? backoffMs(attempt, settings, random)
				: Math.min(asked, settings.maxDelayMs);
		return { retry: true, waitMs, reason: `server error (${status})` };
	}
	return { retry: false, reason: `HTTP ${status}` };
}
