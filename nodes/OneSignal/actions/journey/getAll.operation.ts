import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequestAllItems, oneSignalAppId } from '../../transport';
import { returnAllOrLimit } from '../common';

const properties: INodeProperties[] = [...returnAllOrLimit(50)];

export const operationIds = ['view_journeys'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['journey'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const appId = await oneSignalAppId.call(this, itemIndex);
	return await oneSignalApiRequestAllItems.call(this, {
		method: 'GET',
		path: apiPath`/apps/${appId}/journeys`,
		itemsField: 'journeys',
		paging: { kind: 'cursor', pageSize: 50, cursorParam: 'cursor', nextCursorField: 'next_cursor' },
		returnAll: this.getNodeParameter('returnAll', itemIndex) as boolean,
		limit: this.getNodeParameter('limit', itemIndex, 50) as number,
		operation: 'journey.getAll',
		itemIndex,
	});
}
