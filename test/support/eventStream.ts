import type { StandIn } from '../standin';

/**
 * What OneSignal sends for an Event Stream built from the trigger node's body template, about the
 * stand-in's seeded user Ada; Liquid leaves the fields it has no value for empty.
 */
export function eventStreamBody(standIn: StandIn, kind: string, id: string) {
	return {
		event: {
			kind,
			id,
			timestamp: '1772366400',
			datetime: '2026-03-01T12:00:00.000Z',
			app_id: standIn.seeded!.appId,
			subscription_id: standIn.seeded!.subscriptionIds['user-ada'].push,
			subscription_device_type: 'iOS',
			onesignal_id: '',
			external_id: 'user-ada',
			data: { page_id: '', target_id: '', live_activity_id: '' },
		},
		message: { id: 'a3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d', template_id: '' },
	};
}
