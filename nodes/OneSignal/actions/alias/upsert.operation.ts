import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { aliasConflict, aliasConflictMessage, identityFromRows } from '../../helpers/aliases';
import { ParameterError } from '../../helpers/validation';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { fixedRows, readUserLocator, userLocatorFields, writeKeyOf } from '../user/shared';
import { explainLocatorNotFound, identityPath } from './shared';

const properties: INodeProperties[] = [
	...userLocatorFields({ withSubscription: true }),
	{
		displayName: 'Aliases',
		name: 'aliases',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Alias',
		default: {},
		required: true,
		description:
			'Aliases to give the user. A label the user already has gets the new value. The OneSignal ID cannot be set.',
		options: [
			{
				name: 'alias',
				displayName: 'Alias',
				values: [
					{
						displayName: 'Label',
						name: 'label',
						type: 'string',
						default: '',
						placeholder: 'e.g. crm_id',
						description: 'Either external_id or a label of your own',
					},
					{
						displayName: 'Value',
						name: 'id',
						type: 'string',
						default: '',
						placeholder: 'e.g. CRM-88121',
						description: 'Must not belong to another user of the app',
					},
				],
			},
		],
	},
];

export const operationIds = ['create_alias', 'create_alias_by_subscription'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['alias'], operation: ['upsert'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const locator = readUserLocator.call(this, itemIndex, { withSubscription: true });
	const rows = fixedRows<{ label?: unknown; id?: unknown }>(
		this.getNodeParameter('aliases', itemIndex, {}),
		'alias',
	);
	const identity = identityFromRows(rows, 'Aliases');
	if (Object.keys(identity).length === 0) {
		throw new ParameterError(
			'Aliases',
			'none given',
			'Add at least one alias with a label and a value.',
		);
	}
	const appId = await oneSignalAppId.call(this, itemIndex);
	const notFound = explainLocatorNotFound(locator);
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'PATCH',
		path: identityPath(appId, locator),
		body: { identity },
		// Setting the same aliases again changes nothing.
		safeToRepeat: true,
		operation: 'alias.upsert',
		itemIndex,
		explainFailure: (failure) =>
			failure.status === 409
				? aliasConflictMessage(aliasConflict(failure.body, identity, failure.messages))
				: notFound(failure),
	});
	return body;
}

/** Writes to one user run one at a time (see actions/types.ts). */
export function serializeBy(this: IExecuteFunctions, itemIndex: number): string | undefined {
	return writeKeyOf.call(this, itemIndex, { withSubscription: true });
}
