import { customEventLog, startStandIn, type StandIn, unsubscribeTokenFor } from '../standin';
import { N8nHome, outputOf, type ExecutionResult } from '../support/n8n';

/**
 * Users, aliases, subscriptions, custom events and outcomes in real n8n against the stand-in:
 * one workflow per resource, all imported at once, each run with `n8n execute`.
 */

const CREDENTIAL_ID = 'osUsersCredential01';
const NODE_TYPE = 'n8n-nodes-onesignal.oneSignal';
const AWKWARD_ID = 'team a/b?c#d e';

let standIn: StandIn;
let home: N8nHome;

interface NodeSpec {
	name: string;
	parameters: Record<string, unknown>;
	type?: string;
	continueOnFail?: boolean;
	executeOnce?: boolean;
}

/** A linear workflow: Manual Trigger, then the nodes in order. */
function workflow(id: string, name: string, nodes: NodeSpec[]): Record<string, unknown> {
	const all = [{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} }, ...nodes];
	const connections: Record<string, unknown> = {};
	all.forEach((node, index) => {
		const next = all[index + 1];
		if (next) connections[node.name] = { main: [[{ node: next.name, type: 'main', index: 0 }]] };
	});
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		connections,
		nodes: all.map((node, index) => {
			const spec = node as NodeSpec;
			const isOneSignal = spec.type === undefined && index > 0;
			return {
				id: `${id}-${index}`,
				name: node.name,
				type: spec.type ?? (index === 0 ? node.type : NODE_TYPE),
				typeVersion: spec.type === 'n8n-nodes-base.code' ? 2 : 1,
				position: [index * 220, 0],
				parameters: node.parameters,
				...(spec.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
				...(spec.executeOnce ? { executeOnce: true } : {}),
				...(isOneSignal
					? { credentials: { oneSignalAppApi: { id: CREDENTIAL_ID, name: 'OneSignal stand-in' } } }
					: {}),
			};
		}),
	};
}

const fromCreated = (path: string) => `={{ $('Create user').item.json.${path} }}`;

function usersWorkflow() {
	return workflow('osE2eUsers01', 'Users', [
		{
			name: 'Create user',
			parameters: {
				resource: 'user',
				operation: 'create',
				externalId: AWKWARD_ID,
				additionalFields: {
					tags: { tag: [{ key: 'plan', value: 'pro' }] },
					timezone: 'Europe/Berlin',
					subscriptions: { subscription: [{ type: 'Email', address: 'team@example.com' }] },
				},
			},
		},
		{
			name: 'Get user',
			parameters: {
				resource: 'user',
				operation: 'get',
				identifyBy: 'onesignalId',
				onesignalId: '={{ $json.identity.onesignal_id }}',
			},
		},
		{
			name: 'Update user',
			parameters: {
				resource: 'user',
				operation: 'update',
				identifyBy: 'externalId',
				externalId: fromCreated('identity.external_id'),
				updateFields: { language: 'fr', removeTags: 'plan' },
				activity: { sessionCount: 1, sessionTime: 90 },
			},
		},
		{
			name: 'Delete user',
			parameters: {
				resource: 'user',
				operation: 'delete',
				externalId: fromCreated('identity.external_id'),
			},
		},
		{
			name: 'Get deleted user',
			continueOnFail: true,
			parameters: {
				resource: 'user',
				operation: 'get',
				externalId: fromCreated('identity.external_id'),
			},
		},
	]);
}

function aliasesWorkflow(adaPushSubscription: string) {
	return workflow('osE2eAliases01', 'Aliases', [
		{
			name: 'Add alias by subscription',
			parameters: {
				resource: 'alias',
				operation: 'upsert',
				identifyBy: 'subscription',
				subscriptionId: adaPushSubscription,
				aliases: { alias: [{ label: 'crm_id', id: 'CRM 7/8' }] },
			},
		},
		{
			name: 'List aliases',
			parameters: {
				resource: 'alias',
				operation: 'getAll',
				identifyBy: 'customAlias',
				aliasLabel: 'crm_id',
				aliasId: 'CRM 7/8',
				options: { output: 'identity' },
			},
		},
		{
			name: 'Delete alias',
			parameters: {
				resource: 'alias',
				operation: 'delete',
				externalId: '={{ $json.identity.external_id }}',
				labelToDelete: 'crm_id',
			},
		},
		{
			name: 'Claim Grace’s ID for Alan',
			continueOnFail: true,
			parameters: {
				resource: 'alias',
				operation: 'upsert',
				externalId: 'user-alan',
				aliases: { alias: [{ label: 'external_id', id: 'user-grace' }] },
			},
		},
	]);
}

