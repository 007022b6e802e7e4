import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiKeyBody } from '../../helpers/apiKeys';
import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest } from '../../transport';
import { readAppId } from '../organization';
import { appRLC } from '../resourceLocators';
import { ipAllowlistField, storeKeyNotice } from './shared';

const properties: INodeProperties[] = [
	storeKeyNotice,
	appRLC,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. n8n production',
		description: 'A name that says where the key is used',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [ipAllowlistField],
	},
];

export const operationIds = ['create_api_key'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['apiKey'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const appId = readAppId.call(this, itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = apiKeyBody(
		{ name: this.getNodeParameter('name', itemIndex), ipAllowlist: additional.ipAllowlist },
		'create',
	);
	// Not repeated after a lost answer (POST): a second try would create a second key.
	const response = await oneSignalApiRequest.call(this, {
		method: 'POST',
		path: apiPath`/apps/${appId}/auth/tokens`,
		body,
		keyTier: 'organization',
		operation: 'apiKey.create',
		itemIndex,
	});
	return { ...response.body, app_id: appId, name: body.name };
}
