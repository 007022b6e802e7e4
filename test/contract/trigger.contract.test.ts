import type { IDataObject } from 'n8n-workflow';

import { APP_ID, APP_KEY, ORG_KEY, realHttp, type HttpCall } from '../support/context';
import { startPrism, type Prism } from '../support/prism';
import { createPollContext } from '../support/triggerContext';

/**
 * The polling trigger's requests against OneSignal's official spec (Prism): the message list with
 * the `time_offset` cursor and the audit log with `start_time` and `cursor`. A request Prism finds
 * against the spec comes back with `sl-violations`.
 */

const ORG_ID = '3c9d8e2f-1a4b-4c6d-8e0f-2a3b4c5d6e7f';

let prism: Prism;

beforeAll(async () => {
	prism = await startPrism();
});

afterAll(async () => {
	await prism?.stop();
});

interface Exchange {
	call: HttpCall;
	status: number;
	violations: string[];
}

async function pollAgainstPrism(
	watch: 'message' | 'auditLogEntry',
	mode: 'trigger' | 'manual',
	staticData: IDataObject,
): Promise<Exchange[]> {
	const exchanges: Exchange[] = [];
	const test = createPollContext({
		parameters: { watch },
		mode,
		staticData,
		credentials: {
			oneSignalAppApi: { appId: APP_ID, apiKey: APP_KEY, baseUrl: prism.url },
			oneSignalOrganizationApi: { apiKey: ORG_KEY, organizationId: ORG_ID, baseUrl: prism.url },
		},
		http: async (request, call) => {
			const response = await realHttp(request, call);
			const header = response.headers['sl-violations'];
			const violations = header
				? (JSON.parse(String(header)) as Array<{ location?: string[]; message: string }>)
						.filter((violation) => (violation.location ?? [])[0] === 'request')
						.map((violation) => `${(violation.location ?? []).join('.')}: ${violation.message}`)
				: [];
			exchanges.push({ call, status: response.statusCode, violations });
			return response;
		},
	});
	await test.run();
	return exchanges;
}

function expectValid(exchanges: Exchange[], key: string): void {
	expect(exchanges.length).toBeGreaterThan(0);
	for (const exchange of exchanges) {
		expect(exchange.violations).toEqual([]);
		expect(exchange.status).toBeLessThan(300);
		expect((exchange.call.sent.headers as IDataObject).Authorization).toBe(`Key ${key}`);
	}
}

describe('the polling trigger’s requests against OneSignal’s official spec (Prism)', () => {
	it('get_notifications with the time_offset cursor', async () => {
		const exchanges = await pollAgainstPrism('message', 'trigger', {
			messages: {
				appId: APP_ID,
				timeOffset: '2026-01-01T00:00:00.000Z',
				seen: { ids: [], expiresAt: [] },
			},
		});
		expectValid(exchanges, APP_KEY);
		expect(exchanges[0].call.sent.qs).toEqual({
			app_id: APP_ID,
			limit: 50,
			time_offset: '2026-01-01T00:00:00.000Z',
		});
	});

	it('get_notifications for "Fetch Test Event"', async () => {
		expectValid(await pollAgainstPrism('message', 'manual', {}), APP_KEY);
	});

	it('list_audit_logs from a start time, then with the cursor', async () => {
		const exchanges = await pollAgainstPrism('auditLogEntry', 'trigger', {
			auditLog: {
				organizationId: ORG_ID,
				since: new Date(Date.now() - 3_600_000).toISOString(),
				seen: { ids: [], expiresAt: [] },
			},
		});
		expectValid(exchanges, ORG_KEY);
		expect(exchanges[0].call.sent.url).toBe(`${prism.url}/organizations/${ORG_ID}/audit_logs`);
		expect(exchanges[0].call.sent.qs).toEqual({ limit: 100, start_time: expect.any(String) });
		// Prism's example answer says there is more, so the trigger follows the cursor once.
		expect(exchanges[1]?.call.sent.qs).toEqual({ limit: 100, cursor: 'next_cursor' });
	});

	it('a request that breaks the spec is caught (the check can fail)', async () => {
		const response = await fetch(`${prism.url}/organizations/${ORG_ID}/audit_logs?limit=many`, {
			headers: { Authorization: `Key ${ORG_KEY}` },
		});
		expect(response.headers.get('sl-violations')).toContain('limit');
	});
});
