import { randomUUID } from 'crypto';

import { startStandIn, type StandIn } from '../standin';
import { journeysOf } from '../standin/routes/journeys';
import { liveActivitiesOf } from '../standin/routes/liveActivities';
import type { StoredMessage } from '../standin/state';
import { N8nHome, outputOf, type ExecutionResult } from '../support/n8n';

/**
 * Segments, templates, journeys, Live Activities, exports, estimates and email metrics, each in
 * workflows a user would build, run in real n8n against the OneSignal stand-in. Three workflows,
 * imported at once and run one after the other, keep the number of n8n processes small.
 */

const APP_CREDENTIAL = { id: 'osE2eContentApp01', name: 'OneSignal app (content e2e)' };
const ORG_CREDENTIAL = { id: 'osE2eContentOrg01', name: 'OneSignal org (content e2e)' };
const TARGET_APP_ID = '9b2d4f6a-8c1e-4a3b-9d5f-7e1a3c5b7d90';

let standIn: StandIn;
let home: N8nHome;

type Parameters = Record<string, unknown>;
interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Parameters;
	credentials?: Record<string, { id: string; name: string }>;
}

/** A workflow from a list of nodes and the links between them (the first node is the trigger). */
function workflow(id: string, name: string, nodes: WorkflowNode[], links: Array<[string, string]>) {
	const connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: string; index: number }>> }
	> = {};
	for (const [from, to] of links) {
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: to, type: 'main', index: 0 });
	}
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

let position = 0;
function trigger(name = 'Start'): WorkflowNode {
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
}

function oneSignal(name: string, parameters: Parameters, organization = false): WorkflowNode {
	position += 200;
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-onesignal.oneSignal',
		typeVersion: 1,
		position: [position, 0],
		parameters,
		credentials: {
			oneSignalAppApi: APP_CREDENTIAL,
			...(organization ? { oneSignalOrganizationApi: ORG_CREDENTIAL } : {}),
		},
	};
}

function csvToJson(name: string): WorkflowNode {
	position += 200;
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.extractFromFile',
		typeVersion: 1.1,
		position: [position, 200],
		parameters: { operation: 'csv', binaryPropertyName: 'data', options: {} },
	};
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const segmentsAndTemplates = workflow(
	'osE2eContentSegTpl',
	'Content e2e: segments and templates',
	[
		trigger(),
		oneSignal('Create segment', {
			resource: 'segment',
			operation: 'create',
			name: 'E2E pro users',
			filters: { conditions: [{ field: 'tag', key: 'plan', relation: 'equals', value: 'pro' }] },
		}),
		oneSignal('Describe segment', {
			resource: 'segment',
			operation: 'update',
			segment: byId('={{ $json.id }}'),
			updateFields: { description: 'Created by the e2e run' },
		}),
		oneSignal('Get segment', {
			resource: 'segment',
			operation: 'get',
			segment: byId("={{ $('Create segment').item.json.id }}"),
		}),
		oneSignal('Delete segment', {
			resource: 'segment',
			operation: 'delete',
			segment: byId("={{ $('Create segment').item.json.id }}"),
		}),
		oneSignal('All segments', { resource: 'segment', operation: 'getAll', returnAll: true }),
		oneSignal('Create template', {
			resource: 'template',
			operation: 'create',
			name: 'E2E order shipped',
			channel: 'push',
			heading: 'On its way',
			message: 'Order {{ message.custom_data.order }} has shipped',
		}),
		oneSignal(
			'Copy template',
			{
				resource: 'template',
				operation: 'copyToApp',
				template: byId('={{ $json.id }}'),
				targetAppId: TARGET_APP_ID,
			},
			true,
		),
		oneSignal('Rename template', {
			resource: 'template',
			operation: 'update',
			template: byId("={{ $('Create template').item.json.id }}"),
			updateFields: { name: 'E2E order shipped (v2)' },
		}),
		oneSignal('Delete template', {
			resource: 'template',
			operation: 'delete',
			template: byId("={{ $('Create template').item.json.id }}"),
		}),
		oneSignal('Push templates', {
			resource: 'template',
			operation: 'getAll',
			returnAll: true,
			filters: { channel: 'push' },
		}),
	],
	[
		['Start', 'Create segment'],
		['Create segment', 'Describe segment'],
		['Describe segment', 'Get segment'],
		['Get segment', 'Delete segment'],
		['Delete segment', 'All segments'],
		['Start', 'Create template'],
		['Create template', 'Copy template'],
		['Copy template', 'Rename template'],
		['Rename template', 'Delete template'],
		['Delete template', 'Push templates'],
	],
);

