import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ParameterError } from '../OneSignal/helpers/validation';
import {
	type BodyReadResult,
	type BodyStream,
	DEFAULT_MAX_BODY_KB,
	parseJsonText,
	readBody,
} from './helpers/body';
import {
	loadSeenIds,
	mergeSeenIds,
	pruneSeenIds,
	rememberId,
	type SeenIds,
} from './helpers/dedupe';
import { compileKindPatterns, kindMatches } from './helpers/eventKinds';
import {
	eventsOf,
	isBodyProblem,
	normalizeServerEvent,
	normalizeWebPushEvent,
	type OneSignalEvent,
	type TriggerSource,
} from './helpers/normalize';
import { headerNameProblem, headerValue, secretProblem, secretsMatch } from './helpers/secret';

export const SECRET_CREDENTIAL = 'oneSignalWebhookSecretApi';

/** Where the de-duplication memory lives in the node's static data. */
const SEEN_KEY = 'seenEventIds';

interface ResponseLike {
	status(code: number): ResponseLike;
	json(body: unknown): unknown;
}

interface TriggerSettings {
	source: TriggerSource;
	patterns: RegExp[];
	webPushEvents: string[];
	windowMs: number;
	maxEntries: number;
	maxBytes: number;
	includeHeaders: boolean;
}

/** The configured secrets, checked for what makes them unusable. */
export interface SecretConfig {
	headerName: string;
	secret: string;
	urlToken: string;
}

export function secretConfigOf(credentials: ICredentialDataDecryptedObject): SecretConfig {
	const text = (value: unknown) => (typeof value === 'string' ? value : '');
	return {
		headerName: text(credentials.headerName).trim(),
		secret: text(credentials.secret),
		urlToken: text(credentials.urlToken),
	};
}

/**
 * What is wrong with the credential for this source, as a sentence for the user, or undefined.
 * Used at activation (so a bad setup fails loudly) and by the credential test.
 */
export function secretConfigProblem(
	config: SecretConfig,
	source: TriggerSource | 'any',
): string | undefined {
	if (source !== 'webPushWebhook') {
		const header = headerNameProblem(config.headerName);
		if (header) return `Header Name ${header}`;
		const secret = secretProblem(config.secret);
		if (secret) return `Secret ${secret}`;
	}
	if (source === 'webPushWebhook' || (source === 'any' && config.urlToken !== '')) {
		const token = secretProblem(config.urlToken);
		if (token) return `Web Push URL Token ${token}`;
		if (source === 'webPushWebhook' && config.urlToken === config.secret) {
			return 'Web Push URL Token must differ from the Secret: browsers expose it to anyone';
		}
	}
	return undefined;
}

function splitPatterns(text: unknown): string[] {
	return typeof text === 'string' ? text.split(/[,\s]+/).filter(Boolean) : [];
}

/** Reads the node's parameters; bad patterns fail with the parameter's name. */
export function triggerSettingsOf(context: IWebhookFunctions | IHookLike): TriggerSettings {
	const source = context.getNodeParameter('source', 'eventStream') as TriggerSource;
	const settings = context.getNodeParameter('settings', {}) as IDataObject;
	const events = context.getNodeParameter('events', ['*']) as string[];
	const number = (value: unknown, fallback: number) =>
		typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
	return {
		source,
		patterns:
			source === 'eventStream'
				? compileKindPatterns(
						[...events, ...splitPatterns(settings.extraPatterns)],
						'Events / Additional Event Patterns',
					)
				: [],
		webPushEvents: context.getNodeParameter('webPushEvents', []) as string[],
		windowMs: number(settings.dedupeWindowMinutes, 1440) * 60_000,
		maxEntries: Math.floor(number(settings.dedupeMaxEntries, 1000)),
		maxBytes: Math.floor(number(settings.maxBodyKb, DEFAULT_MAX_BODY_KB) * 1024),
		includeHeaders: settings.includeHeaders === true,
	};
}

/** The part of a hook or webhook context that reads parameters. */
interface IHookLike {
	getNodeParameter(name: string, fallback?: unknown): unknown;
}

function reply(
	context: IWebhookFunctions,
	status: number,
	body: IDataObject,
): IWebhookResponseData {
	const response = context.getResponseObject() as unknown as ResponseLike;
	response.status(status).json(body);
	return { noWebhookResponse: true };
}

