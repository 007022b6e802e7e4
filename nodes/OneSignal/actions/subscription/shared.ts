import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { SubscriptionFieldInput } from '../../helpers/subscriptions';
import type { OneSignalRequest } from '../../transport';
import { SUBSCRIPTION_ID_HINT } from '../user/shared';

/** Optional fields of a subscription, alphabetised; `withToken` adds Token (for updates). */
export function subscriptionFields(withToken: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'App Version',
			name: 'appVersion',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1.4.2',
		},
		{
			displayName: 'Carrier',
			name: 'carrier',
			type: 'string',
			default: '',
			placeholder: 'e.g. Verizon',
		},
		{
			displayName: 'Device Model',
			name: 'deviceModel',
			type: 'string',
			default: '',
			placeholder: 'e.g. iPhone14,2',
		},
		{
			displayName: 'Device OS',
			name: 'deviceOs',
			type: 'string',
			default: '',
			placeholder: 'e.g. 17.1',
		},
		{
			displayName: 'Enabled',
			name: 'enabled',
			type: 'boolean',
			default: true,
			description:
				'Whether the subscription receives messages. Turning it off unsubscribes the device, address or number.',
		},
		{
			displayName: 'Network Type',
			name: 'netType',
			type: 'options',
			default: 0,
			options: [
				{ name: 'Wi-Fi', value: 0 },
				{ name: 'Mobile Data', value: 1 },
			],
		},
		{
			displayName: 'Notification Types',
			name: 'notificationTypes',
			type: 'number',
			default: 1,
			description:
				'OneSignal’s subscription status code: 1 is subscribed, negative values such as -2 mean unsubscribed. Enabled is the simpler switch.',
		},
		{
			displayName: 'Rooted',
			name: 'rooted',
			type: 'boolean',
			default: false,
			description: 'Whether the Android device is rooted',
		},
		{
			displayName: 'SDK Version',
			name: 'sdk',
			type: 'string',
			default: '',
			placeholder: 'e.g. 5.2.0',
		},
		{
			displayName: 'Session Count',
			name: 'sessionCount',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1,
		},
		{
			displayName: 'Session Time (Seconds)',
			name: 'sessionTime',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
		},
		{
			displayName: 'Test Type',
			name: 'testType',
			type: 'options',
			default: 1,
			description: 'For iOS test devices: which Apple push environment the token belongs to',
			options: [
				{ name: 'Development', value: 1 },
				{ name: 'Ad Hoc', value: 2 },
			],
		},
	];
	if (withToken) {
		fields.push({
			displayName: 'Token',
			name: 'newAddress',
			type: 'string',
			default: '',
			description: 'A new email address, phone number (E.164) or push token for this subscription',
		});
	}
	fields.push(
		{
			displayName: 'Web Push Auth Key',
			name: 'webAuth',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The auth key of a web push subscription',
		},
		{
			displayName: 'Web Push P256 Key',
			name: 'webP256',
			type: 'string',
			default: '',
			description: 'The p256dh key of a web push subscription',
		},
	);
	return fields;
}

export function subscriptionFieldInput(raw: IDataObject): SubscriptionFieldInput {
	const { newAddress, ...rest } = raw;
	return { ...rest, token: newAddress } as SubscriptionFieldInput;
}

export const subscriptionIdField: INodeProperties = {
	displayName: 'Subscription ID',
	name: 'subscriptionId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 7e4c5b9a-1f60-4d07-9b1a-2e8c8d2cae51',
	description: `The subscription (${SUBSCRIPTION_ID_HINT})`,
};

export function explainSubscriptionNotFound(
	subscriptionId: string,
): NonNullable<OneSignalRequest['explainFailure']> {
	return ({ status, messages }) =>
		status === 404
			? {
					message: `No subscription with ID "${subscriptionId}" in this app`,
					description: [
						messages.length ? `OneSignal said: ${messages.join('; ')}.` : '',
						'Check the ID in OneSignal (Audience → Subscriptions) and that it belongs to the app of this credential.',
					]
						.filter(Boolean)
						.join(' '),
				}
			: undefined;
}
