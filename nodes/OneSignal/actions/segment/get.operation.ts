import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { segmentRLC } from '../resourceLocators';
import { readSegmentId } from './shared';

const properties: INodeProperties[] = [
	segmentRLC,
	{
		displayName: 'Include Filters',
		name: 'includeDetails',
		type: 'boolean',
		default: true,
		description:
			'Whether to include the name, description and filters besides the subscriber count',
	},
];

export const operationIds = ['get_segment'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['segment'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const segmentId = readSegmentId.call(this, itemIndex);
	const appId = await oneSignalAppId.call(this, itemIndex);
	const includeDetails = this.getNodeParameter('includeDetails', itemIndex, true) as boolean;
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'GET',
		path: apiPath`/apps/${appId}/segments/${segmentId}`,
		qs: includeDetails ? { 'include-segment-detail': true } : undefined,
		operation: 'segment.get',
		itemIndex,
	});
	// The answer wraps the segment in `payload` beside its count; one flat object is what a
	// workflow maps fields from.
	const payload = (body.payload ?? {}) as IDataObject;
	return { id: segmentId, ...payload, subscriber_count: body.subscriber_count };
}
