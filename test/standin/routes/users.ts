import { createHash, randomUUID } from 'crypto';

import type { Route, RouteAnswer, RouteContext } from '../server';
import type { ChannelKind, StandInState, StoredSubscription, StoredUser } from '../state';

/**
 * Users, aliases, subscriptions, custom events and outcomes, the way OneSignal behaves:
 * an alias value belongs to one user (a write that would give it to a second user is a 409 naming
 * the alias), a subscription is identified by type and token (creating an existing one moves it),
 * custom events are checked one by one (a 202 lists the failed ones, the others are recorded) and
 * repeated idempotency keys are ignored.
 */

type Body = Record<string, unknown>;

const MAX_SUBSCRIPTIONS = 20;
const MAX_EVENT_BYTES = 2024;
const MAX_EVENT_REQUEST_BYTES = 1_000_000;

function bad(...errors: string[]): RouteAnswer {
	return { status: 400, body: { errors } };
}

function isRecord(value: unknown): value is Body {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function channelOf(type: string): ChannelKind {
	return type === 'Email' ? 'email' : type === 'SMS' ? 'sms' : 'push';
}

/** The token a OneSignal email carries for its own unsubscribe link, per subscription. */
export function unsubscribeTokenFor(subscriptionId: string): string {
	return createHash('sha1').update(`unsubscribe:${subscriptionId}`).digest('hex').slice(0, 32);
}

export interface RecordedEvent extends Body {
	name: string;
	onesignal_id: string;
	idempotency_key?: string;
}

/** What the custom-event route remembers, for tests to read. */
export interface CustomEventLog {
	recorded: RecordedEvent[];
	keys: Set<string>;
	/** Events ignored because their idempotency key was seen before. */
	duplicatesIgnored: number;
}

export function customEventLog(state: StandInState): CustomEventLog {
	let log = state.extra.get('customEvents') as CustomEventLog | undefined;
	if (!log) {
		log = { recorded: [], keys: new Set(), duplicatesIgnored: 0 };
		state.extra.set('customEvents', log);
	}
	return log;
}

/** How many times deltas were applied per user, to prove a deltas update is never repeated. */
export function deltaApplications(state: StandInState): Map<string, number> {
	let counts = state.extra.get('deltaApplications') as Map<string, number> | undefined;
	if (!counts) {
		counts = new Map();
		state.extra.set('deltaApplications', counts);
	}
	return counts;
}

function presentSubscription(subscription: StoredSubscription): Body {
	const presented: Body = { ...subscription };
	delete presented.onesignal_id;
	delete presented.channel;
	return presented;
}

function presentUser(state: StandInState, user: StoredUser): Body {
	return {
		identity: { ...user.identity },
		properties: { ...user.properties },
		subscriptions: user.subscriptions
			.map((id) => state.subscriptions.get(id))
			.filter((sub): sub is StoredSubscription => !!sub)
			.map(presentSubscription),
	};
}

function notFoundUser(label: string, id: string): RouteAnswer {
	return {
		status: 404,
		body: { errors: [{ code: 'user-0', title: `User with ${label} ${id} not found` }] },
	};
}

function findUser(context: RouteContext): StoredUser | RouteAnswer {
	const { label, id } = context.params;
	return context.state.userByAlias(label, id) ?? notFoundUser(label, id);
}

/** The 409 OneSignal gives when aliases belong to another user (the spec's object shape). */
function aliasConflict(aliases: Record<string, string>, nested: boolean): RouteAnswer {
	return {
		status: 409,
		body: {
			errors: [
				{
					code: 'user-2',
					title: 'One or more Aliases claimed by another User',
					meta: nested ? { conflicting_aliases: aliases } : aliases,
				},
			],
		},
	};
}

type Checked<T> = { value: T } | { answer: RouteAnswer };

function checkIdentity(identity: unknown): Checked<Record<string, string>> {
	if (!isRecord(identity)) return { answer: bad('identity must be an object') };
	const result: Record<string, string> = {};
	for (const [label, id] of Object.entries(identity)) {
		if (typeof id !== 'string' || id === '') {
			return { answer: bad(`alias ${label} must be a non-empty string`) };
		}
		if (label === 'onesignal_id') return { answer: bad('onesignal_id cannot be modified') };
		result[label] = id;
	}
	return { value: result };
}

/** Aliases of `identity` that belong to a user other than `owner`. */
function claimedByOthers(
	state: StandInState,
	identity: Record<string, string>,
	owner: StoredUser | undefined,
): Record<string, string> {
	const claimed: Record<string, string> = {};
	for (const [label, id] of Object.entries(identity)) {
		const holder = state.userByAlias(label, id);
		if (holder && holder !== owner) claimed[label] = id;
	}
	return claimed;
}

function applyProperties(user: StoredUser, properties: Body): void {
	for (const [key, value] of Object.entries(properties)) {
		if (key === 'tags' && isRecord(value)) {
			const tags = { ...((user.properties.tags as Record<string, string> | undefined) ?? {}) };
			for (const [tag, tagValue] of Object.entries(value)) {
				if (tagValue === '' || tagValue === null) delete tags[tag];
				else tags[tag] = String(tagValue);
			}
			user.properties.tags = tags;
		} else {
			user.properties[key] = value;
		}
	}
}

function applyDeltas(user: StoredUser, deltas: Body): void {
	const add = (key: string, amount: unknown) => {
		if (typeof amount === 'number') {
			user.properties[key] = ((user.properties[key] as number | undefined) ?? 0) + amount;
		}
	};
	add('session_count', deltas.session_count);
	add('session_time', deltas.session_time);
	if (Array.isArray(deltas.purchases)) {
		const purchases = (user.properties.purchases as Body[] | undefined) ?? [];
		for (const purchase of deltas.purchases as Body[]) {
			purchases.push(purchase);
			add('amount_spent', Number(purchase.amount) * Number(purchase.count ?? 1));
		}
		user.properties.purchases = purchases;
	}
}

function newUser(state: StandInState, identity: Record<string, string>): StoredUser {
	const onesignalId = randomUUID();
	const user: StoredUser = {
		onesignalId,
		identity: { ...identity, onesignal_id: onesignalId },
		properties: {},
		subscriptions: [],
		createdAt: Date.now(),
	};
	state.users.set(onesignalId, user);
	return user;
}

function ownerOf(state: StandInState, subscription: StoredSubscription): StoredUser | undefined {
	return state.users.get(subscription.onesignal_id);
}

function moveSubscription(state: StandInState, subscription: StoredSubscription, to: StoredUser) {
	const from = ownerOf(state, subscription);
	if (from) from.subscriptions = from.subscriptions.filter((id) => id !== subscription.id);
	subscription.onesignal_id = to.onesignalId;
	if (!to.subscriptions.includes(subscription.id)) to.subscriptions.push(subscription.id);
}

const SUBSCRIPTION_FIELDS = [
	'enabled',
	'notification_types',
	'token',
	'session_time',
	'session_count',
	'sdk',
	'device_model',
	'device_os',
	'rooted',
	'test_type',
	'app_version',
	'net_type',
	'carrier',
	'web_auth',
	'web_p256',
];

function applySubscriptionFields(subscription: StoredSubscription, fields: Body): void {
	const record = subscription as unknown as Body;
	for (const key of SUBSCRIPTION_FIELDS) if (key in fields) record[key] = fields[key];
	if (fields.notification_types !== undefined && typeof fields.enabled !== 'boolean') {
		subscription.enabled = Number(fields.notification_types) > 0;
	}
}

/**
 * Creates a subscription for a user, or moves the existing one with the same type and token to
 * the user (OneSignal's behaviour). Returns undefined when the user is full.
 */
function upsertSubscription(
	state: StandInState,
	user: StoredUser,
	fields: Body,
): { subscription: StoredSubscription; created: boolean } | undefined {
	const type = String(fields.type);
	const token = fields.token === undefined ? undefined : String(fields.token);
	const existing = [...state.subscriptions.values()].find(
		(sub) => token !== undefined && sub.type === type && sub.token === token,
	);
	if (existing) {
		moveSubscription(state, existing, user);
		applySubscriptionFields(existing, fields);
		return { subscription: existing, created: false };
	}
	if (user.subscriptions.length >= MAX_SUBSCRIPTIONS) return undefined;
	const subscription: StoredSubscription = {
		id: randomUUID(),
		type,
		channel: channelOf(type),
		token,
		enabled: true,
		onesignal_id: user.onesignalId,
	};
	applySubscriptionFields(subscription, fields);
	state.subscriptions.set(subscription.id, subscription);
	user.subscriptions.push(subscription.id);
	return { subscription, created: true };
}

function checkSubscriptionBody(body: unknown, needTypeAndToken: boolean): Checked<Body> {
	if (!isRecord(body) || !isRecord(body.subscription)) {
		return { answer: bad('subscription must be an object') };
	}
	const subscription = body.subscription;
	if (needTypeAndToken) {
		if (typeof subscription.type !== 'string')
			return { answer: bad('subscription.type is required') };
		if (typeof subscription.token !== 'string' || subscription.token === '') {
			return { answer: bad('subscription.token is required') };
		}
	}
	if (subscription.type === 'Email' && typeof subscription.token === 'string') {
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(subscription.token)) {
			return { answer: bad('Invalid email address') };
		}
	}
	if (subscription.type === 'SMS' && typeof subscription.token === 'string') {
		if (!/^\+[1-9]\d{6,14}$/.test(subscription.token))
			return { answer: bad('Invalid phone number') };
	}
	return { value: subscription };
}

