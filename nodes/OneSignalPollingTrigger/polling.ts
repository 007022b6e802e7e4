import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiPath } from '../OneSignal/helpers/paths';
import { oneSignalApiRequest, oneSignalAppId, oneSignalCredentials } from '../OneSignal/transport';
import {
	loadSeenIds,
	pruneSeenIds,
	rememberId,
	type SeenIds,
} from '../OneSignalTrigger/helpers/dedupe';

/**
 * The polling trigger's two watches. Each keeps a cursor in the node's static data and a bounded
 * memory of the IDs it emitted, so a record is emitted once even where two polls overlap, and a
 * restarted n8n continues where it stopped instead of starting over. The first poll after
 * activation only sets the cursor to "now": history is not replayed into the workflow.
 */

/** One poll reads at most this many pages; the rest waits for the next poll. */
const MAX_PAGES_PER_POLL = 20;

/**
 * How many emitted message IDs are remembered, and for how long. A page is read again only while
 * a scheduled message holds the cursor, and nothing newer is emitted meanwhile, so the count (far
 * above one page) is what matters; the time limit only clears out an idle app.
 */
const MESSAGE_SEEN_LIMITS = { maxEntries: 2000, windowMs: 365 * 24 * 3_600_000 };

const AUDIT_SEEN_MAX = 5000;

const MESSAGE_PAGE_SIZE = 50;

const AUDIT_PAGE_SIZE = 100;

/** Audit log entries can be recorded a little after they happened; each poll looks back this far. */
const AUDIT_OVERLAP_MS = 10 * 60_000;

/** OneSignal keeps audit logs for 90 days and refuses older start times. */
const AUDIT_RETENTION_MS = 89 * 24 * 3_600_000;

interface MessageCursor {
	appId: string;
	/** The `time_offset` to read from next: an ISO time at first, then OneSignal's own token. */
	timeOffset: string;
	seen: SeenIds;
}

interface AuditCursor {
	organizationId: string;
	/** The newest `occurred_at` emitted so far (ISO). */
	since: string;
	seen: SeenIds;
}

function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** When a message goes out, in Unix ms: `send_after` (Unix seconds) or, failing that, `queued_at`. */
function sendTimeMs(message: IDataObject): number | undefined {
	for (const field of ['send_after', 'queued_at']) {
		const value = message[field];
		if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
	}
	return undefined;
}

/**
 * New messages of the app, oldest first, with `GET /notifications?time_offset=…`. OneSignal sorts
 * such pages by send time, so a scheduled message comes after everything already sent: the poll
 * stops at the first message still in the future and reads that page again next time (the
 * remembered IDs keep the rest of the page from being emitted twice). The message is emitted once
 * its send time has passed; its delivery figures may still be growing then.
 */
export async function pollNewMessages(this: IPollFunctions): Promise<IDataObject[] | null> {
	const appId = await oneSignalAppId.call(this);
	if (this.getMode() === 'manual') return await latestMessage.call(this, appId);

	const staticData = this.getWorkflowStaticData('node');
	const stored = staticData.messages;
	const now = Date.now();
	if (!isRecord(stored) || stored.appId !== appId || typeof stored.timeOffset !== 'string') {
		// OneSignal keeps send times in whole seconds: start a second early so a message sent in
		// the same second as the activation is not lost (one sent just before may show up).
		const fresh: MessageCursor = {
			appId,
			timeOffset: new Date(Math.floor(now / 1000) * 1000 - 1000).toISOString(),
			seen: { ids: [], expiresAt: [] },
		};
		staticData.messages = fresh as unknown as IDataObject;
		return null;
	}

	let timeOffset = stored.timeOffset;
	let seen = loadSeenIds(stored.seen);
	const emitted: IDataObject[] = [];
	for (let page = 0; page < MAX_PAGES_PER_POLL; page++) {
		const { body } = await oneSignalApiRequest.call(this, {
			method: 'GET',
			path: '/notifications',
			qs: { app_id: appId, limit: MESSAGE_PAGE_SIZE, time_offset: timeOffset },
			operation: 'trigger.pollMessages',
		});
		const messages = Array.isArray(body.notifications)
			? (body.notifications as unknown[]).filter(isRecord)
			: [];
		if (messages.length === 0) break;

		let reachedFuture = false;
		for (const message of messages) {
			const sendsAt = sendTimeMs(message);
			if (sendsAt !== undefined && sendsAt > now) {
				reachedFuture = true;
				break;
			}
			if (typeof message.id !== 'string' || message.id === '') continue;
			const result = rememberId(seen, message.id, now, MESSAGE_SEEN_LIMITS);
			seen = result.state;
			if (result.isNew) emitted.push(message);
		}
		if (reachedFuture) break;

		const next = body.next_time_offset;
		if (typeof next !== 'string' || next === '' || next === timeOffset) break;
		timeOffset = next;
	}

	const cursor: MessageCursor = { appId, timeOffset, seen };
	staticData.messages = cursor as unknown as IDataObject;
	return emitted.length > 0 ? emitted : null;
}

/** For "Fetch Test Event": the newest message, without touching the cursor. */
async function latestMessage(this: IPollFunctions, appId: string): Promise<IDataObject[] | null> {
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'GET',
		path: '/notifications',
		qs: { app_id: appId, limit: 1, offset: 0 },
		operation: 'trigger.pollMessages',
	});
	const messages = Array.isArray(body.notifications)
		? (body.notifications as unknown[]).filter(isRecord)
		: [];
	return messages.length > 0 ? messages.slice(0, 1) : null;
}

