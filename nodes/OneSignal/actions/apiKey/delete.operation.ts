import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest } from '../../transport';
import { readAppId } from '../organization';
import { appRLC } from '../resourceLocators';
import { apiKeyIdField, readApiKeyId } from './shared';

const properties: INodeProperties[] = [
	{
		displayName:
			'Requests that use this key fail as soon as it is deleted. Make sure nothing uses it any more.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	appRLC,
	apiKeyIdField,
];

export const operationIds = ['delete_api_key'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['apiKey'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const appId = readAppId.call(this, itemIndex);
	const apiKeyId = readApiKeyId.call(this, itemIndex);
	await oneSignalApiRequest.call(this, {
		method: 'DELETE',
		path: apiPath`/apps/${appId}/auth/tokens/${apiKeyId}`,
		keyTier: 'organization',
		operation: 'apiKey.delete',
		itemIndex,
	});
	return { deleted: true, id: apiKeyId };
}