/** Headers and query for the output, without anything that would reveal a secret. */
function safeRequestDetails(
	request: BodyStream,
	query: IDataObject,
	config: SecretConfig,
): IDataObject {
	const secretHeader = config.headerName.toLowerCase();
	const headers: IDataObject = {};
	for (const [name, value] of Object.entries(request.headers)) {
		if (name === secretHeader || name === 'authorization' || name === 'cookie') continue;
		headers[name] = value as string | string[];
	}
	const safeQuery: IDataObject = { ...query };
	delete safeQuery.token;
	return { headers, query: safeQuery };
}

function isAuthorized(
	source: TriggerSource,
	request: BodyStream,
	query: IDataObject,
	config: SecretConfig,
): boolean {
	if (source === 'webPushWebhook') {
		return !secretProblem(config.urlToken) && secretsMatch(query.token, config.urlToken);
	}
	if (headerNameProblem(config.headerName) || secretProblem(config.secret)) return false;
	return secretsMatch(headerValue(request.headers, config.headerName), config.secret);
}

/**
 * Handles one request from OneSignal (or a browser). In this order, so that nothing is read or
 * parsed for a stranger: the secret (401), the size (413), the JSON (400), then per event the
 * filter and the de-duplication (200, nothing started) and finally one item per accepted event.
 * It answers itself for every refusal and never throws for a bad request: n8n records an
 * execution for a webhook that throws.
 */
export async function receiveWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const receivedAt = new Date();
	let settings: TriggerSettings;
	try {
		settings = triggerSettingsOf(this);
	} catch (error) {
		this.logger.warn('OneSignal Trigger refused a request: its parameters are invalid', {
			message: (error as Error).message,
		});
		return reply(this, 500, { error: 'The trigger is not configured correctly' });
	}

	let config: SecretConfig;
	try {
		config = secretConfigOf(await this.getCredentials(SECRET_CREDENTIAL));
	} catch (error) {
		this.logger.warn('OneSignal Trigger refused a request: its credential could not be loaded', {
			message: (error as Error).message,
		});
		return reply(this, 500, { error: 'The trigger is not configured correctly' });
	}
	const request = this.getRequestObject() as unknown as BodyStream;
	const query = (this.getQueryData() ?? {}) as IDataObject;

	if (!isAuthorized(settings.source, request, query, config)) {
		const problem = secretConfigProblem(config, settings.source);
		if (problem) {
			this.logger.warn('OneSignal Trigger refused a request: the credential is unusable', {
				problem,
			});
		}
		return reply(this, 401, { error: 'Unauthorized' });
	}

	let read: BodyReadResult;
	try {
		read = await readBody(request, settings.maxBytes);
	} catch {
		// The sender went away mid-body; there is nobody left to tell more.
		return reply(this, 400, { error: 'The body could not be read' });
	}
	if (read.kind === 'tooLarge') {
		return reply(this, 413, {
			error: `The body is larger than ${Math.round(settings.maxBytes / 1024)} KB`,
		});
	}
	if (read.kind === 'unsupportedEncoding') {
		return reply(this, 415, { error: `Content-Encoding "${read.encoding}" is not accepted` });
	}
	const parsed = parseJsonText(read.text);
	if (!parsed.ok) return reply(this, 400, { error: parsed.problem });
	const bodies = eventsOf(parsed.value);
	if (isBodyProblem(bodies)) return reply(this, 400, { error: bodies.problem });

	const events: OneSignalEvent[] = [];
	for (const body of bodies) {
		const event =
			settings.source === 'webPushWebhook'
				? normalizeWebPushEvent(body, receivedAt)
				: normalizeServerEvent(body, settings.source, receivedAt);
		if (isBodyProblem(event)) return reply(this, 400, { error: event.problem });
		events.push(event);
	}

	const wanted = events.filter((event) =>
		settings.source === 'eventStream'
			? kindMatches(event.kind, settings.patterns)
			: settings.source === 'webPushWebhook'
				? settings.webPushEvents.includes(event.kind)
				: true,
	);
	const accepted = settings.windowMs > 0 ? firstSightings.call(this, wanted, settings) : wanted;

	if (accepted.length === 0) {
		return {
			webhookResponse: {
				received: true,
				started: false,
				reason: wanted.length === 0 ? 'filtered' : 'duplicate',
			},
		};
	}

	const details = settings.includeHeaders ? safeRequestDetails(request, query, config) : {};
	const items: INodeExecutionData[] = accepted.map((event) => ({
		json: { ...event, ...details },
	}));
	return {
		workflowData: [items],
		webhookResponse: { received: true, started: true, events: items.length },
	};
}

