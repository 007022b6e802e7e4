/**
 * Builds an API path with every interpolated value URL-encoded as one path segment. Alias IDs,
 * push tokens and email addresses can hold `/`, `?`, `#` or spaces; without this a value such as
 * `a/b` would silently address a different resource.
 *
 *   apiPath`/apps/${appId}/users/by/${label}/${id}`
 */
export function apiPath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
	let path = strings[0];
	values.forEach((value, index) => {
		path += encodeURIComponent(String(value)) + strings[index + 1];
	});
	return path;
}
