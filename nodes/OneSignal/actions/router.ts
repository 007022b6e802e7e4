import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ParameterError } from '../helpers/validation';
import { DEFAULT_CONCURRENCY } from './common';
import { findOperation } from './index';
import { KeySerializer } from './serializer';
import { ItemsWithBinary, type OperationResult } from './types';

/** Turns anything an operation threw into the NodeApiError or NodeOperationError n8n shows. */
export function toNodeError(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof ParameterError) {
		return new NodeOperationError(context.getNode(), error.message, {
			itemIndex,
			description: error.hint,
		});
	}
	if (error instanceof NodeApiError) {
		error.context.itemIndex ??= itemIndex;
		return new NodeApiError(context.getNode(), error as unknown as JsonObject);
	}
	if (error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return new NodeOperationError(context.getNode(), error);
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

function toItems(
	context: IExecuteFunctions,
	result: OperationResult,
	itemIndex: number,
): INodeExecutionData[] {
	if (result instanceof ItemsWithBinary) {
		return result.items.map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
	}
	return context.helpers.constructExecutionMetaData(context.helpers.returnJsonArray(result), {
		itemData: { item: itemIndex },
	});
}

function errorItem(
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
	toErrorOutput: boolean,
): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	const details: IDataObject = {};
	if (error.description) details.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) details.httpCode = error.httpCode;
	// n8n moves an item to the error output ("Continue (using error output)") only when its JSON
	// holds nothing but `error`, `message` and `details`, so there the rest goes under `details`.
	// Setting the item's `error` instead would also move it, but n8n then keeps only the message.
	if (toErrorOutput) {
		if (Object.keys(details).length) json.details = details;
	} else {
		Object.assign(json, details);
	}
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * Runs the chosen operation once per input item, or once for all items when the operation
 * gathers them into shared requests. Items run one at a time or, with the Concurrency setting,
 * several at once; either way the output keeps the input order and every output item is paired
 * with the input item it came from. With "Continue On Fail" a failed item becomes an error item
 * and the others go on; without it the first failure stops the node.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = findOperation(resource, operation);
	if (!handler) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	const results: INodeExecutionData[][] = new Array(items.length);
	const toErrorOutput = this.getNode().onError === 'continueErrorOutput';

	if (handler.executeBatch && (handler.usesBatch?.call(this) ?? true)) {
		const indexes = items.map((_, index) => index);
		const outcomes = await handler.executeBatch.call(this, indexes);
		for (const [itemIndex, outcome] of outcomes.entries()) {
			if (!(outcome instanceof Error)) {
				results[itemIndex] = toItems(this, outcome, itemIndex);
				continue;
			}
			const nodeError = toNodeError(this, outcome, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			results[itemIndex] = [errorItem(nodeError, itemIndex, toErrorOutput)];
		}
		return [results.flat()];
	}

	const execute = handler.execute;
	if (!execute) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" has no item mode`);
	}
	const settings = this.getNodeParameter('requestSettings', 0, {}) as IDataObject;
	const concurrency = Math.max(
		1,
		Math.floor(Number(settings.concurrency ?? DEFAULT_CONCURRENCY)) || 1,
	);
	const serializer = new KeySerializer(this.getExecutionCancelSignal?.());
	let next = 0;
	let failure: NodeApiError | NodeOperationError | undefined;

	const runItem = async (itemIndex: number) => {
		const key = handler.serializeBy?.call(this, itemIndex);
		const release = key === undefined ? undefined : await serializer.acquire(key);
		try {
			return await execute.call(this, itemIndex);
		} finally {
			release?.();
		}
	};

	const worker = async () => {
		while (failure === undefined && next < items.length) {
			const itemIndex = next++;
			try {
				results[itemIndex] = toItems(this, await runItem(itemIndex), itemIndex);
			} catch (error) {
				const nodeError = toNodeError(this, error, itemIndex);
				if (!this.continueOnFail()) {
					failure ??= nodeError;
					return;
				}
				results[itemIndex] = [errorItem(nodeError, itemIndex, toErrorOutput)];
			}
		}
	};

	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
	if (failure) throw failure;
	return [results.flat()];
}
