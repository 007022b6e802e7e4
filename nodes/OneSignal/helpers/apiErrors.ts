/**
 * Reading OneSignal's error bodies. The API uses two shapes for the same thing,
 * `{"errors": ["text"]}` and `{"errors": [{"code", "title", "meta"}]}`, plus the odd
 * `{"error": "text"}` or plain-text body; these functions turn any of them into readable lines.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeEntry(entry: unknown): string | undefined {
	if (typeof entry === 'string') return entry.trim() || undefined;
	if (typeof entry === 'number') return String(entry);
	if (!isRecord(entry)) return undefined;
	const title = typeof entry.title === 'string' ? entry.title : undefined;
	const message = typeof entry.message === 'string' ? entry.message : undefined;
	const code =
		typeof entry.code === 'string' || typeof entry.code === 'number' ? entry.code : undefined;
	const text = title ?? message;
	const meta = isRecord(entry.meta) ? describeMeta(entry.meta) : undefined;
	if (!text && code === undefined) return undefined;
	return [text ?? `code ${code}`, meta].filter(Boolean).join(' ');
}

function isPrimitive(value: unknown): value is string | number | boolean {
	return ['string', 'number', 'boolean'].includes(typeof value);
}

/**
 * `meta` carries the facts behind an error, e.g. `{"external_id": "u-9"}` or, on a 409 from
 * Create User, `{"conflicting_aliases": {"external_id": "u-9"}}`; one level of nesting is shown
 * so the alias that caused a conflict is named in the message.
 */
function describeMeta(meta: Record<string, unknown>): string | undefined {
	const parts: string[] = [];
	let nested = false;
	for (const [key, value] of Object.entries(meta)) {
		if (isPrimitive(value)) {
			parts.push(`${key}=${String(value)}`);
		} else if (isRecord(value)) {
			const inner = Object.entries(value)
				.filter(([, entry]) => isPrimitive(entry))
				.map(([innerKey, entry]) => `${innerKey}=${String(entry)}`);
			if (inner.length) parts.push(`${key}: ${inner.join(', ')}`);
			nested ||= inner.length > 0;
		}
	}
	return parts.length ? `(${parts.join(nested ? '; ' : ', ')})` : undefined;
}

/** Every human-readable error line in a OneSignal response body, in order. */
export function errorMessagesOf(body: unknown): string[] {
	if (typeof body === 'string') {
		const text = body.trim();
		if (!text) return [];
		try {
			return errorMessagesOf(JSON.parse(text));
		} catch {
			return [text.length > 300 ? `${text.slice(0, 300)}…` : text];
		}
	}
	if (!isRecord(body)) return [];
	const lines: string[] = [];
	const { errors } = body;
	if (Array.isArray(errors)) {
		for (const entry of errors) {
			const line = describeEntry(entry);
			if (line) lines.push(line);
		}
	} else if (isRecord(errors)) {
		for (const [key, value] of Object.entries(errors)) {
			if (Array.isArray(value)) {
				lines.push(
					`${key}: ${value.map((v) => (isRecord(v) ? JSON.stringify(v) : String(v))).join(', ')}`,
				);
			} else if (isRecord(value)) {
				lines.push(`${key}: ${JSON.stringify(value)}`);
			} else if (value !== undefined && value !== null) {
				lines.push(`${key}: ${String(value)}`);
			}
		}
	} else if (typeof errors === 'string') {
		lines.push(errors);
	}
	for (const key of ['error', 'message', 'title', 'reason']) {
		const value = body[key];
		if (typeof value === 'string' && value.trim() && !lines.includes(value))
			lines.push(value.trim());
	}
	return lines;
}

/** The first readable line, or a fallback naming the status. */
export function primaryErrorMessage(body: unknown, status?: number): string {
	const [first] = errorMessagesOf(body);
	if (first) return first;
	return status
		? `OneSignal answered HTTP ${status} without an explanation`
		: 'OneSignal gave no explanation';
}
