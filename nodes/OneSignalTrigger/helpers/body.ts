/**
 * Reading a webhook body safely: never more than a size limit into memory, and JSON errors
 * reported instead of thrown. The trigger reads the body itself (not through n8n's parser) so it
 * can check the secret before reading anything and answer a malformed body with 400.
 */

/** The part of Node's request stream the reader needs; n8n hands the webhook an express request. */
export interface BodyStream {
	headers: Record<string, string | string[] | undefined>;
	/** Set when n8n has already read the body. */
	rawBody?: unknown;
	/** Set when n8n has already parsed the body. */
	body?: unknown;
	readableEnded?: boolean;
	on(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown;
	on(event: 'end' | 'close', listener: () => void): unknown;
	on(event: 'error', listener: (error: Error) => void): unknown;
	removeListener(event: string, listener: (...args: never[]) => void): unknown;
	resume(): unknown;
}

export type BodyReadResult =
	| { kind: 'ok'; text: string }
	| { kind: 'tooLarge'; bytes: number }
	| { kind: 'unsupportedEncoding'; encoding: string };

/** The default body size limit: OneSignal's events are a few kilobytes. */
export const DEFAULT_MAX_BODY_KB = 256;

function declaredLength(headers: BodyStream['headers']): number | undefined {
	const value = headers['content-length'];
	if (typeof value !== 'string' || !/^\d+$/.test(value)) return undefined;
	return Number(value);
}

/**
 * Reads the body as UTF-8 text, at most `maxBytes`. A body announced as larger is refused without
 * reading it; a larger one without an announced length is refused as soon as it passes the limit,
 * and the rest is discarded unread so the answer can still be sent on the same connection.
 */
export async function readBody(request: BodyStream, maxBytes: number): Promise<BodyReadResult> {
	const encoding = String(request.headers['content-encoding'] ?? 'identity').toLowerCase();
	if (encoding !== 'identity' && encoding !== '') {
		return { kind: 'unsupportedEncoding', encoding };
	}
	const announced = declaredLength(request.headers);
	if (announced !== undefined && announced > maxBytes)
		return { kind: 'tooLarge', bytes: announced };

	if (request.rawBody !== undefined || request.readableEnded) return alreadyRead(request, maxBytes);

	return await new Promise<BodyReadResult>((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const cleanup = () => {
			request.removeListener('data', onData);
			request.removeListener('end', onEnd);
			request.removeListener('error', onError);
		};
		const onData = (chunk: Uint8Array | string) => {
			const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
			size += buffer.length;
			if (size > maxBytes) {
				cleanup();
				// Keep the stream flowing with no listener: the rest is dropped, the socket stays usable.
				request.resume();
				resolve({ kind: 'tooLarge', bytes: size });
				return;
			}
			chunks.push(buffer);
		};
		const onEnd = () => {
			cleanup();
			resolve({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') });
		};
		const onError = (error: Error) => {
			cleanup();
			reject(error);
		};
		request.on('data', onData);
		request.on('end', onEnd);
		request.on('error', onError);
		request.resume();
	});
}

/** When n8n read (and maybe parsed) the body before the node ran, use what it kept. */
function alreadyRead(request: BodyStream, maxBytes: number): BodyReadResult {
	let text: string;
	if (Buffer.isBuffer(request.rawBody)) text = request.rawBody.toString('utf8');
	else if (typeof request.body === 'string') text = request.body;
	else if (request.body !== undefined) text = JSON.stringify(request.body);
	else text = '';
	const bytes = Buffer.byteLength(text, 'utf8');
	return bytes > maxBytes ? { kind: 'tooLarge', bytes } : { kind: 'ok', text };
}

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; problem: string };

/** Parses JSON text; a byte-order mark and surrounding whitespace are allowed. */
export function parseJsonText(text: string): JsonParseResult {
	const trimmed = text.replace(/^\uFEFF/, '').trim();
	if (trimmed === '') return { ok: false, problem: 'The body is empty' };
	try {
		return { ok: true, value: JSON.parse(trimmed) as unknown };
	} catch (error) {
		return { ok: false, problem: `The body is not valid JSON: ${(error as Error).message}` };
	}
}
