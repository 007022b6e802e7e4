import axios, { type AxiosRequestConfig } from 'axios';
import { randomBytes } from 'crypto';
import { setMaxListeners } from 'events';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IPairedItemData,
} from 'n8n-workflow';
import { NodeApiError, NodeHelpers } from 'n8n-workflow';

import { OneSignalAppApi } from '../../credentials/OneSignalAppApi.credentials';
import { OneSignalOrganizationApi } from '../../credentials/OneSignalOrganizationApi.credentials';
import { OneSignal } from '../../nodes/OneSignal/OneSignal.node';

/**
 * A hand-built n8n execution context for running the node's real code outside n8n: parameters
 * resolved with n8n's own defaults logic, credentials applied through our credential classes, and
 * HTTP either sent for real (to Prism or the stand-in) or answered by a test function. Used by the
 * unit tests of operations and by the contract tests; end-to-end tests use real n8n instead.
 */

export interface HttpCall {
	credentialType: string;
	options: IHttpRequestOptions;
	/** The request as sent, after the credential added its header. */
	sent: IHttpRequestOptions;
}

export interface FullResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

export type HttpHandler = (request: IHttpRequestOptions, call: HttpCall) => Promise<FullResponse>;

export interface ContextOptions {
	/** Node parameters, the same for every item, or per item. */
	parameters: INodeParameters | ((itemIndex: number) => INodeParameters);
	items?: IDataObject[];
	credentials?: Partial<
		Record<'oneSignalAppApi' | 'oneSignalOrganizationApi', ICredentialDataDecryptedObject>
	>;
	http?: HttpHandler;
	continueOnFail?: boolean;
	executionId?: string;
	nodeId?: string;
	runIndex?: number;
	timezone?: string;
	signal?: AbortSignal;
}

export interface TestContext {
	context: IExecuteFunctions;
	calls: HttpCall[];
	logs: Array<{ level: string; message: string; meta?: unknown }>;
	run(): Promise<INodeExecutionData[][]>;
}

const credentialClasses = {
	oneSignalAppApi: new OneSignalAppApi(),
	oneSignalOrganizationApi: new OneSignalOrganizationApi(),
};

function getPath(object: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => {
		if (value === undefined || value === null) return undefined;
		return (value as Record<string, unknown>)[key];
	}, object);
}

/** Sends a request with axios the way n8n's helper would, answering with the full response. */
export const realHttp: HttpHandler = async (request) => {
	const config: AxiosRequestConfig = {
		method: request.method,
		url: request.url,
		params: request.qs,
		data: request.body,
		headers: { Accept: 'application/json', ...(request.headers as Record<string, string>) },
		timeout: request.timeout,
		validateStatus: () => true,
		responseType: request.encoding === 'arraybuffer' ? 'arraybuffer' : 'json',
		paramsSerializer: { indexes: request.arrayFormat === 'brackets' ? false : null },
	};
	const response = await axios.request(config);
	return { statusCode: response.status, headers: { ...response.headers }, body: response.data };
};

