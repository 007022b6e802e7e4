import type { INodeParameters } from 'n8n-workflow';

import {
	auditLogFilterQuery,
	auditLogWindow,
	AUDIT_LOG_RETENTION_DAYS,
} from '../../nodes/OneSignal/helpers/auditLog';
import { pickOrganizationId } from '../../nodes/OneSignal/helpers/organization';

import {
	APP_ID,
	APP_KEY,
	appCredentials,
	createContext,
	ORG_KEY,
	type FullResponse,
} from '../support/context';
import { parameterError } from '../support/errors';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T12:00:00Z');
const ORG_ID = '3c9d8e2f-1a4b-4c6d-8e0f-2a3b4c5d6e7f';

describe('audit log time window', () => {
	it('turns a preset into a start time and leaves the end to OneSignal (now)', () => {
		expect(auditLogWindow('last7Days', {}, NOW)).toEqual({
			start_time: new Date(NOW - 7 * DAY).toISOString(),
		});
	});

	it('starts "Last 90 Days" a little after the retention limit so OneSignal accepts it', () => {
		const start = Date.parse(auditLogWindow('last90Days', {}, NOW).start_time);
		expect(start).toBeGreaterThan(NOW - AUDIT_LOG_RETENTION_DAYS * DAY);
		expect(start).toBeLessThan(NOW - 89 * DAY);
	});

	it('accepts a custom range inside the last 90 days', () => {
		expect(
			auditLogWindow(
				'custom',
				{ start: '2026-05-01T00:00:00Z', end: '2026-05-02T00:00:00+02:00' },
				NOW,
			),
		).toEqual({ start_time: '2026-05-01T00:00:00.000Z', end_time: '2026-05-01T22:00:00.000Z' });
	});

	it('refuses a start older than 90 days and says how far back is allowed', () => {
		const error = parameterError(() =>
			auditLogWindow('custom', { start: new Date(NOW - 91 * DAY).toISOString() }, NOW),
		);
		expect(error.message).toBe(
			'Start Time: is 91 days ago; OneSignal keeps audit logs for 90 days only',
		);
		expect(error.hint).toContain(new Date(NOW - 90 * DAY).toISOString());
		expect(error.hint).toContain('Last 90 Days');
	});

	it('says "more than 90 days" for a start just past the limit', () => {
		const start = new Date(NOW - 90 * DAY - 60_000).toISOString();
		expect(parameterError(() => auditLogWindow('custom', { start }, NOW)).message).toBe(
			'Start Time: is more than 90 days ago; OneSignal keeps audit logs for 90 days only',
		);
	});

	it.each([
		[{}, 'Start Time: is required for a custom time range'],
		[{ start: 'yesterday-ish' }, 'Start Time: "yesterday-ish" is not a date and time'],
		[{ start: '2026-06-02T00:00:00Z' }, 'Start Time: is in the future'],
		[
			{ start: '2026-05-10T00:00:00Z', end: '2026-05-09T00:00:00Z' },
			'End Time: is not after Start Time',
		],
		[
			{ start: '2026-05-10T00:00:00Z', end: '2026-05-10T00:00:00Z' },
			'End Time: is not after Start Time',
		],
	])('refuses the custom range %j', (custom, message) => {
		expect(parameterError(() => auditLogWindow('custom', custom, NOW)).message).toBe(message);
	});
});

describe('audit log filters', () => {
	it('sends each filter as a list under the spec’s parameter name', () => {
		expect(
			auditLogFilterQuery({
				appIds: [APP_ID],
				actions: 'notification.sent, segment.created',
				actorEmails: 'ada@example.com',
				ipAddresses: '203.0.113.7; 2001:db8::1',
				targetTypes: '',
			}),
		).toEqual({
			app_ids: [APP_ID],
			actions: ['notification.sent', 'segment.created'],
			actor_emails: ['ada@example.com'],
			ip_addresses: ['203.0.113.7', '2001:db8::1'],
		});
	});

	it('refuses more values than OneSignal accepts', () => {
		const apps = Array.from(
			{ length: 11 },
			(_, index) => `5e1c9a34-2f6b-4d8e-9c1a-7b3d2e4f6a${String(index).padStart(2, '0')}`,
		);
		expect(parameterError(() => auditLogFilterQuery({ appIds: apps })).message).toBe(
			'Apps: has 11 values; OneSignal accepts at most 10',
		);
		const actions = Array.from({ length: 20 }, (_, index) => `action.${index}`);
		expect(auditLogFilterQuery({ actions }).actions).toHaveLength(20);
	});

	it('names the values that are not of the right kind', () => {
		expect(parameterError(() => auditLogFilterQuery({ targetIds: 'abc, def' })).message).toBe(
			'Target IDs: "abc", "def" are not valid',
		);
		expect(parameterError(() => auditLogFilterQuery({ ipAddresses: '300.1.1.1' })).message).toBe(
			'IP Addresses: "300.1.1.1" is not valid',
		);
	});
});

describe('organization ID', () => {
	it('prefers the operation’s own value over the credential’s', () => {
		expect(pickOrganizationId(' 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d ', ORG_ID)).toBe(
			'9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
		);
		expect(pickOrganizationId('', ORG_ID)).toBe(ORG_ID);
	});

	it('fails clearly when neither the credential nor the operation has one', () => {
		const error = parameterError(() => pickOrganizationId('', ''));
		expect(error.message).toBe('Organization ID: no organization ID is set');
		expect(error.hint).toContain('OneSignal Organization API');
		expect(error.hint).toContain('Options → Organization ID');
	});

	it('refuses a value that is not a UUID', () => {
		expect(parameterError(() => pickOrganizationId('my-org', '')).message).toBe(
			'Organization ID: "my-org" is not an organization ID',
		);
	});
});

