import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { isLooseUuid } from '../ids';
import { templateRLC } from '../resourceLocators';
import { readTemplateId } from './shared';

const properties: INodeProperties[] = [
	{
		displayName:
			'Copying needs the OneSignal Organization API credential besides the app credential: the template is read from the app of the app credential and copied into the target app of the same organization.',
		name: 'copyNotice',
		type: 'notice',
		default: '',
	},
	{
		...templateRLC,
		description:
			'The template to copy, from the app of the OneSignal App API credential. Its ID is in OneSignal under Messages → Templates → the template.',
	},
	{
		displayName: 'Target App ID',
		name: 'targetAppId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 5e1c9a34-2f6b-4d8e-9c1a-7b3d2e4f6a80',
		description:
			'The app to copy the template into. Its App ID is in OneSignal under that app → Settings → Keys & IDs, or in the output of App → Get Many.',
	},
];

export const operationIds = ['copy_template_to_app'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['copyToApp'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const templateId = readTemplateId.call(this, itemIndex);
	const targetAppId = String(this.getNodeParameter('targetAppId', itemIndex, '') ?? '').trim();
	if (!isLooseUuid(targetAppId)) {
		throw new NodeOperationError(
			this.getNode(),
			targetAppId ? `Target App ID: "${targetAppId}" is not an App ID` : 'Target App ID: empty',
			{
				itemIndex,
				description:
					'An App ID is a UUID such as 5e1c9a34-2f6b-4d8e-9c1a-7b3d2e4f6a80, shown in OneSignal under the app → Settings → Keys & IDs.',
			},
		);
	}
	const sourceAppId = await oneSignalAppId.call(this, itemIndex);
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'POST',
		path: apiPath`/templates/${templateId}/copy_to_app`,
		qs: { app_id: sourceAppId },
		body: { target_app_id: targetAppId },
		keyTier: 'organization',
		operation: 'template.copyToApp',
		itemIndex,
	});
	return body;
}
