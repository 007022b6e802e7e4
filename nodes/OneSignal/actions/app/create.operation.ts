import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { appBody } from '../../helpers/appSettings';
import { oneSignalApiRequest } from '../../transport';
import { oneSignalOrganizationId } from '../organization';
import { otherFieldsOption, readAppSettings, settingsCollections } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Example Shop',
		description: 'The app’s name in OneSignal’s app list',
	},
	...settingsCollections,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Organization ID',
				name: 'organizationId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 3c9d8e2f-1a4b-4c6d-8e0f-2a3b4c5d6e7f',
				description:
					'The organization the app belongs to. Leave empty to use the Organization ID of the credential (OneSignal: Organizations → Keys & IDs).',
			},
			otherFieldsOption,
		],
	},
];

export const operationIds = ['create_app'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['app'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const settings = readAppSettings.call(this, itemIndex, 'additionalFields');
	// OneSignal ties the new app to the organization in the body; without one it would create a
	// whole new organization, so an ID is required here.
	const organizationId = await oneSignalOrganizationId.call(
		this,
		itemIndex,
		settings.fields.organizationId,
		'Additional Fields → Organization ID',
	);
	const { body, secrets } = appBody(
		{ ...settings, name: this.getNodeParameter('name', itemIndex), organizationId },
		'create',
	);
	const response = await oneSignalApiRequest.call(this, {
		method: 'POST',
		path: '/apps',
		body,
		keyTier: 'organization',
		sensitiveValues: secrets,
		operation: 'app.create',
		itemIndex,
	});
	return response.body;
}
