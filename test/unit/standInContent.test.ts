import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startStandIn, type StandIn } from '../standin';
import { journeysOf } from '../standin/routes/journeys';
import { liveActivitiesOf } from '../standin/routes/liveActivities';
import { APP_ID, createContext } from '../support/context';

/**
 * The content operations against the project's OneSignal stand-in, in-process: real HTTP on
 * loopback, real paging, real export files. End-to-end runs in n8n repeat the main paths.
 */

let standIn: StandIn;

beforeAll(async () => {
	standIn = await startStandIn();
});

afterAll(async () => {
	await standIn?.close();
});

function node(parameters: INodeParameters, organization = false) {
	return createContext({
		parameters,
		credentials: {
			oneSignalAppApi: { appId: APP_ID, apiKey: standIn.seeded!.appKey, baseUrl: standIn.url },
			...(organization
				? {
						oneSignalOrganizationApi: {
							apiKey: standIn.state.organizationKey,
							organizationId: standIn.state.organizationId,
							baseUrl: standIn.url,
						},
					}
				: {}),
		},
	});
}

async function run(
	parameters: INodeParameters,
	organization = false,
): Promise<INodeExecutionData[]> {
	const [items] = await node(parameters, organization).run();
	return items;
}

const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);

describe('segments against the stand-in', () => {
	it('creates, reads, renames and deletes a segment', async () => {
		const [created] = jsonOf(
			await run({
				resource: 'segment',
				operation: 'create',
				name: 'Pro users',
				filters: { conditions: [{ field: 'tag', key: 'plan', relation: 'equals', value: 'pro' }] },
			}),
		);
		expect(created).toMatchObject({ success: true, id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
		const segment = { __rl: true, mode: 'id', value: String(created.id) };

		const [read] = jsonOf(await run({ resource: 'segment', operation: 'get', segment }));
		expect(read).toMatchObject({
			id: created.id,
			name: 'Pro users',
			filters: [{ field: 'tag', key: 'plan', relation: '=', value: 'pro' }],
			subscriber_count: 5,
		});

		await run({
			resource: 'segment',
			operation: 'update',
			segment,
			updateFields: { description: 'Paying users' },
		});
		expect(standIn.state.segments.get(String(created.id))).toMatchObject({
			name: 'Pro users',
			description: 'Paying users',
		});

		expect(jsonOf(await run({ resource: 'segment', operation: 'delete', segment }))).toEqual([
			{ deleted: true, id: created.id },
		]);
		await expect(run({ resource: 'segment', operation: 'get', segment })).rejects.toThrow(
			'Segment not found',
		);
	});

	it('refuses a second segment with the same name (409)', async () => {
		const parameters = {
			resource: 'segment',
			operation: 'create',
			name: 'Twice',
			filters: { conditions: [{ field: 'country', relation: '=', value: 'FR' }] },
		};
		await run(parameters);
		await expect(run(parameters)).rejects.toThrow("Segment 'Twice' already exists");
	});

	it('returns all segments across pages of 300 and stops at the Limit', async () => {
		const before = standIn.requests.length;
		for (let index = 0; index < 320; index++) {
			const id = `0000${index.toString(16).padStart(4, '0')}-0000-4000-8000-000000000000`;
			standIn.state.segments.set(id, {
				id,
				appId: APP_ID,
				name: `Bulk ${index}`,
				filters: [],
				members: [],
				readOnly: false,
				isActive: true,
				createdAt: Date.now() + index,
				updatedAt: Date.now(),
			});
		}
		const total = [...standIn.state.segments.values()].filter((s) => s.appId === APP_ID).length;
		const all = await run({ resource: 'segment', operation: 'getAll', returnAll: true });
		expect(all).toHaveLength(total);
		expect(new Set(all.map((item) => item.json.id)).size).toBe(total);
		const pages = standIn.requests
			.slice(before)
			.filter((entry) => entry.path.endsWith('/segments'));
		expect(pages.map((entry) => entry.query.offset)).toEqual(['0', '300']);

		const limited = await run({
			resource: 'segment',
			operation: 'getAll',
			returnAll: false,
			limit: 301,
		});
		expect(limited).toHaveLength(301);
	});
});

describe('templates against the stand-in', () => {
	it('creates, updates, lists by channel, copies to another app and deletes', async () => {
		const otherApp = standIn.state.addApp('Other App', 'os_v2_app_other');
		const [created] = jsonOf(
			await run({
				resource: 'template',
				operation: 'create',
				name: 'Receipt',
				channel: 'email',
				emailSubject: 'Thanks for your order',
				emailBody: '<p>Order {{ message.custom_data.order }}</p>',
			}),
		);
		expect(created).toMatchObject({ name: 'Receipt', channel: 'email' });
		const template = { __rl: true, mode: 'id', value: String(created.id) };

		const [updated] = jsonOf(
			await run({
				resource: 'template',
				operation: 'update',
				template,
				updateFields: { emailSubject: 'Your receipt' },
			}),
		);
		expect((updated.content as Record<string, unknown>).email_subject).toBe('Your receipt');

		const emails = await run({
			resource: 'template',
			operation: 'getAll',
			returnAll: true,
			filters: { channel: 'email' },
		});
		expect(jsonOf(emails).map((entry) => entry.name)).toContain('Receipt');
		expect(jsonOf(emails).every((entry) => entry.channel === 'email')).toBe(true);

		const [copy] = jsonOf(
			await run(
				{
					resource: 'template',
					operation: 'copyToApp',
					template,
					targetAppId: otherApp.id,
				},
				true,
			),
		);
		expect(standIn.state.templates.get(String(copy.id))).toMatchObject({
			appId: otherApp.id,
			name: 'Receipt',
		});

		await run({ resource: 'template', operation: 'delete', template });
		expect(standIn.state.templates.has(String(created.id))).toBe(false);
	});

	it('pages through templates 50 at a time', async () => {
		for (let index = 0; index < 60; index++) {
			await run({
				resource: 'template',
				operation: 'create',
				name: `Push ${index}`,
				channel: 'push',
				message: `Hello ${index}`,
			});
		}
		const before = standIn.requests.length;
		const all = await run({ resource: 'template', operation: 'getAll', returnAll: true });
		const count = [...standIn.state.templates.values()].filter((t) => t.appId === APP_ID).length;
		expect(all).toHaveLength(count);
		const pages = standIn.requestsTo('GET', '/templates').filter((entry) => entry.seq > before);
		expect(pages.map((entry) => entry.query.offset)).toEqual(['0', '50']);
	});
});

describe('journeys against the stand-in', () => {
	it('creates a journey with steps, activates it, changes one step and reads its stats', async () => {
		const segmentId = [...standIn.state.segments.values()].find((s) => s.name === 'VIP')!.id;
		const [created] = jsonOf(
			await run({
				resource: 'journey',
				operation: 'create',
				name: 'Welcome',
				includedSegmentIds: [segmentId],
				steps: {
					step: [
						{ kind: 'send_push', templateId: standIn.seeded!.templateId },
						{ kind: 'wait', waitMinutes: 60 },
					],
				},
			}),
		);
		expect(created).toMatchObject({ state: 'draft', name: 'Welcome' });
		const nodes = created.nodes as Array<Record<string, unknown>>;
		expect(nodes.map((entry) => entry.kind)).toEqual(['send_push', 'wait']);
		const journey = { __rl: true, mode: 'id', value: String(created.id) };

		const [active] = jsonOf(
			await run({
				resource: 'journey',
				operation: 'update',
				journey,
				updateFields: { state: 'active', concurrencyKey: String(created.concurrency_key) },
			}),
		);
		expect(active.state).toBe('active');
		expect(active.started_at).toEqual(expect.any(String));

		// The concurrency key of the first read is stale now: the API refuses with 409.
		await expect(
			run({
				resource: 'journey',
				operation: 'update',
				journey,
				updateFields: { name: 'Too late', concurrencyKey: String(created.concurrency_key) },
			}),
		).rejects.toThrow('concurrency_key mismatch');

		const [patched] = jsonOf(
			await run({
				resource: 'journey',
				operation: 'updateNode',
				journey,
				nodeId: String(nodes[1].id),
				updateFields: { waitMinutes: 120 },
			}),
		);
		expect((patched.nodes as Array<Record<string, unknown>>)[1]).toMatchObject({
			id: nodes[1].id,
			duration_seconds: 7200,
		});

		const [stats] = jsonOf(await run({ resource: 'journey', operation: 'getStats', journey }));
		expect(Object.keys(stats.nodes as object)).toEqual(nodes.map((entry) => entry.id));

		await run({ resource: 'journey', operation: 'delete', journey });
		expect(journeysOf(standIn.state).has(String(created.id))).toBe(false);
	});

	it('follows next_cursor across pages and stops at the Limit', async () => {
		for (let index = 0; index < 110; index++) {
			await run({
				resource: 'journey',
				operation: 'create',
				name: `Bulk journey ${index}`,
				audienceKind: 'event_trigger',
				eventName: 'signed_up',
			});
		}
		const total = [...journeysOf(standIn.state).values()].filter((j) => j.appId === APP_ID).length;
		const before = standIn.requests.length;
		const all = await run({ resource: 'journey', operation: 'getAll', returnAll: true });
		expect(all).toHaveLength(total);
		expect(new Set(all.map((item) => item.json.id)).size).toBe(total);
		const pages = standIn.requests
			.slice(before)
			.filter((entry) => entry.method === 'GET' && entry.path.endsWith('/journeys'));
		expect(pages).toHaveLength(Math.ceil(total / 50));
		expect(pages[0].query.cursor).toBeUndefined();
		expect(pages[1].query.cursor).toEqual(expect.any(String));

		const limited = await run({
			resource: 'journey',
			operation: 'getAll',
			returnAll: false,
			limit: 60,
		});
		expect(limited).toHaveLength(60);
	});
});

describe('live activities against the stand-in', () => {
	it('starts once per idempotency key, updates and ends an activity', async () => {
		const start: INodeParameters = {
			resource: 'liveActivity',
			operation: 'start',
			activityType: 'OrderAttributes',
			activityId: 'order-77',
			name: 'Order 77',
			heading: 'Your order',
			message: 'Preparing',
			sendTo: 'segments',
			segments: ['VIP'],
			attributes: { values: [{ key: 'order', value: '77' }] },
			contentState: { values: [{ key: 'status', value: 'preparing' }] },
			additionalFields: { idempotencyKey: 'order-77-start' },
		};
		const [first] = jsonOf(await run(start));
		const [second] = jsonOf(await run(start));
		expect(first.replayed).toBe(false);
		expect(second).toMatchObject({ replayed: true, notification_id: first.notification_id });

		await run({
			resource: 'liveActivity',
			operation: 'update',
			activityId: 'order-77',
			name: 'Order 77 shipped',
			contentState: { values: [{ key: 'status', value: 'shipped' }] },
		});
		await run({
			resource: 'liveActivity',
			operation: 'end',
			activityId: 'order-77',
			name: 'Order 77 delivered',
			contentState: { values: [{ key: 'status', value: 'delivered' }] },
		});
		const activity = liveActivitiesOf(standIn.state).get(`${APP_ID}/order-77`)!;
		expect(activity.events.map((event) => event.event)).toEqual(['start', 'update', 'end']);
		expect(activity).toMatchObject({ ended: true, contentState: { status: 'delivered' } });
	});
});

describe('exports, estimates and email metrics against the stand-in', () => {
	it('waits for the subscriptions export and outputs the decompressed CSV', async () => {
		standIn.state.extra.set('exportTiming', { pendingChecks: 1 });
		const [item] = await run({
			resource: 'export',
			operation: 'subscriptions',
			waitForFile: true,
			additionalFields: { segmentName: 'VIP', extraFields: ['external_user_id'] },
		});
		const csv = Buffer.from(item.binary!.data.data, 'base64').toString('utf8');
		const [header, ...rows] = csv.trim().split('\n');
		expect(header.split(',').slice(0, 2)).toEqual(['id', 'identifier']);
		expect(header.split(',').pop()).toBe('external_user_id');
		// VIP holds two people with a push, an email and an SMS subscription each.
		expect(rows).toHaveLength(6);
		expect(csv).toContain('user-ada');
		expect(csv).not.toContain('user-alan');
		expect(String(item.json.csv_file_url)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/exports\/files\//);

		const fileRequests = standIn.requests.filter((entry) =>
			entry.path.startsWith('/exports/files/'),
		);
		expect(fileRequests.map((entry) => entry.status)).toEqual([404, 200]);
		expect(fileRequests.every((entry) => entry.headers.authorization === undefined)).toBe(true);
	});

	it('exports the events of a sent message', async () => {
		standIn.state.extra.set('exportTiming', { pendingChecks: 0 });
		const [sent] = await run({
			resource: 'message',
			operation: 'send',
			channel: 'push',
			sendTo: 'externalIds',
			externalIds: 'user-ada, user-grace',
			message: 'Hello',
		});
		const [item] = await run({
			resource: 'message',
			operation: 'exportEvents',
			messageId: String(sent.json.id),
			waitForFile: true,
		});
		const csv = Buffer.from(item.binary!.data.data, 'base64').toString('utf8');
		expect(csv.split('\n')[0]).toBe('notification_id,subscription_id,event,timestamp');
		expect(csv.match(/,sent,/g)).toHaveLength(2);
	});

	it('estimates a segment audience by channel, narrowed by External IDs', async () => {
		const [vip] = jsonOf(
			await run({
				resource: 'message',
				operation: 'estimateRecipients',
				channel: 'email',
				segments: ['VIP'],
			}),
		);
		expect(vip).toMatchObject({ count: 2, cap_applied: false });
		const [narrowed] = jsonOf(
			await run({
				resource: 'message',
				operation: 'estimateRecipients',
				channel: 'push',
				audience: 'all',
				additionalFields: { externalIds: 'user-ada' },
			}),
		);
		expect(narrowed.count).toBe(1);
	});

	it('reads the email delivery metrics', async () => {
		const [metrics] = jsonOf(await run({ resource: 'email', operation: 'getDeliveryMetrics' }));
		expect(Object.keys(metrics)).toEqual(['last_24_hours', 'last_7_days', 'last_30_days']);
		expect(metrics.last_7_days).toEqual({
			bounce_rate: expect.any(Number),
			complaint_rate: expect.any(Number),
		});
	});
});
