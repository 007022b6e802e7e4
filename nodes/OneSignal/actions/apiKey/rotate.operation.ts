import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest } from '../../transport';
import { readAppId } from '../organization';
import { appRLC } from '../resourceLocators';
import { apiKeyIdField, readApiKeyId, storeKeyNotice } from './shared';

const properties: INodeProperties[] = [
	{
		...storeKeyNotice,
		displayName: `Rotating revokes the current key at once and returns a new one with the same name and allowlist. ${storeKeyNotice.displayName}`,
	},
	appRLC,
	apiKeyIdField,
];

export const operationIds = ['rotate_api_key'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['apiKey'], operation: ['rotate'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const appId = readAppId.call(this, itemIndex);
	const apiKeyId = readApiKeyId.call(this, itemIndex);
	// Never repeated after a lost answer (POST): a second rotation would revoke the key the first
	// one returned, and that key would be lost with the answer.
	const response = await oneSignalApiRequest.call(this, {
		method: 'POST',
		path: apiPath`/apps/${appId}/auth/tokens/${apiKeyId}/rotate`,
		keyTier: 'organization',
		operation: 'apiKey.rotate',
		itemIndex,
	});
	return { ...response.body, app_id: appId };
}
