import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['outcome'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					'Get clicks, confirmed deliveries, session durations and custom outcomes for a time range, one item per outcome',
				action: 'Get outcomes',
			},
		],
		default: 'get',
	},
	...get.description,
];
