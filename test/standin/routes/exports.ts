import { randomUUID } from 'crypto';
import { gzipSync } from 'zlib';

import type { Route, RouteAnswer, RouteContext } from '../server';
import type { StandInState, StoredMessage } from '../state';
import { findMessage } from './messages';

/**
 * Exports as OneSignal runs them: the request answers at once with a file address, and the file
 * answers 404 until it is written (a storage host would say 403; the node treats both alike),
 * then serves a gzip-compressed CSV. Only one export runs at a time per account. The files are
 * served by the stand-in itself, under /exports/files/, with no authentication: in production
 * they live on another host behind pre-signed URLs.
 *
 * How long "a while" is can be set per test (state.extra "exportTiming"): a file answers 404 to its
 * first `pendingChecks` requests (default 2), or until `readyAfterMs` have passed since the export
 * began (default 30 s), whichever ends first.
 */

export interface StoredExport {
	token: string;
	fileName: string;
	kind: 'subscriptions' | 'events' | 'history';
	createdAt: number;
	checks: number;
	/** What the file holds once ready: gzip bytes, or plain CSV for history reports. */
	content: Buffer;
	contentType: string;
	downloaded: boolean;
}

export interface ExportTiming {
	pendingChecks: number;
	readyAfterMs: number;
}

const DEFAULT_TIMING: ExportTiming = { pendingChecks: 2, readyAfterMs: 30_000 };

export function exportsOf(state: StandInState): Map<string, StoredExport> {
	let exports = state.extra.get('exports') as Map<string, StoredExport> | undefined;
	if (!exports) {
		exports = new Map();
		state.extra.set('exports', exports);
	}
	return exports;
}

export function exportTiming(state: StandInState): ExportTiming {
	return {
		...DEFAULT_TIMING,
		...((state.extra.get('exportTiming') as Partial<ExportTiming>) ?? {}),
	};
}

function isReady(state: StandInState, file: StoredExport, now: number): boolean {
	const timing = exportTiming(state);
	return file.checks >= timing.pendingChecks || now - file.createdAt >= timing.readyAfterMs;
}

