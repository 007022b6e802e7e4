import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	buildSubscriptionFields,
	checkSubscriptionType,
	checkToken,
	SUBSCRIPTION_TYPES,
} from '../../helpers/subscriptions';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import {
	describeUser,
	explainUserNotFound,
	readUserAlias,
	userLocatorFields,
	userPath,
	writeKeyOf,
} from '../user/shared';
import { subscriptionFieldInput, subscriptionFields } from './shared';

const properties: INodeProperties[] = [
	...userLocatorFields(),
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: SUBSCRIPTION_TYPES,
		default: 'Email',
		description: 'The channel of the new subscription',
	},
	{
		displayName: 'Token',
		name: 'address',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ada@example.com',
		description:
			'The email address, the phone number in E.164 form (+15551234567) or the push token. If it already exists in the app, the subscription moves to this user.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: subscriptionFields(false),
	},
];

export const operationIds = ['create_subscription'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const alias = readUserAlias.call(this, itemIndex);
	const type = checkSubscriptionType(this.getNodeParameter('type', itemIndex));
	const token = checkToken(type, String(this.getNodeParameter('address', itemIndex, '') ?? ''));
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const subscription = {
		type,
		token,
		...buildSubscriptionFields(subscriptionFieldInput(additional)),
	};
	const appId = await oneSignalAppId.call(this, itemIndex);
	const notFound = explainUserNotFound(alias);

	const { body } = await oneSignalApiRequest.call(this, {
		method: 'POST',
		path: userPath(appId, alias, '/subscriptions'),
		body: { subscription },
		// The type and token identify the subscription: a repeat finds the one the first try made.
		safeToRepeat: true,
		operation: 'subscription.create',
		itemIndex,
		explainFailure: (failure) =>
			failure.status === 409
				? {
						message: `The user with ${describeUser(alias)} already has the most subscriptions OneSignal allows`,
						description: [
							failure.messages.length ? `OneSignal said: ${failure.messages.join('; ')}.` : '',
							'A user can have at most 20 subscriptions. Delete ones the user no longer uses (Subscription → Delete) first.',
						]
							.filter(Boolean)
							.join(' '),
					}
				: notFound(failure),
	});
	return (body.subscription as IDataObject | undefined) ?? body;
}

/** Writes to one user run one at a time (see actions/types.ts). */
export function serializeBy(this: IExecuteFunctions, itemIndex: number): string | undefined {
	return writeKeyOf.call(this, itemIndex);
}
