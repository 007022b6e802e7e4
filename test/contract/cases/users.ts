import type { ContractExchange } from '../harness';
import type { ContractCase } from './types';

/**
 * Users, aliases, subscriptions, custom events and outcomes. Values are realistic, and one alias
 * value holds characters that must be encoded in a path.
 */

const ONESIGNAL_ID = '1dd608f2-c6a1-41e3-851d-000c2940e62c';
const SUBSCRIPTION_ID = '7e4c5b9a-1f60-4d07-9b1a-2e8c8d2cae51';
const MESSAGE_ID = 'b3a0c8bd-3a4c-4b22-9a73-3f1a8c2d1b88';
const APP_ID = '5e1c9a34-2f6b-4d8e-9c1a-7b3d2e4f6a80';
/** What an email's {{subscription.unsubscribe_token}} looks like; not a credential. */
const EMAIL_UNSUBSCRIBE_VALUE = ['b1c2d3', 'unsub', 'sample'].join('-');

function only(exchanges: ContractExchange[]): ContractExchange {
	expect(exchanges).toHaveLength(1);
	return exchanges[0];
}

function sentUrl(exchange: ContractExchange): string {
	return String(exchange.call.sent.url);
}

function sentBody(exchange: ContractExchange): Record<string, unknown> {
	return exchange.call.sent.body as Record<string, unknown>;
}