function journeysAndLiveActivities(vipSegmentId: string, templateId: string) {
	return workflow(
		'osE2eContentJourney',
		'Content e2e: journeys and Live Activities',
		[
			trigger(),
			oneSignal('Create journey', {
				resource: 'journey',
				operation: 'create',
				name: 'E2E welcome',
				audienceKind: 'segment',
				includedSegmentIds: [vipSegmentId],
				steps: {
					step: [
						{ kind: 'send_push', templateId },
						{ kind: 'wait', waitMinutes: 60 },
						{ kind: 'tag', tags: 'welcomed=true' },
					],
				},
				additionalFields: { exitOnSession: true },
			}),
			oneSignal('Activate journey', {
				resource: 'journey',
				operation: 'update',
				journey: byId('={{ $json.id }}'),
				updateFields: { state: 'active', concurrencyKey: '={{ $json.concurrency_key }}' },
			}),
			oneSignal('Longer wait', {
				resource: 'journey',
				operation: 'updateNode',
				journey: byId('={{ $json.id }}'),
				nodeId: '={{ $json.nodes[1].id }}',
				updateFields: { waitMinutes: 120 },
			}),
			oneSignal('Journey stats', {
				resource: 'journey',
				operation: 'getStats',
				journey: byId("={{ $('Create journey').item.json.id }}"),
			}),
			oneSignal('All journeys', { resource: 'journey', operation: 'getAll', returnAll: true }),
			oneSignal('Start activity', {
				resource: 'liveActivity',
				operation: 'start',
				activityType: 'OrderAttributes',
				activityId: 'e2e-order-1',
				name: 'E2E order 1',
				heading: 'Your order',
				message: 'We are preparing it',
				sendTo: 'externalIds',
				externalIds: 'user-ada',
				attributes: { values: [{ key: 'order', value: '1' }] },
				contentState: { values: [{ key: 'status', value: 'preparing' }] },
			}),
			oneSignal('Update activity', {
				resource: 'liveActivity',
				operation: 'update',
				activityId: 'e2e-order-1',
				name: 'E2E order 1 shipped',
				contentState: { values: [{ key: 'status', value: 'shipped' }] },
				additionalFields: { message: 'Your order is on its way' },
			}),
			oneSignal('End activity', {
				resource: 'liveActivity',
				operation: 'end',
				activityId: 'e2e-order-1',
				name: 'E2E order 1 delivered',
				contentState: { values: [{ key: 'status', value: 'delivered' }] },
				additionalFields: { dismissalDate: '2030-01-01T12:00:00Z' },
			}),
		],
		[
			['Start', 'Create journey'],
			['Create journey', 'Activate journey'],
			['Activate journey', 'Longer wait'],
			['Longer wait', 'Journey stats'],
			['Journey stats', 'All journeys'],
			['Start', 'Start activity'],
			['Start activity', 'Update activity'],
			['Update activity', 'End activity'],
		],
	);
}

