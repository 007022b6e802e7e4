import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildOutcomeQuery, type OutcomeRow, PLATFORMS } from '../../helpers/outcomes';
import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { fixedRows } from '../user/shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Outcomes',
		name: 'outcomes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Outcome',
		default: { outcome: [{ outcome: 'clicks', aggregation: 'count' }] },
		required: true,
		description: 'The outcomes to read, each as a count or a sum (OneSignal: Analytics → Outcomes)',
		options: [
			{
				name: 'outcome',
				displayName: 'Outcome',
				values: [
					{
						displayName: 'Outcome',
						name: 'outcome',
						type: 'options',
						default: 'clicks',
						options: [
							{
								name: 'Clicks',
								value: 'clicks',
								description: 'Clicks on push notifications (count only)',
							},
							{
								name: 'Confirmed Deliveries',
								value: 'confirmedDeliveries',
								description: 'Messages confirmed as delivered to the device',
							},
							{
								name: 'Session Duration',
								value: 'sessionDuration',
								description:
									'Sessions started from a notification (count), or their total seconds (sum)',
							},
							{
								name: 'Custom Outcome',
								value: 'custom',
								description: 'An outcome your app reports, such as Purchase',
							},
						],
					},
					{
						displayName: 'Outcome Name',
						name: 'customName',
						type: 'string',
						default: '',
						placeholder: 'e.g. Purchase',
						description: 'The name your app reports the outcome with, exactly as written',
						displayOptions: { show: { outcome: ['custom'] } },
					},
					{
						displayName: 'Aggregation',
						name: 'aggregation',
						type: 'options',
						default: 'count',
						options: [
							{ name: 'Count', value: 'count', description: 'How many times it happened' },
							{ name: 'Sum', value: 'sum', description: 'The total of its values' },
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Time Range',
		name: 'timeRange',
		type: 'options',
		default: '1d',
		options: [
			{ name: 'Last Hour', value: '1h' },
			{ name: 'Last Day', value: '1d' },
			{ name: 'Last Month', value: '1mo' },
		],
		description: 'OneSignal keeps outcomes for about 30 days',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Attribution',
				name: 'attribution',
				type: 'options',
				default: 'total',
				options: [
					{
						name: 'Total',
						value: 'total',
						description: 'Direct, influenced and unattributed together',
					},
					{
						name: 'Direct',
						value: 'direct',
						description: 'In a session opened by a notification click',
					},
					{
						name: 'Influenced',
						value: 'influenced',
						description: 'Within the attribution window after a notification was received',
					},
					{
						name: 'Unattributed',
						value: 'unattributed',
						description: 'Not linked to any notification',
					},
				],
			},
			{
				displayName: 'Platforms',
				name: 'platforms',
				type: 'multiOptions',
				default: [],
				options: PLATFORMS,
				description: 'Only outcomes from these platforms; all platforms when empty',
			},
		],
	},
];

export const operationIds = ['get_outcomes'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['outcome'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const rows = fixedRows<OutcomeRow>(this.getNodeParameter('outcomes', itemIndex, {}), 'outcome');
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query = buildOutcomeQuery({
		outcomes: rows,
		timeRange: this.getNodeParameter('timeRange', itemIndex, '1d') as string,
		platforms: (filters.platforms as number[] | undefined) ?? [],
		attribution: filters.attribution as string | undefined,
	});
	const appId = await oneSignalAppId.call(this, itemIndex);
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'GET',
		// Names holding a comma go into the path's query as `outcome_names[]`: the request helper's
		// query serialiser cannot send that key next to `outcome_names`.
		path: apiPath`/apps/${appId}/outcomes` + (query.bracketed ? `?${query.bracketed}` : ''),
		qs: query.qs,
		operation: 'outcome.get',
		itemIndex,
	});
	const outcomes = (body.outcomes as IDataObject[] | undefined) ?? [];
	const timeRange = query.qs.outcome_time_range;
	return outcomes.map((outcome) => ({ ...outcome, timeRange }));
}