function createUser(context: RouteContext): RouteAnswer {
	const { state } = context;
	const body = context.body;
	if (!isRecord(body)) return bad('Request body must be an object');
	const checked = body.identity === undefined ? { value: {} } : checkIdentity(body.identity);
	if ('answer' in checked) return checked.answer;
	const identity: Record<string, string> = checked.value;
	const subscriptions = Array.isArray(body.subscriptions) ? (body.subscriptions as Body[]) : [];
	if (Object.keys(identity).length === 0 && subscriptions.length === 0) {
		return bad('A user needs at least one alias or subscription');
	}

	const owners = new Set<StoredUser>();
	for (const [label, id] of Object.entries(identity)) {
		const holder = state.userByAlias(label, id);
		if (holder) owners.add(holder);
	}
	if (owners.size > 1) {
		const first = state.userByAlias('external_id', identity.external_id ?? '') ?? [...owners][0];
		return aliasConflict(claimedByOthers(state, identity, first), true);
	}
	const existing = [...owners][0];
	const user = existing ?? newUser(state, identity);
	Object.assign(user.identity, identity);
	if (isRecord(body.properties)) applyProperties(user, body.properties);
	for (const fields of subscriptions) {
		if (!upsertSubscription(state, user, fields)) {
			return {
				status: 409,
				body: { errors: ['User has reached the maximum of 20 subscriptions'] },
			};
		}
	}
	return { status: existing ? 200 : 201, body: presentUser(state, user) };
}