const exportsAndMessages = workflow(
	'osE2eContentExports',
	'Content e2e: exports, estimates, history and email metrics',
	[
		trigger(),
		oneSignal('Send push', {
			resource: 'message',
			operation: 'send',
			channel: 'push',
			sendTo: 'externalIds',
			externalIds: 'user-ada, user-grace',
			message: 'Your weekly summary is ready',
		}),
		oneSignal('Message history', {
			resource: 'message',
			operation: 'getHistory',
			messageId: '={{ $json.id }}',
			events: 'sent',
			waitForFile: true,
		}),
		oneSignal('Export events', {
			resource: 'message',
			operation: 'exportEvents',
			messageId: "={{ $('Send push').item.json.id }}",
			waitForFile: true,
		}),
		csvToJson('Events CSV'),
		oneSignal('Export VIP subscriptions', {
			resource: 'export',
			operation: 'subscriptions',
			waitForFile: true,
			additionalFields: { segmentName: 'VIP', extraFields: ['external_user_id'] },
		}),
		csvToJson('Subscriptions CSV'),
		oneSignal('Estimate VIP email', {
			resource: 'message',
			operation: 'estimateRecipients',
			channel: 'email',
			audience: 'segments',
			segments: ['VIP'],
		}),
		oneSignal('Email metrics', { resource: 'email', operation: 'getDeliveryMetrics' }),
		oneSignal('Messages since 2020', {
			resource: 'message',
			operation: 'getAll',
			order: 'fromTime',
			startFrom: '2020-01-01T00:00:00Z',
			returnAll: true,
		}),
	],
	[
		['Start', 'Send push'],
		['Send push', 'Message history'],
		['Message history', 'Export events'],
		['Export events', 'Events CSV'],
		['Export events', 'Export VIP subscriptions'],
		['Export VIP subscriptions', 'Subscriptions CSV'],
		['Send push', 'Estimate VIP email'],
		['Estimate VIP email', 'Email metrics'],
		['Email metrics', 'Messages since 2020'],
	],
);

/** Enough records that every Return All above needs more than one page. */
function seedBulk(): void {
	const now = Date.now();
	const appId = standIn.seeded!.appId;
	for (let index = 0; index < 305; index++) {
		const id = randomUUID();
		standIn.state.segments.set(id, {
			id,
			appId,
			name: `Bulk segment ${index}`,
			filters: [],
			members: [],
			readOnly: false,
			isActive: true,
			createdAt: now + index,
			updatedAt: now,
		});
	}
	for (let index = 0; index < 55; index++) {
		const id = randomUUID();
		standIn.state.templates.set(id, {
			id,
			appId,
			name: `Bulk template ${index}`,
			channel: 'push',
			content: { contents: { en: `Hello ${index}` } },
			createdAt: now + index,
			updatedAt: now,
		});
	}
	for (let index = 0; index < 55; index++) {
		const id = randomUUID();
		journeysOf(standIn.state).set(id, {
			id,
			appId,
			name: `Bulk journey ${index}`,
			description: '',
			state: 'draft',
			createdAt: now - 60_000 - index,
			updatedAt: now,
			startedAt: null,
			archivedAt: null,
			audience: { kind: 'event_trigger', name: 'signed_up' },
			earlyExit: null,
			reentryRules: null,
			schedule: null,
			nodes: [],
			concurrencyKey: randomUUID(),
		});
	}
	for (let index = 0; index < 60; index++) {
		const message: StoredMessage = {
			id: randomUUID(),
			appId,
			body: { app_id: appId, contents: { en: `Old message ${index}` } },
			recipients: ['external_id:user-ada'],
			channel: 'push',
			createdAt: Date.parse('2024-06-01T00:00:00Z') + index * 60_000,
			canceled: false,
		};
		standIn.state.messages.set(message.id, message);
		standIn.state.messageOrder.push(message.id);
	}
	standIn.state.addApp('E2E target app', 'os_v2_app_target', TARGET_APP_ID);
	// Each export file answers 404 once before it is there.
	standIn.state.extra.set('exportTiming', { pendingChecks: 1 });
}

function expectSuccess(result: ExecutionResult): void {
	const error = result.run?.data.resultData.error;
	expect({ error, status: result.run?.status, code: result.code }).toEqual({
		error: undefined,
		status: 'success',
		code: 0,
	});
}

