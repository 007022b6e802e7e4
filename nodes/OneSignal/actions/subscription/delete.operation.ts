import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { checkSubscriptionId, SUBSCRIPTION_ID_HINT, subscriptionWriteKey } from '../user/shared';
import { explainSubscriptionNotFound, subscriptionIdField } from './shared';

const properties: INodeProperties[] = [
	{
		...subscriptionIdField,
		description: `The subscription to delete (${SUBSCRIPTION_ID_HINT}). The user keeps their other subscriptions.`,
	},
];

export const operationIds = ['delete_subscription'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const subscriptionId = checkSubscriptionId(
		this.getNodeParameter('subscriptionId', itemIndex, ''),
	);
	const appId = await oneSignalAppId.call(this, itemIndex);
	await oneSignalApiRequest.call(this, {
		method: 'DELETE',
		path: apiPath`/apps/${appId}/subscriptions/${subscriptionId}`,
		operation: 'subscription.delete',
		itemIndex,
		explainFailure: explainSubscriptionNotFound(subscriptionId),
	});
	return { deleted: true, id: subscriptionId };
}

/** Writes to one subscription run one at a time (see actions/types.ts). */
export function serializeBy(this: IExecuteFunctions, itemIndex: number): string | undefined {
	return subscriptionWriteKey.call(this, itemIndex);
}
