import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

/** Items with binary data, returned by operations that download files. */
export class ItemsWithBinary {
	constructor(readonly items: INodeExecutionData[]) {}
}

export type OperationResult = IDataObject | IDataObject[] | ItemsWithBinary;

/**
 * What every operation file exports; the router and the operations share this contract.
 * Operations run once per item (`execute`), or, when they gather items into shared requests
 * (custom events, batch sends), once for all items (`executeBatch`) when `usesBatch` says so.
 */
export interface OperationModule {
	description: INodeProperties[];
	/** The operationIds of OneSignal's spec (or of the two newer endpoints) this operation calls. */
	operationIds: readonly string[];
	execute?(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
	/** One result or error per item, in item order. */
	executeBatch?(
		this: IExecuteFunctions,
		itemIndexes: number[],
	): Promise<Array<OperationResult | Error>>;
	/** Whether this run goes through executeBatch; always, when absent and executeBatch exists. */
	usesBatch?(this: IExecuteFunctions): boolean;
	/**
	 * For writes to one user or subscription: a key naming it (e.g. "user:external_id:u-1").
	 * OneSignal allows one write a second per user or subscription, so items with the same key
	 * never run at the same time, and each starts at least a second after the previous one ended.
	 */
	serializeBy?(this: IExecuteFunctions, itemIndex: number): string | undefined;
}
