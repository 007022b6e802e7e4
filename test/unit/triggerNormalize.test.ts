import {
	EVENT_STREAM_KINDS,
	WEB_PUSH_EVENTS,
} from '../../nodes/OneSignalTrigger/helpers/eventKinds';
import {
	eventsOf,
	isBodyProblem,
	MAX_EVENTS_PER_BODY,
	normalizeServerEvent,
	normalizeWebPushEvent,
	type OneSignalEvent,
} from '../../nodes/OneSignalTrigger/helpers/normalize';
import {
	EVENT_STREAM_BODY_TEMPLATE,
	JOURNEY_BODY_TEMPLATE,
} from '../../nodes/OneSignalTrigger/helpers/templates';

/**
 * A stand-in for what OneSignal's Liquid does to the body template: `{{ path }}` becomes the value
 * at that path as text, and nothing when there is none. Running the node's own template through it
 * proves the template and the normaliser agree on every field.
 */
function renderLiquid(template: string, variables: Record<string, unknown>): string {
	return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, path: string) => {
		const value = path
			.split('.')
			.reduce<unknown>(
				(object, key) =>
					object === undefined || object === null
						? undefined
						: (object as Record<string, unknown>)[key],
				variables,
			);
		return value === undefined || value === null ? '' : String(value);
	});
}

const RECEIVED = new Date('2026-03-01T12:00:05.000Z');
const APP_ID = '5e1c9a34-2f6b-4d8e-9c1a-7b3d2e4f6a80';

function eventStreamBody(kind: string, data: Record<string, unknown> = {}) {
	const channel = kind.split('.')[1];
	return JSON.parse(
		renderLiquid(EVENT_STREAM_BODY_TEMPLATE, {
			event: {
				kind,
				id: `evt-${kind}`,
				timestamp: 1772366400,
				datetime: '2026-03-01T12:00:00.000Z',
				app_id: APP_ID,
				subscription_id: 'sub-1',
				subscription_device_type: channel === 'email' ? 'Email' : channel === 'sms' ? 'SMS' : 'iOS',
				onesignal_id: 'os-1',
				external_id: 'user-ada',
				data,
			},
			message: { id: 'msg-1', template_id: 'tpl-1' },
		}),
	) as Record<string, unknown>;
}

function normalizedOk(result: ReturnType<typeof normalizeServerEvent>): OneSignalEvent {
	if (isBodyProblem(result)) throw new Error(result.problem);
	return result;
}

