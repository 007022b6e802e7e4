import { parseJsonObject, ParameterError } from './validation';

/** One row of a key/value list in the editor. */
export interface KeyValueRow {
	key?: string;
	value?: string;
}

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * A value typed into a row: `true`, `false` and numbers become JSON booleans and numbers, because
 * an app decodes them into typed fields (a Swift `Int` cannot be read from "3"); everything else
 * stays text. "0042" stays text too: it is not a JSON number, and leading zeros usually matter.
 * So does a number JavaScript cannot hold exactly (a 20-digit order number, more than 15
 * significant digits): sent as a number, it would arrive with other digits.
 */
export function typedValue(text: string): string | number | boolean {
	if (text === 'true') return true;
	if (text === 'false') return false;
	if (JSON_NUMBER.test(text) && holdsExactly(text)) return Number(text);
	return text;
}

function holdsExactly(text: string): boolean {
	const value = Number(text);
	if (!Number.isFinite(value)) return false;
	if (/^-?\d+$/.test(text)) return Number.isSafeInteger(value);
	const mantissa = text.replace(/^-/, '').split(/[eE]/)[0].replace('.', '');
	return mantissa.replace(/^0+/, '').replace(/0+$/, '').length <= 15;
}

/**
 * Builds one object from key/value rows and an optional JSON object, for app-defined data such as
 * a Live Activity's attributes. A key may be set in one of the two places only.
 */
export function keyValueObject(
	rows: KeyValueRow[],
	json: unknown,
	parameter: string,
	jsonParameter: string,
): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	rows.forEach((row, index) => {
		const key = (row.key ?? '').trim();
		if (!key) {
			throw new ParameterError(
				parameter,
				`row ${index + 1} has no key`,
				'Enter a key or remove the row.',
			);
		}
		if (key in result) {
			throw new ParameterError(parameter, `"${key}" is set twice`, 'Keep one row per key.');
		}
		result[key] = typedValue(row.value ?? '');
	});
	const extra = parseJsonObject(json, jsonParameter);
	for (const [key, value] of Object.entries(extra)) {
		if (key in result) {
			throw new ParameterError(
				jsonParameter,
				`"${key}" is also set in ${parameter}`,
				'Set each key in one place only.',
			);
		}
		result[key] = value;
	}
	return result;
}
