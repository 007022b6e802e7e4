import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { readUserLocator, userLocatorFields } from '../user/shared';
import { explainLocatorNotFound, identityPath } from './shared';

const properties: INodeProperties[] = [
	...userLocatorFields({ withSubscription: true }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'perAlias',
				options: [
					{
						name: 'One Item per Alias',
						value: 'perAlias',
						description: 'Each alias as its own item with label and ID',
					},
					{
						name: 'One Item with All Aliases',
						value: 'identity',
						description:
							'The identity object as OneSignal returns it, such as {"external_id": "u-1"}',
					},
				],
			},
		],
	},
];

export const operationIds = ['get_aliases', 'get_aliases_by_subscription'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['alias'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const locator = readUserLocator.call(this, itemIndex, { withSubscription: true });
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const appId = await oneSignalAppId.call(this, itemIndex);
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'GET',
		path: identityPath(appId, locator),
		operation: 'alias.getAll',
		itemIndex,
		explainFailure: explainLocatorNotFound(locator),
	});
	const identity = (body.identity as IDataObject | undefined) ?? {};
	if (options.output === 'identity') return [{ identity }];
	const onesignalId = identity.onesignal_id;
	return Object.entries(identity).map(([label, id]) => ({
		label,
		id,
		...(typeof onesignalId === 'string' ? { onesignalId } : {}),
	}));
}