beforeAll(async () => {
	standIn = await startStandIn();
	seedBulk();
	home = await N8nHome.create();
	const data = { baseUrl: standIn.url };
	await home.importCredentials([
		{
			...APP_CREDENTIAL,
			type: 'oneSignalAppApi',
			data: { ...data, appId: standIn.seeded!.appId, apiKey: standIn.seeded!.appKey },
		},
		{
			...ORG_CREDENTIAL,
			type: 'oneSignalOrganizationApi',
			data: {
				...data,
				apiKey: standIn.seeded!.organizationKey,
				organizationId: standIn.seeded!.organizationId,
			},
		},
	]);
	const vip = [...standIn.state.segments.values()].find((segment) => segment.name === 'VIP')!;
	await home.importWorkflow([
		segmentsAndTemplates,
		journeysAndLiveActivities(vip.id, standIn.seeded!.templateId),
		exportsAndMessages,
	]);
});

afterAll(async () => {
	await home?.dispose();
	await standIn?.close();
});

describe('content workflows in real n8n', () => {
	it('manages segments and templates, and returns all of them across pages', async () => {
		const before = standIn.requests.length;
		const result = await home.execute('osE2eContentSegTpl');
		expectSuccess(result);

		const [created] = outputOf(result, 'Create segment');
		expect(created).toMatchObject({ success: true, filterExpression: 'tag:plan = "pro"' });
		expect(outputOf(result, 'Get segment')).toEqual([
			expect.objectContaining({
				id: created.id,
				name: 'E2E pro users',
				description: 'Created by the e2e run',
				subscriber_count: 5,
			}),
		]);
		expect(outputOf(result, 'Delete segment')).toEqual([{ deleted: true, id: created.id }]);
		expect(standIn.state.segments.has(String(created.id))).toBe(false);

		// 3 seeded + 305 bulk segments: two pages of at most 300.
		const segments = outputOf(result, 'All segments');
		expect(segments).toHaveLength(308);
		const segmentPages = standIn
			.requestsTo('GET', /\/segments$/)
			.filter((entry) => entry.seq > before);
		expect(segmentPages.map((entry) => [entry.query.limit, entry.query.offset])).toEqual([
			['300', '0'],
			['300', '300'],
		]);

		const [template] = outputOf(result, 'Create template');
		const [copy] = outputOf(result, 'Copy template');
		expect(standIn.state.templates.get(String(copy.id))).toMatchObject({
			appId: TARGET_APP_ID,
			name: 'E2E order shipped',
		});
		const copyRequest = standIn.requestsTo('POST', /\/copy_to_app$/).pop()!;
		expect(copyRequest.headers.authorization).toBe(`Key ${standIn.seeded!.organizationKey}`);
		expect(outputOf(result, 'Rename template')[0]).toMatchObject({
			name: 'E2E order shipped (v2)',
		});
		expect(outputOf(result, 'Delete template')).toEqual([{ deleted: true, id: template.id }]);

		// The seeded template and 55 bulk ones: two pages of at most 50.
		const templates = outputOf(result, 'Push templates');
		expect(templates).toHaveLength(56);
		expect(templates.every((entry) => entry.channel === 'push')).toBe(true);
		expect(result.log).not.toContain('[netguard');
	});

	it('builds, activates and changes a journey, and drives a Live Activity from start to end', async () => {
		const result = await home.execute('osE2eContentJourney');
		expectSuccess(result);

		const [journey] = outputOf(result, 'Create journey');
		expect(journey).toMatchObject({ state: 'draft', name: 'E2E welcome' });
		expect(outputOf(result, 'Activate journey')[0]).toMatchObject({ state: 'active' });
		const [changed] = outputOf(result, 'Longer wait');
		expect((changed.nodes as Array<Record<string, unknown>>)[1]).toMatchObject({
			kind: 'wait',
			duration_seconds: 7200,
		});
		const [stats] = outputOf(result, 'Journey stats');
		expect(Object.keys(stats.nodes as object)).toHaveLength(3);
		// 55 bulk journeys and this one, newest first, through the next_cursor pages.
		const journeys = outputOf(result, 'All journeys');
		expect(journeys).toHaveLength(56);
		expect(journeys[0]).toMatchObject({ id: journey.id, state: 'active' });
		const cursors = standIn.requestsTo('GET', /\/journeys$/).map((entry) => entry.query.cursor);
		expect(cursors[0]).toBeUndefined();
		expect(cursors[1]).toEqual(expect.any(String));

		expect(outputOf(result, 'Start activity')[0]).toMatchObject({
			notification_id: expect.any(String),
			activityId: 'e2e-order-1',
			replayed: false,
		});
		expect(outputOf(result, 'End activity')[0]).toMatchObject({ event: 'end' });
		const activity = liveActivitiesOf(standIn.state).get(`${standIn.seeded!.appId}/e2e-order-1`)!;
		expect(activity.events.map((event) => event.event)).toEqual(['start', 'update', 'end']);
		expect(activity).toMatchObject({
			ended: true,
			attributes: { order: 1 },
			contentState: { status: 'delivered' },
		});
	});

	it('downloads exports as CSV binary data and reads the other reports', async () => {
		const result = await home.execute('osE2eContentExports');
		expectSuccess(result);

		const [sent] = outputOf(result, 'Send push');
		const [history] = outputOf(result, 'Message history');
		expect(history).toMatchObject({ success: true, fileName: `${String(sent.id)}_sent.csv` });

		const [events] = outputOf(result, 'Export events');
		expect(String(events.csv_file_url)).toContain('/exports/files/');
		expect(events.fileName).toBe(`${String(sent.id)}_events.csv`);
		const eventRows = outputOf(result, 'Events CSV');
		expect(eventRows).toHaveLength(4);
		expect(eventRows.filter((row) => row.event === 'sent')).toHaveLength(2);
		expect(new Set(eventRows.map((row) => row.notification_id))).toEqual(new Set([sent.id]));

		const [subscriptions] = outputOf(result, 'Export VIP subscriptions');
		expect(String(subscriptions.csv_file_url)).toMatch(/\.csv\.gz$/);
		const rows = outputOf(result, 'Subscriptions CSV');
		// VIP holds Ada and Grace, with a push, an email and an SMS subscription each.
		expect(rows).toHaveLength(6);
		expect(new Set(rows.map((row) => row.external_user_id))).toEqual(
			new Set(['user-ada', 'user-grace']),
		);
		expect(rows.map((row) => row.identifier)).toContain('ada@example.com');

		// Every file was asked for twice (404, then the file) and never with a key.
		const files = standIn.requests.filter((entry) => entry.path.startsWith('/exports/files/'));
		expect(files.map((entry) => entry.status)).toEqual([404, 200, 404, 200, 404, 200]);
		expect(files.every((entry) => entry.headers.authorization === undefined)).toBe(true);

		expect(outputOf(result, 'Estimate VIP email')[0]).toMatchObject({ count: 2 });
		expect(Object.keys(outputOf(result, 'Email metrics')[0])).toEqual([
			'last_24_hours',
			'last_7_days',
			'last_30_days',
		]);
		// 60 old messages and the new one, oldest first, through time_offset pages of 50.
		const messages = outputOf(result, 'Messages since 2020');
		expect(messages).toHaveLength(61);
		expect(messages[0].contents).toEqual({ en: 'Old message 0' });
		expect(messages[60].id).toBe(sent.id);
		const pulls = standIn
			.requestsTo('GET', '/notifications')
			.filter((entry) => entry.query.time_offset !== undefined);
		expect(pulls[0].query.time_offset).toBe('2020-01-01T00:00:00.000Z');
		expect(pulls).toHaveLength(3);
		expect(result.log).not.toContain('[netguard');
	});
});
