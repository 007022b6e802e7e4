import { ParameterError } from './validation';

/**
 * OneSignal's message filters: a flat list of conditions `{field, key?, relation, value}` with
 * `{"operator": "OR"}` as its own element between them. AND binds tighter than OR, so
 * `A, B, OR, C` means (A and B) or C. This module builds that list from the editor's rows and
 * writes it back as a readable expression for the output.
 */

export interface FilterRow {
	/** How this row joins the previous one; ignored on the first row. */
	join?: 'and' | 'or';
	field: string;
	key?: string;
	relation: string;
	value?: string;
}

interface FieldRule {
	relations: string[];
	needsKey?: boolean;
	numeric?: boolean;
	/** Session fields take their number as `hours_ago` instead of `value`. */
	valueField?: 'value' | 'hours_ago';
}

const COMPARE = ['>', '<', '=', '!='];
const EXISTS = ['exists', 'not_exists'];
const ELAPSED = ['time_elapsed_gt', 'time_elapsed_lt'];
const IN_ARRAY = ['in_array', 'not_in_array'];

/** The documented filter fields and the relations each accepts. */
export const FILTER_FIELDS: Record<string, FieldRule> = {
	tag: { relations: [...COMPARE, ...EXISTS, ...ELAPSED, ...IN_ARRAY], needsKey: true },
	last_session: { relations: ['>', '<'], numeric: true, valueField: 'hours_ago' },
	first_session: { relations: ['>', '<'], numeric: true, valueField: 'hours_ago' },
	session_count: { relations: COMPARE, numeric: true },
	session_time: { relations: ['>', '<'], numeric: true },
	amount_spent: { relations: ['>', '<', '='], numeric: true },
	bought_sku: { relations: ['>', '<', '='], needsKey: true, numeric: true },
	language: { relations: ['=', '!='] },
	app_version: { relations: COMPARE },
	country: { relations: ['='] },
};

export const FILTER_RELATIONS = [...COMPARE, ...EXISTS, ...ELAPSED, ...IN_ARRAY];

/**
 * The relations as editor options. "=" cannot be an option value: n8n reads every parameter value
 * that starts with "=" as an expression, so a stored "=" would arrive as an empty string. The
 * editor stores "equals" instead, and buildFilters turns it back into "=".
 */
const EDITOR_VALUES: Record<string, string> = { '=': 'equals' };

/** Labels in plain words; comparisons keep OneSignal's symbol, which error messages quote. */
const RELATION_LABELS: Record<string, string> = {
	'>': 'Greater Than (>)',
	'<': 'Less Than (<)',
	'=': 'Equals (=)',
	'!=': 'Not Equal (!=)',
	exists: 'Exists',
	not_exists: 'Does Not Exist',
	time_elapsed_gt: 'Time Elapsed Greater Than',
	time_elapsed_lt: 'Time Elapsed Less Than',
	in_array: 'In Array',
	not_in_array: 'Not in Array',
};

export const FILTER_RELATION_OPTIONS = FILTER_RELATIONS.map((relation) => ({
	name: RELATION_LABELS[relation] ?? relation,
	value: EDITOR_VALUES[relation] ?? relation,
})).sort((a, b) => a.name.localeCompare(b.name));

/** The API relation of an editor value ("equals" → "="); API relations pass unchanged. */
export function apiRelation(value: string): string {
	const found = Object.entries(EDITOR_VALUES).find(([, editor]) => editor === value);
	return found ? found[0] : value;
}

export function buildFilters(rows: FilterRow[]): Array<Record<string, unknown>> {
	const result: Array<Record<string, unknown>> = [];
	rows.forEach((input, index) => {
		const row = { ...input, relation: apiRelation(String(input.relation ?? '')) };
		const position = `row ${index + 1}`;
		const rule = FILTER_FIELDS[row.field];
		if (!rule) {
			throw new ParameterError(
				'Filters',
				`${position} uses the field "${row.field}", which OneSignal does not filter on`,
				`Choose one of: ${Object.keys(FILTER_FIELDS).join(', ')}.`,
			);
		}
		if (!rule.relations.includes(row.relation)) {
			throw new ParameterError(
				'Filters',
				`${position}: the field "${row.field}" cannot be compared with "${row.relation}"`,
				`For ${row.field} use one of: ${rule.relations.join(' ')}.`,
			);
		}
		const key = (row.key ?? '').trim();
		if (rule.needsKey && !key) {
			throw new ParameterError(
				'Filters',
				`${position}: a ${row.field} filter needs a key`,
				row.field === 'tag'
					? 'Enter the tag name in "Tag Key", e.g. "plan" to filter on the tag plan.'
					: 'Enter the SKU in "Key".',
			);
		}
		const needsValue = !EXISTS.includes(row.relation);
		const value = (row.value ?? '').trim();
		if (needsValue && value === '') {
			throw new ParameterError(
				'Filters',
				`${position}: "${row.field} ${row.relation}" needs a value`,
				'Enter the value to compare with.',
			);
		}
		if (
			needsValue &&
			(rule.numeric || ELAPSED.includes(row.relation)) &&
			Number.isNaN(Number(value))
		) {
			throw new ParameterError(
				'Filters',
				`${position}: "${value}" is not a number, but ${row.field} ${row.relation} compares numbers`,
				rule.valueField === 'hours_ago'
					? 'Enter a number of hours, e.g. 24 for "a day ago".'
					: ELAPSED.includes(row.relation)
						? 'Enter a number of seconds.'
						: 'Enter a number.',
			);
		}
		if (IN_ARRAY.includes(row.relation) && value.split(',').length > 20) {
			throw new ParameterError(
				'Filters',
				`${position}: "${row.relation}" takes at most 20 values`,
				'Split the list over several conditions joined with OR.',
			);
		}
		if (index > 0 && row.join === 'or') result.push({ operator: 'OR' });
		const condition: Record<string, unknown> = { field: row.field, relation: row.relation };
		if (rule.needsKey) condition.key = key;
		if (needsValue) condition[rule.valueField ?? 'value'] = value;
		result.push(condition);
	});
	return result;
}

/** A readable form of a filter list, e.g. `tag:plan = "pro" AND session_count > "3" OR …`. */
export function describeFilters(filters: Array<Record<string, unknown>>): string {
	const parts: string[] = [];
	let previousWasCondition = false;
	for (const entry of filters) {
		if (entry.operator === 'OR') {
			parts.push('OR');
			previousWasCondition = false;
			continue;
		}
		if (previousWasCondition) parts.push('AND');
		const field = entry.key ? `${String(entry.field)}:${String(entry.key)}` : String(entry.field);
		const operand =
			entry.value ??
			(entry.hours_ago === undefined ? undefined : `${String(entry.hours_ago)} hours ago`);
		const value = operand === undefined ? '' : ` ${JSON.stringify(operand)}`;
		parts.push(`${field} ${String(entry.relation)}${value}`);
		previousWasCondition = true;
	}
	return parts.join(' ');
}