function subscriptionsWorkflow(unsubscribeToken: string) {
	return workflow('osE2eSubscriptions1', 'Subscriptions', [
		{
			name: 'Add SMS',
			parameters: {
				resource: 'subscription',
				operation: 'create',
				externalId: 'user-katherine',
				type: 'SMS',
				address: '+15550009999',
			},
		},
		{
			name: 'Move SMS to Linus',
			parameters: {
				resource: 'subscription',
				operation: 'transfer',
				subscriptionId: '={{ $json.id }}',
				targetIdentifyBy: 'externalId',
				targetExternalId: 'user-linus',
			},
		},
		{
			name: 'Turn SMS off',
			parameters: {
				resource: 'subscription',
				operation: 'update',
				subscriptionId: '={{ $json.id }}',
				updateFields: { enabled: false },
			},
		},
		{
			name: 'Update email by token',
			parameters: {
				resource: 'subscription',
				operation: 'updateByToken',
				tokenType: 'Email',
				address: 'katherine@example.com',
				updateFields: { appVersion: '3.1.0' },
			},
		},
		{
			name: 'Unsubscribe email',
			parameters: {
				resource: 'subscription',
				operation: 'unsubscribeEmail',
				messageId: 'b3a0c8bd-3a4c-4b22-9a73-3f1a8c2d1b88',
				unsubscribeToken: unsubscribeToken,
			},
		},
		{
			name: 'Delete SMS',
			parameters: {
				resource: 'subscription',
				operation: 'delete',
				subscriptionId: "={{ $('Add SMS').item.json.id }}",
			},
		},
	]);
}

function eventsWorkflow() {
	return workflow('osE2eEvents01', 'Custom events', [
		{
			name: 'Checkouts',
			type: 'n8n-nodes-base.code',
			parameters: {
				jsCode: [
					"return ['user-ada', 'user-ghost', 'user-grace', 'user-linus']",
					'  .map((user, n) => ({ json: { user, order: `A-${n + 1}`, total: 20 + n } }));',
				].join('\n'),
			},
		},
		{
			name: 'Track checkout',
			continueOnFail: true,
			parameters: {
				resource: 'customEvent',
				operation: 'track',
				name: 'checkout_completed',
				identifyBy: 'externalId',
				externalId: '={{ $json.user }}',
				properties: {
					property: [
						{ name: 'order', value: '={{ $json.order }}' },
						{ name: 'total', value: '={{ $json.total }}' },
					],
				},
				additionalFields: { idempotencyKey: '=checkout-{{ $json.order }}' },
			},
		},
	]);
}

function outcomesWorkflow() {
	return workflow('osE2eOutcomes01', 'Outcomes', [
		{
			name: 'Outcomes',
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
				filters: { attribution: 'direct' },
			},
		},
	]);
}

function expectRan(result: ExecutionResult): void {
	expect(result.run?.data.resultData.error).toBeUndefined();
	expect(result.run?.status).toBe('success');
	expect(result.log).not.toContain('[netguard');
}

beforeAll(async () => {
	standIn = await startStandIn();
	home = await N8nHome.create();
	const seeded = standIn.seeded!;
	await home.importCredentials([
		{
			id: CREDENTIAL_ID,
			name: 'OneSignal stand-in',
			type: 'oneSignalAppApi',
			data: { appId: seeded.appId, apiKey: seeded.appKey, baseUrl: standIn.url },
		},
	]);
	await home.importWorkflow([
		usersWorkflow(),
		aliasesWorkflow(seeded.subscriptionIds['user-ada'].push),
		subscriptionsWorkflow(unsubscribeTokenFor(seeded.subscriptionIds['user-katherine'].email)),
		eventsWorkflow(),
		outcomesWorkflow(),
	]);
});

afterAll(async () => {
	await home?.dispose();
	await standIn?.close();
});

