import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { parseList } from '../../helpers/validation';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { journeyRLC } from '../resourceLocators';
import {
	journeySettingFields,
	nodesJsonField,
	readJourneyId,
	readJourneySettings,
	readNodes,
	EXPRESSION_SENTENCE,
	segmentIdsField,
	stepsField,
} from './shared';

const properties: INodeProperties[] = [
	journeyRLC,
	{
		displayName: 'Replace Steps',
		name: 'replaceSteps',
		type: 'boolean',
		default: false,
		description:
			'Whether to replace all steps of the journey. Users on a removed step leave the journey.',
	},
	{
		...stepsField,
		displayOptions: { show: { replaceSteps: [true] } },
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				...journeySettingFields,
				{
					displayName: 'Concurrency Key',
					name: 'concurrencyKey',
					type: 'string',
					default: '',
					description:
						'The concurrency_key from a Get of this journey: the update is refused (409) if someone changed the journey since',
				},
				{
					...segmentIdsField('Entry Segment Names or IDs', 'includedSegmentIds'),
					description: `New entry segments; replaces the current ones. Segment IDs are in OneSignal under Audience → Segments → the segment. ${EXPRESSION_SENTENCE}`,
				},
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
				},
				{
					...nodesJsonField,
					description:
						'The whole new node graph as OneSignal’s Journeys API takes it; keep each node’s ID to keep users on it. Use with Replace Steps turned off.',
				},
				{
					displayName: 'State',
					name: 'state',
					type: 'options',
					default: 'active',
					options: [
						{ name: 'Active', value: 'active', description: 'Start the journey now' },
						{
							name: 'Archived',
							value: 'archived',
							description: 'Stop the journey for good; this cannot be undone',
						},
						{ name: 'Draft', value: 'draft' },
						{
							name: 'Scheduled',
							value: 'scheduled',
							description: 'Start at Start At (set it too)',
						},
					],
				},
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const operationIds = ['update_journey'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['journey'], operation: ['update'] } },
	properties,
);

/** Sends a JSON Merge Patch: only the fields set here change; `nodes` replaces the whole graph. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const journeyId = readJourneyId.call(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = readJourneySettings.call(this, itemIndex, fields);
	if (typeof fields.name === 'string' && fields.name.trim()) body.name = fields.name.trim();
	if (fields.state) body.state = fields.state;
	if (typeof fields.concurrencyKey === 'string' && fields.concurrencyKey.trim()) {
		body.concurrency_key = fields.concurrencyKey.trim();
	}
	const included = parseList(fields.includedSegmentIds, 'Entry Segment Names or IDs');
	if (included.length) body.audience = { kind: 'segment', included_segment_ids: included };
	const replaceSteps = this.getNodeParameter('replaceSteps', itemIndex, false) as boolean;
	const nodes = readNodes.call(this, itemIndex, fields.nodesJson, replaceSteps);
	if (replaceSteps && !nodes) {
		throw new NodeOperationError(this.getNode(), 'Steps: no step to replace the journey with', {
			itemIndex,
			description: 'Add at least one step, or turn off "Replace Steps".',
		});
	}
	if (nodes) body.nodes = nodes;
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: nothing to update', {
			itemIndex,
			description: 'Add a field to change under Update Fields, or turn on "Replace Steps".',
		});
	}

	const appId = await oneSignalAppId.call(this, itemIndex);
	// A merge patch that sets the same values again changes nothing.
	const { body: journey } = await oneSignalApiRequest.call(this, {
		method: 'PATCH',
		path: apiPath`/apps/${appId}/journeys/${journeyId}`,
		body,
		safeToRepeat: true,
		operation: 'journey.update',
		itemIndex,
	});
	return journey;
}
