import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { explainExportRefusal, exportFileFields, exportOutput } from '../exportFile';
import type { OperationResult } from '../types';
import { messageIdField, readMessageId } from './shared';

const properties: INodeProperties[] = [messageIdField, ...exportFileFields];

export const operationIds = ['export_events'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['exportEvents'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const messageId = readMessageId.call(this, itemIndex);
	const appId = await oneSignalAppId.call(this, itemIndex);
	// The endpoint takes no body: the spec declares none, and a body is refused.
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'POST',
		path: apiPath`/notifications/${messageId}/export_events`,
		qs: { app_id: appId },
		operation: 'message.exportEvents',
		explainFailure: explainExportRefusal,
		itemIndex,
	});
	return await exportOutput.call(this, itemIndex, {
		url: body.csv_file_url,
		json: body,
		fallbackName: `message-${messageId}-events.csv`,
		operation: 'message.exportEvents',
	});
}
