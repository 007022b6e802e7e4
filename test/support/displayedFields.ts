import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Which top-level fields n8n's editor shows for given parameter values, worked out from the
 * node description the way the editor reads `displayOptions`: every `show` condition must match
 * and no `hide` condition may. Fields not set take their defaults. Conditions that are not
 * plain values (n8n's `_cnd` operators) count as unknown, and their fields are left out, so the
 * answer never claims more than the editor must show.
 */

type Values = Record<string, unknown>;

function matches(condition: unknown[], value: unknown): boolean | undefined {
	if (condition.some((entry) => entry !== null && typeof entry === 'object')) return undefined;
	const values = Array.isArray(value) ? value : [value];
	return values.some((entry) => condition.includes(entry));
}

function isShown(property: INodeProperties, values: Values, version: number): boolean | undefined {
	const { show, hide } = property.displayOptions ?? {};
	for (const [name, condition] of Object.entries(show ?? {})) {
		const value = name === '@version' ? version : values[name];
		const result = matches(condition as unknown[], value);
		if (result !== true) return result;
	}
	for (const [name, condition] of Object.entries(hide ?? {})) {
		const value = name === '@version' ? version : values[name];
		const result = matches(condition as unknown[], value);
		if (result !== false) return result === true ? false : undefined;
	}
	return true;
}

/** The fields shown for `fixed` values (e.g. resource and operation), in description order. */
export function displayedFields(
	properties: INodeProperties[],
	fixed: Values,
	version = 1,
): INodeProperties[] {
	// Defaults come from the field of each name that is shown; two passes settle fields whose
	// visibility depends on another field's default.
	let values: Values = { ...fixed };
	for (let pass = 0; pass < 2; pass++) {
		const next: Values = { ...fixed };
		for (const property of properties) {
			if (property.name in next) continue;
			if (isShown(property, values, version) === true) next[property.name] = property.default;
		}
		values = next;
	}
	return properties.filter((property) => isShown(property, values, version) === true);
}

/** The options of a field of type `options`, by name. */
export function optionsOf(property: INodeProperties | undefined): INodePropertyOptions[] {
	return ((property?.options ?? []) as INodePropertyOptions[]).filter(
		(option) => 'value' in option,
	);
}
