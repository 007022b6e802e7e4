import { randomUUID } from 'crypto';

import type { Route, RouteAnswer, RouteContext } from '../server';
import type { StandInState } from '../state';

/**
 * Live Activities: started remotely for an audience (one targeting mode, required fields checked,
 * idempotent by `idempotency_key`), then updated and ended by the activity ID the app knows. The
 * stand-in accepts updates for IDs it never saw start, as OneSignal does for activities that the
 * app started on the device.
 */

type Json = Record<string, unknown>;

export interface StoredLiveActivity {
	activityId: string;
	appId: string;
	activityType?: string;
	attributes?: Json;
	contentState: Json;
	ended: boolean;
	/** Every start, update and end received, in order. */
	events: Json[];
}

const bad = (...errors: string[]): RouteAnswer => ({ status: 400, body: { errors } });
const TARGETING = ['included_segments', 'filters', 'include_aliases', 'include_subscription_ids'];

export function liveActivitiesOf(state: StandInState): Map<string, StoredLiveActivity> {
	let activities = state.extra.get('liveActivities') as Map<string, StoredLiveActivity> | undefined;
	if (!activities) {
		activities = new Map();
		state.extra.set('liveActivities', activities);
	}
	return activities;
}

const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function startActivity(context: RouteContext): RouteAnswer {
	const { state } = context;
	const body = (context.body ?? {}) as Json;
	const key = body.idempotency_key;
	if (typeof key === 'string') {
		const previous = state.idempotency.get(key);
		if (previous) {
			return {
				status: previous.status,
				body: previous.body,
				headers: { 'Idempotent-Replayed': 'true' },
			};
		}
	}
	for (const field of ['name', 'activity_id']) {
		if (typeof body[field] !== 'string' || !body[field]) return bad(`${field} is required`);
	}
	if (body.event !== 'start') return bad('event must be start');
	for (const field of ['event_attributes', 'event_updates']) {
		if (!isObject(body[field])) return bad(`${field} must be an object`);
	}
	for (const field of ['contents', 'headings']) {
		if (!isObject(body[field]) || typeof (body[field] as Json).en !== 'string') {
			return bad(`${field} must include English (en)`);
		}
	}
	const modes = TARGETING.filter((mode) => body[mode] !== undefined && body[mode] !== null);
	if (modes.length !== 1) {
		return bad(
			'Exactly one targeting parameter is required: included_segments, filters, include_aliases or include_subscription_ids',
		);
	}
	const activityId = String(body.activity_id);
	const activity: StoredLiveActivity = {
		activityId,
		appId: context.appId!,
		activityType: context.params.activityType,
		attributes: body.event_attributes as Json,
		contentState: body.event_updates as Json,
		ended: false,
		events: [body],
	};
	liveActivitiesOf(state).set(`${context.appId}/${activityId}`, activity);
	const answer = { status: 201, body: { notification_id: randomUUID() } };
	if (typeof key === 'string') {
		state.idempotency.set(key, { ...answer, createdAt: context.now, firstBodyHash: '' });
	}
	return answer;
}

function updateActivity(context: RouteContext): RouteAnswer {
	const body = (context.body ?? {}) as Json;
	if (typeof body.name !== 'string' || !body.name) return bad('name is required');
	if (body.event !== 'update' && body.event !== 'end') return bad('event must be update or end');
	if (!isObject(body.event_updates)) return bad('event_updates must be an object');
	if (body.dismissal_date !== undefined && body.event !== 'end') {
		return bad('dismissal_date is only allowed if event is "end"');
	}
	const activities = liveActivitiesOf(context.state);
	const id = `${context.appId}/${context.params.activityId}`;
	const activity = activities.get(id) ?? {
		activityId: context.params.activityId,
		appId: context.appId!,
		contentState: {},
		ended: false,
		events: [],
	};
	activity.contentState = { ...activity.contentState, ...(body.event_updates as Json) };
	activity.ended ||= body.event === 'end';
	activity.events.push(body);
	activities.set(id, activity);
	return { status: 200, body: { id: randomUUID() } };
}

export const liveActivityRoutes: Route[] = [
	{
		method: 'POST',
		path: '/apps/:appId/activities/activity/:activityType',
		tier: 'app',
		appIdFrom: { param: 'appId' },
		handle: startActivity,
	},
	{
		method: 'POST',
		path: '/apps/:appId/live_activities/:activityId/notifications',
		tier: 'app',
		appIdFrom: { param: 'appId' },
		handle: updateActivity,
	},
];
