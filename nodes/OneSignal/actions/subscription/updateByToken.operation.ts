import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath, checkPathValue } from '../../helpers/paths';
import {
	buildSubscriptionFields,
	checkSubscriptionType,
	checkToken,
	SUBSCRIPTION_TYPES,
} from '../../helpers/subscriptions';
import { ParameterError } from '../../helpers/validation';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { subscriptionFieldInput, subscriptionFields } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Token Type',
		name: 'tokenType',
		type: 'options',
		options: SUBSCRIPTION_TYPES,
		default: 'Email',
		description: 'The kind of subscription the token belongs to',
	},
	{
		displayName: 'Token',
		name: 'address',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ada@example.com',
		description:
			'The email address, the phone number in E.164 form (+15551234567) or the push token that identifies the subscription',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: subscriptionFields(false),
	},
];

export const operationIds = ['update_subscription_by_token'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['updateByToken'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const tokenType = checkSubscriptionType(
		this.getNodeParameter('tokenType', itemIndex),
		'Token Type',
	);
	const token = checkPathValue(
		checkToken(tokenType, String(this.getNodeParameter('address', itemIndex, '') ?? '')),
		'Token',
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
		path: apiPath`/apps/${appId}/subscriptions_by_token/${tokenType}/${token}`,
		body: { subscription: fields },
		safeToRepeat: true,
		operation: 'subscription.updateByToken',
		itemIndex,
		explainFailure: ({ status, messages }) =>
			status === 404
				? {
						message: `No ${tokenType} subscription with the token "${token}" in this app`,
						description: [
							messages.length ? `OneSignal said: ${messages.join('; ')}.` : '',
							'Tokens are matched exactly. Check the Token Type and that the subscription exists (OneSignal: Audience → Subscriptions).',
						]
							.filter(Boolean)
							.join(' '),
					}
				: undefined,
	});
	return { tokenType, token, updated: true, subscription: fields };
}
