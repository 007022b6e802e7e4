import { randomUUID } from 'crypto';
import { Readable } from 'stream';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IPollFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeHelpers } from 'n8n-workflow';

import { OneSignalAppApi } from '../../credentials/OneSignalAppApi.credentials';
import { OneSignalOrganizationApi } from '../../credentials/OneSignalOrganizationApi.credentials';
import { OneSignalPollingTrigger } from '../../nodes/OneSignalPollingTrigger/OneSignalPollingTrigger.node';
import { OneSignalTrigger } from '../../nodes/OneSignalTrigger/OneSignalTrigger.node';
import { realHttp, type HttpCall, type HttpHandler } from './context';

/**
 * Hand-built n8n contexts for the two trigger nodes, the way test/support/context.ts builds one
 * for the action node: parameters resolved with n8n's own defaults logic, credentials applied
 * through our credential classes, static data kept in a plain object the test can inspect and
 * hand to the next call (as n8n keeps it between requests and polls).
 */

type LogEntry = { level: string; message: string; meta?: unknown };

function logger(logs: LogEntry[]) {
	const entry = (level: string) => (message: string, meta?: unknown) =>
		logs.push({ level, message, meta });
	return { debug: entry('debug'), info: entry('info'), warn: entry('warn'), error: entry('error') };
}

function parameterReader(node: INodeType, raw: INodeParameters, nodeInfo: IDataObject) {
	const resolved =
		NodeHelpers.getNodeParameters(
			node.description.properties,
			raw,
			true,
			false,
			nodeInfo as never,
			node.description,
		) ?? raw;
	return (name: string, fallback?: unknown) => {
		const value = name
			.split('.')
			.reduce<unknown>(
				(object, key) =>
					object === undefined || object === null
						? undefined
						: (object as Record<string, unknown>)[key],
				resolved,
			);
		if (value !== undefined) return value;
		if (fallback !== undefined) return fallback;
		throw new Error(`Could not get parameter "${name}"`);
	};
}

export interface WebhookRequestOptions {
	headers?: Record<string, string | string[]>;
	query?: IDataObject;
	/** The body as sent; a list is sent as separate chunks without a Content-Length. */
	body?: string | Buffer | Array<string | Buffer>;
	/** What n8n kept when it read the body itself before the node ran. */
	rawBody?: Buffer;
	parsedBody?: unknown;
	/** The sender goes away after the body's chunks: the stream fails instead of ending. */
	breakOff?: boolean;
}

/**
 * The workflow ID the contexts report: one per static data object, so calls that share static
 * data act as one workflow (and share the node's in-process memory) and others never do.
 */
const workflowIds = new WeakMap<object, string>();
function workflowIdFor(staticData: object): string {
	let id = workflowIds.get(staticData);
	if (!id) {
		id = randomUUID();
		workflowIds.set(staticData, id);
	}
	return id;
}

export interface WebhookTestContext {
	context: IWebhookFunctions;
	/** What the node answered itself (refusals); undefined when it left the answer to n8n. */
	response: { status?: number; body?: unknown };
	logs: LogEntry[];
	/** How many bytes the node took from the request stream. */
	bytesRead(): number;
	run(): Promise<IWebhookResponseData>;
}

export interface WebhookContextOptions {
	parameters: INodeParameters;
	credentials?: ICredentialDataDecryptedObject;
	request?: WebhookRequestOptions;
	/** The node's static data; pass the same object to the next call to keep memory. */
	staticData?: IDataObject;
	/** The workflow's ID; by default one per static data object. */
	workflowId?: string;
}

export function createWebhookContext(options: WebhookContextOptions): WebhookTestContext {
	const node = new OneSignalTrigger();
	const nodeInfo = {
		id: 'trigger-under-test',
		name: 'OneSignal Trigger',
		type: 'n8n-nodes-onesignal.oneSignalTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const logs: LogEntry[] = [];
	const requestOptions = options.request ?? {};
	const chunks = (
		Array.isArray(requestOptions.body)
			? requestOptions.body
			: requestOptions.body === undefined
				? []
				: [requestOptions.body]
	).map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk));
	let consumed = 0;
	const stream = Readable.from(
		(function* () {
			for (const chunk of chunks) {
				consumed += chunk.length;
				yield chunk;
			}
			if (requestOptions.breakOff) throw new Error('aborted');
		})(),
	);
	const headers: Record<string, string | string[]> = {};
	for (const [name, value] of Object.entries(requestOptions.headers ?? {})) {
		headers[name.toLowerCase()] = value;
	}
	if (!Array.isArray(requestOptions.body) && requestOptions.body !== undefined) {
		headers['content-length'] ??= String(chunks[0].length);
	}
	const request = Object.assign(stream, {
		headers,
		rawBody: requestOptions.rawBody,
		body: requestOptions.parsedBody,
	});
	const response: WebhookTestContext['response'] = {};
	const responseObject = {
		status(code: number) {
			response.status = code;
			return responseObject;
		},
		json(body: unknown) {
			response.body = body;
			return responseObject;
		},
	};
	const staticData = options.staticData ?? {};
	const readParameter = parameterReader(node, options.parameters, nodeInfo);
	const context = {
		getNode: () => nodeInfo,
		getNodeParameter: readParameter,
		getCredentials: async (type: string) => {
			if (type !== 'oneSignalWebhookSecretApi' || !options.credentials) {
				throw new Error(`Node "OneSignal Trigger" does not have any credentials set for "${type}"`);
			}
			return options.credentials;
		},
		getRequestObject: () => request,
		getResponseObject: () => responseObject,
		getHeaderData: () => headers,
		getQueryData: () => requestOptions.query ?? {},
		getBodyData: () => ({}),
		getWorkflowStaticData: () => staticData,
		getWorkflow: () => ({
			id: options.workflowId ?? workflowIdFor(staticData),
			name: 'Trigger test',
			active: true,
		}),
		getMode: () => 'webhook',
		logger: logger(logs),
	} as unknown as IWebhookFunctions;
	return {
		context,
		response,
		logs,
		bytesRead: () => consumed,
		run: async () => await node.webhook.call(context),
	};
}

