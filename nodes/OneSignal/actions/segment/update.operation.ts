import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { describeFilters } from '../../helpers/filters';
import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { filterConditionsField, readFilters } from '../filterConditions';
import { segmentRLC } from '../resourceLocators';
import { readSegmentId } from './shared';

const properties: INodeProperties[] = [
	segmentRLC,
	{
		displayName: 'Replace Filters',
		name: 'replaceFilters',
		type: 'boolean',
		default: false,
		description: 'Whether to replace all filters of the segment with new conditions',
	},
	{
		...filterConditionsField,
		description:
			'The new conditions, replacing all current ones. Rows joined by AND must all match; an OR row starts a new group.',
		displayOptions: { show: { replaceFilters: [true] } },
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'A note about the segment, at most 255 characters',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'A new name. Messages that target the old name no longer reach this segment.',
			},
		],
	},
];

export const operationIds = ['update_segment', 'get_segment'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['segment'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const segmentId = readSegmentId.call(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (typeof fields.description === 'string') body.description = fields.description;
	let filterExpression: string | undefined;
	if (this.getNodeParameter('replaceFilters', itemIndex, false) as boolean) {
		const filters = readFilters.call(this, itemIndex);
		if (filters.length === 0) {
			throw new NodeOperationError(
				this.getNode(),
				'Filters: no condition to replace the filters with',
				{
					itemIndex,
					description: 'Add at least one condition, or turn off "Replace Filters".',
				},
			);
		}
		body.filters = filters as IDataObject[];
		filterExpression = describeFilters(filters);
	}
	let name = typeof fields.name === 'string' ? fields.name.trim() : '';
	if (!name && Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: nothing to update', {
			itemIndex,
			description: 'Add a new name, a description, or turn on "Replace Filters".',
		});
	}

	const appId = await oneSignalAppId.call(this, itemIndex);
	if (!name) {
		// OneSignal requires the name on every update; keep the current one.
		const { body: current } = await oneSignalApiRequest.call(this, {
			method: 'GET',
			path: apiPath`/apps/${appId}/segments/${segmentId}`,
			qs: { 'include-segment-detail': true },
			operation: 'segment.update',
			itemIndex,
		});
		name = String(((current.payload ?? {}) as IDataObject).name ?? '');
		if (!name) {
			throw new NodeOperationError(this.getNode(), 'The current name of the segment is unknown', {
				itemIndex,
				description:
					'OneSignal needs the name with every update: add it under Update Fields → Name.',
			});
		}
	}
	// A PATCH that sets the same values again changes nothing, so it may be repeated.
	const { body: answer } = await oneSignalApiRequest.call(this, {
		method: 'PATCH',
		path: apiPath`/apps/${appId}/segments/${segmentId}`,
		body: { ...body, name },
		safeToRepeat: true,
		operation: 'segment.update',
		itemIndex,
	});
	const result: IDataObject = { ...answer, name };
	if (filterExpression !== undefined) result.filterExpression = filterExpression;
	return result;
}
