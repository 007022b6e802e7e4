import { randomBytes, randomUUID } from 'crypto';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { OneSignalTrigger } from '../../nodes/OneSignalTrigger/OneSignalTrigger.node';
import {
	createHookContext,
	createTriggerExecuteContext,
	createWebhookContext,
	type WebhookRequestOptions,
} from '../support/triggerContext';

// Random per run, so a search for them in output and logs cannot pass by luck.
const SECRET = randomBytes(16).toString('hex');
const URL_TOKEN = randomBytes(16).toString('hex');
const credentials = { headerName: 'X-Webhook-Secret', secret: SECRET, urlToken: URL_TOKEN };
const authorized = { 'x-webhook-secret': SECRET, 'content-type': 'application/json' };

function streamEvent(kind: string, id = `evt-${kind}`) {
	return {
		event: {
			kind,
			id,
			timestamp: '1772366400',
			datetime: '',
			app_id: '5e1c9a34-2f6b-4d8e-9c1a-7b3d2e4f6a80',
			external_id: 'user-ada',
		},
		message: { id: 'msg-1', template_id: '' },
	};
}

async function send(
	parameters: INodeParameters,
	request: WebhookRequestOptions,
	staticData: IDataObject = {},
	secretCredential: IDataObject = credentials,
	workflowId?: string,
) {
	const test = createWebhookContext({
		parameters,
		credentials: secretCredential as never,
		request,
		staticData,
		workflowId,
	});
	const result = await test.run();
	return { ...test, result };
}

const eventStream = { source: 'eventStream' };

describe('OneSignal Trigger: who may start the workflow', () => {
	it('starts the workflow with one normalised item for an Event Stream POST with the right secret', async () => {
		const { result, response } = await send(eventStream, {
			headers: authorized,
			body: JSON.stringify(streamEvent('message.push.clicked')),
		});
		expect(response.status).toBeUndefined();
		expect(result.webhookResponse).toEqual({ received: true, started: true, events: 1 });
		expect(result.workflowData).toHaveLength(1);
		expect(result.workflowData![0]).toHaveLength(1);
		expect(result.workflowData![0][0].json).toMatchObject({
			source: 'eventStream',
			kind: 'message.push.clicked',
			eventId: 'evt-message.push.clicked',
			timestamp: 1772366400,
			time: '2026-03-01T12:00:00.000Z',
			messageId: 'msg-1',
			templateId: null,
			externalId: 'user-ada',
			fromBrowser: false,
		});
	});

	it.each([
		['no secret header', { 'content-type': 'application/json' }],
		['a wrong secret', { ...authorized, 'x-webhook-secret': `${SECRET.slice(1)}!` }],
		['the secret in another header', { 'x-other': SECRET }],
	])('answers 401 and reads nothing for %s', async (_, headers) => {
		const { result, response, bytesRead } = await send(eventStream, {
			headers,
			body: JSON.stringify(streamEvent('message.push.clicked')),
		});
		expect(response).toEqual({ status: 401, body: { error: 'Unauthorized' } });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(bytesRead()).toBe(0);
	});

	it('refuses everything, and says why in the log, when the credential uses an X-OneSignal header', async () => {
		const { response, logs } = await send(
			eventStream,
			{
				headers: { 'x-onesignal-secret': SECRET },
				body: JSON.stringify(streamEvent('message.push.clicked')),
			},
			{},
			{ ...credentials, headerName: 'X-OneSignal-Secret' },
		);
		expect(response.status).toBe(401);
		expect(logs).toContainEqual(
			expect.objectContaining({
				level: 'warn',
				meta: { problem: expect.stringMatching(/X-OneSignal/) },
			}),
		);
		expect(JSON.stringify(logs)).not.toContain(SECRET);
	});

	it('uses the same secret header for Journey webhooks', async () => {
		const ok = await send(
			{ source: 'journeyWebhook' },
			{ headers: authorized, body: '{"event":{"id":"j-1"},"user":{"external_id":"user-ada"}}' },
		);
		expect(ok.result.workflowData![0][0].json).toMatchObject({
			source: 'journeyWebhook',
			kind: 'journey.webhook',
			eventId: 'j-1',
		});
		const refused = await send({ source: 'journeyWebhook' }, { body: '{}' });
		expect(refused.response.status).toBe(401);
	});

	it('accepts a web push only with the URL token, never with the header secret', async () => {
		const body = JSON.stringify({
			event: 'notification.clicked',
			notificationId: 'n-1',
			subscriptionId: 's-1',
		});
		const webPush = { source: 'webPushWebhook' };
		const ok = await send(webPush, {
			headers: { 'content-type': 'text/plain;charset=UTF-8' },
			query: { token: URL_TOKEN },
			body,
		});
		expect(ok.result.workflowData![0][0].json).toMatchObject({
			kind: 'notification.clicked',
			fromBrowser: true,
		});
		for (const request of [
			{ body },
			{ query: { token: URL_TOKEN.slice(1) }, body },
			{ query: { token: SECRET }, body },
			{ headers: authorized, body },
		]) {
			expect((await send(webPush, request)).response.status).toBe(401);
		}
	});
});

