import { ParameterError } from './validation';

/**
 * URL parsers and servers resolve a path segment that is `.` or `..` (also written `%2E`, `.%2e`
 * and so on) as "this folder" or "the parent folder". Encoding cannot help: `.` has no encoded
 * form that parsers leave alone, so OneSignal can never receive such a value as an ID.
 */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/** Whether a value, once encoded as a path segment, is a dot segment: only `.` and `..` are. */
export function isDotSegment(value: string): boolean {
	return DOT_SEGMENT.test(encodeURIComponent(value));
}

/**
 * Refuses a value that would become a dot segment in a request path, naming the parameter it came
 * from. Readers of user-typed IDs call it so the error names the field; `apiPath` calls it again
 * for every value in case a reader does not.
 */
export function checkPathValue(
	value: string,
	parameter: string,
	hint = 'Check that the field holds the value you meant. A record with this value cannot be read or changed through OneSignal’s API.',
): string {
	if (isDotSegment(value)) {
		throw new ParameterError(
			parameter,
			`"${value}" cannot be used, because OneSignal’s API cannot address a value that is only dots ("." or "..")`,
			hint,
		);
	}
	return value;
}

/**
 * Builds an API path with every interpolated value URL-encoded as one path segment. Alias IDs,
 * push tokens and email addresses can hold `/`, `?`, `#` or spaces; without this a value such as
 * `a/b` would silently address a different resource. A value that is `.` or `..` is refused:
 * encoded or not, it would address the resource above it (`DELETE /apps/{id}/users/by/x/..`).
 *
 *   apiPath`/apps/${appId}/users/by/${label}/${id}`
 */
export function apiPath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
	let path = strings[0];
	values.forEach((value, index) => {
		const text = String(value);
		// The hint is only built for a value that is refused: apiPath runs for every request.
		if (isDotSegment(text)) {
			checkPathValue(
				text,
				'Request Path',
				`A value of this item would be sent as "${text}" in ${strings.join('…')}. Check the fields that name the record.`,
			);
		}
		path += encodeURIComponent(text) + strings[index + 1];
	});
	return path;
}
