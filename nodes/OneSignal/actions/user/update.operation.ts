import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	buildDeltas,
	buildUserProperties,
	checkPropertyUpdateCount,
} from '../../helpers/userProperties';
import { ParameterError } from '../../helpers/validation';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { activityFields, deltaInput, propertyFields, propertyInput } from './properties';
import {
	explainUserNotFound,
	readUserAlias,
	userLocatorFields,
	userPath,
	writeKeyOf,
} from './shared';

const properties: INodeProperties[] = [
	...userLocatorFields(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Properties to set. Tags not listed stay as they are; OneSignal applies at most 100 property updates per request.',
		options: propertyFields(true),
	},
	{
		displayName: 'Activity to Add',
		name: 'activity',
		type: 'collection',
		placeholder: 'Add Activity',
		default: {},
		description:
			'Sessions and purchases added to the user’s totals. Adding is not repeatable: a request with activity is never resent after a lost connection, so it is never counted twice.',
		options: activityFields,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Refresh Device Metadata',
				name: 'refreshDeviceMetadata',
				type: 'boolean',
				default: false,
				description:
					'Whether OneSignal should also refresh the IP address and location it derives from the user’s devices',
			},
		],
	},
];

export const operationIds = ['update_user'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const alias = readUserAlias.call(this, itemIndex);
	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const activity = this.getNodeParameter('activity', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const userProperties = buildUserProperties(propertyInput(updateFields), this.getTimezone());
	const deltas = buildDeltas(deltaInput(activity));
	if (!userProperties && !deltas && options.refreshDeviceMetadata !== true) {
		throw new ParameterError(
			'Update Fields',
			'nothing to update',
			'Add at least one field under Update Fields or Activity to Add.',
		);
	}
	checkPropertyUpdateCount(userProperties, deltas);
	const appId = await oneSignalAppId.call(this, itemIndex);

	const body: IDataObject = {};
	if (userProperties) body.properties = userProperties as IDataObject;
	if (deltas) body.deltas = deltas as IDataObject;
	if (options.refreshDeviceMetadata === true) body.refresh_device_metadata = true;

	const response = await oneSignalApiRequest.call(this, {
		method: 'PATCH',
		path: userPath(appId, alias),
		body,
		// Setting properties twice leaves the same result; deltas add up, so a request that carries
		// them is only resent when OneSignal provably did not process it (429, refused connection).
		safeToRepeat: deltas === undefined,
		operation: 'user.update',
		itemIndex,
		explainFailure: explainUserNotFound(alias),
	});
	return { identity: { [alias.label]: alias.id }, ...response.body };
}

/** Writes to one user run one at a time (see actions/types.ts). */
export function serializeBy(this: IExecuteFunctions, itemIndex: number): string | undefined {
	return writeKeyOf.call(this, itemIndex);
}
