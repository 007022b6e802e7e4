import { randomBytes } from 'crypto';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { startStandIn, type StandIn } from '../standin';
import {
	executionOutput,
	N8nHome,
	outputOf,
	type PublicExecution,
	type StartedN8n,
	waitFor,
	waitForWebhook,
} from '../support/n8n';
import { eventStreamBody } from '../support/eventStream';
import { repoRoot } from '../support/paths';

/**
 * The copy-paste examples under examples/, imported unchanged into real n8n and run the way the
 * README tells users to: the webhook and trigger ones published and fed over HTTP, the list one
 * run by hand. Only the credentials are made here, with the IDs the examples reference.
 */

const EXAMPLES = join(repoRoot, 'examples');
const WELCOME = 'welcome-push-on-sign-up.workflow.json';
const BROADCAST = 'broadcast-from-a-list.workflow.json';
const EVENT_LOG = 'event-stream-to-a-log.workflow.json';
// The README's first-command demo; test/e2e/demo.e2e.test.ts runs it.
const DEMO = 'demo-welcome-push.workflow.json';

interface ExampleNode {
	name: string;
	type: string;
	webhookId?: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

interface Example {
	id: string;
	nodes: ExampleNode[];
}

function example(file: string): Example {
	return JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as Example;
}

const SIGNUP_HEADER = 'X-Signup-Secret';
const SIGNUP_SECRET = randomBytes(24).toString('hex');
const STREAM_HEADER = 'X-Webhook-Secret';
const STREAM_SECRET = randomBytes(24).toString('hex');

let standIn: StandIn;
let home: N8nHome;
let server: StartedN8n;

/** One credential for every credential the examples reference, under the same ID and name. */
function credentialsFor(examples: Example[]): unknown[] {
	const data: Record<string, Record<string, string>> = {
		oneSignalAppApi: {
			appId: standIn.seeded!.appId,
			apiKey: standIn.seeded!.appKey,
			baseUrl: standIn.url,
		},
		httpHeaderAuth: { name: SIGNUP_HEADER, value: SIGNUP_SECRET },
		oneSignalWebhookSecretApi: {
			headerName: STREAM_HEADER,
			secret: STREAM_SECRET,
			urlToken: randomBytes(24).toString('hex'),
		},
	};
	const byId = new Map<string, unknown>();
	for (const node of examples.flatMap((workflow) => workflow.nodes)) {
		for (const [type, reference] of Object.entries(node.credentials ?? {})) {
			if (!data[type]) throw new Error(`No test credential for ${type} (node ${node.name})`);
			byId.set(reference.id, { ...reference, type, data: data[type] });
		}
	}
	return [...byId.values()];
}

async function executionsOf(workflowId: string, count: number): Promise<PublicExecution[]> {
	return await waitFor(`${count} execution(s) of ${workflowId}`, async () => {
		const executions = await home.executions(server.url, workflowId);
		const finished = executions.filter((execution) => execution.status !== 'running');
		return finished.length >= count ? finished : undefined;
	});
}

async function post(path: string, body: unknown, headers: Record<string, string>) {
	const response = await fetch(`${server.url}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
	await response.text();
	return response.status;
}

const welcome = example(WELCOME);
const broadcast = example(BROADCAST);
const eventLog = example(EVENT_LOG);
const welcomePath = String(welcome.nodes.find((node) => node.name === 'Sign-up')!.parameters.path);
const streamPath = `${eventLog.nodes.find((node) => node.name === 'OneSignal Event Stream')!.webhookId}/onesignal`;

beforeAll(async () => {
	standIn = await startStandIn();
	home = await N8nHome.create();
	await home.importCredentials(credentialsFor([welcome, broadcast, eventLog]));
	for (const workflow of [welcome, broadcast, eventLog]) await home.importWorkflow(workflow);
});

afterAll(async () => {
	await home?.dispose();
	await standIn?.close();
});

describe('the example workflows', () => {
	it('are the three documented examples and the demo, each run by a test', () => {
		const files = readdirSync(EXAMPLES).filter((file) => file.endsWith('.json'));
		expect(files.sort()).toEqual([BROADCAST, DEMO, EVENT_LOG, WELCOME].sort());
		const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
		for (const file of files) expect(readme).toContain(`examples/${file}`);
	});

	it('broadcast: one message to every opted-in row, in one request, and who was missed', async () => {
		const first = await home.execute(broadcast.id);
		expect(first.code).toBe(0);
		const items = outputOf(first, 'Send announcement');
		// One output item per opted-in row, in row order; Bob did not opt in.
		expect(items).toHaveLength(6);
		const posts = standIn.requestsTo('POST', '/notifications');
		expect(posts).toHaveLength(1);
		const [request] = posts;
		expect(request.body).toMatchObject({
			target_channel: 'push',
			headings: { en: 'Our spring sale starts today' },
			url: 'https://example.com/spring-sale',
		});
		const recipients = (request.body as { include_aliases: { external_id: string[] } })
			.include_aliases.external_id;
		expect([...recipients].sort()).toEqual(
			[
				'user-ada',
				'user-alan',
				'user-grace',
				'user-katherine',
				'user-linus',
				'user-zed-not-subscribed',
			].sort(),
		);
		const messageId = items[0].id as string;
		expect(messageId).toMatch(/^[0-9a-f-]{36}$/);
		for (const item of items.slice(0, 5)) {
			expect(item).toMatchObject({ id: messageId, replayed: false, request: 1, requests: 1 });
			expect(item.unreachable).toBeUndefined();
		}
		// Zed's row reached nobody: it fails (and the run goes on), as with one message per item.
		expect(items[5]).toMatchObject({
			error: expect.stringContaining("OneSignal sent nothing to this item's recipients"),
			httpCode: '200',
		});
		expect(standIn.state.stats()).toEqual({
			messages: 1,
			distinctRecipients: 5,
			duplicateKeys: 0,
			duplicateRecipients: 0,
		});

		// Running the workflow again with the same list sends nobody a second push.
		const second = await home.execute(broadcast.id);
		const again = outputOf(second, 'Send announcement');
		expect(again).toHaveLength(6);
		expect(again.slice(0, 5).every((item) => item.replayed === true && item.id === messageId)).toBe(
			true,
		);
		expect(standIn.state.messages.size).toBe(1);
		expect(standIn.state.stats().duplicateRecipients).toBe(0);
	});

	describe('published', () => {
		beforeAll(async () => {
			await home.publishWorkflow(welcome.id);
			await home.publishWorkflow(eventLog.id);
			server = await home.start();
			await waitForWebhook(`${server.url}/webhook/${welcomePath}`);
			await waitForWebhook(`${server.url}/webhook/${streamPath}`);
		});

		it('welcome push: a sign-up with the secret header gets one push; a repeat sends nothing new', async () => {
			const before = standIn.state.messages.size;
			expect(await post(welcomePath, { userId: 'user-grace', name: 'Grace' }, {})).toBe(403);
			const signup = { userId: 'user-grace', name: 'Grace' };
			const headers = { [SIGNUP_HEADER]: SIGNUP_SECRET };
			expect(await post(welcomePath, signup, headers)).toBe(200);
			const [first] = await executionsOf(welcome.id, 1);
			expect(first.status).toBe('success');
			const [sent] = executionOutput(first, 'Send welcome push');
			expect(sent).toMatchObject({ recipients: 1, replayed: false });
			expect(standIn.state.messages.size).toBe(before + 1);
			expect(standIn.state.messages.get(String(sent.id))?.body).toMatchObject({
				include_aliases: { external_id: ['user-grace'] },
				headings: { en: 'Welcome, Grace!' },
				url: 'https://example.com/tour',
			});

			// The sign-up service retries the delivery: same key, OneSignal replays the first result.
			expect(await post(welcomePath, signup, headers)).toBe(200);
			const executions = await executionsOf(welcome.id, 2);
			expect(executionOutput(executions[1], 'Send welcome push')[0]).toMatchObject({
				id: sent.id,
				replayed: true,
			});
			expect(standIn.state.messages.size).toBe(before + 1);
		});

		it('welcome push: a sign-up nobody can receive yet ends as a failed execution with the reason', async () => {
			const headers = { [SIGNUP_HEADER]: SIGNUP_SECRET };
			expect(await post(welcomePath, { userId: 'user-new', name: 'New' }, headers)).toBe(200);
			const executions = await executionsOf(welcome.id, 3);
			expect(executions[2].status).toBe('error');
			expect(JSON.stringify(executions[2].data?.resultData.error)).toContain(
				'OneSignal sent nothing',
			);
		});

		it('event log: the run-once branch creates the log table when run from the editor', async () => {
			// Data tables exist only in the server, so this runs as the editor's button does.
			const execution = await home.runManually(
				server.url,
				eventLog.id,
				'Create the log table (run once)',
			);
			expect(execution.status).toBe('success');
			expect(executionOutput(execution, 'Create table')).toEqual([
				expect.objectContaining({ name: 'OneSignal events', id: expect.any(String) }),
			]);
		});

		it('event log: each Event Stream event becomes one row, a redelivered one none', async () => {
			const headers = { [STREAM_HEADER]: STREAM_SECRET };
			const event = (kind: string, id: string) => eventStreamBody(standIn, kind, id);
			expect(await post(streamPath, event('message.push.received', 'evt-1'), headers)).toBe(200);
			expect(await post(streamPath, event('message.push.clicked', 'evt-2'), headers)).toBe(200);
			expect(await post(streamPath, event('message.push.clicked', 'evt-2'), headers)).toBe(200);
			expect(await post(streamPath, event('message.push.sent', 'evt-3'), {})).toBe(401);

			// The manual run that created the table is one execution of this workflow too.
			const executions = (await executionsOf(eventLog.id, 3)).filter(
				(execution) => execution.mode === 'webhook',
			);
			const rows = executions.flatMap((execution) => executionOutput(execution, 'Add to log'));
			expect(rows).toEqual([
				expect.objectContaining({
					id: expect.any(Number),
					time: expect.stringMatching(/^2026-03-01T12:00:00(\.000)?Z$/),
					kind: 'message.push.received',
					eventId: 'evt-1',
					externalId: 'user-ada',
					messageId: 'a3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
				}),
				expect.objectContaining({ kind: 'message.push.clicked', eventId: 'evt-2' }),
			]);
			expect(executions.every((execution) => execution.status === 'success')).toBe(true);
		});
	});
});
