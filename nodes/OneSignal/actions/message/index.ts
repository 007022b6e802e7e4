import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as send from './send.operation';

export { cancel, get, getAll, send };

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
				name: 'Get',
				value: 'get',
				description: 'Get one message with its delivery statistics',
				action: 'Get a message',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List messages of the app, newest first',
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
];
