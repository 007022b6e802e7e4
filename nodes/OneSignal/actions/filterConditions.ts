import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { buildFilters, FILTER_RELATION_OPTIONS, type FilterRow } from '../helpers/filters';

/**
 * OneSignal's filter conditions as editor rows, shared by every operation that takes filters
 * (sending, estimating an audience, segments, Live Activities). helpers/filters.ts turns the rows
 * into the API's flat list with its OR elements and checks each row.
 */
export const filterConditionsField: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Condition',
	default: {},
	description:
		'Conditions on your users. Rows joined by AND must all match; an OR row starts a new group.',
	options: [
		{
			displayName: 'Condition',
			name: 'conditions',
			values: [
				{
					displayName: 'Combine With Previous Row',
					name: 'join',
					type: 'options',
					default: 'and',
					options: [
						{ name: 'AND', value: 'and' },
						{ name: 'OR', value: 'or' },
					],
					description: 'Ignored on the first row',
				},
				{
					displayName: 'Field',
					name: 'field',
					type: 'options',
					default: 'tag',
					options: [
						{ name: 'Amount Spent', value: 'amount_spent' },
						{ name: 'App Version', value: 'app_version' },
						{ name: 'Bought SKU', value: 'bought_sku' },
						{ name: 'Country', value: 'country' },
						{ name: 'First Session (Hours Ago)', value: 'first_session' },
						{ name: 'Language', value: 'language' },
						{ name: 'Last Session (Hours Ago)', value: 'last_session' },
						{ name: 'Session Count', value: 'session_count' },
						{ name: 'Session Time (Seconds)', value: 'session_time' },
						{ name: 'Tag', value: 'tag' },
					],
				},
				{
					displayName: 'Key',
					name: 'key',
					type: 'string',
					default: '',
					placeholder: 'e.g. plan',
					description: 'The tag name (for Tag) or the SKU (for Bought SKU)',
				},
				{
					displayName: 'Relation',
					name: 'relation',
					type: 'options',
					default: 'equals',
					options: FILTER_RELATION_OPTIONS,
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description:
						'Hours for First Session and Last Session, a comma-separated list for In Array, nothing for Exists',
				},
			],
		},
	],
};

/** The filter list of the "Filters" field for one item; empty when no row was added. */
export function readFilters(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter = 'filters',
): Array<Record<string, unknown>> {
	const rows =
		(this.getNodeParameter(`${parameter}.conditions`, itemIndex, []) as FilterRow[]) ?? [];
	return buildFilters(rows);
}
