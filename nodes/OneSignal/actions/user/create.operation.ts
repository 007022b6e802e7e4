import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { aliasConflict, aliasConflictMessage, identityFromRows } from '../../helpers/aliases';
import {
	buildSubscriptionFields,
	checkSubscriptionType,
	checkToken,
	SUBSCRIPTION_TYPES,
} from '../../helpers/subscriptions';
import { buildUserProperties, checkPropertyUpdateCount } from '../../helpers/userProperties';
import { apiPath } from '../../helpers/paths';
import { ParameterError } from '../../helpers/validation';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { sortedByDisplayName } from '../common';
import { propertyFields, propertyInput } from './properties';
import { fixedRows } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		placeholder: 'e.g. user-1042',
		description:
			'Your own ID for the user. If a user with this External ID (or any alias below) exists, OneSignal updates that user instead of creating one. Leave empty only when Aliases or Subscriptions identify the user.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortedByDisplayName([
			{
				displayName: 'Aliases',
				name: 'aliases',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Alias',
				default: {},
				description: 'More IDs for the user from your other systems, such as crm_id',
				options: [
					{
						name: 'alias',
						displayName: 'Alias',
						values: [
							{
								displayName: 'Label',
								name: 'label',
								type: 'string',
								default: '',
								placeholder: 'e.g. crm_id',
							},
							{
								displayName: 'Value',
								name: 'id',
								type: 'string',
								default: '',
								placeholder: 'e.g. CRM-88121',
							},
						],
					},
				],
			},
			...propertyFields(false),
			{
				displayName: 'Subscriptions',
				name: 'subscriptions',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Subscription',
				default: {},
				description:
					'Email addresses, phone numbers or push tokens to give the user. One that already exists in the app moves to this user.',
				options: [
					{
						name: 'subscription',
						displayName: 'Subscription',
						values: [
							{
								displayName: 'Enabled',
								name: 'enabled',
								type: 'boolean',
								default: true,
								description: 'Whether the subscription can receive messages',
							},
							{
								displayName: 'Token',
								name: 'address',
								type: 'string',
								default: '',
								placeholder: 'e.g. ada@example.com',
								description:
									'The email address, the phone number in E.164 form (+15551234567) or the push token',
							},
							{
								displayName: 'Type',
								name: 'type',
								type: 'options',
								options: SUBSCRIPTION_TYPES,
								default: 'Email',
							},
						],
					},
				],
			},
		]),
	},
];

export const operationIds = ['create_user'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const externalId = String(this.getNodeParameter('externalId', itemIndex, '') ?? '').trim();
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const appId = await oneSignalAppId.call(this, itemIndex);

	const rows = [
		...(externalId ? [{ label: 'external_id', id: externalId }] : []),
		...fixedRows<{ label?: unknown; id?: unknown }>(additional.aliases, 'alias'),
	];
	const identity = identityFromRows(rows, 'Aliases');
	const subscriptions = fixedRows(additional.subscriptions, 'subscription').map((row, position) => {
		const where = `Subscriptions (row ${position + 1})`;
		const type = checkSubscriptionType(row.type, `${where} → Type`);
		return {
			type,
			token: checkToken(type, String(row.address ?? ''), `${where} → Token`),
			...buildSubscriptionFields({ enabled: row.enabled }),
		};
	});
	if (Object.keys(identity).length === 0 && subscriptions.length === 0) {
		throw new ParameterError(
			'External ID',
			'the user has no External ID, alias or subscription',
			'OneSignal needs at least one of them to create a user. Fill in External ID, or add an alias or a subscription under Additional Fields.',
		);
	}
	const userProperties = buildUserProperties(propertyInput(additional), this.getTimezone());
	checkPropertyUpdateCount(userProperties, undefined);

	const body: IDataObject = {};
	if (Object.keys(identity).length) body.identity = identity;
	if (userProperties) body.properties = userProperties as IDataObject;
	if (subscriptions.length) body.subscriptions = subscriptions as IDataObject[];

	const response = await oneSignalApiRequest.call(this, {
		method: 'POST',
		path: apiPath`/apps/${appId}/users`,
		body,
		// An alias makes a repeat find the user the first try created. Without one, a repeat
		// after a lost answer would create a second user and move the subscriptions to it.
		safeToRepeat: Object.keys(identity).length > 0,
		operation: 'user.create',
		itemIndex,
		explainFailure: ({ status, body: answer, messages }) =>
			status === 409 ? aliasConflictMessage(aliasConflict(answer, identity, messages)) : undefined,
	});
	return response.body;
}
