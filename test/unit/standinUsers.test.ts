import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	customEventLog,
	deltaApplications,
	startStandIn,
	type StandIn,
	unsubscribeTokenFor,
} from '../standin';
import { appCredentials, createContext } from '../support/context';

/**
 * The node's user operations against the project's OneSignal stand-in, over real HTTP on
 * loopback: the routes keep state like OneSignal does, and values with path characters survive.
 */

let standIn: StandIn;

beforeAll(async () => {
	standIn = await startStandIn();
});

afterAll(async () => {
	await standIn?.close();
});

async function run(
	parameters: INodeParameters | ((itemIndex: number) => INodeParameters),
	options: { items?: IDataObject[]; continueOnFail?: boolean; executionId?: string } = {},
) {
	const test = createContext({
		parameters,
		credentials: appCredentials(standIn.url, standIn.seeded!.appKey),
		...options,
	});
	try {
		const [items] = await test.run();
		return { items: items.map((item) => item.json), calls: test.calls, error: undefined };
	} catch (error) {
		return { items: [], calls: test.calls, error: error as Error & { description?: string } };
	}
}

const AWKWARD_ID = 'team a/b?c#d e';

describe('users in the stand-in', () => {
	it('creates, finds, changes and deletes a user whose External ID holds / ? # and a space', async () => {
		const created = await run({
			resource: 'user',
			operation: 'create',
			externalId: AWKWARD_ID,
			additionalFields: {
				tags: { tag: [{ key: 'plan', value: 'pro' }] },
				subscriptions: { subscription: [{ type: 'Email', address: 'awkward@example.com' }] },
			},
		});
		expect(created.error).toBeUndefined();
		expect(created.items[0]).toMatchObject({
			identity: { external_id: AWKWARD_ID, onesignal_id: expect.any(String) },
			properties: { tags: { plan: 'pro' } },
			subscriptions: [{ type: 'Email', token: 'awkward@example.com', enabled: true }],
		});

		const found = await run({
			resource: 'user',
			operation: 'get',
			identifyBy: 'externalId',
			externalId: AWKWARD_ID,
		});
		expect(found.calls[0].sent.url).toContain('/users/by/external_id/team%20a%2Fb%3Fc%23d%20e');
		expect(found.items[0]).toMatchObject({ identity: { external_id: AWKWARD_ID } });

		const updated = await run({
			resource: 'user',
			operation: 'update',
			externalId: AWKWARD_ID,
			updateFields: { removeTags: 'plan', language: 'fr' },
			activity: { sessionCount: 2 },
		});
		expect(updated.items[0]).toMatchObject({
			identity: { external_id: AWKWARD_ID },
			properties: { tags: {}, language: 'fr', session_count: 2 },
		});
		const onesignalId = String((created.items[0].identity as IDataObject).onesignal_id);
		expect(deltaApplications(standIn.state).get(onesignalId)).toBe(1);

		const deleted = await run({ resource: 'user', operation: 'delete', externalId: AWKWARD_ID });
		expect(deleted.items[0]).toEqual({ deleted: true, id: AWKWARD_ID, aliasLabel: 'external_id' });
		const gone = await run({ resource: 'user', operation: 'get', externalId: AWKWARD_ID });
		expect(gone.error?.message).toBe(`No user with external_id "${AWKWARD_ID}" in this app`);
	});

	it('answers 409 naming the alias when Create User would join two users', async () => {
		const { error } = await run({
			resource: 'user',
			operation: 'create',
			externalId: 'user-ada',
			additionalFields: { aliases: { alias: [{ label: 'external_id', id: 'user-ada' }] } },
		});
		expect(error).toBeUndefined();
		await run({
			resource: 'alias',
			operation: 'upsert',
			externalId: 'user-grace',
			aliases: { alias: [{ label: 'crm_id', id: 'CRM-GRACE' }] },
		});
		const conflict = await run({
			resource: 'user',
			operation: 'create',
			externalId: 'user-ada',
			additionalFields: { aliases: { alias: [{ label: 'crm_id', id: 'CRM-GRACE' }] } },
		});
		expect(conflict.error?.message).toBe('Alias crm_id=CRM-GRACE already belongs to another user');
	});

	it('answers 409 naming the alias when an alias is added that another user has', async () => {
		const conflict = await run({
			resource: 'alias',
			operation: 'upsert',
			externalId: 'user-alan',
			aliases: {
				alias: [
					{ label: 'crm_id', id: 'CRM-GRACE' },
					{ label: 'shop_id', id: 'S-1' },
				],
			},
		});
		expect(conflict.error?.message).toBe('Alias crm_id=CRM-GRACE already belongs to another user');
		const aliases = await run({ resource: 'alias', operation: 'getAll', externalId: 'user-alan' });
		expect(aliases.items.map((item) => item.label)).toEqual(['external_id', 'onesignal_id']);
	});
});

