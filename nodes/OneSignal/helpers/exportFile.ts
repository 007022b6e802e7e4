/**
 * Exported files: OneSignal answers an export request at once with a URL, and the file appears at
 * that URL minutes later as a gzip-compressed CSV. These helpers decide how long to wait between
 * looks at the URL and turn the downloaded bytes into the CSV.
 */

/** The first wait after a file was not there yet; each later wait doubles, up to the cap. */
export const FIRST_POLL_DELAY_MS = 1_000;
export const MAX_POLL_DELAY_MS = 30_000;

/**
 * How long to wait before the next look at a file URL, or undefined when the time allowed is used
 * up. `poll` counts the looks made so far (1 after the first). The last wait is shortened so the
 * final look happens right at the limit instead of after it.
 */
export function nextPollDelayMs(
	poll: number,
	elapsedMs: number,
	maxWaitMs: number,
): number | undefined {
	const remaining = maxWaitMs - elapsedMs;
	if (remaining <= 0) return undefined;
	const backoff = Math.min(MAX_POLL_DELAY_MS, FIRST_POLL_DELAY_MS * 2 ** Math.max(0, poll - 1));
	return Math.min(backoff, remaining);
}

/** Whether bytes start with the gzip signature (1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
	return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses gzip data with the runtime's own DecompressionStream (community nodes may not use
 * zlib). Data without the gzip signature is returned unchanged: a storage host may already have
 * decoded it, and some reports are plain CSV.
 */
export async function gunzipIfNeeded(bytes: Uint8Array): Promise<Buffer> {
	if (!isGzip(bytes)) return Buffer.from(bytes);
	const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
	return Buffer.from(await new Response(stream).arrayBuffer());
}

/** A file name for the downloaded CSV: the URL's last path segment without `.gz`. */
export function csvFileName(url: string, fallback: string): string {
	let name = '';
	try {
		name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
	} catch {
		name = '';
	}
	name = name.replace(/\.gz$/i, '');
	if (!name) return fallback;
	return /\.csv$/i.test(name) ? name : `${name}.csv`;
}
