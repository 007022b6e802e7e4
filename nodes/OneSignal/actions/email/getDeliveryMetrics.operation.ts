import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName:
			'Returns the bounce and spam-complaint rates of all email the app delivered in the last 24 hours, 7 days and 30 days. Rates are fractions: 0.02 means 2%.',
		name: 'metricsNotice',
		type: 'notice',
		default: '',
	},
];

export const operationIds = ['email_delivery_metrics'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['email'], operation: ['getDeliveryMetrics'] } },
	properties,
);

/**
 * `GET /apps/{app_id}/email_analytics/delivery_metrics`, newer than OneSignal's published spec.
 * OneSignal's Node SDK 5.18 sends this request with the App ID in the path and nothing else (the
 * contract test compares ours with the request the SDK builds), and its response model gives
 * app-wide rates for three fixed windows. Should OneSignal add a parameter (a time range, a
 * sending domain), it belongs here as an option.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const appId = await oneSignalAppId.call(this, itemIndex);
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'GET',
		path: apiPath`/apps/${appId}/email_analytics/delivery_metrics`,
		operation: 'email.getDeliveryMetrics',
		itemIndex,
	});
	return body;
}
