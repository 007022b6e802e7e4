import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { messageIdField, readMessageId } from './shared';

const properties: INodeProperties[] = [
	{
		...messageIdField,
		description:
			'The scheduled message to stop: the ID returned by Send, or shown in OneSignal under Messages → the message (in the page address). Messages already delivered cannot be recalled.',
	},
];

export const operationIds = ['cancel_notification'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['cancel'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const messageId = readMessageId.call(this, itemIndex);
	const appId = await oneSignalAppId.call(this, itemIndex);
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'DELETE',
		path: apiPath`/notifications/${messageId}`,
		qs: { app_id: appId },
		operation: 'message.cancel',
		itemIndex,
	});
	return { id: messageId, cancelled: body?.success !== false };
}
