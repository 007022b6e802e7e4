import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import {
	audienceFields,
	earlyExitFields,
	journeySettingFields,
	nodesJsonField,
	readAudience,
	readEarlyExit,
	readJourneySettings,
	readNodes,
	stepsField,
} from './shared';

const properties: INodeProperties[] = [
	{
		displayName:
			'OneSignal’s Journeys API is in beta: its fields may still change. New journeys start as drafts; activate one with Update → State.',
		name: 'betaNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Welcome series',
		description: 'The journey name shown in OneSignal, at most 300 characters',
	},
	...audienceFields,
	stepsField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...journeySettingFields, ...earlyExitFields, nodesJsonField].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
];

export const operationIds = ['create_journey'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['journey'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = String(this.getNodeParameter('name', itemIndex, '') ?? '').trim();
	if (!name) {
		throw new NodeOperationError(this.getNode(), 'Name: the journey needs a name', {
			itemIndex,
			description: 'Enter the name the journey gets in OneSignal.',
		});
	}
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		name,
		audience: readAudience.call(this, itemIndex),
		...readJourneySettings.call(this, itemIndex, additional),
	};
	const earlyExit = readEarlyExit(additional);
	if (earlyExit) body.early_exit = earlyExit;
	const nodes = readNodes.call(this, itemIndex, additional.nodesJson);
	if (nodes) body.nodes = nodes;

	const appId = await oneSignalAppId.call(this, itemIndex);
	const { body: journey } = await oneSignalApiRequest.call(this, {
		method: 'POST',
		path: apiPath`/apps/${appId}/journeys`,
		body,
		operation: 'journey.create',
		itemIndex,
	});
	return journey;
}
