import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { appBody } from '../../helpers/appSettings';
import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest } from '../../transport';
import { readAppId } from '../organization';
import { appRLC } from '../resourceLocators';
import { otherFieldsOption, readAppSettings, settingsCollections } from './shared';

const properties: INodeProperties[] = [
	appRLC,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'A new name for the app',
			},
			otherFieldsOption,
		],
	},
	...settingsCollections,
];

export const operationIds = ['update_app'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['app'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const appId = readAppId.call(this, itemIndex);
	const settings = readAppSettings.call(this, itemIndex, 'updateFields');
	const { body, secrets } = appBody({ ...settings, name: settings.fields.name }, 'update');
	const response = await oneSignalApiRequest.call(this, {
		method: 'PUT',
		path: apiPath`/apps/${appId}`,
		body,
		keyTier: 'organization',
		sensitiveValues: secrets,
		operation: 'app.update',
		itemIndex,
	});
	return response.body;
}
