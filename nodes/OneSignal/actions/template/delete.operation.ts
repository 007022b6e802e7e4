import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { templateRLC } from '../resourceLocators';
import { readTemplateId } from './shared';

const properties: INodeProperties[] = [
	{
		displayName:
			'Deleting a template cannot be undone. Sends and journeys that use it fail until they use another template.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	templateRLC,
];

export const operationIds = ['delete_template'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const templateId = readTemplateId.call(this, itemIndex);
	const appId = await oneSignalAppId.call(this, itemIndex);
	await oneSignalApiRequest.call(this, {
		method: 'DELETE',
		path: apiPath`/templates/${templateId}`,
		qs: { app_id: appId },
		operation: 'template.delete',
		itemIndex,
	});
	return { deleted: true, id: templateId };
}
