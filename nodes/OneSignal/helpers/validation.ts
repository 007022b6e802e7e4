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

/**
 * Reads a list the user gave as an array (from an expression) or as text separated by commas,
 * semicolons or new lines. Entries are trimmed, empty ones dropped, duplicates removed with the
 * first occurrence kept, so a stray space or a repeated row never rejects a whole request.
 */
export function parseList(value: unknown): string[] {
	const raw: unknown[] = Array.isArray(value)
		? value.flat(2)
		: typeof value === 'string'
			? value.split(/[,;\n\r]+/)
			: value === undefined || value === null
				? []
				: [value];
	const seen = new Set<string>();
	const result: string[] = [];
	for (const entry of raw) {
		if (entry === undefined || entry === null) continue;
		const text = (typeof entry === 'object' ? JSON.stringify(entry) : String(entry)).trim();
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
