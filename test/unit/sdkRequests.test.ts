import { sdkEmailReputation, sdkEstimateRecipients } from '../support/sdkRequests';

/**
 * The contract cases of the two operations newer than the spec compare our requests with what
 * OneSignal's SDK builds. These tests show that comparison can fail.
 */
describe('requests built by OneSignal’s Node SDK, as an oracle', () => {
	it('drops a field its model does not declare, so a misnamed field of ours shows up', async () => {
		const built = await sdkEstimateRecipients({
			app_id: 'a',
			included_segments: ['All'],
			IncludedSegments: ['VIP'],
			target_channel: 'push',
		});
		expect(built).toEqual({
			method: 'POST',
			path: '/notifications/count-unsaved',
			body: { app_id: 'a', included_segments: ['All'], target_channel: 'push' },
		});
	});

	it('builds the email reputation request with the App ID in the path and no body', async () => {
		expect(await sdkEmailReputation('app/1')).toEqual({
			method: 'GET',
			path: '/apps/app%2F1/email_analytics/delivery_metrics',
			body: undefined,
		});
	});
});
