import type { INodeProperties } from 'n8n-workflow';

import * as track from './track.operation';

export { track };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customEvent'] } },
		options: [
			{
				name: 'Track',
				value: 'track',
				description:
					'Record an event a user did, such as a purchase, to start or advance Journeys; all items go out in as few requests as possible',
				action: 'Track a custom event',
			},
		],
		default: 'track',
	},
	...track.description,
];