/**
 * The execute step of the OneSignal Trigger, as n8n runs it at the start of an execution the
 * webhook started: the items it returned as input, the static data of the execution.
 */
export function createTriggerExecuteContext(options: {
	parameters: INodeParameters;
	items: IDataObject[];
	staticData: IDataObject;
	/** The workflow's ID; by default one per static data object. */
	workflowId?: string;
}) {
	const node = new OneSignalTrigger();
	const nodeInfo = {
		id: 'trigger-under-test',
		name: 'OneSignal Trigger',
		type: 'n8n-nodes-onesignal.oneSignalTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const read = parameterReader(node, options.parameters, nodeInfo);
	const context = {
		getNode: () => nodeInfo,
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) =>
			read(name, fallback),
		getInputData: () => options.items.map((json) => ({ json })),
		getWorkflowStaticData: () => options.staticData,
		getWorkflow: () => ({
			id: options.workflowId ?? workflowIdFor(options.staticData),
			name: 'Trigger test',
			active: true,
		}),
	} as unknown as IExecuteFunctions;
	return { run: async () => await node.execute.call(context) };
}

/** The activation hooks of the OneSignal Trigger with the given parameters and credential. */
export function createHookContext(
	parameters: INodeParameters,
	credentials?: ICredentialDataDecryptedObject,
): IHookFunctions {
	const node = new OneSignalTrigger();
	const nodeInfo = {
		id: 'trigger-under-test',
		name: 'OneSignal Trigger',
		type: 'n8n-nodes-onesignal.oneSignalTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	return {
		getNode: () => nodeInfo,
		getNodeParameter: parameterReader(node, parameters, nodeInfo),
		getCredentials: async () => {
			if (!credentials) throw new Error('no credentials');
			return credentials;
		},
	} as unknown as IHookFunctions;
}

const credentialClasses = {
	oneSignalAppApi: new OneSignalAppApi(),
	oneSignalOrganizationApi: new OneSignalOrganizationApi(),
};

export interface PollTestContext {
	context: IPollFunctions;
	calls: HttpCall[];
	logs: LogEntry[];
	staticData: IDataObject;
	run(): Promise<INodeExecutionData[][] | null>;
}

export interface PollContextOptions {
	parameters: INodeParameters;
	credentials?: Partial<
		Record<'oneSignalAppApi' | 'oneSignalOrganizationApi', ICredentialDataDecryptedObject>
	>;
	http?: HttpHandler;
	/** The node's static data; pass the same object to the next poll, as n8n does. */
	staticData?: IDataObject;
	/** `trigger` for scheduled polls, `manual` for the editor's "Fetch Test Event". */
	mode?: 'trigger' | 'manual';
}

export function createPollContext(options: PollContextOptions): PollTestContext {
	const node = new OneSignalPollingTrigger();
	const nodeInfo = {
		id: 'poller-under-test',
		name: 'OneSignal Polling Trigger',
		type: 'n8n-nodes-onesignal.oneSignalPollingTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const calls: HttpCall[] = [];
	const logs: LogEntry[] = [];
	const staticData = options.staticData ?? {};
	const request = async (credentialType: string, requestOptions: IHttpRequestOptions) => {
		const credentials = options.credentials?.[credentialType as 'oneSignalAppApi'];
		if (!credentials) throw new Error(`no credentials of type ${credentialType}`);
		const sent = await credentialClasses[credentialType as 'oneSignalAppApi'].authenticate(
			credentials,
			requestOptions,
		);
		const call: HttpCall = { credentialType, options: requestOptions, sent };
		calls.push(call);
		try {
			const response = await (options.http ?? realHttp)(sent, call);
			return requestOptions.returnFullResponse ? response : response.body;
		} catch (error) {
			throw new NodeApiError(nodeInfo as never, error as never);
		}
	};
	const context = {
		getNode: () => nodeInfo,
		getNodeParameter: parameterReader(node, options.parameters, nodeInfo),
		getCredentials: async (type: string) => {
			const credentials = options.credentials?.[type as 'oneSignalAppApi'];
			if (!credentials) {
				throw new Error(
					`Node "OneSignal Polling Trigger" does not have any credentials set for "${type}"`,
				);
			}
			return credentials;
		},
		getWorkflowStaticData: () => staticData,
		getMode: () => options.mode ?? 'trigger',
		getActivationMode: () => 'activate',
		getTimezone: () => 'UTC',
		logger: logger(logs),
		helpers: {
			httpRequestWithAuthentication: request,
			returnJsonArray: (data: IDataObject | IDataObject[]) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		},
	} as unknown as IPollFunctions;
	return {
		context,
		calls,
		logs,
		staticData,
		run: async () => await node.poll.call(context),
	};
}
