import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isUuid } from '../helpers/idempotency';
import { pickOrganizationId } from '../helpers/organization';
import { oneSignalCredentials } from '../transport';

/**
 * What the organization-key operations share: the app they act on (from the App picker) and the
 * organization ID (from the operation or the credential).
 */

/** The App ID chosen in the App picker, checked to be a UUID before anything is sent. */
export function readAppId(this: IExecuteFunctions, itemIndex: number): string {
	const value = String(
		this.getNodeParameter('app', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!isUuid(value)) {
		throw new NodeOperationError(
			this.getNode(),
			value ? `App: "${value}" is not an App ID` : 'App: no app is selected',
			{
				itemIndex,
				description:
					'Pick the app from the list, or enter its App ID, a UUID such as 5e1c9a34-2f6b-4d8e-9c1a-7b3d2e4f6a80 (OneSignal: Settings → Keys & IDs).',
			},
		);
	}
	return value;
}

/**
 * The organization ID for this item: the operation's override, or the credential's. Reading the
 * credential also fails, with the credential's name, when the node has only an app credential.
 */
export async function oneSignalOrganizationId(
	this: IExecuteFunctions,
	itemIndex: number,
	override: unknown,
	overrideLocation?: string,
): Promise<string> {
	const { organizationId } = await oneSignalCredentials.call(this, 'organization', itemIndex);
	return pickOrganizationId(override, organizationId, overrideLocation);
}