describe('subscriptions in the stand-in', () => {
	it('creates, moves, updates by token, unsubscribes and deletes a subscription', async () => {
		const created = await run({
			resource: 'subscription',
			operation: 'create',
			externalId: 'user-katherine',
			type: 'Email',
			address: 'k.work@example.com',
		});
		const subscriptionId = String(created.items[0].id);
		expect(created.items[0]).toMatchObject({ type: 'Email', token: 'k.work@example.com' });

		const moved = await run({
			resource: 'subscription',
			operation: 'transfer',
			subscriptionId,
			targetIdentifyBy: 'externalId',
			targetExternalId: 'user-linus',
		});
		expect(moved.items[0]).toMatchObject({
			id: subscriptionId,
			transferred: true,
			identity: { external_id: 'user-linus' },
		});
		const owner = await run({
			resource: 'alias',
			operation: 'getAll',
			identifyBy: 'subscription',
			subscriptionId,
			options: { output: 'identity' },
		});
		expect(owner.items[0]).toMatchObject({ identity: { external_id: 'user-linus' } });

		await run({
			resource: 'subscription',
			operation: 'updateByToken',
			tokenType: 'Email',
			address: 'k.work@example.com',
			updateFields: { appVersion: '2.0' },
		});
		expect(standIn.state.subscriptions.get(subscriptionId)).toMatchObject({ app_version: '2.0' });

		const unsubscribed = await run({
			resource: 'subscription',
			operation: 'unsubscribeEmail',
			messageId: 'b3a0c8bd-3a4c-4b22-9a73-3f1a8c2d1b88',
			unsubscribeToken: unsubscribeTokenFor(subscriptionId),
		});
		expect(unsubscribed.items[0]).toMatchObject({ unsubscribed: true });
		expect(standIn.state.subscriptions.get(subscriptionId)?.enabled).toBe(false);

		const deleted = await run({ resource: 'subscription', operation: 'delete', subscriptionId });
		expect(deleted.items[0]).toEqual({ deleted: true, id: subscriptionId });
		expect(standIn.state.subscriptions.has(subscriptionId)).toBe(false);
	});
});

describe('custom events and outcomes in the stand-in', () => {
	const users = ['user-ada', 'user-nobody', 'user-grace'];
	const track = (itemIndex: number): INodeParameters => ({
		resource: 'customEvent',
		operation: 'track',
		name: 'checkout',
		externalId: users[itemIndex],
		properties: { property: [{ name: 'step', value: String(itemIndex) }] },
	});

	it('records the events of known users, reports the unknown one and ignores repeated keys', async () => {
		const log = customEventLog(standIn.state);
		const before = log.recorded.length;
		const first = await run(track, {
			items: [{}, {}, {}],
			continueOnFail: true,
			executionId: 'exec-events',
		});
		expect(first.calls).toHaveLength(1);
		expect(first.items.map((item) => item.tracked)).toEqual([true, undefined, true]);
		expect(first.items[1].error).toBe(
			'OneSignal did not record the event "checkout" for external_id "user-nobody": failed to find a onesignal_id for user_id user-nobody (not found)',
		);
		expect(log.recorded.length - before).toBe(2);
		expect(log.recorded.slice(before).map((event) => event.payload)).toEqual([
			{ step: '0' },
			{ step: '2' },
		]);

		// Retry On Fail re-runs the node inside the same execution: the same keys, nothing twice.
		const again = await run(track, {
			items: [{}, {}, {}],
			continueOnFail: true,
			executionId: 'exec-events',
		});
		expect(again.items.map((item) => item.tracked)).toEqual([true, undefined, true]);
		expect(log.recorded.length - before).toBe(2);
		expect(log.duplicatesIgnored).toBe(2);
	});

	it('reads outcomes', async () => {
		const { items } = await run({
			resource: 'outcome',
			operation: 'get',
			outcomes: {
				outcome: [
					{ outcome: 'clicks', aggregation: 'count' },
					{ outcome: 'custom', customName: 'Purchase', aggregation: 'sum' },
				],
			},
			timeRange: '1mo',
		});
		expect(items).toEqual([
			{ id: 'os__click', value: 420, aggregation: 'count', timeRange: '1mo' },
			{ id: 'Purchase', value: 2490, aggregation: 'sum', timeRange: '1mo' },
		]);
	});
});
