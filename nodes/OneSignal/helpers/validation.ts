/**
 * Input checks shared by the operations. Helpers stay free of n8n's execution context, so they
 * report bad input with a ParameterError; the router turns it into a NodeOperationError that names
 * the parameter, says what is wrong and how to fix it, before anything is sent.
 */
export class ParameterError extends Error {
	constructor(
		/** The parameter's display name, as the user sees it in the editor. */
		readonly parameter: string,
		message: string,
		/** How to fix it, in one or two sentences. */
		readonly hint: string,
	) {
		super(`${parameter}: ${message}`);
		this.name = 'ParameterError';
	}
}

/** How a value that is not text reads in a message: "an array", "an object", "true (a boolean)". */
export function describeType(value: unknown): string {
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'boolean') return `${String(value)} (a boolean)`;
	if (typeof value === 'number') return `${String(value)} (not a finite number)`;
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}

const TEXT_HINTS: Record<string, string> = {
	'an array':
		"Map a text field such as {{ $json.name }}, or join the array into one text, such as {{ $json.lines.join(', ') }}.",
	'an object':
		'Map one of its text fields, such as {{ $json.user.name }}, instead of the whole object.',
};

/**
 * Reads a text field whose value may come from an expression. Numbers are used as their text
 * (`42` → "42"), which is what a user who maps a number means. Arrays, objects and booleans are
 * refused: turning them into "a,b", "[object Object]" or "true" would send something nobody
 * wrote. Empty (undefined or null) reads as ''.
 */
export function readText(value: unknown, parameter: string): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint') {
		return String(value);
	}
	const received = describeType(value);
	throw new ParameterError(
		parameter,
		`expects text but got ${received}`,
		TEXT_HINTS[received] ??
			'Map a text field such as {{ $json.name }}, or write the text you want to send.',
	);
}

/**
 * Reads a list the user gave as an array (from an expression) or as text separated by commas,
 * semicolons or new lines. Entries are trimmed, empty ones dropped, duplicates removed with the
 * first occurrence kept, so a stray space or a repeated row never rejects a whole request.
 * Numbers are used as their text; an entry that is an object, a nested array or a boolean is
 * refused with its position, since no ID or name is written like that.
 */
export function parseList(value: unknown, parameter: string): string[] {
	if (
		typeof value === 'boolean' ||
		(typeof value === 'object' && value !== null && !Array.isArray(value))
	) {
		throw new ParameterError(
			parameter,
			`expects text or a list but got ${describeType(value)}`,
			'Separate several entries with commas, or map an array of texts such as {{ $json.ids }}.',
		);
	}
	const raw: unknown[] = Array.isArray(value)
		? value.flat(2)
		: typeof value === 'string'
			? value.split(/[,;\n\r]+/)
			: value === undefined || value === null
				? []
				: [value];
	const seen = new Set<string>();
	const result: string[] = [];
	for (const [index, entry] of raw.entries()) {
		if (entry === undefined || entry === null) continue;
		if (typeof entry === 'object' || typeof entry === 'boolean') {
			throw new ParameterError(
				parameter,
				`entry ${index + 1} of the list is ${describeType(entry)}${typeof entry === 'object' ? ` (${JSON.stringify(entry).slice(0, 40)})` : ''}, not text`,
				'Map an array of texts or numbers, such as {{ $json.users.map(user => user.id) }}, not the records themselves.',
			);
		}
		const text = String(entry).trim();
		if (text === '' || seen.has(text)) continue;
		seen.add(text);
		result.push(text);
	}
	return result;
}

/** Splits a list into chunks of at most `size` entries. */
export function chunk<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size)
		chunks.push(list.slice(start, start + size));
	return chunks;
}

/** Parses a JSON object typed into a field, or accepts an object from an expression. */
export function parseJsonObject(value: unknown, parameter: string): Record<string, unknown> {
	if (value === undefined || value === null || value === '') return {};
	let parsed: unknown = value;
	if (typeof value === 'string') {
		const attempt = tryParseJson(value);
		if ('problem' in attempt) {
			throw new ParameterError(
				parameter,
				`is not valid JSON (${attempt.problem})`,
				'Enter a JSON object such as {"key": "value"}, or use an expression that returns an object.',
			);
		}
		parsed = attempt.value;
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new ParameterError(
			parameter,
			'must be a JSON object',
			'Enter an object in curly braces, such as {"key": "value"}.',
		);
	}
	return parsed as Record<string, unknown>;
}

function tryParseJson(text: string): { value: unknown } | { problem: string } {
	try {
		return { value: JSON.parse(text) };
	} catch (error) {
		return { problem: (error as Error).message };
	}
}

export function byteLength(value: unknown): number {
	return Buffer.byteLength(
		typeof value === 'string' ? value : JSON.stringify(value ?? null),
		'utf8',
	);
}

/** The closest of `candidates` to `word` by edit distance, if it is close enough to be a typo. */
export function closestName(word: string, candidates: readonly string[]): string | undefined {
	const normalize = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
	const target = normalize(word);
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of candidates) {
		const distance = editDistance(target, normalize(candidate));
		if (distance < bestDistance) {
			bestDistance = distance;
			best = candidate;
		}
	}
	return best !== undefined && bestDistance <= Math.max(2, Math.floor(target.length / 3))
		? best
		: undefined;
}

function editDistance(a: string, b: string): number {
	const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = previous[0];
		previous[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = previous[j];
			previous[j] = Math.min(
				previous[j] + 1,
				previous[j - 1] + 1,
				diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
			);
			diagonal = above;
		}
	}
	return previous[b.length];
}
