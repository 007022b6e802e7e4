import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { normalizeApiKey, normalizeBaseUrl } from '../helpers/apiKey';
import { errorMessagesOf, primaryErrorMessage } from '../helpers/apiErrors';
import { AdaptivePacer } from '../helpers/pacer';
import { nextPollDelayMs } from '../helpers/exportFile';
import {
	type AttemptOutcome,
	decideRetry,
	DEFAULT_RETRY_SETTINGS,
	type RetrySettings,
} from '../helpers/retryPolicy';

export type OneSignalContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions;

/** Which of the two OneSignal keys an operation needs; the spec's `security` block says which. */
export type KeyTier = 'app' | 'organization';

export const CREDENTIAL_FOR_TIER: Record<KeyTier, string> = {
	app: 'oneSignalAppApi',
	organization: 'oneSignalOrganizationApi',
};

const CREDENTIAL_LABEL: Record<KeyTier, string> = {
	app: 'OneSignal App API',
	organization: 'OneSignal Organization API',
};

export interface OneSignalRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL; build it with `apiPath` so every value is encoded. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** Defaults to the app key. */
	keyTier?: KeyTier;
	/**
	 * Whether sending the request twice is harmless: reads, deletes, PUTs, and writes that carry
	 * an idempotency key. Defaults to true for GET, HEAD, DELETE and PUT, false otherwise.
	 */
	safeToRepeat?: boolean;
	/** Non-2xx statuses the caller wants back as a response instead of an error. */
	acceptStatuses?: number[];
	/** Short name for logs and errors, such as "message.send". */
	operation: string;
	itemIndex?: number;
	/**
	 * How arrays in `qs` are written. OneSignal's older endpoints read `name[]=a&name[]=b`
	 * (the default); parameters the spec declares with `style: form, explode: true`, such as the
	 * audit log filters, need `name=a&name=b` ('repeat').
	 */
	arrayFormat?: 'brackets' | 'repeat';
	/**
	 * Values the request carries that must never appear in an error, like the key: certificates,
	 * private keys, passwords. OneSignal may quote a rejected field back in its error body.
	 */
	sensitiveValues?: string[];
	/**
	 * Lets an operation say what a failure means in its own terms (e.g. which alias of a 409
	 * belongs to another user). Called once, for the final failed HTTP answer; returning undefined
	 * keeps the generic message. The key is redacted from whatever it returns.
	 */
	explainFailure?(failure: FailureExplanationInput): FailureExplanation | undefined;
}

export interface FailureExplanationInput {
	status: number;
	/** The parsed error body as OneSignal sent it. */
	body: unknown;
	/** Every readable line of the body (see helpers/apiErrors.ts). */
	messages: string[];
}

export interface FailureExplanation {
	message: string;
	/** Replaces the generic hint for the status; the HTTP status and attempts are still added. */
	description?: string;
}

export interface OneSignalResponse {
	/** The parsed JSON answer (an object for every OneSignal endpoint but file downloads). */
	body: IDataObject;
	statusCode: number;
	headers: Record<string, unknown>;
	/** How many tries it took, the successful one included. */
	attempts: number;
	/** OneSignal recognised the idempotency key and returned the first result again. */
	replayed: boolean;
}

export interface RequestSettings extends RetrySettings {
	/** Give up on one try after this long; OneSignal advises 100 s. */
	timeoutMs: number;
}

export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
	...DEFAULT_RETRY_SETTINGS,
	timeoutMs: 100_000,
};

interface ResolvedCredentials {
	baseUrl: string;
	apiKey: string;
	appId: string;
	organizationId: string;
}

function isExecuteContext(context: OneSignalContext): context is IExecuteFunctions {
	return 'getInputData' in context && 'continueOnFail' in context;
}