function updateUser(context: RouteContext): RouteAnswer {
	const found = findUser(context);
	if ('status' in found) return found;
	const body = context.body;
	if (!isRecord(body)) return bad('Request body must be an object');
	if (body.properties !== undefined && !isRecord(body.properties)) {
		return bad('properties must be an object');
	}
	if (isRecord(body.properties)) {
		const tags = isRecord(body.properties.tags) ? Object.keys(body.properties.tags).length : 0;
		const others = Object.keys(body.properties).filter((key) => key !== 'tags').length;
		if (tags + others > 100) return bad('Too many property updates in one request (at most 100)');
		applyProperties(found, body.properties);
	}
	if (isRecord(body.deltas)) {
		applyDeltas(found, body.deltas);
		const counts = deltaApplications(context.state);
		counts.set(found.onesignalId, (counts.get(found.onesignalId) ?? 0) + 1);
	}
	return { status: 202, body: { properties: { ...found.properties } } };
}

function deleteUser(context: RouteContext): RouteAnswer {
	const found = findUser(context);
	if ('status' in found) return found;
	for (const id of found.subscriptions) context.state.subscriptions.delete(id);
	context.state.users.delete(found.onesignalId);
	return { status: 200 };
}

function upsertAliases(context: RouteContext, user: StoredUser): RouteAnswer {
	const body = context.body;
	if (!isRecord(body)) return bad('Request body must be an object');
	const checked = checkIdentity(body.identity);
	if ('answer' in checked) return checked.answer;
	const identity = checked.value;
	if (Object.keys(identity).length === 0) return bad('identity must name at least one alias');
	const claimed = claimedByOthers(context.state, identity, user);
	// Create Alias names the aliases straight in `meta`, as OneSignal's SDK logs show.
	if (Object.keys(claimed).length) return aliasConflict(claimed, false);
	Object.assign(user.identity, identity);
	return { status: 200, body: { identity: { ...user.identity } } };
}

