import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as transfer from './transfer.operation';
import * as unsubscribeEmail from './unsubscribeEmail.operation';
import * as update from './update.operation';
import * as updateByToken from './updateByToken.operation';

export { create, deleteOperation as delete, transfer, unsubscribeEmail, update, updateByToken };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subscription'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Give a user a new email address, phone number or push subscription',
				action: 'Create a subscription',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete one subscription; the user and their other subscriptions stay',
				action: 'Delete a subscription',
			},
			{
				name: 'Transfer',
				value: 'transfer',
				description: 'Move a subscription to another user',
				action: 'Transfer a subscription to another user',
			},
			{
				name: 'Unsubscribe Email',
				value: 'unsubscribeEmail',
				description:
					'Unsubscribe an email address with the token from an email, for your own unsubscribe page',
				action: 'Unsubscribe an email with its token',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Turn a subscription on or off, or change its token and device details',
				action: 'Update a subscription',
			},
			{
				name: 'Update by Token',
				value: 'updateByToken',
				description: 'Update a subscription found by its email address, phone number or push token',
				action: 'Update a subscription by token',
			},
		],
		default: 'update',
	},
	...create.description,
	...update.description,
	...updateByToken.description,
	...transfer.description,
	...deleteOperation.description,
	...unsubscribeEmail.description,
];
