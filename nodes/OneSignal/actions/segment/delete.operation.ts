import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { segmentRLC } from '../resourceLocators';
import { readSegmentId } from './shared';

const properties: INodeProperties[] = [
	{
		displayName:
			'Deleting a segment cannot be undone. Messages and journeys that target it stop reaching its users; the users themselves are kept.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	segmentRLC,
];

export const operationIds = ['delete_segment'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['segment'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const segmentId = readSegmentId.call(this, itemIndex);
	const appId = await oneSignalAppId.call(this, itemIndex);
	await oneSignalApiRequest.call(this, {
		method: 'DELETE',
		path: apiPath`/apps/${appId}/segments/${segmentId}`,
		operation: 'segment.delete',
		itemIndex,
	});
	return { deleted: true, id: segmentId };
}