export function createContext(options: ContextOptions): TestContext {
	const node = new OneSignal() as INodeType;
	const description = node.description;
	const items = (options.items ?? [{}]).map((json) => ({ json }));
	const calls: HttpCall[] = [];
	const logs: TestContext['logs'] = [];
	const controller = new AbortController();
	// n8n does the same for its execution signal: every request in flight listens to it.
	setMaxListeners(Infinity, controller.signal);
	const nodeInfo = {
		id: options.nodeId ?? 'node-under-test',
		name: 'OneSignal',
		type: 'n8n-nodes-onesignal.oneSignal',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: {},
	};

	// Resolving defaults walks the whole description, so it is done once per item.
	const resolved = new Map<number, INodeParameters>();
	const resolvedParameters = (itemIndex: number): INodeParameters => {
		const cached = resolved.get(itemIndex);
		if (cached) return cached;
		const raw =
			typeof options.parameters === 'function' ? options.parameters(itemIndex) : options.parameters;
		const result =
			NodeHelpers.getNodeParameters(
				description.properties,
				raw,
				true,
				false,
				nodeInfo,
				description,
			) ?? raw;
		resolved.set(itemIndex, result);
		return result;
	};

	const request = async (credentialType: string, requestOptions: IHttpRequestOptions) => {
		const credentials = options.credentials?.[credentialType as 'oneSignalAppApi'];
		if (!credentials) throw new Error(`no credentials of type ${credentialType}`);
		const sent = await credentialClasses[credentialType as 'oneSignalAppApi'].authenticate(
			credentials,
			requestOptions,
		);
		const call: HttpCall = { credentialType, options: requestOptions, sent };
		calls.push(call);
		const handler = options.http ?? realHttp;
		try {
			const response = await handler(sent, call);
			if (!requestOptions.ignoreHttpStatusErrors && response.statusCode >= 400) {
				throw Object.assign(new Error(`Request failed with status code ${response.statusCode}`), {
					response: { status: response.statusCode, data: response.body },
				});
			}
			return requestOptions.returnFullResponse ? response : response.body;
		} catch (error) {
			// n8n wraps transport errors in a NodeApiError; do the same so the code under test sees
			// what it sees in production.
			throw new NodeApiError(nodeInfo, error as never);
		}
	};

	const context = {
		getNode: () => nodeInfo,
		getInputData: () => items,
		getExecutionId: () => options.executionId ?? 'execution-1',
		getInstanceId: () => 'test-instance',
		getWorkflow: () => ({ id: 'test-workflow', name: 'Test', active: false }),
		getWorkflowDataProxy: () => ({ $runIndex: options.runIndex ?? 0 }),
		getTimezone: () => options.timezone ?? 'UTC',
		getExecutionCancelSignal: () => options.signal ?? controller.signal,
		continueOnFail: () => options.continueOnFail ?? false,
		getWorkflowStaticData: () => ({}),
		getCredentials: async (type: string) => {
			const credentials = options.credentials?.[type as 'oneSignalAppApi'];
			if (!credentials)
				throw new Error(`Node "OneSignal" does not have any credentials set for "${type}"`);
			return credentials;
		},
		getNodeParameter: (
			name: string,
			itemIndex: number,
			fallback?: unknown,
			parameterOptions?: { extractValue?: boolean },
		) => {
			let value = getPath(resolvedParameters(itemIndex), name);
			if (value === undefined) {
				if (fallback !== undefined) return fallback;
				throw new Error(`Could not get parameter "${name}"`);
			}
			if (
				parameterOptions?.extractValue &&
				typeof value === 'object' &&
				value !== null &&
				'__rl' in value
			) {
				value = (value as unknown as { value: unknown }).value;
			}
			return value;
		},
		logger: {
			debug: (message: string, meta?: unknown) => logs.push({ level: 'debug', message, meta }),
			info: (message: string, meta?: unknown) => logs.push({ level: 'info', message, meta }),
			warn: (message: string, meta?: unknown) => logs.push({ level: 'warn', message, meta }),
			error: (message: string, meta?: unknown) => logs.push({ level: 'error', message, meta }),
		},
		helpers: {
			httpRequestWithAuthentication: request,
			httpRequest: async (requestOptions: IHttpRequestOptions) => {
				const handler = options.http ?? realHttp;
				const call: HttpCall = {
					credentialType: '',
					options: requestOptions,
					sent: requestOptions,
				};
				calls.push(call);
				const response = await handler(requestOptions, call);
				return requestOptions.returnFullResponse ? response : response.body;
			},
			returnJsonArray: (data: IDataObject | IDataObject[]) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			constructExecutionMetaData: (
				data: INodeExecutionData[],
				metadata: { itemData: IPairedItemData | IPairedItemData[] },
			) => data.map((item) => ({ ...item, pairedItem: metadata.itemData })),
			prepareBinaryData: async (buffer: Buffer, fileName?: string, mimeType?: string) => ({
				data: buffer.toString('base64'),
				fileName,
				mimeType: mimeType ?? 'application/octet-stream',
				fileSize: String(buffer.length),
			}),
		},
	} as unknown as IExecuteFunctions;

	return {
		context,
		calls,
		logs,
		run: async () =>
			await (node.execute as (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>).call(
				context,
			),
	};
}

export const APP_ID = '5e1c9a34-2f6b-4d8e-9c1a-7b3d2e4f6a80';
// Random per run, so a search for the key in errors and logs cannot pass by luck.
export const APP_KEY = `os_v2_app_${randomBytes(16).toString('hex')}`;
export const ORG_KEY = `os_v2_org_${randomBytes(16).toString('hex')}`;

export function appCredentials(baseUrl = 'https://api.onesignal.com', apiKey = APP_KEY) {
	return { oneSignalAppApi: { appId: APP_ID, apiKey, baseUrl } };
}

/** Send parameters for a per-item push: item n goes to External ID u-n. */
export function pushToUserOfItem(itemIndex: number): INodeParameters {
	return {
		resource: 'message',
		operation: 'send',
		channel: 'push',
		sendTo: 'externalIds',
		externalIds: `u-${itemIndex}`,
		message: 'Hi',
	};
}