/** Reads the "Request Settings" collection every action operation shows; defaults elsewhere. */
export function requestSettingsOf(context: OneSignalContext, itemIndex = 0): RequestSettings {
	if (!isExecuteContext(context)) return DEFAULT_REQUEST_SETTINGS;
	const raw = context.getNodeParameter('requestSettings', itemIndex, {}) as IDataObject;
	const seconds = (value: unknown, fallbackMs: number) =>
		typeof value === 'number' && value > 0 ? Math.round(value * 1000) : fallbackMs;
	return {
		timeoutMs: seconds(raw.timeout, DEFAULT_REQUEST_SETTINGS.timeoutMs),
		maxDelayMs: seconds(raw.maxRetryWait, DEFAULT_REQUEST_SETTINGS.maxDelayMs),
		baseDelayMs: DEFAULT_REQUEST_SETTINGS.baseDelayMs,
		maxAttempts:
			typeof raw.maxAttempts === 'number' && raw.maxAttempts >= 1
				? Math.floor(raw.maxAttempts)
				: DEFAULT_REQUEST_SETTINGS.maxAttempts,
	};
}

/**
 * Credentials loaded once per node run. n8n reads a credential from its database and decrypts it
 * on every getCredentials call, which costs more than the request itself when thousands of items
 * each make one; n8n's own authenticated request helper also loads it without an item index, so
 * the key is the same for every item of a run either way.
 */
const runCredentials = new WeakMap<object, Map<KeyTier, Promise<IDataObject | undefined>>>();

async function loadCredentialData(
	context: OneSignalContext,
	tier: KeyTier,
	itemIndex: number | undefined,
): Promise<IDataObject | undefined> {
	const load = async () =>
		(await context.getCredentials(CREDENTIAL_FOR_TIER[tier], itemIndex)) as IDataObject | undefined;
	if (!isExecuteContext(context)) return await load();
	let byTier = runCredentials.get(context);
	if (!byTier) {
		byTier = new Map();
		runCredentials.set(context, byTier);
	}
	// The promise is kept, so that items starting together wait for one load instead of each
	// starting its own; a failed or empty load is not kept.
	let pending = byTier.get(tier);
	if (!pending) {
		const loads = byTier;
		pending = load();
		loads.set(tier, pending);
		pending.then(
			(data) => {
				if (!data) loads.delete(tier);
			},
			() => loads.delete(tier),
		);
	}
	return await pending;
}

/** The credential this run loaded, handed to n8n's request helper so it is not loaded again. */
async function loadedCredential(
	context: OneSignalContext,
	tier: KeyTier,
): Promise<IAdditionalCredentialOptions | undefined> {
	const pending = runCredentials.get(context)?.get(tier);
	const data = pending ? await pending.catch(() => undefined) : undefined;
	if (!data) return undefined;
	const type = CREDENTIAL_FOR_TIER[tier];
	const copy = { ...data } as ICredentialDataDecryptedObject;
	return { credentialsDecrypted: { id: '', name: type, type, data: copy } };
}

/**
 * Loads the credential an operation needs. A missing one fails with the name of the credential to
 * add, instead of n8n's generic "no credentials set".
 */
