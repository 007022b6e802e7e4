import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { templateRLC } from '../resourceLocators';
import { readTemplateId, readTemplateOptions, templateOptionalFields } from './shared';

const properties: INodeProperties[] = [
	templateRLC,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				...templateOptionalFields,
				{
					displayName: 'Email Body',
					name: 'emailBody',
					type: 'string',
					typeOptions: { rows: 6 },
					default: '',
					description: 'The new body of an email template, in HTML',
				},
				{
					displayName: 'Email Subject',
					name: 'emailSubject',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Heading',
					name: 'heading',
					type: 'string',
					default: '',
					description: 'The new push title, in English',
				},
				{
					displayName: 'Message',
					name: 'message',
					type: 'string',
					typeOptions: { rows: 3 },
					default: '',
					description: 'The new push or SMS text, in English',
				},
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
				},
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const operationIds = ['update_template'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const templateId = readTemplateId.call(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const text = (key: string) =>
		typeof fields[key] === 'string' ? (fields[key] as string).trim() : '';

	const body: IDataObject = readTemplateOptions.call(this, itemIndex, fields);
	if (text('name')) body.name = text('name');
	if (text('message')) body.contents = { en: text('message') };
	if (text('heading')) body.headings = { en: text('heading') };
	if (text('emailSubject')) body.email_subject = text('emailSubject');
	if (text('emailBody')) body.email_body = text('emailBody');
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: nothing to update', {
			itemIndex,
			description: 'Add at least one field to change under Update Fields.',
		});
	}

	const appId = await oneSignalAppId.call(this, itemIndex);
	// Setting the same fields again changes nothing, so a lost answer may be asked again.
	const { body: answer } = await oneSignalApiRequest.call(this, {
		method: 'PATCH',
		path: apiPath`/templates/${templateId}`,
		qs: { app_id: appId },
		body,
		safeToRepeat: true,
		operation: 'template.update',
		itemIndex,
	});
	return answer;
}
