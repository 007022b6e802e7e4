import type { INodeProperties } from 'n8n-workflow';

import * as deleteOperation from './delete.operation';
import * as getAll from './getAll.operation';
import * as upsert from './upsert.operation';

export { deleteOperation as delete, getAll, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['alias'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new alias, or update the current one if it already exists (upsert)',
				action: 'Create or update aliases of a user',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Remove one alias, such as crm_id, from a user',
				action: 'Delete an alias',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'Get many aliases of a user (External ID, OneSignal ID and your own labels), found by an alias or by a subscription',
				action: 'Get many aliases of a user',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...upsert.description,
	...deleteOperation.description,
];
