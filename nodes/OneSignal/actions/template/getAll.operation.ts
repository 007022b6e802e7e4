import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { oneSignalApiRequestAllItems, oneSignalAppId } from '../../transport';
import { returnAllOrLimit } from '../common';

const properties: INodeProperties[] = [
	...returnAllOrLimit(50),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Channel',
				name: 'channel',
				type: 'options',
				default: 'push',
				options: [
					{ name: 'Push Notification', value: 'push' },
					{ name: 'Email', value: 'email' },
					{ name: 'SMS', value: 'sms' },
				],
				description: 'Only templates for this channel',
			},
		],
	},
];

export const operationIds = ['view_templates'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const appId = await oneSignalAppId.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { app_id: appId };
	if (filters.channel) qs.channel = filters.channel;
	return await oneSignalApiRequestAllItems.call(this, {
		method: 'GET',
		path: '/templates',
		qs,
		itemsField: 'templates',
		paging: { kind: 'offset', pageSize: 50 },
		returnAll: this.getNodeParameter('returnAll', itemIndex) as boolean,
		limit: this.getNodeParameter('limit', itemIndex, 50) as number,
		operation: 'template.getAll',
		itemIndex,
	});
}
