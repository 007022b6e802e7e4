import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as estimateRecipients from './estimateRecipients.operation';
import * as exportEvents from './exportEvents.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getHistory from './getHistory.operation';
import * as send from './send.operation';

export { cancel, estimateRecipients, exportEvents, get, getAll, getHistory, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				description: 'Stop a scheduled message before it is delivered',
				action: 'Cancel a scheduled message',
			},
			{
				name: 'Estimate Recipients',
				value: 'estimateRecipients',
				description:
					'Count how many subscriptions a message to segments would reach, without sending anything',
				action: 'Estimate the recipients of a message',
			},
			{
				name: 'Export Events',
				value: 'exportEvents',
				description:
					'Export every event of one message (sent, received, clicked…) as a CSV file, optionally downloaded',
				action: 'Export the events of a message',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one message with its delivery statistics',
				action: 'Get a message',
			},
			{
				name: 'Get History',
				value: 'getHistory',
				description:
					'Export the subscriptions a message was sent to or that clicked it, as a CSV file (paid plans, within 7 days)',
				action: 'Get the history of a message',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List messages of the app, newest first or oldest first from a time',
				action: 'Get many messages',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Send a push notification, email or SMS to users, segments or filters',
				action: 'Send a message',
			},
		],
		default: 'send',
	},
	...send.description,
	...get.description,
	...getAll.description,
	...cancel.description,
	...getHistory.description,
	...estimateRecipients.description,
	...exportEvents.description,
];
