import { timingSafeEqual } from 'crypto';

/**
 * Shared-secret checks of the trigger. OneSignal signs nothing it sends, so a secret the user
 * configures on both sides is the only proof a request came from their OneSignal app.
 */

/** OneSignal refuses custom headers starting with this (Journey webhooks document it). */
export const RESERVED_HEADER_PREFIX = 'x-onesignal';

/** Enough randomness that guessing is hopeless; `openssl rand -hex 32` gives 64 characters. */
export const MIN_SECRET_LENGTH = 24;

// RFC 9110 token characters: anything else cannot be a header name.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

// Headers OneSignal will not let the user set, or that proxies and clients rewrite on the way.
const UNUSABLE_HEADERS = new Set([
	'content-length',
	'content-type',
	'content-encoding',
	'transfer-encoding',
	'host',
	'referer',
	'user-agent',
	'cookie',
	'metadata-flavor',
	'x-google-metadata-request',
]);

/** Why a header name cannot carry the secret, or undefined when it can. */
export function headerNameProblem(name: unknown): string | undefined {
	const text = typeof name === 'string' ? name.trim() : '';
	if (text === '') return 'is empty';
	if (!HEADER_NAME.test(text)) return `"${text}" is not a valid HTTP header name`;
	const lower = text.toLowerCase();
	if (lower.startsWith(RESERVED_HEADER_PREFIX)) {
		return `"${text}" starts with "X-OneSignal", which OneSignal refuses to send`;
	}
	if (UNUSABLE_HEADERS.has(lower)) return `"${text}" is set by OneSignal or the network itself`;
	return undefined;
}

/** Why a secret or token is too weak to rely on, or undefined when it is fine. */
export function secretProblem(secret: unknown): string | undefined {
	if (typeof secret !== 'string' || secret === '') return 'is empty';
	if (secret.trim() !== secret) return 'starts or ends with a space';
	if (secret.length < MIN_SECRET_LENGTH) {
		return `has ${secret.length} characters; use at least ${MIN_SECRET_LENGTH}`;
	}
	return undefined;
}

/**
 * Compares a received secret with the expected one in constant time: the lengths first (which
 * reveals only the length), then every byte with `timingSafeEqual`, so the time taken does not
 * tell an attacker how many leading characters were right. A header sent twice arrives as a list
 * (or joined with commas) and never matches.
 */
export function secretsMatch(received: unknown, expected: string): boolean {
	if (typeof received !== 'string' || expected === '') return false;
	const given = Buffer.from(received, 'utf8');
	const wanted = Buffer.from(expected, 'utf8');
	if (given.length !== wanted.length) return false;
	return timingSafeEqual(given, wanted);
}

/** The value of a header in Node's lower-cased header map, or undefined when absent. */
export function headerValue(
	headers: Record<string, string | string[] | undefined>,
	name: string,
): string | string[] | undefined {
	return headers[name.trim().toLowerCase()];
}
