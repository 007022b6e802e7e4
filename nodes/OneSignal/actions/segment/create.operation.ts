import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { describeFilters } from '../../helpers/filters';
import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { filterConditionsField, readFilters } from '../filterConditions';
import { isLooseUuid } from '../ids';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Inactive 30 days',
		description:
			'The segment name shown in OneSignal. Messages target segments by this exact, case-sensitive name.',
	},
	{
		...filterConditionsField,
		required: true,
		description:
			'Who belongs to the segment. Rows joined by AND must all match; an OR row starts a new group.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Segment ID',
				name: 'id',
				type: 'string',
				default: '',
				placeholder: 'e.g. d5d4d1a8-1c9e-42fb-b3f2-56d3a5a9a8b7',
				description:
					'A UUID of your own for the new segment. Empty: OneSignal assigns one and returns it.',
			},
		],
	},
];

export const operationIds = ['create_segment'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['segment'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = String(this.getNodeParameter('name', itemIndex, '')).trim();
	if (!name) {
		throw new NodeOperationError(this.getNode(), 'Name: the segment needs a name', {
			itemIndex,
			description: 'Enter the name the segment gets in OneSignal, such as "Inactive 30 days".',
		});
	}
	const filters = readFilters.call(this, itemIndex);
	if (filters.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Filters: the segment has no condition', {
			itemIndex,
			description:
				'Add at least one condition, such as Last Session (Hours Ago) > 720 for users inactive for 30 days.',
		});
	}
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const id = String(additional.id ?? '').trim();
	if (id && !isLooseUuid(id)) {
		throw new NodeOperationError(this.getNode(), `Segment ID: "${id}" is not a UUID`, {
			itemIndex,
			description: 'Leave it empty to let OneSignal choose, or enter a UUID.',
		});
	}

	const appId = await oneSignalAppId.call(this, itemIndex);
	const body: IDataObject = { name, filters: filters as IDataObject[] };
	if (id) body.id = id;
	// Creating a segment is not idempotent, but a second one with the same name is refused (409),
	// so repeating after a lost answer cannot create a duplicate.
	const { body: answer } = await oneSignalApiRequest.call(this, {
		method: 'POST',
		path: apiPath`/apps/${appId}/segments`,
		body,
		operation: 'segment.create',
		itemIndex,
	});
	return { ...answer, name, filterExpression: describeFilters(filters) };
}