async function organizationIdOf(this: IPollFunctions): Promise<string> {
	const { organizationId } = await oneSignalCredentials.call(this, 'organization');
	if (!organizationId) {
		throw new NodeOperationError(
			this.getNode(),
			'The OneSignal Organization API credential has no Organization ID',
			{
				description:
					'Open the credential and fill in Organization ID (OneSignal: Organizations → your organization → Keys & IDs). Audit logs are read per organization.',
			},
		);
	}
	return organizationId;
}

function occurredAtMs(entry: IDataObject): number {
	const parsed = typeof entry.occurred_at === 'string' ? Date.parse(entry.occurred_at) : NaN;
	return Number.isNaN(parsed) ? 0 : parsed;
}

/** Reads every page of audit log entries from `startTime` on, up to the per-poll page limit. */
async function auditLogEntriesSince(
	this: IPollFunctions,
	organizationId: string,
	startTime: string,
	maxPages = MAX_PAGES_PER_POLL,
): Promise<IDataObject[]> {
	const entries: IDataObject[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < maxPages; page++) {
		const qs: IDataObject = { limit: AUDIT_PAGE_SIZE };
		// The cursor carries the time range of the first request; OneSignal ignores start_time then.
		if (cursor === undefined) qs.start_time = startTime;
		else qs.cursor = cursor;
		const { body } = await oneSignalApiRequest.call(this, {
			method: 'GET',
			path: apiPath`/organizations/${organizationId}/audit_logs`,
			qs,
			keyTier: 'organization',
			operation: 'trigger.pollAuditLogs',
		});
		const records = Array.isArray(body.audit_logs)
			? (body.audit_logs as unknown[]).filter(isRecord)
			: [];
		entries.push(...records);
		const next = body.next_cursor;
		if (body.has_more !== true || typeof next !== 'string' || next === '' || next === cursor) break;
		cursor = next;
	}
	return entries;
}

/**
 * New audit log entries of the organization (organization key), oldest first. Each poll asks for
 * everything since the newest entry seen, minus a few minutes for entries recorded late; the
 * remembered IDs drop what was already emitted. Entries are sorted by `occurred_at` here, as the
 * order of OneSignal's pages is not documented.
 */
export async function pollNewAuditLogEntries(this: IPollFunctions): Promise<IDataObject[] | null> {
	const organizationId = await organizationIdOf.call(this);
	const now = Date.now();
	if (this.getMode() === 'manual') {
		const recent = await auditLogEntriesSince.call(
			this,
			organizationId,
			new Date(now - 7 * 24 * 3_600_000).toISOString(),
			1,
		);
		const newest = recent.sort((a, b) => occurredAtMs(b) - occurredAtMs(a))[0];
		return newest ? [newest] : null;
	}

	const staticData = this.getWorkflowStaticData('node');
	const stored = staticData.auditLog;
	if (
		!isRecord(stored) ||
		stored.organizationId !== organizationId ||
		typeof stored.since !== 'string'
	) {
		// Entries from just before activation can still show up inside the first look-back:
		// remember them now so that only what happens from here on is emitted.
		let seen: SeenIds = { ids: [], expiresAt: [] };
		const recent = await auditLogEntriesSince.call(
			this,
			organizationId,
			new Date(now - AUDIT_OVERLAP_MS).toISOString(),
		);
		for (const entry of recent) {
			if (typeof entry.id !== 'string' || entry.id === '') continue;
			const occurred = occurredAtMs(entry) || now;
			seen = rememberId(
				seen,
				entry.id,
				now,
				{ windowMs: AUDIT_OVERLAP_MS, maxEntries: AUDIT_SEEN_MAX },
				Math.max(occurred, now) + AUDIT_OVERLAP_MS + 1,
			).state;
		}
		const fresh: AuditCursor = { organizationId, since: new Date(now).toISOString(), seen };
		staticData.auditLog = fresh as unknown as IDataObject;
		return null;
	}

	const sinceMs = Date.parse(stored.since) || now;
	// After a pause longer than OneSignal's retention, older entries are gone; start at its limit.
	const startMs = Math.max(sinceMs - AUDIT_OVERLAP_MS, now - AUDIT_RETENTION_MS);
	const entries = await auditLogEntriesSince.call(
		this,
		organizationId,
		new Date(startMs).toISOString(),
	);
	entries.sort((a, b) => occurredAtMs(a) - occurredAtMs(b));

	// An entry can come back while it is inside the look-back of a later poll, that is while
	// occurred_at + overlap >= the newest time seen; it is remembered exactly that long.
	let seen = loadSeenIds(stored.seen);
	let newest = sinceMs;
	const emitted: IDataObject[] = [];
	for (const entry of entries) {
		if (typeof entry.id !== 'string' || entry.id === '') continue;
		const occurred = occurredAtMs(entry) || now;
		const result = rememberId(
			seen,
			entry.id,
			sinceMs,
			{ windowMs: AUDIT_OVERLAP_MS, maxEntries: AUDIT_SEEN_MAX },
			occurred + AUDIT_OVERLAP_MS + 1,
		);
		seen = result.state;
		if (result.isNew) emitted.push(entry);
		newest = Math.max(newest, occurred);
	}

	const cursor: AuditCursor = {
		organizationId,
		since: new Date(newest).toISOString(),
		seen: pruneSeenIds(seen, newest, AUDIT_SEEN_MAX),
	};
	staticData.auditLog = cursor as unknown as IDataObject;
	return emitted.length > 0 ? emitted : null;
}
