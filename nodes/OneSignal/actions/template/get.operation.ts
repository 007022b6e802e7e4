import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { templateRLC } from '../resourceLocators';
import { readTemplateId } from './shared';

const properties: INodeProperties[] = [templateRLC];

export const operationIds = ['view_template'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const templateId = readTemplateId.call(this, itemIndex);
	const appId = await oneSignalAppId.call(this, itemIndex);
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'GET',
		path: apiPath`/templates/${templateId}`,
		qs: { app_id: appId },
		operation: 'template.get',
		itemIndex,
	});
	return body;
}