function csvCell(value: unknown): string {
	const text =
		value === undefined || value === null
			? ''
			: typeof value === 'object'
				? JSON.stringify(value)
				: String(value);
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: string[], rows: unknown[][]): string {
	return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

/** The answer to a new export while another is still being written: one at a time per account. */
function busy(state: StandInState, now: number): RouteAnswer | undefined {
	for (const file of exportsOf(state).values()) {
		if (!isReady(state, file, now)) {
			return {
				status: 400,
				body: {
					errors: [
						'Another export is still in progress for this account. Please wait until it is complete before starting a new one.',
					],
				},
			};
		}
	}
	return undefined;
}

function fileAddress(context: RouteContext, file: StoredExport): string {
	return `http://${String(context.headers.host)}/exports/files/${file.token}/${encodeURIComponent(file.fileName)}`;
}

function addExport(
	context: RouteContext,
	kind: StoredExport['kind'],
	fileName: string,
	text: string,
	gzip = true,
): StoredExport {
	const file: StoredExport = {
		token: randomUUID(),
		fileName,
		kind,
		createdAt: context.now,
		checks: 0,
		content: gzip ? gzipSync(Buffer.from(text, 'utf8')) : Buffer.from(text, 'utf8'),
		contentType: gzip ? 'application/gzip' : 'text/csv',
		downloaded: false,
	};
	exportsOf(context.state).set(file.token, file);
	return file;
}

const SUBSCRIPTION_COLUMNS = [
	'id',
	'identifier',
	'session_count',
	'language',
	'timezone',
	'game_version',
	'device_os',
	'device_type',
	'device_model',
	'ad_id',
	'tags',
	'last_active',
	'playtime',
	'amount_spent',
	'created_at',
	'invalid_identifier',
	'badge_count',
];
const EXTRA_COLUMNS = [
	'location',
	'country',
	'rooted',
	'notification_types',
	'ip',
	'external_user_id',
	'web_auth',
	'web_p256',
];
const DEVICE_TYPES: Record<string, number> = {
	iOSPush: 0,
	AndroidPush: 1,
	ChromePush: 5,
	Email: 11,
	SMS: 14,
};

function exportSubscriptions(context: RouteContext): RouteAnswer {
	const { state } = context;
	const body = (context.body ?? {}) as Record<string, unknown>;
	const extra = (body.extra_fields as unknown[] | undefined) ?? [];
	if (!Array.isArray(extra) || extra.some((field) => !EXTRA_COLUMNS.includes(String(field)))) {
		return {
			status: 400,
			body: { errors: [`extra_fields may only contain ${EXTRA_COLUMNS.join(', ')}`] },
		};
	}
	const waiting = busy(state, context.now);
	if (waiting) return waiting;

	let users = [...state.users.values()];
	if (typeof body.segment_name === 'string' && body.segment_name) {
		const segment = [...state.segments.values()].find(
			(candidate) => candidate.appId === context.appId && candidate.name === body.segment_name,
		);
		if (!segment)
			return { status: 400, body: { errors: [`Segment '${body.segment_name}' not found`] } };
		users = users.filter((user) => segment.members.includes(user.onesignalId));
	}
	const since =
		body.last_active_since === undefined ? undefined : Number(body.last_active_since) * 1000;
	const rows: unknown[][] = [];
	for (const user of users) {
		if (since !== undefined && user.createdAt < since) continue;
		for (const id of user.subscriptions) {
			const subscription = state.subscriptions.get(id);
			if (!subscription) continue;
			const base = [
				subscription.id,
				subscription.token ?? '',
				subscription.session_count ?? 1,
				user.properties.language ?? 'en',
				0,
				subscription.app_version ?? '',
				subscription.device_os ?? '',
				DEVICE_TYPES[subscription.type] ?? '',
				subscription.device_model ?? '',
				'',
				user.properties.tags ?? {},
				new Date(user.createdAt).toISOString(),
				0,
				0,
				new Date(user.createdAt).toISOString(),
				subscription.enabled ? 'f' : 't',
				0,
			];
			const extras = extra.map((field) =>
				field === 'external_user_id'
					? (user.identity.external_id ?? '')
					: field === 'notification_types'
						? (subscription.notification_types ?? (subscription.enabled ? 1 : -2))
						: field === 'country'
							? 'US'
							: '',
			);
			rows.push([...base, ...extras]);
		}
	}
	const file = addExport(
		context,
		'subscriptions',
		`${context.appId}_subscriptions_${randomUUID().slice(0, 8)}.csv.gz`,
		csv([...SUBSCRIPTION_COLUMNS, ...extra.map(String)], rows),
	);
	return { status: 200, body: { csv_file_url: fileAddress(context, file) } };
}

function messageRows(message: StoredMessage): Array<{ subscription: string; at: number }> {
	const sentAt = message.sendAfter ?? message.createdAt;
	return message.recipients.map((recipient) => ({
		subscription: recipient.replace(/^[a-z_]+:/, ''),
		at: Math.floor(sentAt / 1000),
	}));
}

function exportEvents(context: RouteContext): RouteAnswer {
	const found = findMessage(context);
	if ('status' in found) return found;
	const waiting = busy(context.state, context.now);
	if (waiting) return waiting;
	const rows: unknown[][] = [];
	for (const { subscription, at } of messageRows(found)) {
		rows.push([found.id, subscription, 'sent', at]);
		if (!found.canceled) rows.push([found.id, subscription, 'received', at]);
	}
	const file = addExport(
		context,
		'events',
		`${found.id}_events.csv.gz`,
		csv(['notification_id', 'subscription_id', 'event', 'timestamp'], rows),
	);
	return { status: 200, body: { csv_file_url: fileAddress(context, file) } };
}

/** The history report is a plain CSV; clicks are never recorded by the stand-in. */
function history(context: RouteContext): RouteAnswer {
	const found = findMessage(context);
	if ('status' in found) return found;
	const body = (context.body ?? {}) as Record<string, unknown>;
	if (body.events !== 'sent' && body.events !== 'clicked') {
		return { status: 400, body: { errors: ['events must be sent or clicked'] } };
	}
	const waiting = busy(context.state, context.now);
	if (waiting) return waiting;
	const rows =
		body.events === 'sent'
			? messageRows(found).map(({ subscription, at }) => [subscription, at])
			: [];
	const file = addExport(
		context,
		'history',
		`${found.id}_${String(body.events)}.csv`,
		csv(['player_id', 'timestamp'], rows),
		false,
	);
	return { status: 200, body: { success: true, destination_url: fileAddress(context, file) } };
}

function serveFile(context: RouteContext): RouteAnswer {
	const file = exportsOf(context.state).get(context.params.token);
	if (!file || decodeURIComponent(file.fileName) !== context.params.name) {
		return { status: 404, body: { errors: ['Not Found'] } };
	}
	const ready = isReady(context.state, file, context.now);
	file.checks++;
	if (!ready) return { status: 404, body: { errors: ['Not Found'] } };
	file.downloaded = true;
	return {
		status: 200,
		raw: file.content,
		headers: {
			'Content-Type': file.contentType,
			'Content-Length': String(file.content.length),
		},
	};
}

export const exportRoutes: Route[] = [
	{
		method: 'POST',
		path: '/players/csv_export',
		tier: 'app',
		appIdFrom: { query: 'app_id' },
		handle: exportSubscriptions,
	},
	{
		method: 'POST',
		path: '/notifications/:id/export_events',
		tier: 'app',
		appIdFrom: { query: 'app_id' },
		handle: exportEvents,
	},
	{
		method: 'POST',
		path: '/notifications/:id/history',
		tier: 'app',
		appIdFrom: { body: 'app_id' },
		handle: history,
	},
	{ method: 'GET', path: '/exports/files/:token/:name', tier: 'none', handle: serveFile },
];