describe('OneSignal Trigger: bodies it refuses', () => {
	it('answers 413 without reading a body announced as too large', async () => {
		const body = JSON.stringify({ ...streamEvent('message.push.sent'), padding: 'x'.repeat(2048) });
		const { response, result, bytesRead } = await send(
			{ ...eventStream, settings: { maxBodyKb: 1 } },
			{ headers: authorized, body },
		);
		expect(response.status).toBe(413);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(bytesRead()).toBe(0);
	});

	it('answers 413 for a chunked body once it passes the limit', async () => {
		const { response } = await send(
			{ ...eventStream, settings: { maxBodyKb: 1 } },
			{ headers: authorized, body: ['{"event":', '"' + 'x'.repeat(1500) + '"', '}'] },
		);
		expect(response.status).toBe(413);
	});

	it.each([
		['malformed JSON', '{"event": {"kind": "message.push.sent"', /not valid JSON/],
		['an empty body', '', /empty/],
		['a JSON string', '"message.push.sent"', /JSON object/],
		['an event without kind', '{"event": {"id": "x"}}', /event\.kind/],
	])('answers 400 for %s and starts nothing', async (_, body, problem) => {
		const { response, result } = await send(eventStream, { headers: authorized, body });
		expect(response.status).toBe(400);
		expect((response.body as { error: string }).error).toMatch(problem);
		expect(result.workflowData).toBeUndefined();
	});

	it('answers 415 for a compressed body', async () => {
		const { response } = await send(eventStream, {
			headers: { ...authorized, 'content-encoding': 'gzip' },
			body: 'not really gzip',
		});
		expect(response.status).toBe(415);
	});

	it('answers 400 when the body stream breaks off, and starts nothing', async () => {
		const test = createWebhookContext({
			parameters: eventStream,
			credentials,
			request: { headers: authorized, body: ['{"event":'], breakOff: true },
		});
		await expect(test.run()).resolves.toEqual({ noWebhookResponse: true });
		expect(test.response.status).toBe(400);
	});

	it('answers 500 and starts nothing when the credential cannot be loaded', async () => {
		const test = createWebhookContext({ parameters: eventStream, request: { body: '{}' } });
		await expect(test.run()).resolves.toEqual({ noWebhookResponse: true });
		expect(test.response.status).toBe(500);
		expect(test.logs).toContainEqual(expect.objectContaining({ level: 'warn' }));
	});

	it('uses the body n8n already read when it did', async () => {
		const raw = Buffer.from(JSON.stringify(streamEvent('message.sms.sent')));
		const { result } = await send(eventStream, { headers: authorized, rawBody: raw });
		expect(result.workflowData![0][0].json).toMatchObject({ kind: 'message.sms.sent' });
	});
});

