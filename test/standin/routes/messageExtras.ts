import type { Route, RouteAnswer, RouteContext } from '../server';
import type { ChannelKind } from '../state';
import { resolveRecipients } from './messages';

/**
 * The two endpoints newer than OneSignal's published spec, shaped after OneSignal's Node SDK
 * 5.18: estimating the audience of a message without sending it, and an app's email reputation.
 */

type Json = Record<string, unknown>;
const bad = (...errors: string[]): RouteAnswer => ({ status: 400, body: { errors } });

/**
 * Counts like a send would reach, without creating anything: `included_segments` is required
 * ("All" is everyone), `include_aliases` narrows it, subscription-ID targeting is not read.
 */
function estimate(context: RouteContext): RouteAnswer {
	const { state } = context;
	const body = (context.body ?? {}) as Json;
	const included = body.included_segments;
	if (!Array.isArray(included) || included.length === 0) {
		return bad('included_segments is required');
	}
	const channel = (body.target_channel as ChannelKind | undefined) ?? 'push';
	if (!['push', 'email', 'sms'].includes(channel))
		return bad('target_channel must be push, email or sms');
	const hasAll =
		included.includes('All') && ![...state.segments.values()].some((s) => s.name === 'All');
	const target: Json = hasAll
		? { filters: [] }
		: { included_segments: included, excluded_segments: body.excluded_segments };
	const { recipients } = resolveRecipients(state, target, channel);
	let counted = recipients;
	if (body.include_aliases && typeof body.include_aliases === 'object') {
		const allowed = new Set<string>();
		for (const [label, ids] of Object.entries(body.include_aliases as Record<string, unknown>)) {
			for (const id of Array.isArray(ids) ? ids.map(String) : []) {
				const user = state.userByAlias(label, id);
				user?.subscriptions.forEach((subscription) => allowed.add(`subscription:${subscription}`));
			}
		}
		counted = recipients.filter((recipient) => allowed.has(recipient));
	}
	return {
		status: 200,
		body: {
			count: counted.length,
			uncapped_count: null,
			cap_applied: false,
			mobile_suppressed: false,
			mobile_excluded_count: 0,
		},
	};
}

export const messageExtraRoutes: Route[] = [
	{
		method: 'POST',
		path: '/notifications/count-unsaved',
		tier: 'app',
		appIdFrom: { body: 'app_id' },
		handle: estimate,
	},
	{
		method: 'GET',
		path: '/apps/:appId/email_analytics/delivery_metrics',
		tier: 'app',
		appIdFrom: { param: 'appId' },
		handle: ({ state }) => {
			const window = (bounce: number, complaint: number) => ({
				bounce_rate: bounce,
				complaint_rate: complaint,
			});
			// Tests may set their own figures; these are those of a healthy sender.
			const figures = (state.extra.get('emailReputation') as Json | undefined) ?? {
				last_24_hours: window(0.004, 0.0002),
				last_7_days: window(0.006, 0.0003),
				last_30_days: window(0.008, 0.0004),
			};
			return { status: 200, body: figures };
		},
	},
];