describe('users, aliases, subscriptions, custom events and outcomes in real n8n', () => {
	it('User: creates, reads, updates and deletes a user whose External ID holds / ? # and a space', async () => {
		const result = await home.execute('osE2eUsers01');
		expectRan(result);
		const [created] = outputOf(result, 'Create user');
		expect(created).toMatchObject({
			identity: { external_id: AWKWARD_ID },
			properties: { tags: { plan: 'pro' }, timezone_id: 'Europe/Berlin' },
			subscriptions: [{ type: 'Email', token: 'team@example.com' }],
		});
		expect(outputOf(result, 'Get user')[0]).toMatchObject({
			identity: { external_id: AWKWARD_ID },
		});
		expect(outputOf(result, 'Update user')[0]).toMatchObject({
			properties: { language: 'fr', tags: {}, session_count: 1, session_time: 90 },
		});
		expect(outputOf(result, 'Delete user')).toEqual([
			{ deleted: true, id: AWKWARD_ID, aliasLabel: 'external_id' },
		]);
		expect(outputOf(result, 'Get deleted user')[0]).toMatchObject({
			error: `No user with external_id "${AWKWARD_ID}" in this app`,
			httpCode: '404',
		});
		const paths = standIn.requests
			.filter((request) => request.path.includes('/users/by/external_id/'))
			.map((request) => request.path);
		expect(paths).toContain(
			`/apps/${standIn.seeded!.appId}/users/by/external_id/team%20a%2Fb%3Fc%23d%20e`,
		);
	});

	it('Alias: adds by subscription, lists, deletes, and names the alias of a 409 conflict', async () => {
		const result = await home.execute('osE2eAliases01');
		expectRan(result);
		expect(outputOf(result, 'Add alias by subscription')[0]).toMatchObject({
			identity: { external_id: 'user-ada', crm_id: 'CRM 7/8' },
		});
		expect(outputOf(result, 'List aliases')[0]).toMatchObject({
			identity: { external_id: 'user-ada', crm_id: 'CRM 7/8' },
		});
		expect(outputOf(result, 'Delete alias')[0]).toMatchObject({
			deleted: true,
			label: 'crm_id',
			identity: { external_id: 'user-ada' },
		});
		expect(outputOf(result, 'Claim Grace’s ID for Alan')).toEqual([
			{
				error: 'Alias external_id=user-grace already belongs to another user',
				description: expect.stringContaining('One or more Aliases claimed by another User'),
				httpCode: '409',
			},
		]);
		expect(standIn.state.userByAlias('external_id', 'user-grace')).toBeDefined();
		expect(standIn.state.userByAlias('external_id', 'user-alan')).toBeDefined();
	});

	it('Subscription: creates, transfers, updates, updates by token, unsubscribes and deletes', async () => {
		const result = await home.execute('osE2eSubscriptions1');
		expectRan(result);
		const [sms] = outputOf(result, 'Add SMS');
		expect(sms).toMatchObject({ type: 'SMS', token: '+15550009999', enabled: true });
		expect(outputOf(result, 'Move SMS to Linus')[0]).toMatchObject({
			id: sms.id,
			transferred: true,
			identity: { external_id: 'user-linus' },
		});
		expect(outputOf(result, 'Turn SMS off')[0]).toEqual({
			id: sms.id,
			updated: true,
			subscription: { enabled: false },
		});
		expect(outputOf(result, 'Update email by token')[0]).toMatchObject({ updated: true });
		expect(outputOf(result, 'Unsubscribe email')[0]).toMatchObject({ unsubscribed: true });
		expect(outputOf(result, 'Delete SMS')[0]).toEqual({ deleted: true, id: sms.id });

		const email = standIn.state.subscriptions.get(
			standIn.seeded!.subscriptionIds['user-katherine'].email,
		);
		expect(email).toMatchObject({ app_version: '3.1.0', enabled: false });
		expect(standIn.state.subscriptions.has(String(sms.id))).toBe(false);
	});

	it('Custom Event: one request for the batch; the unknown user’s event fails alone', async () => {
		const log = customEventLog(standIn.state);
		const result = await home.execute('osE2eEvents01');
		expectRan(result);
		const items = outputOf(result, 'Track checkout');
		expect(items).toHaveLength(4);
		expect(items.map((item) => item.tracked)).toEqual([true, undefined, true, true]);
		expect(items[1]).toEqual({
			error:
				'OneSignal did not record the event "checkout_completed" for external_id "user-ghost": failed to find a onesignal_id for user_id user-ghost (not found)',
			description: expect.stringContaining('the other events of the request were recorded'),
			httpCode: '202',
		});
		const posts = standIn.requestsTo('POST', /\/custom_events$/);
		expect(posts).toHaveLength(1);
		const events = (posts[0].body as { events: Array<Record<string, unknown>> }).events;
		expect(events.map((event) => event.payload)).toEqual([
			{ order: 'A-1', total: 20 },
			{ order: 'A-2', total: 21 },
			{ order: 'A-3', total: 22 },
			{ order: 'A-4', total: 23 },
		]);
		expect(new Set(events.map((event) => event.idempotency_key)).size).toBe(4);
		expect(log.recorded.map((event) => event.payload)).toEqual([
			{ order: 'A-1', total: 20 },
			{ order: 'A-3', total: 22 },
			{ order: 'A-4', total: 23 },
		]);

		// The keys name the business events, so a second run records nothing again.
		const again = await home.execute('osE2eEvents01');
		expectRan(again);
		expect(log.recorded).toHaveLength(3);
		expect(log.duplicatesIgnored).toBe(3);
	});

	it('Outcome: one item per outcome for the time range and attribution', async () => {
		const result = await home.execute('osE2eOutcomes01');
		expectRan(result);
		expect(outputOf(result, 'Outcomes')).toEqual([
			{ id: 'os__click', value: 42, aggregation: 'count', timeRange: '1d' },
			{ id: 'os__session_duration', value: 5120, aggregation: 'sum', timeRange: '1d' },
			{ id: 'Purchase', value: 249, aggregation: 'sum', timeRange: '1d' },
		]);
		const [request] = standIn.requestsTo('GET', /\/outcomes$/);
		expect(request.query).toEqual({
			outcome_names: 'os__click.count,os__session_duration.sum,Purchase.sum',
			outcome_time_range: '1d',
			outcome_attribution: 'direct',
		});
	});
});
