import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as update from './update.operation';

export { create, deleteOperation as delete, get, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Create a user with aliases, properties and subscriptions, or add them to the user an alias already identifies',
				action: 'Create a user',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a user with all of their aliases and subscriptions',
				action: 'Delete a user',
			},
			{
				name: 'Get',
				value: 'get',
				description:
					'Get a user’s aliases, properties and subscriptions by External ID or another alias',
				action: 'Get a user',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					'Set a user’s tags, language, time zone, location and other properties, or add sessions and purchases',
				action: 'Update a user',
			},
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...update.description,
	...deleteOperation.description,
];
