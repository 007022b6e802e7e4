import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getStats from './getStats.operation';
import * as update from './update.operation';
import * as updateNode from './updateNode.operation';

export { create, deleteOperation as delete, get, getAll, getStats, update, updateNode };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['journey'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a journey (as a draft) with its audience and steps',
				action: 'Create a journey',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a journey for good, stopping it for everyone in it',
				action: 'Delete a journey',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a journey with its audience and all its steps',
				action: 'Get a journey',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the journeys of the app, newest first',
				action: 'Get many journeys',
			},
			{
				name: 'Get Stats',
				value: 'getStats',
				description: 'Get entry, exit and per-step counts of a journey',
				action: 'Get the stats of a journey',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Rename, activate, schedule, archive or change the steps of a journey',
				action: 'Update a journey',
			},
			{
				name: 'Update Step',
				value: 'updateNode',
				description: 'Change one step of a journey, such as its template or wait time',
				action: 'Update a step of a journey',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...deleteOperation.description,
	...getStats.description,
	...updateNode.description,
];
