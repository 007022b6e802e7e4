import type { INodeProperties } from 'n8n-workflow';

import * as copyToApp from './copyToApp.operation';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { copyToApp, create, deleteOperation as delete, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		options: [
			{
				name: 'Copy to App',
				value: 'copyToApp',
				description:
					'Copy a template into another app of the organization; needs the Organization API credential',
				action: 'Copy a template to another app',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a push, email or SMS template',
				action: 'Create a template',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a template',
				action: 'Delete a template',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a template with its content',
				action: 'Get a template',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the templates of the app, optionally for one channel',
				action: 'Get many templates',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the name or content of a template',
				action: 'Update a template',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...deleteOperation.description,
	...copyToApp.description,
];
