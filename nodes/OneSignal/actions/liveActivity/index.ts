import type { INodeProperties } from 'n8n-workflow';

import * as end from './end.operation';
import * as start from './start.operation';
import * as update from './update.operation';

export { end, start, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['liveActivity'] } },
		options: [
			{
				name: 'End',
				value: 'end',
				description: 'End a Live Activity with its final values',
				action: 'End a live activity',
			},
			{
				name: 'Start',
				value: 'start',
				description:
					'Start an iOS Live Activity remotely for users, subscriptions, segments or filters',
				action: 'Start a live activity',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change what a running Live Activity shows, optionally with an alert',
				action: 'Update a live activity',
			},
		],
		default: 'start',
	},
	...start.description,
	...update.description,
	...end.description,
];
