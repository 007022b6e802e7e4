import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { parseList } from '../../helpers/validation';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { filterConditionsField, readFilters } from '../filterConditions';

const properties: INodeProperties[] = [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		default: 'push',
		options: [
			{ name: 'Push Notification', value: 'push' },
			{ name: 'Email', value: 'email' },
			{ name: 'SMS', value: 'sms' },
		],
		description: 'Count the subscriptions a message on this channel would reach',
	},
	{
		displayName: 'Audience',
		name: 'audience',
		type: 'options',
		default: 'segments',
		options: [
			{ name: 'Segments', value: 'segments', description: 'Everyone in one or more segments' },
			{ name: 'All Subscribers', value: 'all', description: 'Every subscribed user of the app' },
		],
		description:
			'Whom to count. OneSignal estimates segment-based audiences only; filters and External IDs below narrow them further.',
	},
	{
		displayName: 'Segment Names or IDs',
		name: 'segments',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getSegmentNames' },
		default: [],
		required: true,
		description:
			'Segments to count. Names are exact and case-sensitive. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { audience: ['segments'] } },
	},
	{
		...filterConditionsField,
		description:
			'Optional conditions that narrow the audience. Rows joined by AND must all match; an OR row starts a new group.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Excluded Segment Names or IDs',
				name: 'excludedSegments',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getSegmentNames' },
				default: [],
				description:
					'People in these segments are not counted. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Only Users With External IDs',
				name: 'externalIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. user-1042, user-2210',
				description:
					'Count only these users (their External IDs, as in OneSignal under Audience → Users), as far as they are in the audience. Separate several with commas, or map an array.',
			},
		],
	},
];

export const operationIds = ['estimate_recipients'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['estimateRecipients'] } },
	properties,
);

/**
 * `POST /notifications/count-unsaved`, newer than OneSignal's published spec; the request follows
 * the Node SDK 5.18 (EstimateNotificationRecipientsRequest): `included_segments` is required ("All"
 * counts everyone), and only `excluded_segments`, `filters`, `include_aliases` and `target_channel`
 * narrow it. Nothing is created or sent.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const appId = await oneSignalAppId.call(this, itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const audience = this.getNodeParameter('audience', itemIndex, 'segments') as string;
	const included =
		audience === 'all'
			? ['All']
			: parseList(this.getNodeParameter('segments', itemIndex, []), 'Segment Names or IDs');
	if (included.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Segment Names or IDs: no segment chosen', {
			itemIndex,
			description: 'Pick at least one segment, or set Audience to "All Subscribers".',
		});
	}

	const body: IDataObject = {
		app_id: appId,
		included_segments: included,
		target_channel: this.getNodeParameter('channel', itemIndex, 'push') as string,
	};
	const excluded = parseList(additional.excludedSegments, 'Excluded Segment Names or IDs');
	if (excluded.length) body.excluded_segments = excluded;
	const filters = readFilters.call(this, itemIndex);
	if (filters.length) body.filters = filters as IDataObject[];
	const externalIds = parseList(additional.externalIds, 'Only Users With External IDs');
	if (externalIds.length) body.include_aliases = { external_id: externalIds };

	const { body: answer } = await oneSignalApiRequest.call(this, {
		method: 'POST',
		path: '/notifications/count-unsaved',
		body,
		// Counting changes nothing, so a lost answer may simply be asked again.
		safeToRepeat: true,
		operation: 'message.estimateRecipients',
		itemIndex,
	});
	return answer;
}
