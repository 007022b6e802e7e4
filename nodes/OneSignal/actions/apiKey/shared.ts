import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isUuid } from '../../helpers/idempotency';

export const apiKeyIdField: INodeProperties = {
	displayName: 'API Key ID',
	name: 'keyId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 0aa1b2c3-d4e5-46f7-8899-aabbccddeeff',
	description:
		'The ID of the key (token_id), not the key itself. It is in the output of Create and Get Many.',
};

/** Shown where a key is returned: OneSignal never shows it again. */
export const storeKeyNotice: INodeProperties = {
	displayName:
		'OneSignal returns the new key (formatted_token) only in this answer and never shows it again. Store it right away, for example in a "OneSignal App API" credential or your secrets manager, and avoid saving it in execution data you share.',
	name: 'storeKeyNotice',
	type: 'notice',
	default: '',
};

export const ipAllowlistField: INodeProperties = {
	displayName: 'IP Allowlist',
	name: 'ipAllowlist',
	type: 'string',
	default: '',
	placeholder: 'e.g. 203.0.113.7, 198.51.100.0/24',
	description:
		'Only these addresses or CIDR ranges may use the key. Separate several with commas. Leave empty to allow any address.',
};

export function readApiKeyId(this: IExecuteFunctions, itemIndex: number): string {
	const value = String(this.getNodeParameter('keyId', itemIndex, '')).trim();
	if (!isUuid(value)) {
		throw new NodeOperationError(
			this.getNode(),
			value ? `API Key ID: "${value}" is not an API key ID` : 'API Key ID: is empty',
			{
				itemIndex,
				description:
					'The API key ID is a UUID such as 0aa1b2c3-d4e5-46f7-8899-aabbccddeeff: map token_id from a Create or Get Many result. It is not the key itself.',
			},
		);
	}
	return value;
}
