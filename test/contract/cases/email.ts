import { ourRequest, sdkEmailReputation } from '../../support/sdkRequests';
import type { ContractCase } from './types';

export const emailCases: ContractCase[] = [
	{
		operationId: 'email_delivery_metrics',
		title: 'Get the email delivery metrics of the app',
		outsideSpec: true,
		parameters: { resource: 'email', operation: 'getDeliveryMetrics' },
		check: async (_, exchanges) => {
			expect(exchanges).toHaveLength(1);
			const sent = exchanges[0].call.sent;
			// Exactly what OneSignal's Node SDK 5.18 builds: a GET with the App ID in the path.
			expect(sent.url).toMatch(/\/apps\/[0-9a-f-]{36}\/email_analytics\/delivery_metrics$/);
			expect(sent.qs ?? {}).toEqual({});
			const appId = sent.url.split('/apps/')[1].split('/')[0];
			expect(ourRequest(sent)).toEqual(await sdkEmailReputation(appId));
		},
	},
];
