import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { journeyRLC } from '../resourceLocators';
import { readJourneyId } from './shared';

const properties: INodeProperties[] = [
	{
		displayName:
			'Deleting a journey stops it for every user in it and cannot be undone. To stop a running journey but keep its data, use Update → State → Archived.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	journeyRLC,
];

export const operationIds = ['delete_journey'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['journey'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const journeyId = readJourneyId.call(this, itemIndex);
	const appId = await oneSignalAppId.call(this, itemIndex);
	await oneSignalApiRequest.call(this, {
		method: 'DELETE',
		path: apiPath`/apps/${appId}/journeys/${journeyId}`,
		operation: 'journey.delete',
		itemIndex,
	});
	return { deleted: true, id: journeyId };
}
