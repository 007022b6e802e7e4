import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { compact } from '../common';
import { exportFileFields, exportOutput } from '../exportFile';
import type { OperationResult } from '../types';
import { messageIdField, readMessageId } from './shared';

const properties: INodeProperties[] = [
	{
		...messageIdField,
		description:
			'The push or email message, sent within the last 7 days. Its ID is returned by Send, or shown in OneSignal under Messages → the message (in the page address).',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'options',
		default: 'sent',
		options: [
			{
				name: 'Sent',
				value: 'sent',
				description:
					'Every subscription the message was sent to (not recorded for messages to fewer than 1,000 recipients)',
			},
			{ name: 'Clicked', value: 'clicked', description: 'Every subscription that clicked it' },
		],
		description: 'Which recipients the report lists',
	},
	...exportFileFields,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Email Report To',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. name@example.com',
				default: '',
				description: 'OneSignal also emails the report to this address when it is ready',
			},
		],
	},
];

export const operationIds = ['get_notification_history'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['getHistory'] } },
	properties,
);

/**
 * https://documentation.onesignal.com/reference/message-history — needs a paid plan and "Send
 * History via OneSignal API" turned on in Settings → Analytics.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const messageId = readMessageId.call(this, itemIndex);
	const appId = await oneSignalAppId.call(this, itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const email = typeof additional.email === 'string' ? additional.email.trim() : '';

	const { body } = await oneSignalApiRequest.call(this, {
		method: 'POST',
		path: apiPath`/notifications/${messageId}/history`,
		body: compact({
			app_id: appId,
			events: this.getNodeParameter('events', itemIndex) as string,
			email,
		}),
		operation: 'message.getHistory',
		itemIndex,
	});
	return await exportOutput.call(this, itemIndex, {
		url: body.destination_url,
		json: body,
		fallbackName: `message-${messageId}-history.csv`,
		operation: 'message.getHistory',
	});
}
