import { randomBytes, randomUUID } from 'crypto';

import { startStandIn, type StandIn } from '../standin';
import { eventStreamBody as sharedEventStreamBody } from '../support/eventStream';
import {
	executionOutput,
	N8nHome,
	type PublicExecution,
	type StartedN8n,
	waitFor,
	waitForWebhook,
} from '../support/n8n';

/**
 * The OneSignal Trigger and the polling trigger in real n8n (`n8n start`, published workflows),
 * fed the way OneSignal and browsers feed them, with executions read back through n8n's public
 * API. The polling trigger reads the OneSignal stand-in.
 */

const SECRET = randomBytes(24).toString('hex');
const URL_TOKEN = randomBytes(24).toString('hex');
const HEADER = 'X-Webhook-Secret';

const WEBHOOK_WORKFLOW = 'osTriggerWebhooks01';
const POLLING_WORKFLOW = 'osTriggerPolling01';
const EVENT_STREAM_PATH = 'e2e-event-stream/onesignal';
const WEB_PUSH_PATH = 'e2e-web-push/onesignal';
const JOURNEY_PATH = 'e2e-journey/onesignal';

let standIn: StandIn;
let home: N8nHome;
let server: StartedN8n;
let oldMessageId: string;

const secretCredential = { id: 'osE2eWebhookSecret', name: 'OneSignal webhook secret' };
const appCredential = { id: 'osE2eAppCredential', name: 'OneSignal stand-in app' };

function triggerNode(
	name: string,
	webhookId: string,
	parameters: Record<string, unknown>,
	x: number,
) {
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-onesignal.oneSignalTrigger',
		typeVersion: 1,
		position: [x, 0],
		webhookId,
		parameters,
		credentials: { oneSignalWebhookSecretApi: secretCredential },
	};
}

function webhookWorkflow() {
	return {
		id: WEBHOOK_WORKFLOW,
		name: 'OneSignal Trigger e2e',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {},
		nodes: [
			triggerNode(
				'Event Stream',
				'e2e-event-stream',
				{ source: 'eventStream', events: ['message.push.*', 'message.email.bounced'] },
				0,
			),
			triggerNode('Web Push', 'e2e-web-push', { source: 'webPushWebhook' }, 300),
			triggerNode('Journey', 'e2e-journey', { source: 'journeyWebhook' }, 600),
		],
	};
}

function pollingWorkflow() {
	return {
		id: POLLING_WORKFLOW,
		name: 'OneSignal polling e2e',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {},
		nodes: [
			{
				id: randomUUID(),
				name: 'New Messages',
				type: 'n8n-nodes-onesignal.oneSignalPollingTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { watch: 'message', pollTimes: { item: [{ mode: 'everyMinute' }] } },
				credentials: { oneSignalAppApi: appCredential },
			},
		],
	};
}

/** The template's body for `kind` and `id`, about the stand-in's user Ada. */
function eventStreamBody(kind: string, id: string) {
	return sharedEventStreamBody(standIn, kind, id);
}

async function post(
	path: string,
	body: string,
	headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
	const response = await fetch(`${server.url}/webhook/${path}`, {
		method: 'POST',
		headers,
		body,
	});
	const text = await response.text();
	let parsed: unknown = text;
	try {
		parsed = JSON.parse(text);
	} catch {
		// Not JSON; keep the text.
	}
	return { status: response.status, body: parsed, headers: response.headers };
}

const withSecret = { [HEADER]: SECRET, 'content-type': 'application/json' };

async function executionsOf(workflowId: string): Promise<PublicExecution[]> {
	return await home.executions(server.url, workflowId);
}

/** Every item of every execution of the webhook workflow, with the node that emitted it. */
async function webhookItems(): Promise<Array<{ node: string; json: Record<string, unknown> }>> {
	const items: Array<{ node: string; json: Record<string, unknown> }> = [];
	for (const execution of await executionsOf(WEBHOOK_WORKFLOW)) {
		for (const node of ['Event Stream', 'Web Push', 'Journey']) {
			for (const json of executionOutput(execution, node)) items.push({ node, json });
		}
	}
	return items;
}

async function createMessage(text: string): Promise<string> {
	const response = await fetch(`${standIn.url}/notifications`, {
		method: 'POST',
		headers: {
			authorization: `Key ${standIn.seeded!.appKey}`,
			'content-type': 'application/json',
		},
		body: JSON.stringify({
			app_id: standIn.seeded!.appId,
			include_aliases: { external_id: ['user-ada'] },
			target_channel: 'push',
			contents: { en: text },
		}),
	});
	const body = (await response.json()) as { id: string };
	expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
	return body.id;
}

async function emittedMessageIds(): Promise<string[]> {
	const executions = await executionsOf(POLLING_WORKFLOW);
	return executions.flatMap((execution) =>
		executionOutput(execution, 'New Messages').map((item) => String(item.id)),
	);
}

