import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { APP_ID, APP_KEY, appCredentials, ORG_KEY, type FullResponse } from '../support/context';
import { createPollContext } from '../support/triggerContext';

const ORG_ID = '3c9d8e2f-1a4b-4c6d-8e0f-2a3b4c5d6e7f';
const orgCredentials = {
	oneSignalOrganizationApi: {
		apiKey: ORG_KEY,
		organizationId: ORG_ID,
		baseUrl: 'https://api.onesignal.com',
	},
};

const ok = (body: unknown): FullResponse => ({ statusCode: 200, headers: {}, body });

function queryOf(request: IHttpRequestOptions): IDataObject {
	return (request.qs ?? {}) as IDataObject;
}

/** OneSignal's message list as the tests script it: records in send order and an index cursor. */
function messageApi(records: () => IDataObject[]) {
	const requests: IDataObject[] = [];
	const handler = async (request: IHttpRequestOptions) => {
		const qs = queryOf(request);
		requests.push(qs);
		const all = records();
		const limit = Number(qs.limit);
		if (qs.time_offset === undefined) {
			return ok({ notifications: [...all].reverse().slice(0, limit), total_count: all.length });
		}
		const offset = String(qs.time_offset);
		const start = offset.startsWith('cursor:')
			? Number(offset.slice('cursor:'.length))
			: all.findIndex((record) => Number(record.send_after) * 1000 >= Date.parse(offset));
		const from = start === -1 ? all.length : start;
		const page = all.slice(from, from + limit);
		return ok({
			notifications: page,
			time_offset: offset,
			next_time_offset: `cursor:${from + page.length}`,
		});
	};
	return { handler, requests };
}

const seconds = (ms: number) => Math.floor(ms / 1000);

function message(id: string, sendAfterMs: number): IDataObject {
	return { id, app_id: APP_ID, send_after: seconds(sendAfterMs), contents: { en: id } };
}