export async function oneSignalCredentials(
	this: OneSignalContext,
	tier: KeyTier,
	itemIndex?: number,
): Promise<ResolvedCredentials> {
	let data: IDataObject | undefined;
	try {
		data = await loadCredentialData(this, tier, itemIndex);
	} catch (error) {
		data = undefined;
		if (!/credential/i.test((error as Error).message ?? '')) {
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
	}
	if (!data) {
		throw new NodeOperationError(
			this.getNode(),
			`This operation needs the ${CREDENTIAL_LABEL[tier]} credential`,
			{
				itemIndex,
				description:
					tier === 'organization'
						? 'Apps, API keys, audit logs and copying templates between apps need an organization key. Add a "OneSignal Organization API" credential to this node (OneSignal: Organizations → Keys & IDs).'
						: 'Add a "OneSignal App API" credential to this node with the App ID and an App API key (OneSignal: Settings → Keys & IDs).',
			},
		);
	}
	return {
		baseUrl: normalizeBaseUrl(data.baseUrl),
		apiKey: normalizeApiKey(data.apiKey),
		appId: typeof data.appId === 'string' ? data.appId.trim() : '',
		organizationId: typeof data.organizationId === 'string' ? data.organizationId.trim() : '',
	};
}

/** The App ID of the app credential, which scopes every app-level operation. */
export async function oneSignalAppId(this: OneSignalContext, itemIndex?: number): Promise<string> {
	const { appId } = await oneSignalCredentials.call(this, 'app', itemIndex);
	if (!appId) {
		throw new NodeOperationError(this.getNode(), 'The OneSignal App API credential has no App ID', {
			itemIndex,
			description: 'Open the credential and fill in App ID (OneSignal: Settings → Keys & IDs).',
		});
	}
	return appId;
}

/** Finds a Node.js or axios error code anywhere in an error and the errors it wraps. */
function errorCodeOf(error: unknown, seen = new Set<unknown>()): string | undefined {
	if (typeof error !== 'object' || error === null || seen.has(error)) return undefined;
	seen.add(error);
	const record = error as Record<string, unknown>;
	if (typeof record.code === 'string' && /^[A-Z][A-Z_]+$/.test(record.code)) return record.code;
	// n8n 2.33 wraps a network failure in a NodeApiError that keeps the code only as httpCode.
	if (typeof record.httpCode === 'string' && /^[A-Z][A-Z_]+$/.test(record.httpCode)) {
		return record.httpCode;
	}
	for (const key of ['cause', 'errorResponse', 'error', 'reason']) {
		const code = errorCodeOf(record[key], seen);
		if (code) return code;
	}
	if (typeof record.message === 'string' && /timeout of \d+ms exceeded/.test(record.message)) {
		return 'ETIMEDOUT';
	}
	return undefined;
}

function isCancellation(code: string | undefined, signal: AbortSignal | undefined): boolean {
	return signal?.aborted === true || code === 'ERR_CANCELED' || code === 'ABORT_ERR';
}

const pacers = new WeakMap<object, Map<string, AdaptivePacer>>();

/**
 * One pacer per endpoint for this run of the node: OneSignal limits each endpoint separately, and
 * all items of the run share what the pacer learned. The context object lives as long as the run.
 */
function pacerFor(context: OneSignalContext, request: OneSignalRequest): AdaptivePacer {
	let byEndpoint = pacers.get(context);
	if (!byEndpoint) {
		byEndpoint = new Map();
		pacers.set(context, byEndpoint);
	}
	const key = `${request.keyTier ?? 'app'} ${request.method} ${request.operation}`;
	let pacer = byEndpoint.get(key);
	if (!pacer) {
		pacer = new AdaptivePacer();
		byEndpoint.set(key, pacer);
	}
	return pacer;
}

/** Resolves after `ms`, or rejects as soon as the execution is cancelled. */
export async function waitUnlessCancelled(
	ms: number,
	signal: AbortSignal | undefined,
): Promise<void> {
	if (!signal) return await sleep(ms);
	if (signal.aborted) throw new Error('cancelled');
	let onAbort: (() => void) | undefined;
	const cancelled = new Promise<never>((_, reject) => {
		onAbort = () => reject(new Error('cancelled'));
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		// n8n 2.41+ clears the timer itself when given the signal; older versions ignore the
		// second argument, and the race still ends the wait on cancellation.
		await Promise.race([sleep(ms, signal), cancelled]);
	} finally {
		if (onAbort) signal.removeEventListener('abort', onAbort);
	}
}

function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === name) return String(Array.isArray(value) ? value[0] : value);
	}
	return undefined;
}

function redact(text: string, secrets: string | string[]): string {
	let result = text;
	for (const secret of typeof secrets === 'string' ? [secrets] : secrets) {
		if (secret.length < 4) continue;
		// Also the form the secret takes inside JSON text, for bodies redacted as a whole.
		const escaped = JSON.stringify(secret).slice(1, -1);
		result = result.split(secret).join('[redacted]').split(escaped).join('[redacted]');
	}
	return result;
}

/** The error body with every secret replaced; as text when redaction broke its JSON. */
function redactedBody(body: unknown, secrets: string[]): JsonObject {
	if (typeof body !== 'object' || body === null) {
		return { body: redact(String(body ?? ''), secrets) };
	}
	const text = redact(JSON.stringify(body), secrets);
	try {
		return JSON.parse(text) as JsonObject;
	} catch {
		return { body: text };
	}
}

function hostOf(baseUrl: string): string {
	try {
		return new URL(baseUrl).host;
	} catch {
		return 'the configured base URL';
	}
}

const STATUS_HINTS: Record<number, string> = {
	400: 'OneSignal rejected the request as invalid. Check the fields named in the message.',
	404: 'OneSignal found nothing at this ID. Check that the ID belongs to the app of this credential.',
	409: 'The request conflicts with existing data, for example an alias that already belongs to another user.',
	422: 'OneSignal understood the request but cannot process these values.',
	429: 'OneSignal kept rate-limiting this request. Lower "Concurrency" or raise "Max Attempts" in Request Settings.',
};

