import type { IDataObject } from 'n8n-workflow';

import { isUuid } from './idempotency';
import { ParameterError, parseList } from './validation';

/**
 * Audit logs: OneSignal keeps 90 days and answers a start time older than that with an error, so
 * the window is checked here, before the request.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const AUDIT_LOG_RETENTION_DAYS = 90;

/**
 * "Last 90 Days" starts this much later than exactly 90 days ago: the request reaches OneSignal a
 * moment after the start is computed, and the two clocks may differ a little; a start a second too
 * early would be refused.
 */
const RETENTION_MARGIN_MS = 15 * 60_000;

export type AuditLogTimeRange =
	| 'last24Hours'
	| 'last7Days'
	| 'last30Days'
	| 'last90Days'
	| 'custom';

const PRESETS: Record<Exclude<AuditLogTimeRange, 'custom'>, number> = {
	last24Hours: DAY,
	last7Days: 7 * DAY,
	last30Days: 30 * DAY,
	last90Days: AUDIT_LOG_RETENTION_DAYS * DAY - RETENTION_MARGIN_MS,
};

export interface AuditLogWindow {
	start_time: string;
	end_time?: string;
}

function parseInstant(value: string | undefined, parameter: string): number | undefined {
	const text = (value ?? '').trim();
	if (text === '') return undefined;
	const instant = Date.parse(text);
	if (Number.isNaN(instant)) {
		throw new ParameterError(
			parameter,
			`"${text}" is not a date and time`,
			'Pick a date in the date picker, or use an ISO 8601 value such as 2026-02-01T00:00:00Z.',
		);
	}
	return instant;
}

/**
 * The `start_time` / `end_time` query values for a time range. Custom ranges must start within
 * the last 90 days, before now, and end after they start.
 */
export function auditLogWindow(
	range: AuditLogTimeRange,
	custom: { start?: string; end?: string },
	now: number,
): AuditLogWindow {
	if (range !== 'custom') {
		const span = PRESETS[range];
		if (span === undefined) {
			throw new ParameterError(
				'Time Range',
				`"${String(range)}" is not a time range`,
				'Choose one of the listed ranges, or Custom.',
			);
		}
		return { start_time: new Date(now - span).toISOString() };
	}
	const start = parseInstant(custom.start, 'Start Time');
	const end = parseInstant(custom.end, 'End Time');
	if (start === undefined) {
		throw new ParameterError(
			'Start Time',
			'is required for a custom time range',
			'Pick when the range begins (within the last 90 days), or choose a fixed range such as Last 7 Days.',
		);
	}
	const oldest = now - AUDIT_LOG_RETENTION_DAYS * DAY;
	if (start < oldest) {
		const days = Math.floor((now - start) / DAY);
		const ago =
			days > AUDIT_LOG_RETENTION_DAYS
				? `${days} days ago`
				: `more than ${AUDIT_LOG_RETENTION_DAYS} days ago`;
		throw new ParameterError(
			'Start Time',
			`is ${ago}; OneSignal keeps audit logs for ${AUDIT_LOG_RETENTION_DAYS} days only`,
			`Pick a start after ${new Date(oldest).toISOString()}, or choose Last 90 Days for the longest window OneSignal allows.`,
		);
	}
	if (start >= now) {
		throw new ParameterError(
			'Start Time',
			'is in the future',
			'Audit logs record what already happened: pick a start in the past.',
		);
	}
	if (end !== undefined && end <= start) {
		throw new ParameterError(
			'End Time',
			'is not after Start Time',
			'Pick an end after the start, or leave End Time empty to read up to now.',
		);
	}
	const window: AuditLogWindow = { start_time: new Date(start).toISOString() };
	if (end !== undefined) window.end_time = new Date(end).toISOString();
	return window;
}

interface FilterRule {
	/** The Filters option of the node. */
	option: string;
	/** Its display name, for messages. */
	label: string;
	/** The query parameter of the spec. */
	query: string;
	/** The spec's maxItems. */
	max: number;
	check?: (value: string) => boolean;
	expected?: string;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9a-f:.]+$/i;

export function isIpAddress(value: string): boolean {
	return IPV4.test(value) || (value.includes(':') && IPV6.test(value));
}

export const AUDIT_LOG_FILTERS: FilterRule[] = [
	{
		option: 'appIds',
		label: 'Apps',
		query: 'app_ids',
		max: 10,
		check: isUuid,
		expected: 'App IDs are UUIDs (OneSignal: Settings → Keys & IDs)',
	},
	{ option: 'actions', label: 'Actions', query: 'actions', max: 20 },
	{
		option: 'actorIds',
		label: 'Actor IDs',
		query: 'actor_ids',
		max: 10,
		check: isUuid,
		expected: 'actor IDs are UUIDs, as in the actor of an audit log entry',
	},
	{
		option: 'actorEmails',
		label: 'Actor Emails',
		query: 'actor_emails',
		max: 10,
		check: (value) => /^[^\s@]+@[^\s@]+$/.test(value),
		expected: 'these are the email addresses of team members, such as ada@example.com',
	},
	{ option: 'targetTypes', label: 'Target Types', query: 'target_types', max: 10 },
	{
		option: 'targetIds',
		label: 'Target IDs',
		query: 'target_ids',
		max: 10,
		check: isUuid,
		expected: 'target IDs are UUIDs, as in the targets of an audit log entry',
	},
	{
		option: 'ipAddresses',
		label: 'IP Addresses',
		query: 'ip_addresses',
		max: 10,
		check: isIpAddress,
		expected: 'these are IPv4 or IPv6 addresses such as 203.0.113.7',
	},
];

/**
 * The filter query parameters, each a list within the spec's maximum. Values are sent as repeated
 * parameters (`app_ids=a&app_ids=b`), as the spec's `explode: true` says.
 */
export function auditLogFilterQuery(filters: IDataObject): IDataObject {
	const qs: IDataObject = {};
	for (const rule of AUDIT_LOG_FILTERS) {
		const values = parseList(filters[rule.option], rule.label);
		if (values.length === 0) continue;
		if (values.length > rule.max) {
			throw new ParameterError(
				rule.label,
				`has ${values.length} values; OneSignal accepts at most ${rule.max}`,
				`Remove some values, or run the operation once per group of ${rule.max}.`,
			);
		}
		const wrong = rule.check ? values.filter((value) => !rule.check!(value)) : [];
		if (wrong.length) {
			throw new ParameterError(
				rule.label,
				`${wrong.map((value) => `"${value}"`).join(', ')} ${wrong.length === 1 ? 'is' : 'are'} not valid`,
				`${rule.expected ?? 'Check the values'}. Separate several with commas.`,
			);
		}
		qs[rule.query] = values;
	}
	return qs;
}
