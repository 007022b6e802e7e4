import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isUuid } from '../../helpers/idempotency';

export const messageIdField: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 7b1f2c34-9d8e-4f6a-b1c2-3d4e5f6a7b8c',
	description:
		'The ID returned by Send, or shown in OneSignal under Messages → the message (in the page address)',
};

export function readMessageId(this: IExecuteFunctions, itemIndex: number): string {
	const value = String(this.getNodeParameter('messageId', itemIndex, '')).trim();
	if (!isUuid(value)) {
		throw new NodeOperationError(this.getNode(), `Message ID: "${value}" is not a message ID`, {
			itemIndex,
			description:
				'A message ID is a UUID such as 7b1f2c34-9d8e-4f6a-b1c2-3d4e5f6a7b8c. Map the "id" field from a Send result.',
		});
	}
	return value;
}
