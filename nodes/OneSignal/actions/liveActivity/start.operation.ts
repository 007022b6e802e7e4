import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { derivedIdempotencyKey, userIdempotencyKey } from '../../helpers/idempotency';
import { apiPath, checkPathValue } from '../../helpers/paths';
import { parseList } from '../../helpers/validation';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { itemIdentity } from '../common';
import { filterConditionsField, readFilters } from '../filterConditions';
import {
	contentStateField,
	contentStateJsonField,
	keyValueRows,
	priorityField,
	readKeyValues,
	staleDateField,
	unixSeconds,
} from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Activity Type',
		name: 'activityType',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. OrderAttributes',
		description:
			'The name of the Live Activity’s attributes struct in your iOS app (ActivityAttributes)',
	},
	{
		displayName: 'Activity ID',
		name: 'activityId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. order-1042',
		description:
			'An ID of your own for this Live Activity; Update and End use it to address it later',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Order 1042 tracking',
		description: 'An internal name to find the message in OneSignal’s reports',
	},
	{
		displayName: 'Heading',
		name: 'heading',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Your order',
		description: 'The title of the alert shown when the activity starts',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. We are preparing your order',
		description: 'The text of the alert shown when the activity starts',
	},
	{
		displayName: 'Send To',
		name: 'sendTo',
		type: 'options',
		default: 'externalIds',
		options: [
			{
				name: 'Users by External ID',
				value: 'externalIds',
				description: 'Your own user IDs, set as External ID in OneSignal',
			},
			{
				name: 'Subscription IDs',
				value: 'subscriptionIds',
				description: 'Specific iOS devices by their OneSignal subscription ID',
			},
			{
				name: 'Segments',
				value: 'segments',
				description: 'Everyone in one or more segments of your app',
			},
			{
				name: 'Filters',
				value: 'filters',
				description: 'Everyone matching conditions on tags, sessions, language or country',
			},
		],
		description: 'Who gets the Live Activity. One request targets exactly one kind of audience.',
	},
	{
		displayName: 'External IDs',
		name: 'externalIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. user-1042',
		description:
			'Your own user IDs, as in OneSignal under Audience → Users → the External ID column. Separate several with commas, or map an array.',
		displayOptions: { show: { sendTo: ['externalIds'] } },
	},
	{
		displayName: 'Subscription IDs',
		name: 'subscriptionIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1dd608f2-c6a1-11e3-851d-000c2940e62c',
		description:
			'OneSignal subscription IDs from Audience → Subscriptions, separated by commas or mapped as an array',
		displayOptions: { show: { sendTo: ['subscriptionIds'] } },
	},
	{
		displayName: 'Segment Names or IDs',
		name: 'segments',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getSegmentNames' },
		default: [],
		required: true,
		description:
			'Segments to start it for. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { sendTo: ['segments'] } },
	},
	{
		displayName: 'Excluded Segment Names or IDs',
		name: 'excludedSegments',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getSegmentNames' },
		default: [],
		description:
			'People in these segments do not get it. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { sendTo: ['segments'] } },
	},
	{
		...filterConditionsField,
		displayOptions: { show: { sendTo: ['filters'] } },
	},
	keyValueRows(
		'Attributes',
		'attributes',
		'The static values of the Live Activity, set once at start. Keys and types must match the attributes struct in your iOS app.',
	),
	contentStateField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Attributes (JSON)',
				name: 'attributesJson',
				type: 'json',
				default: '{}',
				description: 'More attributes as a JSON object, merged with the rows of Attributes',
			},
			contentStateJsonField,
			{
				displayName: 'Idempotency Key',
				name: 'idempotencyKey',
				type: 'string',
				default: '',
				placeholder: 'e.g. order-1042-start',
				description:
					'Name the event this start is for: OneSignal starts it only once per key for 30 days. Empty: a key derived from this execution and item, which makes retries safe.',
			},
			priorityField,
			{
				displayName: 'Relevance Score',
				name: 'relevanceScore',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				default: 0,
				description: 'From 0 to 1: which Live Activity iOS shows first when an app has several',
			},
			staleDateField,
		],
	},
];

