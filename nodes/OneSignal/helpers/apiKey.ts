/**
 * Turns whatever a user pasted into a key field into the bare key. OneSignal's dashboard and older
 * docs show the key with a scheme word in front ("Key …", "Basic …", "Bearer …"); the API only
 * accepts `Authorization: Key <key>`, so the word is dropped here and added back by the credential.
 * Surrounding quotes and whitespace (common when copying from a JSON snippet) go too.
 */
export function normalizeApiKey(pasted: unknown): string {
	let key = typeof pasted === 'string' ? pasted.trim() : '';
	key = key.replace(/^["']|["']$/g, '').trim();
	key = key.replace(/^(?:authorization\s*:\s*)?(?:key|basic|bearer)\s+/i, '');
	return key.trim();
}

/** The header value OneSignal expects for a key of either tier. */
export function authorizationHeader(pasted: unknown): string {
	return `Key ${normalizeApiKey(pasted)}`;
}

/** The base URL without trailing slashes, defaulting to OneSignal's public API. */
export function normalizeBaseUrl(value: unknown): string {
	const url = typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_BASE_URL;
	return url.replace(/\/+$/, '');
}

export const DEFAULT_BASE_URL = 'https://api.onesignal.com';