function findSubscription(context: RouteContext): StoredSubscription | RouteAnswer {
	const subscription = context.state.subscriptions.get(context.params.subscriptionId);
	return (
		subscription ?? {
			status: 404,
			body: { errors: [{ title: `Subscription ${context.params.subscriptionId} not found` }] },
		}
	);
}

function userOfSubscription(context: RouteContext): StoredUser | RouteAnswer {
	const subscription = findSubscription(context);
	if ('status' in subscription) return subscription;
	const owner = ownerOf(context.state, subscription);
	return owner ?? { status: 404, body: { errors: [{ title: 'Subscription has no user' }] } };
}

function eventBytes(event: unknown): number {
	return Buffer.byteLength(JSON.stringify(event), 'utf8');
}

function trackEvents(context: RouteContext): RouteAnswer {
	const { state } = context;
	const body = context.body;
	if (!isRecord(body) || !Array.isArray(body.events)) return bad('events must be an array');
	if (eventBytes(body) > MAX_EVENT_REQUEST_BYTES) {
		return { status: 413, body: { errors: ['Request body larger than 1 MB'] } };
	}
	for (const event of body.events) {
		if (!isRecord(event) || typeof event.name !== 'string' || event.name === '') {
			return bad('Each event needs a name');
		}
		if (event.name.length > 128) return bad('Event name longer than 128 characters');
		if (event.external_id === undefined && event.onesignal_id === undefined) {
			return bad('Each event needs an external_id or a onesignal_id');
		}
		if (
			event.idempotency_key !== undefined &&
			!/^[0-9a-f-]{36}$/i.test(String(event.idempotency_key))
		) {
			return bad('idempotency_key must be a valid UUID');
		}
	}
	const log = customEventLog(state);
	const errors: Body[] = [];
	for (const event of body.events as Body[]) {
		const key = event.idempotency_key === undefined ? undefined : String(event.idempotency_key);
		const userId = String(event.external_id ?? event.onesignal_id);
		const eventId = key ?? randomUUID();
		if (eventBytes(event) > MAX_EVENT_BYTES) {
			errors.push({
				event_user_id: userId,
				event_id: eventId,
				error: { code: 'too large', title: 'event is larger than 2024 bytes' },
			});
			continue;
		}
		if (key && log.keys.has(key)) {
			log.duplicatesIgnored++;
			continue;
		}
		const user =
			event.onesignal_id !== undefined
				? state.users.get(String(event.onesignal_id))
				: state.userByAlias('external_id', String(event.external_id));
		if (!user) {
			errors.push({
				event_user_id: userId,
				event_id: eventId,
				error: { code: 'not found', title: `failed to find a onesignal_id for user_id ${userId}` },
			});
			continue;
		}
		if (key) log.keys.add(key);
		log.recorded.push({ ...event, name: String(event.name), onesignal_id: user.onesignalId });
	}
	return errors.length ? { status: 202, body: { errors } } : { status: 200, body: {} };
}

/** Outcome totals of the demo app over the last month; shorter ranges get a share of them. */
const OUTCOME_TOTALS: Record<string, { count: number; sum: number }> = {
	os__click: { count: 420, sum: 0 },
	os__confirmed_delivery: { count: 1800, sum: 0 },
	os__session_duration: { count: 170, sum: 51200 },
	Purchase: { count: 50, sum: 2490 },
};