function authHint(tier: KeyTier): string {
	const used = tier === 'organization' ? 'the organization API key' : 'the app API key';
	const other = tier === 'organization' ? 'an app key' : 'an organization key';
	return [
		`OneSignal did not accept ${used} of the ${CREDENTIAL_LABEL[tier]} credential.`,
		'Likely causes:',
		`(1) wrong key tier: ${other} was pasted into this credential;`,
		'(2) the key was rotated or deleted in OneSignal (Settings → Keys & IDs);',
		'(3) the key has an IP allow-list that does not include this n8n server;',
		tier === 'app' ? '(4) the App ID belongs to a different app than the key.' : '',
	]
		.filter(Boolean)
		.join(' ');
}

/**
 * Sends one request to OneSignal, the only function in the package that does. It retries what is
 * safe to retry (see helpers/retryPolicy.ts), honours `Retry-After`, stops waiting the moment the
 * execution is cancelled, and turns every failure into a NodeApiError that carries OneSignal's
 * own message and never the key.
 */
export async function oneSignalApiRequest(
	this: OneSignalContext,
	request: OneSignalRequest,
): Promise<OneSignalResponse> {
	const tier = request.keyTier ?? 'app';
	const { itemIndex } = request;
	const credentials = await oneSignalCredentials.call(this, tier, itemIndex);
	const settings = requestSettingsOf(this, itemIndex ?? 0);
	const method = request.method;
	const safeToRepeat =
		request.safeToRepeat ?? ['GET', 'HEAD', 'DELETE', 'PUT'].includes(method.toUpperCase());
	const signal = 'getExecutionCancelSignal' in this ? this.getExecutionCancelSignal() : undefined;

	const options: IHttpRequestOptions = {
		method,
		url: `${credentials.baseUrl}${request.path}`,
		qs: request.qs,
		body: request.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: settings.timeoutMs,
		arrayFormat: request.arrayFormat ?? 'brackets',
	};

	const pacer = pacerFor(this, request);
	const startedAt = Date.now();
	let attempt = 0;
	for (;;) {
		attempt++;
		if (signal?.aborted) throw cancelledError(this, itemIndex);
		const paceMs = pacer.reserve(Date.now());
		if (paceMs > 0) {
			try {
				await waitUnlessCancelled(paceMs, signal);
			} catch {
				throw cancelledError(this, itemIndex);
			}
		}

		let outcome: AttemptOutcome;
		let response:
			| { statusCode: number; headers: Record<string, unknown>; body: unknown }
			| undefined;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_FOR_TIER[tier],
				{ ...options },
				await loadedCredential(this, tier),
			)) as typeof response;
			const status = response!.statusCode;
			const headers = response!.headers ?? {};
			if (status === 429) pacer.onRateLimited(Date.now());
			else pacer.onAccepted(Date.now());
			if ((status >= 200 && status < 300) || request.acceptStatuses?.includes(status)) {
				return {
					body: (response!.body ?? {}) as IDataObject,
					statusCode: status,
					headers,
					attempts: attempt,
					replayed: headerValue(headers, 'idempotent-replayed') === 'true',
				};
			}
			outcome = { kind: 'status', status, headers };
		} catch (error) {
			const code = errorCodeOf(error);
			if (isCancellation(code, signal)) throw cancelledError(this, itemIndex);
			outcome = { kind: 'network', code: code ?? 'UNKNOWN_NETWORK_ERROR' };
		}

		const decision = decideRetry({
			attempt,
			outcome,
			safeToRepeat,
			settings,
			nowMs: Date.now(),
			random: Math.random,
		});
		if (!decision.retry) {
			throw failureError(this, {
				request,
				tier,
				outcome,
				body: response?.body,
				attempts: attempt,
				elapsedMs: Date.now() - startedAt,
				credentials,
				reason: decision.reason,
				safeToRepeat,
			});
		}

		this.logger.debug('OneSignal request will be retried', {
			operation: request.operation,
			status: outcome.kind === 'status' ? outcome.status : outcome.code,
			attempt,
			waitMs: decision.waitMs,
		});
		try {
			await waitUnlessCancelled(decision.waitMs, signal);
		} catch {
			throw cancelledError(this, itemIndex);
		}
	}
}

