import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { keyValueObject, type KeyValueRow } from '../../helpers/keyValues';
import { checkPathValue } from '../../helpers/paths';
import { editorDateToIso } from '../../helpers/time';

/** Rows of key/value pairs for data the iOS app defines itself. */
export function keyValueRows(
	displayName: string,
	name: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Value',
		default: {},
		description,
		options: [
			{
				displayName: 'Value',
				name: 'values',
				values: [
					{
						displayName: 'Key',
						name: 'key',
						type: 'string',
						default: '',
						placeholder: 'e.g. status',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. On its way',
						description: 'Numbers, true and false are sent as such; anything else as text',
					},
				],
			},
		],
	};
}

export const contentStateField = keyValueRows(
	'Content State',
	'contentState',
	'The dynamic values of the Live Activity. Keys and types must match the ContentState of the activity in your iOS app. For nested values use Content State (JSON).',
);

export const contentStateJsonField: INodeProperties = {
	displayName: 'Content State (JSON)',
	name: 'contentStateJson',
	type: 'json',
	default: '{}',
	description: 'More content state values as a JSON object, merged with the rows above',
};

/** Reads rows plus their JSON companion from the node, as one object. */
export function readKeyValues(
	this: IExecuteFunctions,
	itemIndex: number,
	rowsParameter: string,
	rowsLabel: string,
	json: unknown,
	jsonLabel: string,
): IDataObject {
	const rows =
		(this.getNodeParameter(`${rowsParameter}.values`, itemIndex, []) as KeyValueRow[]) ?? [];
	return keyValueObject(rows, json, rowsLabel, jsonLabel) as IDataObject;
}

export const ACTIVITY_ID_DESCRIPTION =
	'The ID you gave the Live Activity when you started it (Start → Activity ID)';

export function readActivityId(this: IExecuteFunctions, itemIndex: number): string {
	const id = String(this.getNodeParameter('activityId', itemIndex, '') ?? '').trim();
	if (!id) {
		throw new NodeOperationError(this.getNode(), 'Activity ID: empty', {
			itemIndex,
			description: 'Enter the Activity ID the Live Activity was started with.',
		});
	}
	return checkPathValue(id, 'Activity ID');
}

/** A date-time from the editor as the Unix seconds the Live Activity API takes. */
export function unixSeconds(
	this: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): number {
	const iso = editorDateToIso(value, this.getTimezone());
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) {
		throw new NodeOperationError(this.getNode(), `${label}: "${String(value)}" is not a date`, {
			itemIndex,
			description: 'Pick a date and time, or use an ISO 8601 time such as 2026-12-24T18:00:00Z.',
		});
	}
	return Math.floor(ms / 1000);
}

export const priorityField: INodeProperties = {
	displayName: 'Priority',
	name: 'priority',
	type: 'options',
	default: 10,
	options: [
		{ name: 'High', value: 10 },
		{ name: 'Normal (Saves Battery)', value: 5 },
	],
	description:
		'Delivery priority through Apple. High-priority updates are limited per hour by Apple.',
};

export const staleDateField: INodeProperties = {
	displayName: 'Stale Date',
	name: 'staleDate',
	type: 'dateTime',
	default: '',
	description: 'When iOS should show the Live Activity as out of date',
};