describe('OneSignal Trigger: events it acknowledges without starting anything', () => {
	it('answers 200 and starts nothing for a kind outside the filter', async () => {
		const parameters = {
			...eventStream,
			events: ['message.push.*', 'message.email.bounced'],
		};
		const filtered = await send(parameters, {
			headers: authorized,
			body: JSON.stringify(streamEvent('message.sms.sent')),
		});
		expect(filtered.response.status).toBeUndefined();
		expect(filtered.result).toEqual({
			webhookResponse: { received: true, started: false, reason: 'filtered' },
		});
		for (const kind of ['message.push.received', 'message.email.bounced']) {
			const accepted = await send(parameters, {
				headers: authorized,
				body: JSON.stringify(streamEvent(kind)),
			});
			expect(accepted.result.workflowData).toBeDefined();
		}
	});

	it('adds the Additional Event Patterns to the filter', async () => {
		const { result } = await send(
			{
				...eventStream,
				events: ['message.push.*'],
				settings: { extraPatterns: 'message.*.clicked' },
			},
			{ headers: authorized, body: JSON.stringify(streamEvent('message.email.clicked')) },
		);
		expect(result.workflowData).toBeDefined();
	});

	it('filters web push events by name, older names included', async () => {
		const parameters = { source: 'webPushWebhook', webPushEvents: ['notification.willDisplay'] };
		const request = (event: string) => ({
			query: { token: URL_TOKEN },
			body: JSON.stringify({ event, id: 'n-1', userId: 's-1' }),
		});
		expect(
			(await send(parameters, request('notification.displayed'))).result.workflowData,
		).toBeDefined();
		expect((await send(parameters, request('notification.clicked'))).result).toEqual({
			webhookResponse: { received: true, started: false, reason: 'filtered' },
		});
	});

	it('starts the workflow once for the same event ID sent twice', async () => {
		const staticData: IDataObject = {};
		const body = JSON.stringify(streamEvent('message.push.clicked', 'same-id'));
		const first = await send(eventStream, { headers: authorized, body }, staticData);
		const second = await send(eventStream, { headers: authorized, body }, staticData);
		expect(first.result.workflowData).toBeDefined();
		expect(second.result).toEqual({
			webhookResponse: { received: true, started: false, reason: 'duplicate' },
		});
		const other = await send(
			eventStream,
			{
				headers: authorized,
				body: JSON.stringify(streamEvent('message.push.clicked', 'other-id')),
			},
			staticData,
		);
		expect(other.result.workflowData).toBeDefined();
	});

	it('still recognises an ID when n8n did not save the static data the webhook changed', async () => {
		// n8n 2.41 drops static data changed by a webhook that starts an execution: each request
		// then starts from what was saved before.
		const workflowId = randomUUID();
		const body = JSON.stringify(streamEvent('message.push.clicked', 'unsaved-id'));
		const first = await send(
			eventStream,
			{ headers: authorized, body },
			{},
			credentials,
			workflowId,
		);
		const second = await send(
			eventStream,
			{ headers: authorized, body },
			{},
			credentials,
			workflowId,
		);
		expect(first.result.workflowData).toBeDefined();
		expect(second.result.webhookResponse).toMatchObject({ started: false, reason: 'duplicate' });
	});

	it('writes the seen IDs into the execution’s static data, so they outlast a restart', async () => {
		const workflowId = randomUUID();
		const body = JSON.stringify(streamEvent('message.push.clicked', 'kept-id'));
		const accepted = await send(
			eventStream,
			{ headers: authorized, body },
			{},
			credentials,
			workflowId,
		);
		const items = accepted.result.workflowData![0].map((item) => item.json);

		const executionStaticData: IDataObject = {};
		const output = await createTriggerExecuteContext({
			parameters: eventStream,
			items,
			staticData: executionStaticData,
			workflowId,
		}).run();
		expect(output).toEqual([items.map((json, index) => ({ json, pairedItem: { item: index } }))]);
		expect(executionStaticData.seenEventIds).toMatchObject({ ids: ['eventStream:kept-id'] });

		// A restarted n8n has no process memory (another workflow ID here) but loads the saved data.
		const afterRestart = await send(
			eventStream,
			{ headers: authorized, body },
			structuredClone(executionStaticData),
			credentials,
			randomUUID(),
		);
		expect(afterRestart.result.webhookResponse).toMatchObject({ reason: 'duplicate' });
	});

	it('starts again for a repeated ID when de-duplication is off', async () => {
		const staticData: IDataObject = {};
		const parameters = { ...eventStream, settings: { dedupeWindowMinutes: 0 } };
		const body = JSON.stringify(streamEvent('message.push.clicked', 'same-id'));
		await send(parameters, { headers: authorized, body }, staticData);
		const again = await send(parameters, { headers: authorized, body }, staticData);
		expect(again.result.workflowData).toBeDefined();
	});

	it('keeps only new events of a list and emits one item each', async () => {
		const staticData: IDataObject = {};
		await send(
			eventStream,
			{ headers: authorized, body: JSON.stringify(streamEvent('message.push.sent', 'a')) },
			staticData,
		);
		const { result } = await send(
			eventStream,
			{
				headers: authorized,
				body: JSON.stringify([
					streamEvent('message.push.sent', 'a'),
					streamEvent('message.push.sent', 'b'),
					streamEvent('message.push.sent', 'c'),
				]),
			},
			staticData,
		);
		expect(result.workflowData![0].map((item) => item.json.eventId)).toEqual(['b', 'c']);
	});
});

