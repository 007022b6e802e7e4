import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { journeyRLC } from '../resourceLocators';
import { readJourneyId } from './shared';

const properties: INodeProperties[] = [journeyRLC];

export const operationIds = ['view_journey'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['journey'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const journeyId = readJourneyId.call(this, itemIndex);
	const appId = await oneSignalAppId.call(this, itemIndex);
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'GET',
		path: apiPath`/apps/${appId}/journeys/${journeyId}`,
		operation: 'journey.get',
		itemIndex,
	});
	return body;
}
