import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['app'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Create an app in the organization, optionally with its web, iOS and Android push settings; needs the Organization API credential',
				action: 'Create an app',
			},
			{
				name: 'Get',
				value: 'get',
				description:
					'Get one app with its settings and subscriber counts; needs the Organization API credential',
				action: 'Get an app',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the apps of the organization; needs the Organization API credential',
				action: 'Get many apps',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					'Rename an app or change its push settings; needs the Organization API credential',
				action: 'Update an app',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
];
