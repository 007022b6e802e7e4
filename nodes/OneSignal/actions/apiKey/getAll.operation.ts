import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest } from '../../transport';
import { returnAllOrLimit } from '../common';
import { readAppId } from '../organization';
import { appRLC } from '../resourceLocators';

const properties: INodeProperties[] = [appRLC, ...returnAllOrLimit()];

export const operationIds = ['view_api_keys'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['apiKey'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const appId = readAppId.call(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'GET',
		path: apiPath`/apps/${appId}/auth/tokens`,
		keyTier: 'organization',
		operation: 'apiKey.getAll',
		itemIndex,
	});
	// One answer holds every key of the app (the endpoint has no paging); the keys' values are
	// never part of it, only their IDs, names and allowlists.
	const tokens = (body.tokens as IDataObject[] | undefined) ?? [];
	const records = tokens.map((token) => ({ ...token, app_id: appId }));
	return returnAll ? records : records.slice(0, Math.max(0, limit));
}
