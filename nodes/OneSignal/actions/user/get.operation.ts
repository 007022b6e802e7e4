import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { explainUserNotFound, readUserAlias, userLocatorFields, userPath } from './shared';

const properties: INodeProperties[] = [...userLocatorFields()];

export const operationIds = ['get_user'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const alias = readUserAlias.call(this, itemIndex);
	const appId = await oneSignalAppId.call(this, itemIndex);
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'GET',
		path: userPath(appId, alias),
		operation: 'user.get',
		itemIndex,
		explainFailure: explainUserNotFound(alias),
	});
	return body;
}
