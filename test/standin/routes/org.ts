import { randomBytes, randomUUID } from 'crypto';

import type { Route, RouteAnswer } from '../server';
import type { StandInState, StoredApp } from '../state';

/**
 * What the organization key manages: apps, the App API keys of each app, and the organization's
 * audit log. Every route is organization tier, so the server answers an app key with 403 (as
 * OneSignal does) before these handlers run.
 */

type Body = Record<string, unknown>;

const DAY = 86_400_000;
const RETENTION_DAYS = 90;
/** More than two full pages of 100, so Return All has to follow the cursor. */
export const SEEDED_AUDIT_EVENTS = 260;

export interface StoredToken {
	token_id: string;
	name: string;
	created_at: string;
	updated_at: string;
	ip_allowlist_mode: 'disabled' | 'explicit';
	ip_allowlist: string[];
	/** The key itself; OneSignal shows it only when it is created or rotated. */
	value: string;
}

export interface AuditEvent {
	id: string;
	action: string;
	occurred_at: string;
	organization_id: string;
	app_id?: string;
	actor: { id: string; type: string; email: string; name: string; metadata: Body };
	targets: Array<{ id: string; type: string; name: string; metadata: Body }>;
	context: { ip: string; country: string; user_agent: string; metadata: Body };
	metadata: Body;
	version: number;
}

interface OrgData {
	tokens: Map<string, StoredToken[]>;
	auditLogs: AuditEvent[];
}

/** Fields the API never returns: certificates, keys, passwords and other write-only fields. */
const WRITE_ONLY = new Set([
	'apns_p12',
	'apns_p12_password',
	'apns_p8',
	'safari_apns_p12',
	'safari_apns_p12_password',
	'fcm_v1_service_account_json',
	'android_gcm_sender_id',
	'organization_id',
	'additional_data_is_root_payload',
]);

const READ_ONLY = new Set([
	'id',
	'players',
	'messageable_players',
	'created_at',
	'updated_at',
	'basic_auth_key',
]);