function cancelledError(context: OneSignalContext, itemIndex: number | undefined) {
	return new NodeOperationError(context.getNode(), 'The execution was cancelled', {
		itemIndex,
		description: 'No further request was sent to OneSignal after the cancellation.',
	});
}

function networkProblem(code: string): string {
	if (code === 'ECONNREFUSED') return 'the connection was refused';
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name could not be resolved';
	if (/RESET|PIPE|SOCKET/.test(code)) return 'the connection was cut before the answer arrived';
	if (/TIMEDOUT|TIMEOUT|ABORTED/.test(code)) return 'no answer within the timeout';
	return 'the network request failed';
}

interface FailureFacts {
	request: OneSignalRequest;
	safeToRepeat: boolean;
	tier: KeyTier;
	outcome: AttemptOutcome;
	body: unknown;
	attempts: number;
	elapsedMs: number;
	credentials: ResolvedCredentials;
	reason: string;
}

function failureError(context: OneSignalContext, facts: FailureFacts): NodeApiError {
	const { outcome, attempts, elapsedMs, credentials, tier, request } = facts;
	const secrets = [credentials.apiKey, ...(request.sensitiveValues ?? [])];
	const tries = `${attempts} attempt${attempts === 1 ? '' : 's'} over ${(elapsedMs / 1000).toFixed(1)} s`;

	if (outcome.kind === 'network') {
		// Plain words instead of the code in the message: n8n replaces any message that contains a
		// Node.js error code with its own generic sentence, which would lose the host.
		const message = redact(
			`Could not get an answer from OneSignal (${hostOf(credentials.baseUrl)}): ${networkProblem(outcome.code)}`,
			secrets,
		);
		const maybeSent = /TIMEDOUT|RESET|ABORTED|SOCKET|TIMEOUT|PIPE/.test(outcome.code);
		const description = [
			`${tries}, last error ${outcome.code}.`,
			maybeSent && !facts.safeToRepeat
				? 'The request may have reached OneSignal, and it was not repeated because repeating it could act twice.'
				: '',
			'Check the Base URL of the credential and the network between n8n and OneSignal.',
		]
			.filter(Boolean)
			.join(' ');
		return new NodeApiError(
			context.getNode(),
			{ networkError: outcome.code, attempts, reason: facts.reason } as JsonObject,
			{
				message,
				description,
				itemIndex: request.itemIndex,
				failure: { cause: 'temporarily-unavailable' },
			},
		);
	}

	const { status } = outcome;
	const oneSignalMessages = errorMessagesOf(facts.body);
	const explained = request.explainFailure?.({
		status,
		body: facts.body,
		messages: oneSignalMessages,
	});
	const message = redact(
		explained
			? explained.message
			: status === 401 || status === 403
				? `OneSignal refused the ${tier === 'organization' ? 'organization' : 'app'} API key (HTTP ${status}): ${primaryErrorMessage(facts.body, status)}`
				: primaryErrorMessage(facts.body, status),
		secrets,
	);
	const hint =
		explained?.description ??
		(status === 401 || status === 403 ? authHint(tier) : (STATUS_HINTS[status] ?? ''));
	const description = redact(
		[
			hint,
			!explained && oneSignalMessages.length > 1
				? `OneSignal also said: ${oneSignalMessages.slice(1).join('; ')}.`
				: '',
			`HTTP ${status} after ${tries}.`,
		]
			.filter(Boolean)
			.join(' '),
		secrets,
	);
	const safeBody = redactedBody(facts.body, secrets);
	return new NodeApiError(context.getNode(), { ...safeBody, attempts } as JsonObject, {
		message,
		description,
		httpCode: String(status),
		itemIndex: request.itemIndex,
		failure:
			status === 429
				? { cause: 'rate-limited' }
				: status >= 500
					? { cause: 'temporarily-unavailable' }
					: status === 401 || status === 403
						? { cause: 'credential-invalid' }
						: { cause: 'configuration-invalid' },
	});
}