export const operationIds = ['start_live_activity'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['liveActivity'], operation: ['start'] } },
	properties,
);

function text(this: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	const value = String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) {
		throw new NodeOperationError(this.getNode(), `${label}: empty`, {
			itemIndex,
			description: `Enter ${label}; OneSignal needs it to start a Live Activity.`,
		});
	}
	return value;
}

function readAudience(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const sendTo = this.getNodeParameter('sendTo', itemIndex) as string;
	const list = (name: string, label: string) =>
		parseList(this.getNodeParameter(name, itemIndex, ''), label);
	const none = (label: string) =>
		new NodeOperationError(this.getNode(), `${label}: nobody to start the Live Activity for`, {
			itemIndex,
			description: `Enter at least one value in ${label}.`,
		});
	switch (sendTo) {
		case 'subscriptionIds': {
			const ids = list('subscriptionIds', 'Subscription IDs');
			if (!ids.length) throw none('Subscription IDs');
			return { include_subscription_ids: ids };
		}
		case 'segments': {
			const segments = list('segments', 'Segment Names or IDs');
			if (!segments.length) throw none('Segment Names or IDs');
			const excluded = list('excludedSegments', 'Excluded Segment Names or IDs');
			return excluded.length
				? { included_segments: segments, excluded_segments: excluded }
				: { included_segments: segments };
		}
		case 'filters': {
			const filters = readFilters.call(this, itemIndex);
			if (!filters.length) throw none('Filters');
			return { filters: filters as IDataObject[] };
		}
		default: {
			const ids = list('externalIds', 'External IDs');
			if (!ids.length) throw none('External IDs');
			return { include_aliases: { external_id: ids } };
		}
	}
}

/** https://documentation.onesignal.com/reference/start-live-activity */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const activityType = checkPathValue(
		text.call(this, itemIndex, 'activityType', 'Activity Type'),
		'Activity Type',
	);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		name: text.call(this, itemIndex, 'name', 'Name'),
		event: 'start',
		// Update addresses the activity by this ID in its path, so a dot-only ID could never be updated.
		activity_id: checkPathValue(
			text.call(this, itemIndex, 'activityId', 'Activity ID'),
			'Activity ID',
		),
		headings: { en: text.call(this, itemIndex, 'heading', 'Heading') },
		contents: { en: text.call(this, itemIndex, 'message', 'Message') },
		event_attributes: readKeyValues.call(
			this,
			itemIndex,
			'attributes',
			'Attributes',
			additional.attributesJson,
			'Attributes (JSON)',
		),
		event_updates: readKeyValues.call(
			this,
			itemIndex,
			'contentState',
			'Content State',
			additional.contentStateJson,
			'Content State (JSON)',
		),
		...readAudience.call(this, itemIndex),
	};
	if (additional.priority !== undefined) body.priority = additional.priority;
	if (additional.relevanceScore !== undefined) body.ios_relevance_score = additional.relevanceScore;
	if (additional.staleDate) {
		body.stale_date = unixSeconds.call(this, itemIndex, additional.staleDate, 'Stale Date');
	}
	const userKey = typeof additional.idempotencyKey === 'string' ? additional.idempotencyKey : '';
	body.idempotency_key = userKey.trim()
		? userIdempotencyKey(userKey)
		: derivedIdempotencyKey(itemIdentity(this, itemIndex));

	const appId = await oneSignalAppId.call(this, itemIndex);
	const response = await oneSignalApiRequest.call(this, {
		method: 'POST',
		path: apiPath`/apps/${appId}/activities/activity/${activityType}`,
		body,
		// The idempotency key makes a repeat return the first result instead of starting twice.
		safeToRepeat: true,
		operation: 'liveActivity.start',
		itemIndex,
	});
	return {
		...response.body,
		activityId: body.activity_id,
		idempotencyKey: body.idempotency_key,
		replayed: response.replayed,
	};
}