describe('polling trigger: new messages', () => {
	it('only notes the time on the first poll and emits nothing from before', async () => {
		const old = [message('old-1', Date.now() - 60_000)];
		const api = messageApi(() => old);
		const test = createPollContext({
			parameters: { watch: 'message' },
			credentials: appCredentials(),
			http: api.handler,
		});
		await expect(test.run()).resolves.toBeNull();
		expect(api.requests).toHaveLength(0);
		expect(test.staticData.messages).toMatchObject({
			appId: APP_ID,
			timeOffset: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
		});
	});

	it('emits each new message once, oldest first, and keeps OneSignal’s cursor', async () => {
		const records: IDataObject[] = [message('old-1', Date.now() - 3_600_000)];
		const api = messageApi(() => records);
		const staticData: IDataObject = {};
		const poll = () =>
			createPollContext({
				parameters: { watch: 'message' },
				credentials: appCredentials(),
				http: api.handler,
				staticData,
			});
		await poll().run();
		records.push(message('new-1', Date.now()), message('new-2', Date.now()));

		const first = await poll().run();
		expect(first![0].map((item) => item.json.id)).toEqual(['new-1', 'new-2']);
		expect((staticData.messages as IDataObject).timeOffset).toBe('cursor:3');
		expect(api.requests[0]).toMatchObject({ app_id: APP_ID, limit: 50 });
		expect(api.requests[0].offset).toBeUndefined();

		await expect(poll().run()).resolves.toBeNull();
		records.push(message('new-3', Date.now()));
		const third = await poll().run();
		expect(third![0].map((item) => item.json.id)).toEqual(['new-3']);
	});

	it('reads on page after page until OneSignal returns an empty one', async () => {
		const records: IDataObject[] = [];
		const api = messageApi(() => records);
		const staticData: IDataObject = {};
		const poll = () =>
			createPollContext({
				parameters: { watch: 'message' },
				credentials: appCredentials(),
				http: api.handler,
				staticData,
			});
		await poll().run();
		for (let index = 0; index < 120; index++) records.push(message(`m-${index}`, Date.now()));
		const result = await poll().run();
		expect(result![0]).toHaveLength(120);
		expect(new Set(result![0].map((item) => item.json.id)).size).toBe(120);
		expect(api.requests.map((qs) => qs.time_offset)).toEqual([
			expect.stringMatching(/T/),
			'cursor:50',
			'cursor:100',
			'cursor:120',
		]);
	});

	it('waits for a scheduled message until its send time and never emits a message twice', async () => {
		const records: IDataObject[] = [];
		const api = messageApi(() => records);
		const staticData: IDataObject = {};
		const poll = () =>
			createPollContext({
				parameters: { watch: 'message' },
				credentials: appCredentials(),
				http: api.handler,
				staticData,
			});
		await poll().run();
		const later = message('scheduled', Date.now() + 3_600_000);
		records.push(message('now-1', Date.now()), later);

		const first = await poll().run();
		expect(first![0].map((item) => item.json.id)).toEqual(['now-1']);
		await expect(poll().run()).resolves.toBeNull();

		later.send_after = seconds(Date.now() - 1000);
		const due = await poll().run();
		expect(due![0].map((item) => item.json.id)).toEqual(['scheduled']);
	});

	it('starts over from "now" when the credential points at another app', async () => {
		const api = messageApi(() => []);
		const staticData: IDataObject = {
			messages: { appId: 'another-app', timeOffset: 'cursor:7', seen: { ids: [], expiresAt: [] } },
		};
		const test = createPollContext({
			parameters: { watch: 'message' },
			credentials: appCredentials(),
			http: api.handler,
			staticData,
		});
		await expect(test.run()).resolves.toBeNull();
		expect((staticData.messages as IDataObject).appId).toBe(APP_ID);
		expect(api.requests).toHaveLength(0);
	});

	it('shows the newest message for "Fetch Test Event" and leaves the cursor alone', async () => {
		const records = [message('a', Date.now() - 2000), message('b', Date.now() - 1000)];
		const api = messageApi(() => records);
		const staticData: IDataObject = {};
		const test = createPollContext({
			parameters: { watch: 'message' },
			credentials: appCredentials(),
			http: api.handler,
			staticData,
			mode: 'manual',
		});
		const result = await test.run();
		expect(result![0].map((item) => item.json.id)).toEqual(['b']);
		expect(staticData).toEqual({});
		expect(api.requests[0]).toMatchObject({ limit: 1, offset: 0 });
	});

	it('sends the app key and fails with OneSignal’s message when it refuses', async () => {
		const staticData: IDataObject = {
			messages: { appId: APP_ID, timeOffset: 'cursor:0', seen: { ids: [], expiresAt: [] } },
		};
		const test = createPollContext({
			parameters: { watch: 'message' },
			credentials: appCredentials(),
			http: async () => ({ statusCode: 403, headers: {}, body: { errors: ['Access denied'] } }),
			staticData,
		});
		await expect(test.run()).rejects.toThrow(/refused the app API key/);
		expect((test.calls[0].sent.headers as IDataObject).Authorization).toBe(`Key ${APP_KEY}`);
		expect((staticData.messages as IDataObject).timeOffset).toBe('cursor:0');
	});
});

/** OneSignal's audit log as the tests script it: entries with a time, paged with a cursor. */
function auditApi(entries: () => IDataObject[], pageSize = 100) {
	const requests: Array<{ url: string; qs: IDataObject }> = [];
	const handler = async (request: IHttpRequestOptions) => {
		const qs = queryOf(request);
		requests.push({ url: String(request.url), qs });
		let start = 0;
		let since = 0;
		if (typeof qs.cursor === 'string') {
			const decoded = JSON.parse(qs.cursor) as { start: number; since: number };
			start = decoded.start;
			since = decoded.since;
		} else {
			since = Date.parse(String(qs.start_time));
		}
		// Newest first, as many audit APIs page; the trigger must not rely on either order.
		const matching = entries()
			.filter((entry) => Date.parse(String(entry.occurred_at)) >= since)
			.reverse();
		const page = matching.slice(start, start + pageSize);
		const hasMore = start + page.length < matching.length;
		return ok({
			audit_logs: page,
			has_more: hasMore,
			next_cursor: hasMore ? JSON.stringify({ start: start + page.length, since }) : null,
		});
	};
	return { handler, requests };
}