function outcomes(context: RouteContext): RouteAnswer {
	const { query } = context;
	const names = [
		...(query.get('outcome_names') ?? '').split(',').filter(Boolean),
		...query.getAll('outcome_names[]'),
	];
	if (names.length === 0) return bad('outcome_names is required');
	const range = query.get('outcome_time_range') ?? '1h';
	const share = { '1h': 0.01, '1d': 0.1, '1mo': 1 }[range];
	if (share === undefined) return bad(`outcome_time_range must be 1h, 1d or 1mo, not ${range}`);
	const attribution = query.get('outcome_attribution');
	if (attribution !== null && !['direct', 'influenced', 'unattributed'].includes(attribution)) {
		return bad(`outcome_attribution must be direct, influenced or unattributed`);
	}
	const platforms = query.get('outcome_platforms');
	if (platforms !== null && !/^\d+(,\d+)*$/.test(platforms)) {
		return bad('outcome_platforms must be comma-separated device types');
	}
	const result: Body[] = [];
	for (const entry of names) {
		const match = /^(.+)\.(count|sum)$/.exec(entry);
		if (!match) return bad(`Outcome name ${entry} needs .count or .sum`);
		const [, name, aggregation] = match;
		if (name === 'os__click' && aggregation === 'sum') {
			return bad('Clicks only support count aggregation');
		}
		const totals = OUTCOME_TOTALS[name] ?? { count: 0, sum: 0 };
		const platformShare = platforms === null ? 1 : platforms.split(',').length / 10;
		result.push({
			id: name,
			value: Math.floor(totals[aggregation as 'count' | 'sum'] * share * platformShare),
			aggregation,
		});
	}
	return { status: 200, body: { outcomes: result } };
}

const APP = { param: 'appId' };

