import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { editorDateToIso } from '../../helpers/time';
import { type Paging, oneSignalApiRequestAllItems, oneSignalAppId } from '../../transport';
import { returnAllOrLimit } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Order',
		name: 'order',
		type: 'options',
		default: 'newestFirst',
		options: [
			{
				name: 'Newest First',
				value: 'newestFirst',
				description: 'The latest messages first, the way OneSignal lists them in its dashboard',
			},
			{
				name: 'Oldest First, From a Point in Time',
				value: 'fromTime',
				description:
					'Every message sent since a time, in the order they were sent: for complete pulls of the message history',
			},
		],
	},
	{
		displayName: 'Start From',
		name: 'startFrom',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2025-01-01T00:00:00Z',
		description:
			'A date and time (ISO 8601 or Unix seconds) to start from, such as the send_after of the last message an earlier run saw. A next_time_offset cursor from OneSignal is accepted too.',
		displayOptions: { show: { order: ['fromTime'] } },
	},
	...returnAllOrLimit(50),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Sent From',
				name: 'kind',
				type: 'options',
				default: 1,
				options: [
					{ name: 'API', value: 1 },
					{ name: 'Automated Messages', value: 3 },
					{ name: 'Dashboard', value: 0 },
				],
				description: 'Only messages created this way',
			},
		],
	},
];

export const operationIds = ['get_notifications'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['getAll'] } },
	properties,
);

/** A date becomes an unambiguous UTC time; anything else is taken as OneSignal's own cursor. */
function readStartFrom(this: IExecuteFunctions, itemIndex: number): string {
	const raw = String(this.getNodeParameter('startFrom', itemIndex, '') ?? '').trim();
	if (raw === '') {
		throw new NodeOperationError(this.getNode(), 'Start From: no time given', {
			itemIndex,
			description: 'Enter where the list starts, such as 2025-01-01T00:00:00Z.',
		});
	}
	// OneSignal reports send times in Unix seconds; the cursor wants ISO 8601.
	if (/^\d{9,11}$/.test(raw)) return new Date(Number(raw) * 1000).toISOString();
	if (/^\d{4}-\d{2}-\d{2}/.test(raw)) {
		const ms = Date.parse(editorDateToIso(raw, this.getTimezone()));
		if (Number.isNaN(ms)) {
			throw new NodeOperationError(this.getNode(), `Start From: "${raw}" is not a valid date`, {
				itemIndex,
				description: 'Use a date and time such as 2025-01-01T00:00:00Z.',
			});
		}
		return new Date(ms).toISOString();
	}
	return raw;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const appId = await oneSignalAppId.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const order = this.getNodeParameter('order', itemIndex, 'newestFirst') as string;
	const qs: IDataObject = { app_id: appId };
	if (filters.kind !== undefined) qs.kind = filters.kind;

	// The time_offset cursor reads ascending and cannot be combined with offset; its pages end
	// with an empty one, not with a short one. Known gap: the output holds the messages only, not
	// OneSignal's last next_time_offset, so a later run resumes from a send time (and may see again
	// a message sent in the same second); exposing the cursor needs an output item of its own.
	const paging: Paging =
		order === 'fromTime'
			? {
					kind: 'cursor',
					pageSize: 50,
					cursorParam: 'time_offset',
					nextCursorField: 'next_time_offset',
					firstCursor: readStartFrom.call(this, itemIndex),
				}
			: { kind: 'offset', pageSize: 50, totalField: 'total_count' };

	return await oneSignalApiRequestAllItems.call(this, {
		method: 'GET',
		path: '/notifications',
		qs,
		itemsField: 'notifications',
		paging,
		returnAll: this.getNodeParameter('returnAll', itemIndex) as boolean,
		limit: this.getNodeParameter('limit', itemIndex, 50) as number,
		operation: 'message.getAll',
		itemIndex,
	});
}
