import { createHash, randomUUID } from 'crypto';

import type { Route, RouteAnswer, RouteContext } from '../server';
import type { ChannelKind, StandInState, StoredMessage } from '../state';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const E164 = /^\+[1-9]\d{6,14}$/;
const TARGETING_MODES = [
	'included_segments',
	'filters',
	'include_aliases',
	'include_subscription_ids',
	'email_to',
	'include_phone_numbers',
];

type Body = Record<string, unknown>;

function bad(...errors: string[]): RouteAnswer {
	return { status: 400, body: { errors } };
}

function hashOf(value: unknown): string {
	return createHash('sha1')
		.update(JSON.stringify(value ?? null))
		.digest('hex');
}

/** The channel of a message: explicit for aliases, otherwise read from its content fields. */
function channelOf(body: Body): ChannelKind {
	if (typeof body.target_channel === 'string') return body.target_channel as ChannelKind;
	if (body.email_subject || body.email_body || body.email_to) return 'email';
	if (body.sms_from || body.include_phone_numbers) return 'sms';
	return 'push';
}

interface Resolution {
	recipients: string[];
	invalid: Record<string, unknown>;
}

export function resolveRecipients(
	state: StandInState,
	body: Body,
	channel: ChannelKind,
): Resolution {
	const recipients: string[] = [];
	const invalid: Record<string, unknown> = {};
	if (body.include_aliases && typeof body.include_aliases === 'object') {
		const invalidAliases: Record<string, string[]> = {};
		for (const [label, ids] of Object.entries(body.include_aliases as Record<string, unknown>)) {
			for (const id of Array.isArray(ids) ? ids.map(String) : []) {
				const user = state.userByAlias(label, id);
				if (user && state.reachableSubscriptions(user, channel).length > 0) {
					recipients.push(`${label}:${id}`);
				} else {
					(invalidAliases[label] ??= []).push(id);
				}
			}
		}
		if (Object.keys(invalidAliases).length) invalid.invalid_aliases = invalidAliases;
	}
	if (Array.isArray(body.include_subscription_ids)) {
		const missing: string[] = [];
		for (const id of body.include_subscription_ids.map(String)) {
			const subscription = state.subscriptions.get(id);
			if (subscription?.enabled) recipients.push(`subscription:${id}`);
			else missing.push(id);
		}
		if (missing.length) invalid.invalid_player_ids = missing;
	}
	if (Array.isArray(body.email_to)) {
		for (const email of body.email_to.map(String)) recipients.push(`email:${email}`);
	}
	if (Array.isArray(body.include_phone_numbers)) {
		const wrong: string[] = [];
		for (const phone of body.include_phone_numbers.map(String)) {
			if (E164.test(phone)) recipients.push(`phone:${phone}`);
			else wrong.push(phone);
		}
		if (wrong.length) invalid.invalid_phone_numbers = wrong;
	}
	if (Array.isArray(body.included_segments) || Array.isArray(body.filters)) {
		const excluded = new Set<string>();
		for (const name of (body.excluded_segments as string[] | undefined) ?? []) {
			for (const segment of state.segments.values()) {
				if (segment.name === name) segment.members.forEach((member) => excluded.add(member));
			}
		}
		const members = new Set<string>();
		if (Array.isArray(body.included_segments)) {
			for (const name of body.included_segments.map(String)) {
				// Segment names are matched exactly, as OneSignal does: "active users" is not "Active Users".
				for (const segment of state.segments.values()) {
					if (segment.name === name) segment.members.forEach((member) => members.add(member));
				}
			}
		} else {
			// The stand-in does not evaluate filters; it treats them as matching every user.
			state.users.forEach((user) => members.add(user.onesignalId));
		}
		for (const member of members) {
			if (excluded.has(member)) continue;
			const user = state.users.get(member);
			if (!user) continue;
			for (const subscription of state.reachableSubscriptions(user, channel)) {
				recipients.push(`subscription:${subscription.id}`);
			}
		}
	}
	return { recipients, invalid };
}

/** The message as GET /notifications returns it (NotificationWithMeta). */
export function presentMessage(message: StoredMessage): Record<string, unknown> {
	const sent = !message.canceled && (message.sendAfter ?? 0) <= Date.now();
	const count = message.recipients.length;
	return {
		...message.body,
		id: message.id,
		app_id: message.appId,
		successful: sent ? count : 0,
		failed: 0,
		errored: 0,
		converted: 0,
		received: sent ? count : 0,
		remaining: sent ? 0 : count,
		queued_at: Math.floor(message.createdAt / 1000),
		send_after: Math.floor((message.sendAfter ?? message.createdAt) / 1000),
		completed_at: sent ? Math.floor(message.createdAt / 1000) : null,
		canceled: message.canceled,
		platform_delivery_stats: {},
	};
}