const orgCredentials = (organizationId = ORG_ID) => ({
	oneSignalOrganizationApi: {
		apiKey: ORG_KEY,
		organizationId,
		baseUrl: 'https://api.onesignal.com',
	},
});

function auditEvents(from: number, count: number) {
	return Array.from({ length: count }, (_, index) => ({
		id: `event-${from + index}`,
		action: 'notification.sent',
	}));
}

/** Answers audit log pages from a list of `total` events, with an opaque cursor. */
function auditLogServer(total: number) {
	return async (_request: unknown, call: { sent: { qs?: Record<string, unknown> } }) => {
		const qs = call.sent.qs ?? {};
		const from = qs.cursor ? Number(String(qs.cursor).replace('after-', '')) : 0;
		const size = Math.min(Number(qs.limit), total - from);
		const hasMore = from + size < total;
		return {
			statusCode: 200,
			headers: {},
			body: {
				audit_logs: auditEvents(from, size),
				has_more: hasMore,
				...(hasMore ? { next_cursor: `after-${from + size}` } : {}),
			},
		} satisfies FullResponse;
	};
}

const auditParameters = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'auditLog',
	operation: 'getAll',
	timeRange: 'last30Days',
	...extra,
});

describe('Audit Log → Get Many', () => {
	it('follows the cursor and stops as soon as Limit is reached, asking only for what is missing', async () => {
		const test = createContext({
			parameters: auditParameters({ returnAll: false, limit: 150 }),
			credentials: orgCredentials(),
			http: auditLogServer(1000),
		});
		const [items] = await test.run();
		expect(items).toHaveLength(150);
		expect(items[149].json.id).toBe('event-149');
		expect(test.calls.map((call) => call.sent.qs?.limit)).toEqual([100, 50]);
		expect(test.calls[0].sent.qs?.cursor).toBeUndefined();
		expect(test.calls[1].sent.qs?.cursor).toBe('after-100');
		expect(test.calls[0].sent.url).toBe(
			`https://api.onesignal.com/organizations/${ORG_ID}/audit_logs`,
		);
		expect(test.calls[0].sent.arrayFormat).toBe('repeat');
		expect(test.calls[0].credentialType).toBe('oneSignalOrganizationApi');
	});

	it('with Return All reads every page until OneSignal has no next cursor', async () => {
		const test = createContext({
			parameters: auditParameters({ returnAll: true }),
			credentials: orgCredentials(),
			http: auditLogServer(250),
		});
		const [items] = await test.run();
		expect(items).toHaveLength(250);
		expect(test.calls).toHaveLength(3);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(250);
	});

	it('checks the time range before sending anything', async () => {
		const test = createContext({
			parameters: auditParameters({
				timeRange: 'custom',
				startTime: new Date(Date.now() - 120 * DAY).toISOString(),
			}),
			credentials: orgCredentials(),
			http: auditLogServer(10),
		});
		await expect(test.run()).rejects.toThrow(
			'Start Time: is 120 days ago; OneSignal keeps audit logs for 90 days only',
		);
		expect(test.calls).toHaveLength(0);
	});

	it('fails before any request when no organization ID is set, and uses the option when given', async () => {
		const missing = createContext({
			parameters: auditParameters({ returnAll: false, limit: 1 }),
			credentials: orgCredentials(''),
			http: auditLogServer(10),
		});
		await expect(missing.run()).rejects.toThrow('Organization ID: no organization ID is set');
		expect(missing.calls).toHaveLength(0);

		const override = createContext({
			parameters: auditParameters({
				returnAll: false,
				limit: 1,
				options: { organizationId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' },
			}),
			credentials: orgCredentials(''),
			http: auditLogServer(10),
		});
		await override.run();
		expect(override.calls[0].sent.url).toContain(
			'/organizations/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d/',
		);
	});

	it('fails with the credential to add when the node has only the app credential', async () => {
		const test = createContext({
			parameters: auditParameters(),
			credentials: appCredentials(),
			http: auditLogServer(10),
		});
		await expect(test.run()).rejects.toThrow(
			'This operation needs the OneSignal Organization API credential',
		);
		expect(test.calls).toHaveLength(0);
	});

	it('says the organization key was refused on 403, lists causes and never shows the key', async () => {
		const test = createContext({
			parameters: auditParameters(),
			credentials: {
				oneSignalOrganizationApi: {
					apiKey: `Key ${APP_KEY}`,
					organizationId: ORG_ID,
					baseUrl: 'https://api.onesignal.com',
				},
			},
			http: async () => ({
				statusCode: 403,
				headers: {},
				body: { errors: [`Access denied for key ${APP_KEY}`] },
			}),
		});
		const error = (await test.run().catch((caught: unknown) => caught)) as Error & {
			description?: string;
		};
		expect(error.message).toContain('OneSignal refused the organization API key (HTTP 403)');
		expect(error.description).toContain(
			'the organization API key of the OneSignal Organization API credential',
		);
		expect(error.description).toContain('Likely causes');
		expect(error.description).toContain('wrong key tier: an app key was pasted');
		expect(JSON.stringify(error)).not.toContain(APP_KEY);
		expect(`${error.message} ${error.description}`).not.toContain(APP_KEY);
		expect(test.calls).toHaveLength(1);
	});
});
