import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkAliasLabel, ONESIGNAL_ID } from '../../helpers/aliases';
import { ParameterError } from '../../helpers/validation';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import {
	explainUserNotFound,
	readUserAlias,
	userLocatorFields,
	userPath,
	writeKeyOf,
} from '../user/shared';
import { apiPath } from '../../helpers/paths';

const properties: INodeProperties[] = [
	...userLocatorFields(),
	{
		displayName: 'Alias Label to Delete Name or ID',
		name: 'labelToDelete',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getUserAliasLabels',
			loadOptionsDependsOn: ['identifyBy', 'externalId', 'onesignalId', 'aliasLabel', 'aliasId'],
		},
		default: '',
		required: true,
		description:
			'The alias to remove from the user, such as crm_id or external_id. The OneSignal ID cannot be removed. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export const operationIds = ['delete_alias'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['alias'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const alias = readUserAlias.call(this, itemIndex);
	const label = checkAliasLabel(
		this.getNodeParameter('labelToDelete', itemIndex, ''),
		'Alias Label to Delete',
	);
	if (label === ONESIGNAL_ID) {
		throw new ParameterError(
			'Alias Label to Delete',
			'the OneSignal ID cannot be removed',
			'Every user keeps the OneSignal ID OneSignal gave them. To remove the user, use User → Delete.',
		);
	}
	const appId = await oneSignalAppId.call(this, itemIndex);
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'DELETE',
		path: userPath(appId, alias, apiPath`/identity/${label}`),
		operation: 'alias.delete',
		itemIndex,
		explainFailure: explainUserNotFound(alias),
	});
	return { deleted: true, label, identity: (body.identity as IDataObject | undefined) ?? {} };
}

/** Writes to one user run one at a time (see actions/types.ts). */
export function serializeBy(this: IExecuteFunctions, itemIndex: number): string | undefined {
	return writeKeyOf.call(this, itemIndex);
}