async function startServer(): Promise<void> {
	server = await home.start();
	for (const path of [EVENT_STREAM_PATH, WEB_PUSH_PATH, JOURNEY_PATH]) {
		await waitForWebhook(`${server.url}/webhook/${path}`);
	}
}

beforeAll(async () => {
	standIn = await startStandIn();
	home = await N8nHome.create();
	await home.importCredentials([
		{
			...secretCredential,
			type: 'oneSignalWebhookSecretApi',
			data: { headerName: HEADER, secret: SECRET, urlToken: URL_TOKEN },
		},
		{
			...appCredential,
			type: 'oneSignalAppApi',
			data: {
				appId: standIn.seeded!.appId,
				apiKey: standIn.seeded!.appKey,
				baseUrl: standIn.url,
			},
		},
	]);
	await home.importWorkflow(webhookWorkflow());
	await home.importWorkflow(pollingWorkflow());
	await home.publishWorkflow(WEBHOOK_WORKFLOW);
	await home.publishWorkflow(POLLING_WORKFLOW);
	// Sent before the polling trigger is active: it must never be emitted.
	oldMessageId = await createMessage('Sent before the trigger was published');
	await startServer();
});

afterAll(async () => {
	await home?.dispose();
	await standIn?.close();
});

describe('OneSignal Trigger in real n8n', () => {
	it('starts one execution with the normalised item for an Event Stream POST with the right secret', async () => {
		const response = await post(
			EVENT_STREAM_PATH,
			JSON.stringify(eventStreamBody('message.push.clicked', 'evt-clicked-1')),
			withSecret,
		);
		expect(response).toMatchObject({
			status: 200,
			body: { received: true, started: true, events: 1 },
		});
		const [execution] = await waitFor('the Event Stream execution', async () => {
			const executions = await executionsOf(WEBHOOK_WORKFLOW);
			return executions.length > 0 ? executions : undefined;
		});
		expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });
		const [item] = executionOutput(execution, 'Event Stream');
		expect(item).toMatchObject({
			source: 'eventStream',
			kind: 'message.push.clicked',
			channel: 'push',
			action: 'clicked',
			eventId: 'evt-clicked-1',
			time: '2026-03-01T12:00:00.000Z',
			timestamp: 1772366400,
			appId: standIn.seeded!.appId,
			messageId: 'a3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
			templateId: null,
			onesignalId: null,
			externalId: 'user-ada',
			subscriptionId: standIn.seeded!.subscriptionIds['user-ada'].push,
			subscriptionType: 'iOS',
			data: {},
			fromBrowser: false,
			raw: eventStreamBody('message.push.clicked', 'evt-clicked-1'),
		});
	});

	it('answers 401 to a wrong or missing secret', async () => {
		const body = JSON.stringify(eventStreamBody('message.push.sent', 'evt-unauthorized'));
		const attempts: Array<Record<string, string>> = [
			{ 'content-type': 'application/json' },
			{ [HEADER]: `${SECRET.slice(0, -1)}0`, 'content-type': 'application/json' },
			{ [HEADER]: SECRET.slice(0, -1), 'content-type': 'application/json' },
		];
		for (const headers of attempts) {
			expect((await post(EVENT_STREAM_PATH, body, headers)).status).toBe(401);
		}
		expect((await post(JOURNEY_PATH, '{"event":{"id":"j-x"}}')).status).toBe(401);
	});

	it('acknowledges the same event ID a second time without starting anything', async () => {
		const body = JSON.stringify(eventStreamBody('message.email.bounced', 'evt-bounced-1'));
		expect((await post(EVENT_STREAM_PATH, body, withSecret)).body).toEqual({
			received: true,
			started: true,
			events: 1,
		});
		expect(await post(EVENT_STREAM_PATH, body, withSecret)).toMatchObject({
			status: 200,
			body: { received: true, started: false, reason: 'duplicate' },
		});
	});

	it('acknowledges a kind outside the filter with 200 and starts nothing', async () => {
		const body = JSON.stringify(eventStreamBody('message.sms.sent', 'evt-sms-1'));
		expect(await post(EVENT_STREAM_PATH, body, withSecret)).toMatchObject({
			status: 200,
			body: { received: true, started: false, reason: 'filtered' },
		});
	});

	it('refuses an oversized body with 413 and malformed JSON with 400', async () => {
		const oversized = JSON.stringify({
			...eventStreamBody('message.push.sent', 'evt-big'),
			padding: 'x'.repeat(300 * 1024),
		});
		const big = await post(EVENT_STREAM_PATH, oversized, withSecret);
		expect(big.status).toBe(413);
		const malformed = await post(
			EVENT_STREAM_PATH,
			'{"event": {"kind": "message.push.sent"',
			withSecret,
		);
		expect(malformed.status).toBe(400);
		expect(malformed.body).toEqual({ error: expect.stringMatching(/not valid JSON/) });
	});

	it('answers the CORS preflight and takes a text/plain web push body with the URL token', async () => {
		const origin = 'https://shop.example';
		const preflight = await fetch(`${server.url}/webhook/${WEB_PUSH_PATH}?token=${URL_TOKEN}`, {
			method: 'OPTIONS',
			headers: {
				origin,
				'access-control-request-method': 'POST',
				'access-control-request-headers': 'content-type,x-onesignal-event',
			},
		});
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
		expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
		expect(preflight.headers.get('access-control-allow-headers')).toContain('x-onesignal-event');

		// What a browser sends with cors: false: a "simple" request, the JSON as text/plain.
		const body = JSON.stringify({
			event: 'notification.clicked',
			notificationId: 'b3c2a1d0-1111-4222-8333-944455556666',
			heading: 'Sale',
			content: 'Everything 20% off',
			additionalData: { campaign: 'spring' },
			url: 'https://shop.example/sale',
			subscriptionId: '0f1e2d3c-aaaa-4bbb-8ccc-ddddeeeeffff',
		});
		const accepted = await post(`${WEB_PUSH_PATH}?token=${URL_TOKEN}`, body, {
			origin,
			'content-type': 'text/plain;charset=UTF-8',
		});
		expect(accepted.status).toBe(200);
		expect(accepted.headers.get('access-control-allow-origin')).toBe(origin);
		expect((await post(WEB_PUSH_PATH, body, { 'content-type': 'text/plain' })).status).toBe(401);
		expect(
			(await post(`${WEB_PUSH_PATH}?token=${SECRET}`, body, { 'content-type': 'text/plain' }))
				.status,
		).toBe(401);
	});

	it('started exactly one execution per accepted event and none for anything refused', async () => {
		// A last accepted event: once its execution is saved, every earlier one is too.
		const marker = await post(JOURNEY_PATH, '{"event":{"id":"journey-marker"}}', withSecret);
		expect(marker.status).toBe(200);
		const items = await waitFor('the marker execution', async () => {
			const all = await webhookItems();
			return all.some((entry) => entry.json.eventId === 'journey-marker') ? all : undefined;
		});
		expect(items.map(({ node, json }) => [node, json.kind, json.eventId])).toEqual([
			['Event Stream', 'message.push.clicked', 'evt-clicked-1'],
			['Event Stream', 'message.email.bounced', 'evt-bounced-1'],
			[
				'Web Push',
				'notification.clicked',
				'notification.clicked:b3c2a1d0-1111-4222-8333-944455556666:0f1e2d3c-aaaa-4bbb-8ccc-ddddeeeeffff',
			],
			['Journey', 'journey.webhook', 'journey-marker'],
		]);
		expect(items[2].json).toMatchObject({ fromBrowser: true, data: { heading: 'Sale' } });
		expect(home.log).not.toContain(SECRET);
		expect(home.log).not.toContain(URL_TOKEN);
		expect(home.log).not.toContain('[netguard');
	});
});