export const userRoutes: Route[] = [
	{ method: 'POST', path: '/apps/:appId/users', tier: 'app', appIdFrom: APP, handle: createUser },
	{
		method: 'GET',
		path: '/apps/:appId/users/by/:label/:id',
		tier: 'app',
		appIdFrom: APP,
		handle: (context) => {
			const found = findUser(context);
			return 'status' in found ? found : { status: 200, body: presentUser(context.state, found) };
		},
	},
	{
		method: 'PATCH',
		path: '/apps/:appId/users/by/:label/:id',
		tier: 'app',
		appIdFrom: APP,
		handle: updateUser,
	},
	{
		method: 'DELETE',
		path: '/apps/:appId/users/by/:label/:id',
		tier: 'app',
		appIdFrom: APP,
		handle: deleteUser,
	},
	{
		method: 'GET',
		path: '/apps/:appId/users/by/:label/:id/identity',
		tier: 'app',
		appIdFrom: APP,
		handle: (context) => {
			const found = findUser(context);
			return 'status' in found ? found : { status: 200, body: { identity: { ...found.identity } } };
		},
	},
	{
		method: 'PATCH',
		path: '/apps/:appId/users/by/:label/:id/identity',
		tier: 'app',
		appIdFrom: APP,
		handle: (context) => {
			const found = findUser(context);
			return 'status' in found ? found : upsertAliases(context, found);
		},
	},
	{
		method: 'DELETE',
		path: '/apps/:appId/users/by/:label/:id/identity/:labelToDelete',
		tier: 'app',
		appIdFrom: APP,
		handle: (context) => {
			const found = findUser(context);
			if ('status' in found) return found;
			const label = context.params.labelToDelete;
			if (label === 'onesignal_id') return bad('onesignal_id cannot be deleted');
			delete found.identity[label];
			return { status: 200, body: { identity: { ...found.identity } } };
		},
	},
	{
		method: 'POST',
		path: '/apps/:appId/users/by/:label/:id/subscriptions',
		tier: 'app',
		appIdFrom: APP,
		handle: (context) => {
			const found = findUser(context);
			if ('status' in found) return found;
			const fields = checkSubscriptionBody(context.body, true);
			if ('answer' in fields) return fields.answer;
			const result = upsertSubscription(context.state, found, fields.value);
			if (!result) {
				return {
					status: 409,
					body: { errors: [{ title: 'User has reached the maximum number of subscriptions' }] },
				};
			}
			return {
				status: result.created ? 201 : 200,
				body: { subscription: presentSubscription(result.subscription) },
			};
		},
	},
	{
		method: 'PATCH',
		path: '/apps/:appId/subscriptions/:subscriptionId',
		tier: 'app',
		appIdFrom: APP,
		handle: (context) => {
			const found = findSubscription(context);
			if ('status' in found) return found;
			const fields = checkSubscriptionBody(context.body, false);
			if ('answer' in fields) return fields.answer;
			applySubscriptionFields(found, fields.value);
			return { status: 200 };
		},
	},
	{
		method: 'DELETE',
		path: '/apps/:appId/subscriptions/:subscriptionId',
		tier: 'app',
		appIdFrom: APP,
		handle: (context) => {
			const found = findSubscription(context);
			if ('status' in found) return found;
			const owner = ownerOf(context.state, found);
			if (owner) owner.subscriptions = owner.subscriptions.filter((id) => id !== found.id);
			context.state.subscriptions.delete(found.id);
			return { status: 202 };
		},
	},
	{
		method: 'GET',
		path: '/apps/:appId/subscriptions/:subscriptionId/user/identity',
		tier: 'app',
		appIdFrom: APP,
		handle: (context) => {
			const owner = userOfSubscription(context);
			return 'status' in owner ? owner : { status: 200, body: { identity: { ...owner.identity } } };
		},
	},
	{
		method: 'PATCH',
		path: '/apps/:appId/subscriptions/:subscriptionId/user/identity',
		tier: 'app',
		appIdFrom: APP,
		handle: (context) => {
			const owner = userOfSubscription(context);
			return 'status' in owner ? owner : upsertAliases(context, owner);
		},
	},
	{
		method: 'PATCH',
		path: '/apps/:appId/subscriptions/:subscriptionId/owner',
		tier: 'app',
		appIdFrom: APP,
		handle: (context) => {
			const found = findSubscription(context);
			if ('status' in found) return found;
			const body = context.body;
			if (!isRecord(body) || !isRecord(body.identity) || Object.keys(body.identity).length !== 1) {
				return bad('identity must name exactly one alias');
			}
			const [[label, id]] = Object.entries(body.identity);
			const target = context.state.userByAlias(label, String(id));
			if (!target) return notFoundUser(label, String(id));
			moveSubscription(context.state, found, target);
			return { status: 200, body: { identity: { ...target.identity } } };
		},
	},
	{
		method: 'PATCH',
		path: '/apps/:appId/subscriptions_by_token/:tokenType/:token',
		tier: 'app',
		appIdFrom: APP,
		handle: (context) => {
			const { tokenType, token } = context.params;
			const found = [...context.state.subscriptions.values()].find(
				(sub) => sub.type === tokenType && sub.token === token,
			);
			if (!found) {
				return {
					status: 404,
					body: { errors: [{ title: `No ${tokenType} subscription with that token` }] },
				};
			}
			const fields = checkSubscriptionBody(context.body, false);
			if ('answer' in fields) return fields.answer;
			applySubscriptionFields(found, fields.value);
			return { status: 202, body: {} };
		},
	},
	{
		method: 'POST',
		path: '/apps/:appId/notifications/:notificationId/unsubscribe',
		tier: 'app',
		appIdFrom: APP,
		handle: (context) => {
			const token = context.query.get('token');
			if (!token) return bad('token is required');
			const found = [...context.state.subscriptions.values()].find(
				(sub) => sub.channel === 'email' && unsubscribeTokenFor(sub.id) === token,
			);
			if (!found) return bad('Invalid unsubscribe token');
			found.enabled = false;
			found.notification_types = -2;
			return { status: 202, body: { success: true } };
		},
	},
	{
		method: 'POST',
		path: '/apps/:appId/custom_events',
		tier: 'app',
		appIdFrom: APP,
		handle: trackEvents,
	},
	{
		method: 'GET',
		path: '/apps/:appId/outcomes',
		tier: 'app',
		appIdFrom: APP,
		handle: outcomes,
	},
];
