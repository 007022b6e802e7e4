import type { IDataObject } from 'n8n-workflow';

import { channelAndAction } from './eventKinds';
import { liquidNumber, liquidText, liquidTime, withoutEmptyValues } from './liquid';

/**
 * Turns what OneSignal sends into one item per event with the same fields for every source, so
 * a workflow does not depend on how the body template was written or which SDK a browser ran.
 */

export type TriggerSource = 'eventStream' | 'journeyWebhook' | 'webPushWebhook';

export interface OneSignalEvent extends IDataObject {
	source: TriggerSource;
	/** `message.push.clicked`, `journey.webhook`, `notification.clicked`, … */
	kind: string;
	channel: string | null;
	action: string | null;
	/** The de-duplication key: OneSignal's event ID, or one derived for web push events. */
	eventId: string | null;
	/** When the event happened, or when n8n received it if the sender did not say. */
	time: string;
	timeSource: 'event' | 'received';
	/** Unix time in seconds as OneSignal sent it, when it did. */
	timestamp: number | null;
	receivedAt: string;
	appId: string | null;
	messageId: string | null;
	messageName: string | null;
	templateId: string | null;
	onesignalId: string | null;
	externalId: string | null;
	subscriptionId: string | null;
	subscriptionType: string | null;
	/** Channel-specific fields (in-app pages, Live Activity IDs, web push content, user tags). */
	data: IDataObject;
	/** Sent by an end user's browser: anyone who can load your site can send such a request. */
	fromBrowser: boolean;
	/** The body as received, one event of it. */
	raw: IDataObject;
}

export interface BodyProblem {
	problem: string;
}

/** At most this many events in one body; OneSignal sends one per request. */
export const MAX_EVENTS_PER_BODY = 100;

type Body = Record<string, unknown>;