function entry(id: string, occurredMs: number): IDataObject {
	return {
		id,
		action: 'segment.created',
		occurred_at: new Date(occurredMs).toISOString(),
		organization_id: ORG_ID,
	};
}

describe('polling trigger: new audit log entries', () => {
	it('remembers what happened just before activation and emits only later entries, oldest first', async () => {
		const now = Date.now();
		const records: IDataObject[] = [entry('before', now - 120_000)];
		const api = auditApi(() => records, 2);
		const staticData: IDataObject = {};
		const poll = () =>
			createPollContext({
				parameters: { watch: 'auditLogEntry' },
				credentials: orgCredentials,
				http: api.handler,
				staticData,
			});
		await expect(poll().run()).resolves.toBeNull();
		expect(api.requests[0].url).toBe(
			`https://api.onesignal.com/organizations/${ORG_ID}/audit_logs`,
		);

		records.push(entry('e1', now + 1000), entry('e2', now + 2000), entry('e3', now + 3000));
		const result = await poll().run();
		expect(result![0].map((item) => item.json.id)).toEqual(['e1', 'e2', 'e3']);
		const second = api.requests.slice(1);
		expect(second[0].qs.start_time).toBeDefined();
		expect(second[0].qs.cursor).toBeUndefined();
		expect(second[1].qs.cursor).toBeDefined();
		expect(second[1].qs.start_time).toBeUndefined();
		expect((staticData.auditLog as IDataObject).since).toBe(new Date(now + 3000).toISOString());

		await expect(poll().run()).resolves.toBeNull();
		records.push(entry('late', now + 2500));
		const late = await poll().run();
		expect(late![0].map((item) => item.json.id)).toEqual(['late']);
	});

	it('looks back ten minutes from the newest entry, and never beyond 90 days', async () => {
		const now = Date.now();
		const api = auditApi(() => []);
		const since = new Date(now - 3_600_000).toISOString();
		await createPollContext({
			parameters: { watch: 'auditLogEntry' },
			credentials: orgCredentials,
			http: api.handler,
			staticData: { auditLog: { organizationId: ORG_ID, since, seen: {} } },
		}).run();
		expect(Date.parse(String(api.requests[0].qs.start_time))).toBe(Date.parse(since) - 600_000);

		const longAgo = new Date(now - 200 * 24 * 3_600_000).toISOString();
		await createPollContext({
			parameters: { watch: 'auditLogEntry' },
			credentials: orgCredentials,
			http: api.handler,
			staticData: { auditLog: { organizationId: ORG_ID, since: longAgo, seen: {} } },
		}).run();
		const start = Date.parse(String(api.requests[1].qs.start_time));
		expect(now - start).toBeLessThan(90 * 24 * 3_600_000);
	});

	it('uses the organization key', async () => {
		const test = createPollContext({
			parameters: { watch: 'auditLogEntry' },
			credentials: orgCredentials,
			http: auditApi(() => []).handler,
		});
		await test.run();
		expect(test.calls[0].credentialType).toBe('oneSignalOrganizationApi');
		expect((test.calls[0].sent.headers as IDataObject).Authorization).toBe(`Key ${ORG_KEY}`);
	});

	it('asks for the Organization ID when the credential has none', async () => {
		const test = createPollContext({
			parameters: { watch: 'auditLogEntry' },
			credentials: {
				oneSignalOrganizationApi: {
					...orgCredentials.oneSignalOrganizationApi,
					organizationId: '',
				},
			},
			http: auditApi(() => []).handler,
		});
		await expect(test.run()).rejects.toThrow(/has no Organization ID/);
		expect(test.calls).toHaveLength(0);
	});

	it('shows the newest entry of the last week for "Fetch Test Event"', async () => {
		const now = Date.now();
		const staticData: IDataObject = {};
		const result = await createPollContext({
			parameters: { watch: 'auditLogEntry' },
			credentials: orgCredentials,
			http: auditApi(() => [entry('a', now - 5000), entry('b', now - 1000)]).handler,
			staticData,
			mode: 'manual',
		}).run();
		expect(result![0].map((item) => item.json.id)).toEqual(['b']);
		expect(staticData).toEqual({});
	});
});
