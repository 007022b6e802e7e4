import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteOperation as delete, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['segment'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a segment of users who match filters (paid plans)',
				action: 'Create a segment',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a segment; its users are kept',
				action: 'Delete a segment',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a segment with its subscriber count and filters',
				action: 'Get a segment',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the segments of the app, oldest first',
				action: 'Get many segments',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Rename a segment, change its description or replace its filters',
				action: 'Update a segment',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...deleteOperation.description,
];