export type Paging =
	/**
	 * `limit` + `offset`; stops on a short page, or once as many records as `totalField` of the
	 * page says exist were fetched (which saves asking for an empty page after a full last one).
	 */
	| { kind: 'offset'; pageSize: number; totalField?: string }
	/**
	 * A cursor sent as `cursorParam`, the next one read from `nextCursorField`; stops on an empty
	 * page or when no new cursor comes back. `firstCursor` is sent with the first page, for
	 * endpoints whose cursor also says where to start (the `time_offset` of messages takes a time).
	 */
	| {
			kind: 'cursor';
			pageSize: number;
			cursorParam: string;
			nextCursorField: string;
			firstCursor?: string;
	  };

export interface AllItemsRequest extends OneSignalRequest {
	/** Where the records sit in each page's body. */
	itemsField: string;
	paging: Paging;
	returnAll: boolean;
	/** Used when returnAll is false. */
	limit: number;
}

/**
 * Fetches records page by page until there are no more or `limit` is reached, never asking for
 * more than still needed: with a Limit of 20 a 50-record endpoint is asked for 20.
 */
export async function oneSignalApiRequestAllItems(
	this: OneSignalContext,
	request: AllItemsRequest,
): Promise<IDataObject[]> {
	const { paging, itemsField, returnAll } = request;
	const wanted = returnAll ? Infinity : Math.max(0, request.limit);
	const records: IDataObject[] = [];
	let offset = 0;
	let cursor: string | undefined = paging.kind === 'cursor' ? paging.firstCursor : undefined;
	while (records.length < wanted) {
		const pageSize = Math.min(paging.pageSize, wanted - records.length);
		const qs: IDataObject = { ...request.qs, limit: pageSize };
		if (paging.kind === 'offset') qs.offset = offset;
		else if (cursor !== undefined) qs[paging.cursorParam] = cursor;

		const { body } = await oneSignalApiRequest.call(this, { ...request, qs });
		const page = ((body as IDataObject)?.[itemsField] as IDataObject[] | undefined) ?? [];
		for (const record of page) {
			if (records.length >= wanted) break;
			records.push(record);
		}
		if (paging.kind === 'offset') {
			offset += page.length;
			if (page.length < pageSize) break;
			const total = paging.totalField ? (body as IDataObject)?.[paging.totalField] : undefined;
			if (typeof total === 'number' && offset >= total) break;
		} else {
			const next = (body as IDataObject)?.[paging.nextCursorField];
			if (page.length === 0 || typeof next !== 'string' || next === '' || next === cursor) break;
			cursor = next;
		}
	}
	return records;
}

export interface FileDownload {
	statusCode: number;
	headers: Record<string, unknown>;
	body: Buffer;
}

export interface FileRequest {
	/** An absolute http(s) URL that OneSignal returned, such as an export's `csv_file_url`. */
	url: string;
	/** Short name for logs and errors, such as "export.subscriptions". */
	operation: string;
	itemIndex?: number;
}

/** The file URL, checked to be http(s): the address comes from an API answer, not from the user. */
function checkedFileUrl(context: OneSignalContext, request: FileRequest): string {
	let parsed: URL | undefined;
	try {
		parsed = new URL(request.url);
	} catch {
		parsed = undefined;
	}
	if (parsed?.protocol === 'https:' || parsed?.protocol === 'http:') return parsed.toString();
	throw new NodeOperationError(
		context.getNode(),
		`OneSignal returned a file address that cannot be downloaded: "${request.url}"`,
		{
			itemIndex: request.itemIndex,
			description:
				'Only http and https addresses are downloaded. Turn off "Wait for File" to get the address without downloading it.',
		},
	);
}

/**
 * Sends one GET to a file that OneSignal points to and returns the answer as bytes, whatever its
 * status. In production such files live on another host behind a pre-signed URL: the URL itself
 * grants access, so no credential is used and no Authorization header is ever sent there (the key
 * must not reach a storage host, and a pre-signed URL refuses a second kind of authentication).
 * Network failures are thrown as they are; the caller decides whether to look again.
 */
