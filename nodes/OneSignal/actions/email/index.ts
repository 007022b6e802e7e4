import type { INodeProperties } from 'n8n-workflow';

import * as getDeliveryMetrics from './getDeliveryMetrics.operation';

export { getDeliveryMetrics };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['email'] } },
		options: [
			{
				name: 'Get Delivery Metrics',
				value: 'getDeliveryMetrics',
				description:
					'Get the bounce and spam-complaint rates of the app’s email over 24 hours, 7 days and 30 days',
				action: 'Get email delivery metrics',
			},
		],
		default: 'getDeliveryMetrics',
	},
	...getDeliveryMetrics.description,
];
