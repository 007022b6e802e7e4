import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiKeyBody } from '../../helpers/apiKeys';
import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest } from '../../transport';
import { readAppId } from '../organization';
import { appRLC } from '../resourceLocators';
import { apiKeyIdField, ipAllowlistField, readApiKeyId } from './shared';

const properties: INodeProperties[] = [
	appRLC,
	apiKeyIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				...ipAllowlistField,
				description:
					'Only these addresses or CIDR ranges may use the key; replaces the current list. Separate several with commas.',
			},
			{
				displayName: 'IP Allowlist Mode',
				name: 'ipAllowlistMode',
				type: 'options',
				default: 'explicit',
				options: [
					{ name: 'Any Address', value: 'disabled' },
					{ name: 'Only Listed Addresses', value: 'explicit' },
				],
				description: 'Whether the key works from any address or only from the IP Allowlist',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'A new name for the key',
			},
		],
	},
];

export const operationIds = ['update_api_key'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['apiKey'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const appId = readAppId.call(this, itemIndex);
	const apiKeyId = readApiKeyId.call(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = apiKeyBody(fields, 'update');
	// Sending the same name and allowlist twice leaves the key as once, so a lost answer may be
	// retried.
	const response = await oneSignalApiRequest.call(this, {
		method: 'PATCH',
		path: apiPath`/apps/${appId}/auth/tokens/${apiKeyId}`,
		body,
		keyTier: 'organization',
		safeToRepeat: true,
		operation: 'apiKey.update',
		itemIndex,
	});
	return { ...response.body, token_id: apiKeyId, app_id: appId, updated: true, ...body };
}