export async function oneSignalDownloadFile(
	this: OneSignalContext,
	request: FileRequest,
): Promise<FileDownload> {
	const url = checkedFileUrl(this, request);
	const settings = requestSettingsOf(this, request.itemIndex ?? 0);
	const signal = 'getExecutionCancelSignal' in this ? this.getExecutionCancelSignal() : undefined;
	const response = (await this.helpers.httpRequest({
		method: 'GET',
		url,
		encoding: 'arraybuffer',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: settings.timeoutMs,
		// A large file can take a while; a cancelled execution stops the download too.
		abortSignal: signal,
	})) as { statusCode: number; headers?: Record<string, unknown>; body?: unknown };
	const raw = response.body;
	const body = Buffer.isBuffer(raw)
		? raw
		: raw instanceof ArrayBuffer || ArrayBuffer.isView(raw)
			? Buffer.from(raw as ArrayBuffer)
			: Buffer.from(typeof raw === 'string' ? raw : '', 'utf8');
	return { statusCode: response.statusCode, headers: response.headers ?? {}, body };
}

/** Statuses a file URL answers while OneSignal is still writing the file. */
export const FILE_NOT_READY_STATUSES = [403, 404];

export interface WaitForFileRequest extends FileRequest {
	/** How long to keep looking, in all; the waits between looks grow (helpers/exportFile.ts). */
	maxWaitMs: number;
}

export interface ReadyFile {
	body: Buffer;
	headers: Record<string, unknown>;
	/** How many times the URL was asked, the successful time included. */
	polls: number;
}

/**
 * Looks at a file URL until the file is there and returns it. A not-ready answer (404, or 403 from
 * a storage host), a 429 or 5xx, or a dropped connection means "look again later"; any other
 * status fails at once. Gives up with a clear error when `maxWaitMs` is used up, and stops the
 * moment the execution is cancelled, like the waits of oneSignalApiRequest.
 */
export async function oneSignalWaitForFile(
	this: OneSignalContext,
	request: WaitForFileRequest,
): Promise<ReadyFile> {
	const { itemIndex } = request;
	const signal = 'getExecutionCancelSignal' in this ? this.getExecutionCancelSignal() : undefined;
	checkedFileUrl(this, request);
	const startedAt = Date.now();
	let last = '';
	for (let poll = 1; ; poll++) {
		if (signal?.aborted) throw cancelledError(this, itemIndex);
		let answer: FileDownload | undefined;
		try {
			answer = await oneSignalDownloadFile.call(this, request);
		} catch (error) {
			const code = errorCodeOf(error);
			if (isCancellation(code, signal)) throw cancelledError(this, itemIndex);
			last = code ?? 'no answer';
		}
		if (answer) {
			const status = answer.statusCode;
			if (status >= 200 && status < 300) {
				return { body: answer.body, headers: answer.headers, polls: poll };
			}
			const transient = status === 429 || status >= 500;
			if (!FILE_NOT_READY_STATUSES.includes(status) && !transient) {
				throw new NodeApiError(
					this.getNode(),
					{ status, body: answer.body.toString('utf8').slice(0, 500) } as JsonObject,
					{
						message: `The export file could not be downloaded (HTTP ${status})`,
						description: `The file address may have expired (OneSignal keeps export files for a few days). Address: ${request.url}`,
						httpCode: String(status),
						itemIndex,
					},
				);
			}
			last = `HTTP ${status}`;
		}

		const waitMs = nextPollDelayMs(poll, Date.now() - startedAt, request.maxWaitMs);
		if (waitMs === undefined) {
			const seconds = Math.round(request.maxWaitMs / 1000);
			const minutes = Math.round((seconds / 60) * 10) / 10;
			const waited =
				seconds < 60
					? `${seconds} second${seconds === 1 ? '' : 's'}`
					: `${minutes} minute${minutes === 1 ? '' : 's'}`;
			throw new NodeOperationError(
				this.getNode(),
				`The export file was not ready after ${waited}`,
				{
					itemIndex,
					description: `Looked ${poll} time${poll === 1 ? '' : 's'}; the last answer was ${last}. Large exports take several minutes: raise "Max Wait (Minutes)", or turn off "Wait for File" and download the address later. Address: ${request.url}`,
				},
			);
		}
		this.logger.debug('OneSignal export file not ready yet', {
			operation: request.operation,
			poll,
			last,
			waitMs,
		});
		try {
			await waitUnlessCancelled(waitMs, signal);
		} catch {
			throw cancelledError(this, itemIndex);
		}
	}
}
