import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getAll from './getAll.operation';
import * as rotate from './rotate.operation';
import * as update from './update.operation';

export { create, deleteOperation as delete, getAll, rotate, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['apiKey'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Create an App API key, returned once, optionally limited to IP addresses; needs the Organization API credential',
				action: 'Create an API key',
			},
			{
				name: 'Delete',
				value: 'delete',
				description:
					'Delete an App API key so it stops working at once; needs the Organization API credential',
				action: 'Delete an API key',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List the App API keys of an app (names, IDs and allowlists, never the keys); needs the Organization API credential',
				action: 'Get many API keys',
			},
			{
				name: 'Rotate',
				value: 'rotate',
				description:
					'Replace an App API key with a new one, returned once, and revoke the old one; needs the Organization API credential',
				action: 'Rotate an API key',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					'Rename an App API key or change its IP allowlist; needs the Organization API credential',
				action: 'Update an API key',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...getAll.description,
	...update.description,
	...deleteOperation.description,
	...rotate.description,
];
