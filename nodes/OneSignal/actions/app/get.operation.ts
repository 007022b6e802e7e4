import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest } from '../../transport';
import { readAppId } from '../organization';
import { appRLC } from '../resourceLocators';

const properties: INodeProperties[] = [appRLC];

export const operationIds = ['get_app'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['app'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const appId = readAppId.call(this, itemIndex);
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'GET',
		path: apiPath`/apps/${appId}`,
		keyTier: 'organization',
		operation: 'app.get',
		itemIndex,
	});
	return body;
}
