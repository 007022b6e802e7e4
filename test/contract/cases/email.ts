import type { ContractCase } from './types';

export const emailCases: ContractCase[] = [
	{
		operationId: 'email_delivery_metrics',
		title: 'Get the email delivery metrics of the app',
		outsideSpec: true,
		parameters: { resource: 'email', operation: 'getDeliveryMetrics' },
		check: (_, exchanges) => {
			expect(exchanges).toHaveLength(1);
			const sent = exchanges[0].call.sent;
			// As OneSignal's Node SDK 5.18 sends it: a GET with the App ID in the path and nothing else.
			expect(sent.method).toBe('GET');
			expect(sent.url).toMatch(/\/apps\/[0-9a-f-]{36}\/email_analytics\/delivery_metrics$/);
			expect(sent.qs ?? {}).toEqual({});
			expect(sent.body).toBeUndefined();
		},
	},
];
