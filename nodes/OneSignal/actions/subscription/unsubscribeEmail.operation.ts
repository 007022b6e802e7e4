import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { ParameterError } from '../../helpers/validation';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { messageIdField, readMessageId } from '../message/shared';

const properties: INodeProperties[] = [
	{
		...messageIdField,
		description:
			'The email message the person unsubscribes from: the ID returned by Send, or the one in the unsubscribe link your landing page received',
	},
	{
		displayName: 'Unsubscribe Token',
		name: 'unsubscribeToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description:
			'The token OneSignal put into the email with {{subscription.unsubscribe_token}}, as your own unsubscribe page received it',
	},
];

export const operationIds = ['unsubscribe_email_with_token'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['unsubscribeEmail'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const messageId = readMessageId.call(this, itemIndex);
	const token = String(this.getNodeParameter('unsubscribeToken', itemIndex, '') ?? '').trim();
	if (token === '') {
		throw new ParameterError(
			'Unsubscribe Token',
			'is empty',
			'Map the token your unsubscribe page received; OneSignal puts it into emails with {{subscription.unsubscribe_token}}.',
		);
	}
	const appId = await oneSignalAppId.call(this, itemIndex);
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'POST',
		path: apiPath`/apps/${appId}/notifications/${messageId}/unsubscribe`,
		qs: { token },
		// Unsubscribing an address that is already unsubscribed changes nothing.
		safeToRepeat: true,
		operation: 'subscription.unsubscribeEmail',
		itemIndex,
	});
	return { unsubscribed: body.success !== false, messageId };
}