describe('Event Stream events through the node’s own body template', () => {
	it.each(EVENT_STREAM_KINDS.map((entry) => [entry.kind]))(
		'%s becomes one normalised item with every field the template carries',
		(kind) => {
			const event = normalizedOk(
				normalizeServerEvent(eventStreamBody(kind), 'eventStream', RECEIVED),
			);
			const [, channel, action] = kind.split('.');
			expect(event).toEqual({
				source: 'eventStream',
				kind,
				channel,
				action,
				eventId: `evt-${kind}`,
				time: '2026-03-01T12:00:00.000Z',
				timeSource: 'event',
				timestamp: 1772366400,
				receivedAt: RECEIVED.toISOString(),
				appId: APP_ID,
				messageId: 'msg-1',
				messageName: null,
				templateId: 'tpl-1',
				onesignalId: 'os-1',
				externalId: 'user-ada',
				subscriptionId: 'sub-1',
				subscriptionType: channel === 'email' ? 'Email' : channel === 'sms' ? 'SMS' : 'iOS',
				data: {},
				fromBrowser: false,
				raw: eventStreamBody(kind),
			});
		},
	);

	it('turns the quoted Unix timestamp into a number and an ISO time when there is no datetime', () => {
		const body = eventStreamBody('message.push.clicked');
		(body.event as Record<string, unknown>).datetime = '';
		const event = normalizedOk(normalizeServerEvent(body, 'eventStream', RECEIVED));
		expect(event.timestamp).toBe(1772366400);
		expect(event.time).toBe('2026-03-01T12:00:00.000Z');
		expect(event.timeSource).toBe('event');
	});

	it('falls back to the time n8n received it when OneSignal gave no time at all', () => {
		const body = eventStreamBody('message.push.clicked');
		Object.assign(body.event as Record<string, unknown>, { datetime: '', timestamp: '' });
		const event = normalizedOk(normalizeServerEvent(body, 'eventStream', RECEIVED));
		expect(event).toMatchObject({
			time: RECEIVED.toISOString(),
			timeSource: 'received',
			timestamp: null,
		});
	});

	it('gives the kind in lower case, as OneSignal spells it, for a hand-written body', () => {
		const event = normalizedOk(
			normalizeServerEvent(
				{ event: { kind: 'MESSAGE.Push.SENT', id: 'e9' } },
				'eventStream',
				RECEIVED,
			),
		);
		expect(event).toMatchObject({ kind: 'message.push.sent', channel: 'push', action: 'sent' });
	});

	it('reads fields Liquid left empty as null, not as empty strings', () => {
		const body = JSON.parse(
			renderLiquid(EVENT_STREAM_BODY_TEMPLATE, { event: { kind: 'message.sms.sent', id: 'e1' } }),
		) as Record<string, unknown>;
		const event = normalizedOk(normalizeServerEvent(body, 'eventStream', RECEIVED));
		expect(event).toMatchObject({
			kind: 'message.sms.sent',
			eventId: 'e1',
			appId: null,
			messageId: null,
			templateId: null,
			externalId: null,
			subscriptionId: null,
			data: {},
		});
	});

	it('keeps the channel-specific fields of in-app and Live Activity events', () => {
		const iam = normalizedOk(
			normalizeServerEvent(
				eventStreamBody('message.iam.clicked', { page_id: 'page-2', target_id: 'button-buy' }),
				'eventStream',
				RECEIVED,
			),
		);
		expect(iam.data).toEqual({ page_id: 'page-2', target_id: 'button-buy' });
		const live = normalizedOk(
			normalizeServerEvent(
				eventStreamBody('message.live_activity.sent', { live_activity_id: 'game-7' }),
				'eventStream',
				RECEIVED,
			),
		);
		expect(live).toMatchObject({
			channel: 'live_activity',
			action: 'sent',
			data: { live_activity_id: 'game-7' },
		});
	});

	it('reads a flat body written by hand as well', () => {
		const event = normalizedOk(
			normalizeServerEvent(
				{
					kind: 'message.email.bounced',
					event_id: 'e-9',
					timestamp: '1772366400',
					app_id: APP_ID,
					message_id: 'm-9',
					message_name: 'Receipt',
					template_id: 't-9',
					external_id: 'user-grace',
					subscription_id: 's-9',
				},
				'eventStream',
				RECEIVED,
			),
		);
		expect(event).toMatchObject({
			kind: 'message.email.bounced',
			channel: 'email',
			action: 'bounced',
			eventId: 'e-9',
			time: '2026-03-01T12:00:00.000Z',
			messageName: 'Receipt',
			templateId: 't-9',
			externalId: 'user-grace',
		});
	});

	it('refuses an Event Stream body without an event kind, saying where it belongs', () => {
		const result = normalizeServerEvent({ event: { id: 'x' } }, 'eventStream', RECEIVED);
		expect(isBodyProblem(result) && result.problem).toMatch(/event\.kind/);
	});
});

describe('Journey webhook events', () => {
	it('reads the node’s Journey template: its own kind, the event ID, user IDs, language and tags', () => {
		const template = JOURNEY_BODY_TEMPLATE.replace(
			'"language": "{{ user.language }}"',
			'"language": "{{ user.language }}",\n    "tags": { "plan": "{{ user.tags.plan }}", "empty": "{{ user.tags.none }}" }',
		);
		const body = JSON.parse(
			renderLiquid(template, {
				event: { id: 'journey-event-1' },
				user: {
					onesignal_id: 'os-2',
					external_id: 'user-alan',
					language: 'fr',
					tags: { plan: 'pro' },
				},
			}),
		) as Record<string, unknown>;
		const event = normalizedOk(normalizeServerEvent(body, 'journeyWebhook', RECEIVED));
		expect(event).toMatchObject({
			source: 'journeyWebhook',
			kind: 'journey.webhook',
			channel: null,
			action: null,
			eventId: 'journey-event-1',
			onesignalId: 'os-2',
			externalId: 'user-alan',
			time: RECEIVED.toISOString(),
			timeSource: 'received',
			data: { language: 'fr', tags: { plan: 'pro' } },
			fromBrowser: false,
		});
	});

	it('accepts a Journey body without any kind', () => {
		const event = normalizedOk(
			normalizeServerEvent({ hello: 'world' }, 'journeyWebhook', RECEIVED),
		);
		expect(event.kind).toBe('journey.webhook');
		expect(event.eventId).toBeNull();
	});
});

