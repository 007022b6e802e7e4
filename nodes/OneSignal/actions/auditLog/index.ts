import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['auditLog'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List who did what in the organization in a time range of up to 90 days, oldest first (Enterprise plan); needs the Organization API credential',
				action: 'Get many audit log entries',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
