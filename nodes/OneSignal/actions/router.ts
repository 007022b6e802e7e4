import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ParameterError } from '../helpers/validation';
import * as message from './message';

/** Items with binary data, returned by operations that download files. */
export class ItemsWithBinary {
	constructor(readonly items: INodeExecutionData[]) {}
}

export type OperationResult = IDataObject | IDataObject[] | ItemsWithBinary;

/** What every operation file exports; the router and the operations share this contract. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
}

const resources: Record<string, Record<string, OperationModule>> = {
	message: { send: message.send, get: message.get, getAll: message.getAll, cancel: message.cancel },
};

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

/**
 * Runs the chosen operation once per input item. Items run one at a time or, with the
 * Concurrency setting, several at once; either way the output keeps the input order and every
 * output item is paired with the input item it came from.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}

	const settings = this.getNodeParameter('requestSettings', 0, {}) as IDataObject;
	const concurrency = Math.max(1, Math.floor(Number(settings.concurrency ?? 1)) || 1);
	const results: INodeExecutionData[][] = new Array(items.length);
	let next = 0;
	let failure: NodeApiError | NodeOperationError | undefined;

	const worker = async () => {
		while (failure === undefined && next < items.length) {
			const itemIndex = next++;
			try {
				const result = await handler.execute.call(this, itemIndex);
				results[itemIndex] = toItems(this, result, itemIndex);
			} catch (error) {
				const nodeError = toNodeError(this, error, itemIndex);
				if (!this.continueOnFail()) {
					failure ??= nodeError;
					return;
				}
				const json: IDataObject = { error: nodeError.message };
				if (nodeError.description) json.description = nodeError.description;
				if (nodeError instanceof NodeApiError && nodeError.httpCode)
					json.httpCode = nodeError.httpCode;
				results[itemIndex] = [{ json, pairedItem: { item: itemIndex } }];
			}
		}
	};

	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
	if (failure) throw failure;
	return [results.flat()];
}
