import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { endDescription, sendUpdate } from './update.operation';

export const operationIds = ['update_live_activity'] as const;

export const description = endDescription;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await sendUpdate.call(this, itemIndex, 'end');
}