describe('OneSignal Trigger: output options', () => {
	it('adds headers and query when asked, without the secret header or the URL token', async () => {
		const { result } = await send(
			{ source: 'webPushWebhook', settings: { includeHeaders: true } },
			{
				headers: {
					'x-webhook-secret': SECRET,
					'user-agent': 'Chrome',
					origin: 'https://shop.example',
				},
				query: { token: URL_TOKEN, campaign: 'spring' },
				body: JSON.stringify({ event: 'notification.clicked', notificationId: 'n' }),
			},
		);
		const item = result.workflowData![0][0].json;
		expect(item.query).toEqual({ campaign: 'spring' });
		expect(item.headers).toMatchObject({ 'user-agent': 'Chrome', origin: 'https://shop.example' });
		expect(JSON.stringify(item)).not.toContain(SECRET);
		expect(JSON.stringify(item)).not.toContain(URL_TOKEN);
	});
});

describe('OneSignal Trigger: activation and credential test', () => {
	const node = new OneSignalTrigger();
	const hooks = node.webhookMethods.default;

	it('registers nothing remotely and checks the setup when the workflow is published', async () => {
		const context = createHookContext(eventStream, credentials);
		await expect(hooks.checkExists.call(context)).resolves.toBe(false);
		await expect(hooks.create.call(context)).resolves.toBe(true);
		await expect(hooks.delete.call(context)).resolves.toBe(true);
	});

	it.each([
		[
			'an X-OneSignal header',
			{ ...credentials, headerName: 'X-OneSignal-Auth' },
			'eventStream',
			/X-OneSignal/,
		],
		[
			'a short secret',
			{ ...credentials, secret: 'short' },
			'journeyWebhook',
			/Secret has 5 characters/,
		],
		[
			'no URL token for web push',
			{ ...credentials, urlToken: '' },
			'webPushWebhook',
			/Web Push URL Token is empty/,
		],
		[
			'the secret reused as URL token',
			{ ...credentials, urlToken: SECRET },
			'webPushWebhook',
			/must differ/,
		],
	])('fails activation for %s', async (_, credential, source, message) => {
		const context = createHookContext({ source }, credential);
		await expect(hooks.create.call(context)).rejects.toThrow(message);
	});

	it('fails activation for an invalid event pattern, naming the parameter', async () => {
		const context = createHookContext(
			{ ...eventStream, settings: { extraPatterns: 'message.(push)' } },
			credentials,
		);
		await expect(hooks.create.call(context)).rejects.toThrow(/Additional Event Patterns/);
	});

	it('tests the credential without sending anything', async () => {
		const test = node.methods.credentialTest.oneSignalWebhookSecretTest;
		const ok = await test.call({} as never, { data: credentials } as never);
		expect(ok.status).toBe('OK');
		const bad = await test.call(
			{} as never,
			{
				data: { ...credentials, headerName: 'x-onesignal-key' },
			} as never,
		);
		expect(bad).toEqual({ status: 'Error', message: expect.stringMatching(/X-OneSignal/) });
	});

	it('asks n8n to leave the body unread so the node checks the secret first', () => {
		const hidden = node.description.properties.find((property) => property.name === 'options');
		expect(hidden).toMatchObject({ type: 'hidden', default: { binaryData: true } });
		expect(node.description.version).toBe(1);
	});
});
