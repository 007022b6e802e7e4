import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseJsonObject, parseList } from '../../helpers/validation';
import { readUuid } from '../ids';

export const TEMPLATE_ID_HINT = 'OneSignal shows it under Messages → Templates → the template.';

export function readTemplateId(this: IExecuteFunctions, itemIndex: number): string {
	return readUuid.call(this, itemIndex, 'template', 'Template', TEMPLATE_ID_HINT);
}

/** Optional template fields, shared by Create (Additional Fields) and Update (Update Fields). */
export const templateOptionalFields: INodeProperties[] = [
	{
		displayName: 'Dynamic Content (JSON)',
		name: 'dynamicContent',
		type: 'json',
		default: '{}',
		description:
			'Personalisation data by campaign and variant, such as {"spring": {"A": {"title": "Hi"}}}. See OneSignal’s Dynamic Content guide.',
	},
	{
		displayName: 'Email BCC',
		name: 'emailBcc',
		type: 'string',
		default: '',
		placeholder: 'e.g. archive@example.com',
		description:
			'Up to 5 addresses that get a blind copy of every email, separated by commas (OneSignal Email only)',
	},
	{
		displayName: 'Launch URL',
		name: 'url',
		type: 'string',
		default: '',
		description: 'The page or deep link a push opens when clicked',
	},
	{
		displayName: 'Subtitle',
		name: 'subtitle',
		type: 'string',
		default: '',
		description: 'A second line under the push heading (iOS)',
	},
];

/** Maps the optional template fields to API fields; empty ones stay unsent. */
export function readTemplateOptions(
	this: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	if (typeof fields.url === 'string' && fields.url.trim()) body.url = fields.url.trim();
	if (typeof fields.subtitle === 'string' && fields.subtitle.trim()) {
		body.subtitle = { en: fields.subtitle.trim() };
	}
	if (fields.emailBcc !== undefined) {
		const bcc = parseList(fields.emailBcc, 'Email BCC');
		if (bcc.length > 5) {
			throw new NodeOperationError(
				this.getNode(),
				`Email BCC: ${bcc.length} addresses, at most 5 are allowed`,
				{
					itemIndex,
					description: 'Keep at most 5 addresses.',
				},
			);
		}
		if (bcc.length) body.email_bcc = bcc;
	}
	if (fields.dynamicContent !== undefined) {
		let dynamic: Record<string, unknown>;
		try {
			dynamic = parseJsonObject(fields.dynamicContent, 'Dynamic Content (JSON)');
		} catch (error) {
			throw new NodeOperationError(this.getNode(), (error as Error).message, {
				itemIndex,
				description: 'Enter a JSON object, such as {"spring": {"A": {"title": "Hi"}}}.',
			});
		}
		// The API takes the object as a JSON string.
		if (Object.keys(dynamic).length) body.dynamic_content = JSON.stringify(dynamic);
	}
	return body;
}
