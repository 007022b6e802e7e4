import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { messageIdField, readMessageId } from './shared';

const properties: INodeProperties[] = [messageIdField];

export const operationIds = ['get_notification'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const messageId = readMessageId.call(this, itemIndex);
	const appId = await oneSignalAppId.call(this, itemIndex);
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'GET',
		path: apiPath`/notifications/${messageId}`,
		qs: { app_id: appId },
		operation: 'message.get',
		itemIndex,
	});
	return body;
}
