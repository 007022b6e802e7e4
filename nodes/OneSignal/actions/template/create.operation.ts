import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { Channel } from '../../helpers/messageBody';
import { checkOtherFields } from '../../helpers/notificationFields';
import { parseJsonObject } from '../../helpers/validation';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { sortedByDisplayName } from '../common';
import { readTemplateOptions, templateOptionalFields } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Order shipped',
		description: 'An internal name to find the template in OneSignal, at most 128 characters',
	},
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		default: 'push',
		options: [
			{ name: 'Push Notification', value: 'push' },
			{ name: 'Email', value: 'email' },
			{ name: 'SMS', value: 'sms' },
		],
		description: 'The channel the template is for; it must be set up in your OneSignal app',
	},
	{
		displayName: 'Heading',
		name: 'heading',
		type: 'string',
		default: '',
		placeholder: 'e.g. Your order is on its way',
		description: 'The bold title line of the push. Leave empty to show the app name.',
		displayOptions: { show: { channel: ['push'] } },
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: 'e.g. Order {{ message.custom_data.order }} has shipped',
		description:
			'The text, in English (OneSignal’s fallback language). Liquid such as {{ message.custom_data.name }} is filled in at send time.',
		displayOptions: { show: { channel: ['push', 'sms'] } },
	},
	{
		displayName: 'Email Subject',
		name: 'emailSubject',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { channel: ['email'] } },
	},
	{
		displayName: 'Email Body',
		name: 'emailBody',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		required: true,
		description: 'The body of the email, in HTML',
		displayOptions: { show: { channel: ['email'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortedByDisplayName([
			...templateOptionalFields,
			{
				displayName: 'Other Fields (JSON)',
				name: 'otherFields',
				type: 'json',
				default: '{}',
				description:
					'Further message fields the template stores, such as {"ios_sound": "ping.wav"}. Field names are checked.',
			},
		]),
	},
];

export const operationIds = ['create_template'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['create'] } },
	properties,
);

function required(this: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	const value = String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) {
		throw new NodeOperationError(this.getNode(), `${label}: empty`, {
			itemIndex,
			description: `A template for this channel needs ${label}.`,
		});
	}
	return value;
}

/** https://documentation.onesignal.com/reference/create-template */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const channel = this.getNodeParameter('channel', itemIndex, 'push') as Channel;
	const name = required.call(this, itemIndex, 'name', 'Name');
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

	const typed: IDataObject = { ...readTemplateOptions.call(this, itemIndex, additional) };
	if (channel === 'email') {
		typed.isEmail = true;
		typed.email_subject = required.call(this, itemIndex, 'emailSubject', 'Email Subject');
		typed.email_body = required.call(this, itemIndex, 'emailBody', 'Email Body');
	} else {
		if (channel === 'sms') typed.isSMS = true;
		typed.contents = { en: required.call(this, itemIndex, 'message', 'Message') };
		const heading = String(this.getNodeParameter('heading', itemIndex, '') ?? '').trim();
		if (heading) typed.headings = { en: heading };
	}
	const other = parseJsonObject(additional.otherFields, 'Other Fields (JSON)');
	const fields = checkOtherFields(other, typed, channel, new Date());

	const appId = await oneSignalAppId.call(this, itemIndex);
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'POST',
		path: '/templates',
		body: { app_id: appId, name, ...fields } as IDataObject,
		operation: 'template.create',
		itemIndex,
	});
	return body;
}
