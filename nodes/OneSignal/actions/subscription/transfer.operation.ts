import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import {
	checkSubscriptionId,
	describeUser,
	readUserAlias,
	subscriptionWriteKey,
	userLocatorFields,
} from '../user/shared';
import { explainSubscriptionNotFound, subscriptionIdField } from './shared';

const TARGET = { prefix: 'target', subject: 'New Owner' };

const properties: INodeProperties[] = [subscriptionIdField, ...userLocatorFields(TARGET)];

export const operationIds = ['transfer_subscription'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['transfer'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const subscriptionId = checkSubscriptionId(
		this.getNodeParameter('subscriptionId', itemIndex, ''),
	);
	const owner = readUserAlias.call(this, itemIndex, TARGET);
	const appId = await oneSignalAppId.call(this, itemIndex);
	const subscriptionNotFound = explainSubscriptionNotFound(subscriptionId);

	const { body } = await oneSignalApiRequest.call(this, {
		method: 'PATCH',
		path: apiPath`/apps/${appId}/subscriptions/${subscriptionId}/owner`,
		// The spec allows exactly one alias here.
		body: { identity: { [owner.label]: owner.id } },
		// Moving a subscription to the user it already belongs to changes nothing.
		safeToRepeat: true,
		operation: 'subscription.transfer',
		itemIndex,
		explainFailure: (failure) => {
			if (failure.status !== 404) return undefined;
			const explained = subscriptionNotFound(failure);
			return explained
				? {
						message: `No subscription with ID "${subscriptionId}" or no user with ${describeUser(owner)} in this app`,
						description: explained.description,
					}
				: undefined;
		},
	});
	const identity = typeof body === 'object' && body !== null ? body.identity : undefined;
	return {
		id: subscriptionId,
		transferred: true,
		identity: identity ?? { [owner.label]: owner.id },
	};
}

/** Writes to one subscription run one at a time (see actions/types.ts). */
export function serializeBy(this: IExecuteFunctions, itemIndex: number): string | undefined {
	return subscriptionWriteKey.call(this, itemIndex);
}