describe('web push webhook events', () => {
	const current = {
		event: 'notification.clicked',
		notificationId: 'b3c2a1d0-1111-4222-8333-944455556666',
		heading: 'Sale',
		content: 'Everything 20% off',
		additionalData: { campaign: 'spring' },
		url: 'https://example.com/sale',
		subscriptionId: '0f1e2d3c-aaaa-4bbb-8ccc-ddddeeeeffff',
		actionId: 'buy-button',
	};
	const older = {
		event: 'notification.displayed',
		id: 'b3c2a1d0-1111-4222-8333-944455556666',
		userId: '0f1e2d3c-aaaa-4bbb-8ccc-ddddeeeeffff',
		action: '',
		buttons: [{ action: 'buy', title: 'Buy' }],
		heading: 'Sale',
		content: 'Everything 20% off',
		url: 'https://example.com/sale',
		icon: 'https://example.com/icon.png',
		data: { campaign: 'spring' },
	};

	it('reads the current SDK shape and marks it as coming from a browser', () => {
		const event = normalizeWebPushEvent(current, RECEIVED) as OneSignalEvent;
		expect(event).toEqual({
			source: 'webPushWebhook',
			kind: 'notification.clicked',
			channel: 'push',
			action: 'clicked',
			eventId: `notification.clicked:${current.notificationId}:${current.subscriptionId}`,
			time: RECEIVED.toISOString(),
			timeSource: 'received',
			timestamp: null,
			receivedAt: RECEIVED.toISOString(),
			appId: null,
			messageId: current.notificationId,
			messageName: null,
			templateId: null,
			onesignalId: null,
			externalId: null,
			subscriptionId: current.subscriptionId,
			subscriptionType: null,
			data: {
				heading: 'Sale',
				content: 'Everything 20% off',
				url: 'https://example.com/sale',
				actionId: 'buy-button',
				additionalData: { campaign: 'spring' },
			},
			fromBrowser: true,
			raw: current,
		});
	});

	it('reads the older SDK shape into the same fields and calls "displayed" willDisplay', () => {
		const event = normalizeWebPushEvent(older, RECEIVED) as OneSignalEvent;
		expect(event).toMatchObject({
			kind: 'notification.willDisplay',
			action: 'willDisplay',
			messageId: older.id,
			subscriptionId: older.userId,
			eventId: `notification.willDisplay:${older.id}:${older.userId}`,
			fromBrowser: true,
			data: {
				heading: 'Sale',
				content: 'Everything 20% off',
				url: 'https://example.com/sale',
				icon: 'https://example.com/icon.png',
				buttons: [{ action: 'buy', title: 'Buy' }],
				additionalData: { campaign: 'spring' },
			},
			raw: older,
		});
	});

	it.each(WEB_PUSH_EVENTS.map((name) => [name]))('keeps the event name %s as the kind', (name) => {
		const event = normalizeWebPushEvent({ ...current, event: name }, RECEIVED) as OneSignalEvent;
		expect(event.kind).toBe(name);
	});

	it('refuses a body without an event name', () => {
		const result = normalizeWebPushEvent({ notificationId: 'x' }, RECEIVED);
		expect(isBodyProblem(result)).toBe(true);
	});
});

describe('splitting a body into events', () => {
	it('takes one object as one event and a list of objects as several', () => {
		expect(eventsOf({ a: 1 })).toEqual([{ a: 1 }]);
		expect(eventsOf([{ a: 1 }, { b: 2 }])).toEqual([{ a: 1 }, { b: 2 }]);
	});

	it.each([
		['a number', 42],
		['a string', 'hello'],
		['null', null],
		['an empty list', []],
		['a list with a non-object', [{ a: 1 }, 'x']],
		['too many events', Array.from({ length: MAX_EVENTS_PER_BODY + 1 }, () => ({}))],
	])('refuses %s', (_, body) => {
		expect(isBodyProblem(eventsOf(body) as object)).toBe(true);
	});
});
