import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { oneSignalApiRequest } from '../../transport';
import { returnAllOrLimit } from '../common';

const properties: INodeProperties[] = [...returnAllOrLimit()];

export const operationIds = ['get_apps'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['app'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'GET',
		path: '/apps',
		keyTier: 'organization',
		operation: 'app.getAll',
		itemIndex,
	});
	// The endpoint has no paging: it answers with every app of the organization in one array, so
	// the Limit can only be applied to that answer.
	const apps = Array.isArray(body) ? (body as IDataObject[]) : [];
	return returnAll ? apps : apps.slice(0, Math.max(0, limit));
}