const ACTORS = [
	{ id: '1f2e3d4c-5b6a-4978-8877-665544332211', email: 'ada@example.com', name: 'Ada' },
	{ id: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d', email: 'grace@example.com', name: 'Grace' },
	{ id: '3b4c5d6e-7f8a-4b9c-8d0e-2f3a4b5c6d7e', email: 'alan@example.com', name: 'Alan' },
];

const ACTIONS: Array<[action: string, targetType: string]> = [
	['notification.sent', 'notification'],
	['segment.created', 'segment'],
	['segment.updated', 'segment'],
	['journey.updated', 'journey'],
	['api_key.created', 'api_key'],
	['member.invited', 'member'],
];

function bad(...errors: string[]): RouteAnswer {
	return { status: 400, body: { errors } };
}

function notFound(what: string): RouteAnswer {
	return { status: 404, body: { errors: [`${what} not found`] } };
}

function newKey(): string {
	return `os_v2_app_${randomBytes(24).toString('hex')}`;
}

function seedAuditLog(state: StandInState, now: number): AuditEvent[] {
	const apps = [...state.apps.keys()];
	const events: AuditEvent[] = [];
	const first = now - 80 * DAY;
	const step = (80 * DAY - 3_600_000) / SEEDED_AUDIT_EVENTS;
	for (let index = 0; index < SEEDED_AUDIT_EVENTS; index++) {
		const [action, targetType] = ACTIONS[index % ACTIONS.length];
		const actor = ACTORS[index % ACTORS.length];
		const orgLevel = action === 'member.invited';
		events.push({
			id: randomUUID(),
			action,
			occurred_at: new Date(first + index * step).toISOString(),
			organization_id: state.organizationId,
			...(orgLevel ? {} : { app_id: apps[index % apps.length] }),
			actor: { ...actor, type: 'member', metadata: {} },
			targets: [
				{ id: randomUUID(), type: targetType, name: `${targetType} ${index}`, metadata: {} },
			],
			context: {
				ip: `203.0.113.${index % 3}`,
				country: 'US',
				user_agent: 'Mozilla/5.0',
				metadata: {},
			},
			metadata: {},
			version: 1,
		});
	}
	return events;
}

/** The organization's data, made on first use so the audit log is relative to that moment. */
export function orgData(state: StandInState): OrgData {
	let data = state.extra.get('organization') as OrgData | undefined;
	if (!data) {
		const tokens = new Map<string, StoredToken[]>();
		for (const app of state.apps.values()) {
			const at = new Date(app.createdAt).toISOString();
			tokens.set(app.id, [
				{
					token_id: randomUUID(),
					name: 'Default',
					created_at: at,
					updated_at: at,
					ip_allowlist_mode: 'disabled',
					ip_allowlist: [],
					value: app.apiKey,
				},
			]);
		}
		data = { tokens, auditLogs: seedAuditLog(state, Date.now()) };
		state.extra.set('organization', data);
	}
	return data;
}

function appView(app: StoredApp): Body {
	const view: Body = {
		id: app.id,
		name: app.name,
		players: 5,
		messageable_players: 5,
		created_at: new Date(app.createdAt).toISOString(),
		updated_at: new Date(
			(app.fields.__updatedAt as number | undefined) ?? app.createdAt,
		).toISOString(),
	};
	for (const [key, value] of Object.entries(app.fields)) {
		if (!key.startsWith('__') && !WRITE_ONLY.has(key)) view[key] = value;
	}
	view.apns_certificates = app.fields.apns_p8 || app.fields.apns_p12 ? 'configured' : null;
	return view;
}

/** Checks an app body the way OneSignal's reference describes; returns an error or undefined. */
function checkAppBody(body: Body, state: StandInState, creating: boolean): RouteAnswer | undefined {
	if (creating && (typeof body.name !== 'string' || body.name.trim() === '')) {
		return bad('name is required');
	}
	if (creating && body.organization_id !== state.organizationId) {
		return body.organization_id
			? { status: 403, body: { errors: ['organization_id does not belong to this API key'] } }
			: bad('organization_id is required');
	}
	const web = ['site_name', 'chrome_web_origin', 'safari_site_origin'].filter((key) => key in body);
	if (web.length > 0 && web.length < 3) {
		return bad('site_name, chrome_web_origin and safari_site_origin must be set together');
	}
	if (body.apns_env !== undefined && !['sandbox', 'production'].includes(String(body.apns_env))) {
		return bad('apns_env must be sandbox or production');
	}
	for (const key of ['apns_p8', 'apns_p12', 'fcm_v1_service_account_json', 'safari_apns_p12']) {
		const value = body[key];
		if (typeof value === 'string' && value !== '' && !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
			return bad(`${key} must be Base64 encoded`);
		}
	}
	return undefined;
}

function storeAppFields(app: StoredApp, body: Body, now: number): void {
	for (const [key, value] of Object.entries(body)) {
		if (key === 'name') app.name = String(value);
		else if (!READ_ONLY.has(key)) app.fields[key] = value;
	}
	app.fields.__updatedAt = now;
}

function checkTokenBody(body: Body, creating: boolean): RouteAnswer | undefined {
	if (creating && (typeof body.name !== 'string' || body.name.trim() === '')) {
		return bad('name is required');
	}
	const mode = body.ip_allowlist_mode;
	if (mode !== undefined && mode !== 'disabled' && mode !== 'explicit') {
		return bad('ip_allowlist_mode must be disabled or explicit');
	}
	if (body.ip_allowlist !== undefined && !Array.isArray(body.ip_allowlist)) {
		return bad('ip_allowlist must be an array');
	}
	if (mode === 'explicit' && !(body.ip_allowlist as unknown[] | undefined)?.length) {
		return bad('ip_allowlist must not be empty when ip_allowlist_mode is explicit');
	}
	return undefined;
}

function tokenView(token: StoredToken): Body {
	const { value, ...view } = token;
	void value;
	return view;
}

interface CursorState {
	/** Index of the next event in the filtered list. */
	next: number;
	start: number;
	end: number;
	filters: Record<string, string[]>;
}

const FILTER_PARAMS = [
	'app_ids',
	'actions',
	'actor_ids',
	'actor_emails',
	'target_types',
	'target_ids',
	'ip_addresses',
];

function matchesFilters(event: AuditEvent, filters: Record<string, string[]>): boolean {
	const has = (name: string, ...values: Array<string | undefined>) =>
		!filters[name]?.length ||
		values.some((value) => value !== undefined && filters[name].includes(value));
	// Organization-level events (no app) are always included, whatever the app filter says.
	const appMatches =
		!filters.app_ids?.length || !event.app_id || filters.app_ids.includes(event.app_id);
	return (
		appMatches &&
		has('actions', event.action) &&
		has('actor_ids', event.actor.id) &&
		has('actor_emails', event.actor.email) &&
		has('target_types', ...event.targets.map((target) => target.type)) &&
		has('target_ids', ...event.targets.map((target) => target.id)) &&
		has('ip_addresses', event.context.ip)
	);
}

export const orgRoutes: Route[] = [
	{
		method: 'GET',
		path: '/apps',
		tier: 'organization',
		handle: ({ state }) => ({
			status: 200,
			body: [...state.apps.values()]
				.filter((app) => app.organizationId === state.organizationId)
				.map(appView),
		}),
	},
	{
		method: 'POST',
		path: '/apps',
		tier: 'organization',
		handle: ({ state, body, now }) => {
			const input = (body ?? {}) as Body;
			const problem = checkAppBody(input, state, true);
			if (problem) return problem;
			const app = state.addApp(String(input.name).trim(), newKey());
			app.createdAt = now;
			storeAppFields(app, input, now);
			orgData(state).tokens.set(app.id, []);
			return { status: 200, body: appView(app) };
		},
	},
	{
		method: 'GET',
		path: '/apps/:appId',
		tier: 'organization',
		handle: ({ state, params }) => {
			const app = state.app(params.appId);
			if (!app || app.organizationId !== state.organizationId) return notFound('App');
			return { status: 200, body: appView(app) };
		},
	},
	{
		method: 'PUT',
		path: '/apps/:appId',
		tier: 'organization',
		handle: ({ state, params, body, now }) => {
			const app = state.app(params.appId);
			if (!app || app.organizationId !== state.organizationId) return notFound('App');
			const input = (body ?? {}) as Body;
			const problem = checkAppBody(input, state, false);
			if (problem) return problem;
			storeAppFields(app, input, now);
			return { status: 200, body: appView(app) };
		},
	},
	{
		method: 'GET',
		path: '/apps/:appId/auth/tokens',
		tier: 'organization',
		handle: ({ state, params }) => {
			const tokens = orgData(state).tokens.get(params.appId);
			if (!tokens) return notFound('App');
			return { status: 200, body: { tokens: tokens.map(tokenView) } };
		},
	},
	{
		method: 'POST',
		path: '/apps/:appId/auth/tokens',
		tier: 'organization',
		handle: ({ state, params, body, now }) => {
			const tokens = orgData(state).tokens.get(params.appId);
			if (!tokens) return notFound('App');
			const input = (body ?? {}) as Body;
			const problem = checkTokenBody(input, true);
			if (problem) return problem;
			const at = new Date(now).toISOString();
			const token: StoredToken = {
				token_id: randomUUID(),
				name: String(input.name).trim(),
				created_at: at,
				updated_at: at,
				ip_allowlist_mode:
					(input.ip_allowlist_mode as StoredToken['ip_allowlist_mode']) ?? 'disabled',
				ip_allowlist: (input.ip_allowlist as string[] | undefined) ?? [],
				value: newKey(),
			};
			tokens.push(token);
			return { status: 200, body: { token_id: token.token_id, formatted_token: token.value } };
		},
	},
	{
		method: 'PATCH',
		path: '/apps/:appId/auth/tokens/:tokenId',
		tier: 'organization',
		handle: ({ state, params, body, now }) => {
			const token = orgData(state)
				.tokens.get(params.appId)
				?.find((entry) => entry.token_id === params.tokenId);
			if (!token) return notFound('API key');
			const input = (body ?? {}) as Body;
			const problem = checkTokenBody(input, false);
			if (problem) return problem;
			if (typeof input.name === 'string') token.name = input.name;
			if (input.ip_allowlist_mode !== undefined) {
				token.ip_allowlist_mode = input.ip_allowlist_mode as StoredToken['ip_allowlist_mode'];
			}
			if (Array.isArray(input.ip_allowlist)) token.ip_allowlist = input.ip_allowlist.map(String);
			if (token.ip_allowlist_mode === 'disabled') token.ip_allowlist = [];
			token.updated_at = new Date(now).toISOString();
			return { status: 200, body: {} };
		},
	},
	{
		method: 'DELETE',
		path: '/apps/:appId/auth/tokens/:tokenId',
		tier: 'organization',
		handle: ({ state, params }) => {
			const tokens = orgData(state).tokens.get(params.appId);
			const index = tokens?.findIndex((entry) => entry.token_id === params.tokenId) ?? -1;
			if (!tokens || index === -1) return notFound('API key');
			tokens.splice(index, 1);
			return { status: 200, body: {} };
		},
	},
	{
		method: 'POST',
		path: '/apps/:appId/auth/tokens/:tokenId/rotate',
		tier: 'organization',
		handle: ({ state, params, now }) => {
			const token = orgData(state)
				.tokens.get(params.appId)
				?.find((entry) => entry.token_id === params.tokenId);
			if (!token) return notFound('API key');
			// The old value stops working; the new one keeps the name and allowlist.
			token.value = newKey();
			token.updated_at = new Date(now).toISOString();
			return { status: 200, body: { token_id: token.token_id, formatted_token: token.value } };
		},
	},
	{
		method: 'GET',
		path: '/organizations/:organizationId/audit_logs',
		tier: 'organization',
		handle: ({ state, params, query, now }) => {
			if (params.organizationId !== state.organizationId) {
				return {
					status: 403,
					body: { errors: ['The organization does not match the Organization API key'] },
				};
			}
			const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 50) || 50));
			let cursor: CursorState;
			const rawCursor = query.get('cursor');
			if (rawCursor) {
				try {
					cursor = JSON.parse(Buffer.from(rawCursor, 'base64url').toString('utf8')) as CursorState;
				} catch {
					return bad('cursor is invalid');
				}
			} else {
				const startText = query.get('start_time');
				if (!startText) return bad('start_time is required unless cursor is given');
				const start = Date.parse(startText);
				const end = query.get('end_time') ? Date.parse(query.get('end_time')!) : now;
				if (Number.isNaN(start) || Number.isNaN(end))
					return bad('start_time and end_time must be ISO 8601');
				if (start < now - RETENTION_DAYS * DAY)
					return bad('start_time must be within the last 90 days');
				if (end <= start) return bad('end_time must be after start_time');
				const filters: Record<string, string[]> = {};
				for (const name of FILTER_PARAMS) {
					const values = query.getAll(name);
					if (values.length) filters[name] = values;
				}
				cursor = { next: 0, start, end, filters };
			}
			const matching = orgData(state).auditLogs.filter((event) => {
				const at = Date.parse(event.occurred_at);
				return at >= cursor.start && at <= cursor.end && matchesFilters(event, cursor.filters);
			});
			const page = matching.slice(cursor.next, cursor.next + limit);
			const hasMore = cursor.next + limit < matching.length;
			const body: Body = { audit_logs: page, has_more: hasMore };
			if (hasMore) {
				body.next_cursor = Buffer.from(
					JSON.stringify({ ...cursor, next: cursor.next + limit }),
				).toString('base64url');
			}
			return { status: 200, body };
		},
	},
];