function createMessage(context: RouteContext): RouteAnswer {
	const body = (context.body ?? {}) as Body;
	const { state } = context;
	const key = body.idempotency_key;
	if (key !== undefined) {
		if (typeof key !== 'string' || !UUID.test(key)) {
			return bad('idempotency_key must be a valid UUID');
		}
		const previous = state.idempotency.get(key);
		if (previous) {
			return {
				status: previous.status,
				body: previous.body,
				headers: { 'Idempotent-Replayed': 'true' },
			};
		}
	}

	const modes = TARGETING_MODES.filter((mode) => body[mode] !== undefined);
	if (modes.length > 1) {
		// OneSignal accepts this and the segment wins; the stand-in counts it so tests can prove
		// the node never sends such a request.
		const mixed = (state.extra.get('mixedTargetingRequests') as number | undefined) ?? 0;
		state.extra.set('mixedTargetingRequests', mixed + 1);
	}
	if (modes.length === 0) {
		return bad(
			'You must include which players, segments, or tags you wish to send this notification to.',
		);
	}
	if (body.include_aliases !== undefined && !body.target_channel) {
		return bad('target_channel is required when targeting by include_aliases');
	}
	const channel = channelOf(body);
	if (!body.template_id) {
		if (channel === 'email') {
			if (!body.email_subject) return bad('Email subject is required');
			if (!body.email_body) return bad('Email body is required');
		} else {
			const contents = body.contents as Record<string, unknown> | undefined;
			if (!contents || typeof contents.en !== 'string') {
				return bad(
					'Notification contents for each language must be a string',
					'English must be included in the hash',
				);
			}
		}
	}
	if (
		body.headings !== undefined &&
		(body.headings === null || typeof (body.headings as Body).en !== 'string')
	) {
		return bad(
			'Notification headings for each language must be a string',
			'English must be included in the hash',
		);
	}

	const { recipients, invalid } = resolveRecipients(state, body, channel);
	let answer: RouteAnswer;
	if (recipients.length === 0) {
		answer = { status: 200, body: { id: '', errors: ['All included players are not subscribed'] } };
	} else {
		const id = randomUUID();
		const sendAfter = typeof body.send_after === 'string' ? Date.parse(body.send_after) : undefined;
		const message: StoredMessage = {
			id,
			appId: String(body.app_id),
			body,
			recipients,
			channel,
			createdAt: context.now,
			sendAfter: sendAfter && !Number.isNaN(sendAfter) ? sendAfter : undefined,
			canceled: false,
			idempotencyKey: typeof key === 'string' ? key : undefined,
		};
		state.messages.set(id, message);
		state.messageOrder.push(id);
		state.countCreation(message.idempotencyKey, recipients);
		const response: Body = { id, external_id: null };
		if (Object.keys(invalid).length) response.errors = invalid;
		answer = { status: 200, body: response };
	}
	if (typeof key === 'string') {
		state.idempotency.set(key, {
			status: answer.status,
			body: answer.body,
			createdAt: context.now,
			firstBodyHash: hashOf(body),
		});
	}
	return answer;
}

function listMessages(context: RouteContext): RouteAnswer {
	const { state, query } = context;
	const limit = Number(query.get('limit') ?? 50);
	if (!Number.isInteger(limit) || limit < 1 || limit > 50)
		return bad('limit must be between 1 and 50');
	const appMessages = state.messageOrder
		.map((id) => state.messages.get(id)!)
		.filter((message) => message.appId === context.appId);
	const kind = query.get('kind');
	const filtered = kind === null ? appMessages : appMessages.filter(() => kind === '1');

	const timeOffset = query.get('time_offset');
	if (timeOffset !== null) {
		if (query.get('offset') !== null) return bad('time_offset cannot be combined with offset');
		// Ascending from the cursor: the opaque cursor is the index to continue from, base64 coded.
		const start = decodeCursor(timeOffset, filtered);
		const page = filtered.slice(start, start + limit);
		return {
			status: 200,
			body: {
				total_count: filtered.length,
				limit,
				time_offset: timeOffset,
				next_time_offset: Buffer.from(JSON.stringify({ index: start + page.length })).toString(
					'base64',
				),
				notifications: page.map(presentMessage),
			},
		};
	}

	const offset = Number(query.get('offset') ?? 0);
	const newestFirst = [...filtered].reverse();
	return {
		status: 200,
		body: {
			total_count: newestFirst.length,
			offset,
			limit,
			notifications: newestFirst.slice(offset, offset + limit).map(presentMessage),
		},
	};
}

/** A cursor is either our own base64 token or, on the first call, a Unix time or ISO date. */
function decodeCursor(cursor: string, messages: StoredMessage[]): number {
	try {
		const decoded = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as {
			index?: number;
		};
		if (typeof decoded.index === 'number') return decoded.index;
	} catch {
		// Not one of ours: a time to start from.
	}
	const since = /^\d+$/.test(cursor) ? Number(cursor) * 1000 : Date.parse(cursor);
	const index = messages.findIndex(
		(message) => message.createdAt >= (Number.isNaN(since) ? 0 : since),
	);
	return index === -1 ? messages.length : index;
}

export function findMessage(context: RouteContext): StoredMessage | RouteAnswer {
	const message = context.state.messages.get(context.params.id);
	if (!message || message.appId !== context.appId) {
		return {
			status: 404,
			body: { errors: [`Couldn't find Notification with id '${context.params.id}'`] },
		};
	}
	return message;
}

export const messageRoutes: Route[] = [
	{
		method: 'POST',
		path: '/notifications',
		tier: 'app',
		appIdFrom: { body: 'app_id' },
		handle: createMessage,
	},
	{
		method: 'GET',
		path: '/notifications',
		tier: 'app',
		appIdFrom: { query: 'app_id' },
		handle: listMessages,
	},
	{
		method: 'GET',
		path: '/notifications/:id',
		tier: 'app',
		appIdFrom: { query: 'app_id' },
		handle: (context) => {
			const found = findMessage(context);
			return 'status' in found ? found : { status: 200, body: presentMessage(found) };
		},
	},
	{
		method: 'DELETE',
		path: '/notifications/:id',
		tier: 'app',
		appIdFrom: { query: 'app_id' },
		handle: (context) => {
			const found = findMessage(context);
			if ('status' in found) return found;
			if (found.canceled) return bad('Notification has already been canceled');
			if ((found.sendAfter ?? 0) <= context.now) {
				return bad('Notification has already been sent to all recipients');
			}
			found.canceled = true;
			return { status: 200, body: { success: true } };
		},
	},
];