function isObject(value: unknown): value is Body {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(body: Body, path: string): unknown {
	let value: unknown = body;
	for (const key of path.split('.')) {
		if (!isObject(value)) return undefined;
		value = value[key];
	}
	return value;
}

/** The first of several places a field may be (nested as in our template, or flat) that has it. */
function firstOf(body: Body, paths: string[]): unknown {
	for (const path of paths) {
		const value = at(body, path);
		if (liquidText(value) !== null) return value;
	}
	return undefined;
}

function textAt(body: Body, paths: string[]): string | null {
	return liquidText(firstOf(body, paths));
}

/** The events of a parsed body: one object, or a list of objects. */
export function eventsOf(body: unknown): Body[] | BodyProblem {
	if (isObject(body)) return [body];
	if (Array.isArray(body)) {
		if (body.length === 0) return { problem: 'The body is an empty list' };
		if (body.length > MAX_EVENTS_PER_BODY) {
			return {
				problem: `The body holds ${body.length} events; at most ${MAX_EVENTS_PER_BODY} are accepted`,
			};
		}
		if (!body.every(isObject)) return { problem: 'Every entry of the list must be a JSON object' };
		return body;
	}
	return { problem: 'The body must be a JSON object' };
}

/**
 * One Event Stream or Journey webhook event. Fields are read where the node's body template puts
 * them (`event.kind`, `message.id`, …) and also flat (`kind`, `message_id`, …), so bodies written
 * by hand work too. Journey webhooks have no event kind of their own: `journey.webhook` unless
 * the body names one.
 */
export function normalizeServerEvent(
	body: Body,
	source: 'eventStream' | 'journeyWebhook',
	receivedAt: Date,
): OneSignalEvent | BodyProblem {
	// OneSignal's kinds are lower case; a hand-written body may not be, and workflows compare the
	// kind exactly, so it is given in lower case.
	const kind =
		textAt(body, ['event.kind', 'kind', 'event_kind'])?.toLowerCase() ??
		(source === 'journeyWebhook' ? 'journey.webhook' : null);
	if (kind === null) {
		return {
			problem:
				'The body has no event kind (event.kind). Use the body template shown in the OneSignal Trigger node.',
		};
	}
	const timestamp = liquidNumber(firstOf(body, ['event.timestamp', 'timestamp']));
	const eventTime =
		liquidTime(firstOf(body, ['event.datetime', 'datetime'])) ?? liquidTime(timestamp);
	const received = receivedAt.toISOString();

	const data: IDataObject = {};
	const eventData = at(body, 'event.data') ?? at(body, 'data');
	if (isObject(eventData)) Object.assign(data, withoutEmptyValues(eventData));
	const language = textAt(body, ['user.language', 'language']);
	if (language !== null) data.language = language;
	const tags = at(body, 'user.tags');
	if (isObject(tags)) data.tags = withoutEmptyValues(tags) as IDataObject;

	return {
		source,
		kind,
		...channelAndAction(kind),
		eventId: textAt(body, ['event.id', 'event_id']),
		time: eventTime ?? received,
		timeSource: eventTime ? 'event' : 'received',
		timestamp,
		receivedAt: received,
		appId: textAt(body, ['event.app_id', 'app_id']),
		messageId: textAt(body, ['message.id', 'message_id']),
		messageName: textAt(body, ['message.name', 'message_name']),
		templateId: textAt(body, ['message.template_id', 'template_id']),
		onesignalId: textAt(body, ['event.onesignal_id', 'user.onesignal_id', 'onesignal_id']),
		externalId: textAt(body, ['event.external_id', 'user.external_id', 'external_id']),
		subscriptionId: textAt(body, ['event.subscription_id', 'subscription.id', 'subscription_id']),
		subscriptionType: textAt(body, [
			'event.subscription_device_type',
			'subscription.type',
			'subscription_device_type',
		]),
		data,
		fromBrowser: false,
		raw: body as IDataObject,
	};
}

/**
 * One web push webhook event, as a subscriber's browser sends it. Current SDKs send
 * `{event, notificationId, heading, content, additionalData, url, subscriptionId, actionId?}`;
 * older ones `{event, id, userId, action, buttons, heading, content, url, icon, data}` and call
 * willDisplay `notification.displayed`. The browser sends no ID of its own, so the event ID is
 * made of the event, the notification and the subscription: one click of one notification on one
 * browser is one event.
 */
export function normalizeWebPushEvent(body: Body, receivedAt: Date): OneSignalEvent | BodyProblem {
	const event = liquidText(body.event);
	if (event === null) {
		return { problem: 'The body has no "event"; it is not a OneSignal web push webhook' };
	}
	const kind = event === 'notification.displayed' ? 'notification.willDisplay' : event;
	const messageId = liquidText(body.notificationId) ?? liquidText(body.id);
	const subscriptionId = liquidText(body.subscriptionId) ?? liquidText(body.userId);
	const received = receivedAt.toISOString();
	const data = withoutEmptyValues({
		heading: body.heading,
		content: body.content,
		url: body.url,
		icon: body.icon,
		actionId: body.actionId ?? body.action,
		buttons: body.buttons,
		additionalData: body.additionalData ?? body.data,
	}) as IDataObject;

	return {
		source: 'webPushWebhook',
		kind,
		channel: 'push',
		action: kind.startsWith('notification.') ? kind.slice('notification.'.length) : null,
		eventId: messageId ? `${kind}:${messageId}:${subscriptionId ?? ''}` : null,
		time: received,
		timeSource: 'received',
		timestamp: null,
		receivedAt: received,
		appId: null,
		messageId,
		messageName: null,
		templateId: null,
		onesignalId: null,
		externalId: null,
		subscriptionId,
		subscriptionType: null,
		data,
		fromBrowser: true,
		raw: body as IDataObject,
	};
}

export function isBodyProblem(value: object): value is BodyProblem {
	return typeof (value as Partial<BodyProblem>).problem === 'string';
}
