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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const appId = await oneSignalAppId.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { app_id: appId };
	if (filters.kind !== undefined) qs.kind = filters.kind;
	return await oneSignalApiRequestAllItems.call(this, {
		method: 'GET',
		path: '/notifications',
		qs,
		itemsField: 'notifications',
		paging: { kind: 'offset', pageSize: 50 },
		returnAll: this.getNodeParameter('returnAll', itemIndex) as boolean,
		limit: this.getNodeParameter('limit', itemIndex, 50) as number,
		operation: 'message.getAll',
		itemIndex,
	});
}
