import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ItemIdentity } from '../helpers/idempotency';
import { uuidV4 } from '../helpers/idempotency';

/** "Return All" and "Limit", the way n8n's linter and users expect them. */
export function returnAllOrLimit(maxPageSize?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
			hint: maxPageSize
				? `OneSignal returns at most ${maxPageSize} per page; more are fetched page by page`
				: undefined,
		},
	];
}

/**
 * A collection's fields in the editor's alphabetical order, for collections that mix their own
 * fields with shared ones (the linter cannot see the order of spread lists).
 */
export function sortedByDisplayName(fields: INodeProperties[]): INodeProperties[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * Items in flight at once. Enough to keep OneSignal's usual limits busy at typical latencies
 * (10 requests in flight at 50 ms is 200 a second); the pacer in the transport holds the rate
 * under the limit it meets.
 */
export const DEFAULT_CONCURRENCY = 10;

/**
 * Settings of the shared request helper, shown on every operation. The defaults follow
 * OneSignal's advice (100 s timeout) and keep the total wait of one item well under a minute.
 */
export const requestSettings: INodeProperties = {
	displayName: 'Request Settings',
	name: 'requestSettings',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: DEFAULT_CONCURRENCY,
			description:
				'How many items are sent at the same time. The node slows down on its own when OneSignal rate-limits it, and never writes to the same user or subscription twice at once.',
		},
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 5,
			description:
				'How many times one request is tried in all when OneSignal rate-limits it, fails with a server error or the connection drops. A send is only repeated with its idempotency key, so it is never delivered twice.',
		},
		{
			displayName: 'Max Wait Between Attempts (Seconds)',
			name: 'maxRetryWait',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30,
			description:
				'Upper bound for one wait before a retry, even when OneSignal asks for longer in its Retry-After header',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 100,
			description:
				'How long to wait for one answer before treating the try as lost. OneSignal recommends 100 seconds.',
		},
	],
};

const runIndexCache = new WeakMap<
	object,
	{ runIndex: number; fallbackExecutionId: string; nodeId: string }
>();

/**
 * The values that identify one item of one run of this node, for idempotency keys. Computed once
 * per node run: the run index only changes when the node runs again inside a loop, and n8n's
 * "Retry On Fail" re-runs the node with the same run index.
 */
export function itemIdentity(context: IExecuteFunctions, itemIndex: number): ItemIdentity {
	let cached = runIndexCache.get(context);
	if (!cached) {
		let runIndex = 0;
		try {
			runIndex = Number(context.getWorkflowDataProxy(0).$runIndex) || 0;
		} catch {
			runIndex = 0;
		}
		// getNode() copies the whole node with its parameters on every call.
		cached = { runIndex, fallbackExecutionId: `unsaved-${uuidV4()}`, nodeId: context.getNode().id };
		runIndexCache.set(context, cached);
	}
	const executionId = context.getExecutionId() || cached.fallbackExecutionId;
	return {
		instanceId: safely(() => context.getInstanceId()) ?? '',
		workflowId: safely(() => context.getWorkflow().id) ?? '',
		executionId,
		nodeId: cached.nodeId,
		runIndex: cached.runIndex,
		itemIndex,
	};
}

/** The value, or undefined when the context cannot give it (older hosts, test contexts). */
function safely<T>(read: () => T | undefined): T | undefined {
	try {
		return read();
	} catch {
		return undefined;
	}
}

/** Drops keys whose value is undefined, null or an empty string, so optional fields stay unsent. */
export function compact(object: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(object)) {
		if (value === undefined || value === null || value === '') continue;
		result[key] = value;
	}
	return result;
}

/**
 * One request's failure, shared by every item whose data it carried (a batch of events or
 * recipients): each item gets its own copy with its own item index, so n8n pairs it correctly.
 */
export function errorForItem(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError) {
		return new NodeApiError(context.getNode(), (error.errorResponse ?? {}) as JsonObject, {
			message: error.message,
			description: error.description ?? undefined,
			httpCode: error.httpCode ?? undefined,
			itemIndex,
		});
	}
	return error as Error;
}