describe('OneSignal Polling Trigger in real n8n', () => {
	it('emits each new message once, and nothing again after n8n restarts', async () => {
		const first = [await createMessage('New one'), await createMessage('New two')];
		// The trigger polls every minute.
		await waitFor(
			'the polled messages',
			async () => ((await emittedMessageIds()).length >= 2 ? true : undefined),
			{ timeoutMs: 150_000, intervalMs: 1000 },
		);
		expect((await emittedMessageIds()).sort()).toEqual([...first].sort());

		await home.stop(server);
		const whileDown = await createMessage('Sent while n8n was stopped');
		await startServer();
		// The first poll after a restart runs at activation and continues from the stored cursor.
		await waitFor(
			'the message sent while n8n was down',
			async () => ((await emittedMessageIds()).includes(whileDown) ? true : undefined),
			{ timeoutMs: 150_000, intervalMs: 1000 },
		);
		const emitted = await emittedMessageIds();
		expect([...emitted].sort()).toEqual([...first, whileDown].sort());
		expect(emitted).not.toContain(oldMessageId);
		const executions = await executionsOf(POLLING_WORKFLOW);
		expect(executions.every((execution) => execution.status === 'success')).toBe(true);
		expect(standIn.requestsTo('GET', '/notifications').length).toBeGreaterThan(0);

		// The webhook trigger's memory of event IDs survived the restart as well.
		for (const [kind, id] of [
			['message.push.clicked', 'evt-clicked-1'],
			['message.email.bounced', 'evt-bounced-1'],
		]) {
			const again = await post(
				EVENT_STREAM_PATH,
				JSON.stringify(eventStreamBody(kind, id)),
				withSecret,
			);
			expect(again.body).toEqual({ received: true, started: false, reason: 'duplicate' });
		}
	});
});
