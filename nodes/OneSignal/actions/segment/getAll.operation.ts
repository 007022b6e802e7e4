import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequestAllItems, oneSignalAppId } from '../../transport';
import { returnAllOrLimit } from '../common';

const properties: INodeProperties[] = [...returnAllOrLimit(300)];

export const operationIds = ['get_segments'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['segment'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const appId = await oneSignalAppId.call(this, itemIndex);
	return await oneSignalApiRequestAllItems.call(this, {
		method: 'GET',
		path: apiPath`/apps/${appId}/segments`,
		itemsField: 'segments',
		paging: { kind: 'offset', pageSize: 300 },
		returnAll: this.getNodeParameter('returnAll', itemIndex) as boolean,
		limit: this.getNodeParameter('limit', itemIndex, 50) as number,
		operation: 'segment.getAll',
		itemIndex,
	});
}