/**
 * The seen-ID memory of each trigger node in this n8n process, by workflow and node. n8n 2.41
 * does not save static data that a webhook changed when the webhook also starts an execution
 * (starting it re-wraps the same static data object and clears its "changed" flag before n8n
 * saves), so the static data alone would forget every ID but the first. This memory bridges that
 * inside the process; the node's execute step below writes it into the static data of the
 * execution, which n8n does save, so it also survives a restart.
 *
 * Known shortcoming: this memory is per process. With several `n8n webhook` processes (queue
 * mode), a copy of an event that reaches another process before the first copy's execution has
 * ended and saved the static data is not recognised; nor are two copies at the same instant.
 */
const processMemory = new Map<string, SeenIds>();

function memoryKey(context: IWebhookFunctions | IExecuteFunctions): string {
	return `${context.getWorkflow().id ?? ''}\u0000${context.getNode().name}`;
}

function limitsOf(settings: Pick<TriggerSettings, 'windowMs' | 'maxEntries'>) {
	return { windowMs: settings.windowMs, maxEntries: settings.maxEntries };
}

/**
 * Keeps the events whose ID was not seen within the window, and remembers them. Events without an
 * ID cannot be recognised again and always pass. Two copies of one event arriving at the same
 * instant can both pass: nothing orders concurrent requests.
 */
function firstSightings(
	this: IWebhookFunctions,
	events: OneSignalEvent[],
	settings: TriggerSettings,
): OneSignalEvent[] {
	const staticData = this.getWorkflowStaticData('node');
	const key = memoryKey(this);
	let seen = mergeSeenIds(
		loadSeenIds(staticData[SEEN_KEY]),
		processMemory.get(key) ?? { ids: [], expiresAt: [] },
	);
	const now = Date.now();
	const fresh: OneSignalEvent[] = [];
	for (const event of events) {
		if (event.eventId === null) {
			fresh.push(event);
			continue;
		}
		const result = rememberId(seen, `${event.source}:${event.eventId}`, now, limitsOf(settings));
		seen = result.state;
		if (result.isNew) fresh.push(event);
	}
	seen = pruneSeenIds(seen, now, settings.maxEntries);
	processMemory.set(key, seen);
	staticData[SEEN_KEY] = seen as unknown as IDataObject;
	return fresh;
}

/**
 * The execute step of the trigger: n8n runs it as the first step of every execution the webhook
 * started. It writes the seen IDs (this process's memory plus the IDs of these items) into the
 * execution's static data, which n8n saves when the execution ends, and passes the items on.
 */
export async function passOnAndPersist(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const settings = this.getNodeParameter('settings', 0, {}) as IDataObject;
	const windowMinutes =
		typeof settings.dedupeWindowMinutes === 'number' ? settings.dedupeWindowMinutes : 1440;
	const maxEntries =
		typeof settings.dedupeMaxEntries === 'number' ? Math.floor(settings.dedupeMaxEntries) : 1000;
	if (windowMinutes > 0) {
		const staticData = this.getWorkflowStaticData('node');
		const key = memoryKey(this);
		const now = Date.now();
		let seen = mergeSeenIds(
			loadSeenIds(staticData[SEEN_KEY]),
			processMemory.get(key) ?? { ids: [], expiresAt: [] },
		);
		for (const item of items) {
			const { source, eventId } = item.json;
			if (typeof source !== 'string' || typeof eventId !== 'string') continue;
			seen = rememberId(seen, `${source}:${eventId}`, now, {
				windowMs: windowMinutes * 60_000,
				maxEntries,
			}).state;
		}
		staticData[SEEN_KEY] = seen as unknown as IDataObject;
	}
	return [items.map((item, index) => ({ json: item.json, pairedItem: { item: index } }))];
}

/** Turns a helper's ParameterError into the error n8n shows at activation. */
export function asNodeError(context: { getNode(): INode }, error: unknown): NodeOperationError {
	if (error instanceof ParameterError) {
		return new NodeOperationError(context.getNode(), error.message, { description: error.hint });
	}
	return new NodeOperationError(context.getNode(), error as Error);
}