export const userCases: ContractCase[] = [
	{
		operationId: 'create_user',
		title: 'Create a user with an External ID, a custom alias, properties and two subscriptions',
		parameters: {
			resource: 'user',
			operation: 'create',
			externalId: 'user-1042',
			additionalFields: {
				aliases: { alias: [{ label: 'crm_id', id: 'CRM-88121' }] },
				tags: { tag: [{ key: 'plan', value: 'pro' }] },
				language: 'de',
				timezone: 'Europe/Berlin',
				country: 'de',
				latitude: 52.52,
				longitude: 13.405,
				firstActive: '2026-01-05T10:00:00Z',
				amountSpent: 12.5,
				subscriptions: {
					subscription: [
						{ type: 'Email', address: 'ada@example.com', enabled: true },
						{ type: 'SMS', address: '+15551234567', enabled: true },
					],
				},
			},
		},
		check: (_, exchanges) => {
			const body = sentBody(only(exchanges));
			expect(body).toEqual({
				identity: { external_id: 'user-1042', crm_id: 'CRM-88121' },
				properties: {
					tags: { plan: 'pro' },
					language: 'de',
					timezone_id: 'Europe/Berlin',
					country: 'DE',
					lat: 52.52,
					long: 13.405,
					first_active: 1767607200,
					amount_spent: 12.5,
				},
				subscriptions: [
					{ type: 'Email', token: 'ada@example.com', enabled: true },
					{ type: 'SMS', token: '+15551234567', enabled: true },
				],
			});
		},
	},
	{
		operationId: 'get_user',
		title: 'Get a user by an External ID that needs encoding in the path',
		parameters: {
			resource: 'user',
			operation: 'get',
			identifyBy: 'externalId',
			externalId: 'team a/b 7',
		},
		check: (_, exchanges) => {
			expect(sentUrl(only(exchanges))).toMatch(/\/users\/by\/external_id\/team%20a%2Fb%207$/);
		},
	},
	{
		operationId: 'update_user',
		title: 'Update tags, language, time zone and last active, and add a session and a purchase',
		parameters: {
			resource: 'user',
			operation: 'update',
			identifyBy: 'onesignalId',
			onesignalId: ONESIGNAL_ID,
			updateFields: {
				tags: { tag: [{ key: 'level', value: '10' }] },
				removeTags: 'trial_ends',
				language: 'fr',
				timezone: 'America/Los_Angeles',
				lastActive: '2026-02-01T08:30:00Z',
			},
			activity: {
				sessionCount: 1,
				sessionTime: 300,
				purchases: { purchase: [{ sku: 'coins-100', amount: '0.99', currency: 'usd', count: 2 }] },
			},
		},
		check: (_, exchanges) => {
			const exchange = only(exchanges);
			expect(exchange.call.sent.method).toBe('PATCH');
			expect(sentUrl(exchange)).toContain(`/users/by/onesignal_id/${ONESIGNAL_ID}`);
			expect(sentBody(exchange)).toEqual({
				properties: {
					tags: { level: '10', trial_ends: '' },
					language: 'fr',
					timezone_id: 'America/Los_Angeles',
					last_active: 1769934600,
				},
				deltas: {
					session_count: 1,
					session_time: 300,
					purchases: [{ sku: 'coins-100', amount: '0.99', iso: 'USD', count: 2 }],
				},
			});
		},
	},
	{
		operationId: 'delete_user',
		title: 'Delete a user by a custom alias',
		parameters: {
			resource: 'user',
			operation: 'delete',
			identifyBy: 'customAlias',
			aliasLabel: 'crm_id',
			aliasId: 'CRM-88121',
		},
		check: (run, exchanges) => {
			expect(sentUrl(only(exchanges))).toMatch(/\/users\/by\/crm_id\/CRM-88121$/);
			expect(run.output?.[0][0].json).toEqual({
				deleted: true,
				id: 'CRM-88121',
				aliasLabel: 'crm_id',
			});
		},
	},
	{
		operationId: 'get_aliases',
		title: 'List the aliases of a user by External ID',
		parameters: {
			resource: 'alias',
			operation: 'getAll',
			identifyBy: 'externalId',
			externalId: 'user-1042',
		},
		check: (_, exchanges) => {
			expect(sentUrl(only(exchanges))).toMatch(/\/users\/by\/external_id\/user-1042\/identity$/);
		},
	},
	{
		operationId: 'get_aliases_by_subscription',
		title: 'List the aliases of a user by one of their subscriptions',
		parameters: {
			resource: 'alias',
			operation: 'getAll',
			identifyBy: 'subscription',
			subscriptionId: SUBSCRIPTION_ID,
			options: { output: 'identity' },
		},
		check: (_, exchanges) => {
			expect(sentUrl(only(exchanges))).toMatch(
				new RegExp(`/subscriptions/${SUBSCRIPTION_ID}/user/identity$`),
			);
		},
	},
	{
		operationId: 'create_alias',
		title: 'Add two aliases to a user found by External ID',
		parameters: {
			resource: 'alias',
			operation: 'upsert',
			identifyBy: 'externalId',
			externalId: 'user-1042',
			aliases: {
				alias: [
					{ label: 'crm_id', id: 'CRM-88121' },
					{ label: 'facebook_id', id: 'fb-77' },
				],
			},
		},
		check: (_, exchanges) => {
			const exchange = only(exchanges);
			expect(exchange.call.sent.method).toBe('PATCH');
			expect(sentBody(exchange)).toEqual({
				identity: { crm_id: 'CRM-88121', facebook_id: 'fb-77' },
			});
		},
	},
	{
		operationId: 'create_alias_by_subscription',
		title: 'Add an alias to the user who owns a subscription',
		parameters: {
			resource: 'alias',
			operation: 'upsert',
			identifyBy: 'subscription',
			subscriptionId: SUBSCRIPTION_ID,
			aliases: { alias: [{ label: 'external_id', id: 'user-1042' }] },
		},
		check: (_, exchanges) => {
			expect(sentUrl(only(exchanges))).toMatch(
				new RegExp(`/subscriptions/${SUBSCRIPTION_ID}/user/identity$`),
			);
			expect(sentBody(only(exchanges))).toEqual({ identity: { external_id: 'user-1042' } });
		},
	},
	{
		operationId: 'delete_alias',
		title: 'Delete a custom alias from a user',
		parameters: {
			resource: 'alias',
			operation: 'delete',
			identifyBy: 'externalId',
			externalId: 'user-1042',
			labelToDelete: 'crm_id',
		},
		check: (_, exchanges) => {
			expect(sentUrl(only(exchanges))).toMatch(
				/\/users\/by\/external_id\/user-1042\/identity\/crm_id$/,
			);
		},
	},
	{
		operationId: 'create_subscription',
		title: 'Give a user an SMS subscription',
		parameters: {
			resource: 'subscription',
			operation: 'create',
			identifyBy: 'externalId',
			externalId: 'user-1042',
			type: 'SMS',
			address: '+15551234567',
			additionalFields: { enabled: true },
		},
		check: (_, exchanges) => {
			expect(sentBody(only(exchanges))).toEqual({
				subscription: { type: 'SMS', token: '+15551234567', enabled: true },
			});
		},
	},
	{
		operationId: 'update_subscription',
		title: 'Turn a push subscription off and record its app version',
		parameters: {
			resource: 'subscription',
			operation: 'update',
			subscriptionId: SUBSCRIPTION_ID,
			updateFields: { enabled: false, appVersion: '1.4.2', sessionCount: 12, testType: 1 },
		},
		check: (_, exchanges) => {
			expect(sentBody(only(exchanges))).toEqual({
				subscription: { enabled: false, app_version: '1.4.2', session_count: 12, test_type: 1 },
			});
		},
	},
	{
		operationId: 'delete_subscription',
		title: 'Delete a subscription',
		parameters: {
			resource: 'subscription',
			operation: 'delete',
			subscriptionId: SUBSCRIPTION_ID,
		},
		check: (run) => {
			expect(run.output?.[0][0].json).toEqual({ deleted: true, id: SUBSCRIPTION_ID });
		},
	},
	{
		operationId: 'transfer_subscription',
		title: 'Move a subscription to the user with another External ID',
		parameters: {
			resource: 'subscription',
			operation: 'transfer',
			subscriptionId: SUBSCRIPTION_ID,
			targetIdentifyBy: 'externalId',
			targetExternalId: 'user-2210',
		},
		check: (_, exchanges) => {
			expect(sentUrl(only(exchanges))).toMatch(
				new RegExp(`/subscriptions/${SUBSCRIPTION_ID}/owner$`),
			);
			expect(sentBody(only(exchanges))).toEqual({ identity: { external_id: 'user-2210' } });
		},
	},
	{
		operationId: 'update_subscription_by_token',
		title: 'Unsubscribe an email address found by its token',
		parameters: {
			resource: 'subscription',
			operation: 'updateByToken',
			tokenType: 'Email',
			address: 'ada+news@example.com',
			updateFields: { enabled: false },
		},
		check: (_, exchanges) => {
			expect(sentUrl(only(exchanges))).toMatch(
				/\/subscriptions_by_token\/Email\/ada%2Bnews%40example\.com$/,
			);
			expect(sentBody(only(exchanges))).toEqual({ subscription: { enabled: false } });
		},
	},
	{
		operationId: 'unsubscribe_email_with_token',
		title: 'Unsubscribe an email with the token from the email',
		parameters: {
			resource: 'subscription',
			operation: 'unsubscribeEmail',
			messageId: MESSAGE_ID,
			unsubscribeToken: EMAIL_UNSUBSCRIBE_VALUE,
		},
		check: (run, exchanges) => {
			const exchange = only(exchanges);
			expect(exchange.call.sent.qs).toEqual({ token: EMAIL_UNSUBSCRIBE_VALUE });
			expect(sentUrl(exchange)).toContain(
				`/apps/${APP_ID}/notifications/${MESSAGE_ID}/unsubscribe`,
			);
			expect(run.output?.[0][0].json).toEqual({ unsubscribed: true, messageId: MESSAGE_ID });
		},
	},
	{
		operationId: 'create_custom_events',
		title: 'Track three events in one request, each with its own key',
		items: [{ order: 'A-1' }, { order: 'A-2' }, { order: 'A-3' }],
		parameters: {
			resource: 'customEvent',
			operation: 'track',
			name: 'purchase_completed',
			identifyBy: 'externalId',
			externalId: 'user-1042',
			properties: { property: [{ name: 'plan', value: 'pro' }] },
			additionalFields: { timestamp: '2026-03-01T12:00:00Z' },
		},
		check: (run, exchanges) => {
			const body = sentBody(only(exchanges)) as { events: Array<Record<string, unknown>> };
			expect(body.events).toHaveLength(3);
			expect(body.events[0]).toEqual({
				name: 'purchase_completed',
				external_id: 'user-1042',
				timestamp: '2026-03-01T12:00:00.000Z',
				payload: { plan: 'pro' },
				idempotency_key: expect.stringMatching(/^[0-9a-f-]{36}$/),
			});
			expect(new Set(body.events.map((event) => event.idempotency_key)).size).toBe(3);
			expect(run.output?.[0]).toHaveLength(3);
		},
	},
	{
		operationId: 'get_outcomes',
		title: 'Get clicks, session time and a custom outcome for the last day on iOS and Android',
		parameters: {
			resource: 'outcome',
			operation: 'get',
			outcomes: {
				outcome: [
					{ outcome: 'clicks', aggregation: 'count' },
					{ outcome: 'sessionDuration', aggregation: 'sum' },
					{ outcome: 'custom', customName: 'Purchase', aggregation: 'sum' },
				],
			},
			timeRange: '1d',
			filters: { platforms: [0, 1], attribution: 'direct' },
		},
		check: (_, exchanges) => {
			expect(only(exchanges).call.sent.qs).toEqual({
				outcome_names: 'os__click.count,os__session_duration.sum,Purchase.sum',
				outcome_time_range: '1d',
				outcome_platforms: '0,1',
				outcome_attribution: 'direct',
			});
		},
	},
	{
		operationId: 'get_outcomes',
		title: 'Get an outcome whose name holds a comma next to a plain one',
		parameters: {
			resource: 'outcome',
			operation: 'get',
			outcomes: {
				outcome: [
					{ outcome: 'clicks', aggregation: 'count' },
					{ outcome: 'custom', customName: 'Sales, Purchase', aggregation: 'count' },
				],
			},
			timeRange: '1h',
		},
		check: (_, exchanges) => {
			const exchange = only(exchanges);
			expect(exchange.call.sent.qs).toEqual({
				outcome_names: 'os__click.count',
				outcome_time_range: '1h',
			});
			expect(sentUrl(exchange)).toMatch(
				/\/outcomes\?outcome_names%5B%5D=Sales%2C%20Purchase\.count$/,
			);
		},
	},
];
