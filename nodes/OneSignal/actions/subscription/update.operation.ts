import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildSubscriptionFields } from '../../helpers/subscriptions';
import { apiPath } from '../../helpers/paths';
import { ParameterError } from '../../helpers/validation';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { checkSubscriptionId, subscriptionWriteKey } from '../user/shared';
import {
	explainSubscriptionNotFound,
	subscriptionFieldInput,
	subscriptionFields,
	subscriptionIdField,
} from './shared';

const properties: INodeProperties[] = [
	subscriptionIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: subscriptionFields(true),
	},
];

export const operationIds = ['update_subscription'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const subscriptionId = checkSubscriptionId(
		this.getNodeParameter('subscriptionId', itemIndex, ''),
	);
	const fields = buildSubscriptionFields(
		subscriptionFieldInput(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject),
	);
	if (Object.keys(fields).length === 0) {
		throw new ParameterError(
			'Update Fields',
			'nothing to update',
			'Add at least one field to change.',
		);
	}
	const appId = await oneSignalAppId.call(this, itemIndex);
	await oneSignalApiRequest.call(this, {
		method: 'PATCH',
		path: apiPath`/apps/${appId}/subscriptions/${subscriptionId}`,
		body: { subscription: fields },
		// Every field is set to a value, never added to: a repeat leaves the same result.
		safeToRepeat: true,
		operation: 'subscription.update',
		itemIndex,
		explainFailure: explainSubscriptionNotFound(subscriptionId),
	});
	return { id: subscriptionId, updated: true, subscription: fields };
}

/** Writes to one subscription run one at a time (see actions/types.ts). */
export function serializeBy(this: IExecuteFunctions, itemIndex: number): string | undefined {
	return subscriptionWriteKey.call(this, itemIndex);
}
