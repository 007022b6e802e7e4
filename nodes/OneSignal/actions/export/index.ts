import type { INodeProperties } from 'n8n-workflow';

import * as subscriptions from './subscriptions.operation';

export { subscriptions };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['export'] } },
		options: [
			{
				name: 'Export Subscriptions',
				value: 'subscriptions',
				description:
					'Export the subscriptions of the app as a CSV file, optionally waiting for it and downloading it',
				action: 'Export subscriptions as CSV',
			},
		],
		default: 'subscriptions',
	},
	...subscriptions.description,
];
