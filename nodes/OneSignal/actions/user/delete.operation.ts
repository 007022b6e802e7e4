import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import {
	explainUserNotFound,
	readUserAlias,
	userLocatorFields,
	userPath,
	writeKeyOf,
} from './shared';

const properties: INodeProperties[] = [
	{
		displayName:
			'Deleting a user also deletes all of their aliases and subscriptions. It cannot be undone.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	...userLocatorFields(),
];

export const operationIds = ['delete_user'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const alias = readUserAlias.call(this, itemIndex);
	const appId = await oneSignalAppId.call(this, itemIndex);
	await oneSignalApiRequest.call(this, {
		method: 'DELETE',
		path: userPath(appId, alias),
		operation: 'user.delete',
		itemIndex,
		explainFailure: explainUserNotFound(
			alias,
			'It may have been deleted already. Alias values are exact and case-sensitive.',
		),
	});
	return { deleted: true, id: alias.id, aliasLabel: alias.label };
}

/** Writes to one user run one at a time (see actions/types.ts). */
export function serializeBy(this: IExecuteFunctions, itemIndex: number): string | undefined {
	return writeKeyOf.call(this, itemIndex);
}
