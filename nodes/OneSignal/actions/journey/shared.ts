import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	buildEventAttributes,
	buildJourneyNodes,
	type EventConditionRow,
	type JourneyStep,
	waitSeconds,
} from '../../helpers/journey';
import { editorDateToIso } from '../../helpers/time';
import { parseList } from '../../helpers/validation';
import { readUuid } from '../ids';

export const JOURNEY_ID_HINT =
	'OneSignal shows it under Messages → Journeys → the journey, in the page address.';

export function readJourneyId(this: IExecuteFunctions, itemIndex: number): string {
	return readUuid.call(this, itemIndex, 'journey', 'Journey', JOURNEY_ID_HINT);
}

/**
 * A segment picker by ID. Callers replace the description with one that says what the segments
 * are for, ending like this one.
 */
export function segmentIdsField(displayName: string, name: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getSegmentIds' },
		default: [],
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

export const EXPRESSION_SENTENCE =
	'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

/** The linear steps of a journey; branching graphs go in as JSON. */
export const stepsField: INodeProperties = {
	displayName: 'Steps',
	name: 'steps',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Step',
	default: {},
	description:
		'What happens to each user who enters, in order. For branches (yes/no, splits, wait-until) and time windows use Nodes (JSON) instead.',
	options: [
		{
			displayName: 'Step',
			name: 'step',
			values: [
				{
					displayName: 'Annotation',
					name: 'annotation',
					type: 'string',
					default: '',
					description: 'A label shown on the step in OneSignal’s journey editor',
				},
				{
					displayName: 'In-App Message ID',
					name: 'iamId',
					type: 'string',
					default: '',
					description:
						'For Send In-App Message: the message’s ID, in OneSignal under Messages → In-App → the message (in the page address)',
				},
				{
					displayName: 'Kind',
					name: 'kind',
					type: 'options',
					default: 'send_push',
					options: [
						{ name: 'Send Email', value: 'send_email' },
						{ name: 'Send In-App Message', value: 'send_iam' },
						{ name: 'Send Push', value: 'send_push' },
						{ name: 'Send SMS', value: 'send_sms' },
						{ name: 'Send Webhook', value: 'send_webhook' },
						{ name: 'Set Tags', value: 'tag' },
						{ name: 'Wait', value: 'wait' },
					],
				},
				{
					displayName: 'Tags',
					name: 'tags',
					type: 'string',
					default: '',
					placeholder: 'e.g. plan=pro, onboarded=true',
					description: 'For Set Tags: key=value pairs separated by commas; "key=" removes a tag',
				},
				{
					displayName: 'Template ID',
					name: 'templateId',
					type: 'string',
					default: '',
					placeholder: 'e.g. a7c3e1f9-4b2d-4e8a-9c6f-1d3b5a7e9c2f',
					description:
						'For Send Push, Email or SMS: the template to send, in OneSignal under Messages → Templates → the template (or Template → Get Many)',
				},
				{
					displayName: 'Wait (Minutes)',
					name: 'waitMinutes',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 60,
					description: 'For Wait: how long each user stays on this step (1 minute to 1 year)',
				},
				{
					displayName: 'Webhook ID',
					name: 'webhookId',
					type: 'string',
					default: '',
					description:
						'For Send Webhook: the webhook’s ID, in OneSignal under Settings → Webhooks (in the page address)',
				},
			],
		},
	],
};

export const nodesJsonField: INodeProperties = {
	displayName: 'Nodes (JSON)',
	name: 'nodesJson',
	type: 'json',
	default: '[]',
	description:
		'The whole node graph as OneSignal’s Journeys API takes it, for branches and time windows. Replaces Steps.',
};

/**
 * Journey nodes from the Steps rows (when `useSteps`) or the Nodes (JSON) field; undefined when
 * neither is set.
 */
export function readNodes(
	this: IExecuteFunctions,
	itemIndex: number,
	nodesJson: unknown,
	useSteps = true,
): IDataObject[] | undefined {
	const steps = useSteps
		? ((this.getNodeParameter('steps.step', itemIndex, []) as JourneyStep[]) ?? [])
		: [];
	let fromJson: unknown = nodesJson;
	if (typeof nodesJson === 'string') {
		const text = nodesJson.trim();
		try {
			fromJson = text === '' ? [] : (JSON.parse(text) as unknown);
		} catch (error) {
			throw new NodeOperationError(this.getNode(), 'Nodes (JSON): not valid JSON', {
				itemIndex,
				description: `${(error as Error).message}. Enter a JSON array of journey nodes.`,
			});
		}
	}
	if (fromJson !== undefined && !Array.isArray(fromJson)) {
		throw new NodeOperationError(this.getNode(), 'Nodes (JSON): not a list', {
			itemIndex,
			description:
				'Enter a JSON array of nodes, such as [{"kind": "wait", "duration_seconds": 3600}].',
		});
	}
	const jsonNodes = (fromJson as IDataObject[] | undefined) ?? [];
	if (jsonNodes.length && steps.length) {
		throw new NodeOperationError(this.getNode(), 'Steps and Nodes (JSON) are both set', {
			itemIndex,
			description: 'Describe the journey in one of the two: remove the Steps or the JSON nodes.',
		});
	}
	if (jsonNodes.length) return jsonNodes;
	if (steps.length) return buildJourneyNodes(steps) as IDataObject[];
	return undefined;
}

/** The entry audience of a journey: segments or an event. */
export const audienceFields: INodeProperties[] = [
	{
		displayName: 'Audience',
		name: 'audienceKind',
		type: 'options',
		default: 'segment',
		options: [
			{
				name: 'Segments',
				value: 'segment',
				description: 'Users in chosen segments enter the journey',
			},
			{
				name: 'Event',
				value: 'event_trigger',
				description: 'Users enter when a custom event of theirs arrives',
			},
		],
		description: 'Who enters the journey',
	},
	{
		...segmentIdsField('Entry Segment Names or IDs', 'includedSegmentIds'),
		description: `Users in these segments enter the journey. Segment IDs are in OneSignal under Audience → Segments → the segment. ${EXPRESSION_SENTENCE}`,
		required: true,
		displayOptions: { show: { audienceKind: ['segment'] } },
	},
	{
		...segmentIdsField('Excluded Segment Names or IDs', 'excludedSegmentIds'),
		description: `Users in these segments never enter. Segment IDs are in OneSignal under Audience → Segments → the segment. ${EXPRESSION_SENTENCE}`,
		displayOptions: { show: { audienceKind: ['segment'] } },
	},
	{
		displayName: 'Only Users Who Join Later',
		name: 'futureAdditionsOnly',
		type: 'boolean',
		default: false,
		description:
			'Whether only users who join the segments after the journey starts enter, instead of everyone already in them',
		displayOptions: { show: { audienceKind: ['segment'] } },
	},
	{
		displayName: 'Event Name',
		name: 'eventName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. cart_abandoned',
		description: 'The custom event that makes a user enter, at most 255 characters',
		displayOptions: { show: { audienceKind: ['event_trigger'] } },
	},
	{
		displayName: 'Event Conditions',
		name: 'eventConditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Condition',
		default: {},
		description: 'Conditions on the event’s properties; all must match',
		displayOptions: { show: { audienceKind: ['event_trigger'] } },
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{
						displayName: 'Property',
						name: 'key',
						type: 'string',
						default: '',
						placeholder: 'e.g. amount',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						default: 'equal',
						options: [
							{ name: 'After', value: 'after' },
							{ name: 'Before', value: 'before' },
							{ name: 'Equal', value: 'equal' },
							{ name: 'Exists', value: 'exists' },
							{ name: 'Greater', value: 'greater' },
							{ name: 'Greater or Equal', value: 'greater_or_equal' },
							{ name: 'Is', value: 'is' },
							{ name: 'Is Not', value: 'is_not' },
							{ name: 'Less', value: 'less' },
							{ name: 'Less or Equal', value: 'less_or_equal' },
							{ name: 'Not Equal', value: 'not_equal' },
							{ name: 'Not Exists', value: 'not_exists' },
						],
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Not used with Exists and Not Exists',
					},
				],
			},
		],
	},
];

export function readAudience(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const kind = this.getNodeParameter('audienceKind', itemIndex, 'segment') as string;
	if (kind === 'event_trigger') {
		const name = String(this.getNodeParameter('eventName', itemIndex, '') ?? '').trim();
		if (!name) {
			throw new NodeOperationError(this.getNode(), 'Event Name: empty', {
				itemIndex,
				description: 'Enter the name of the custom event that starts the journey.',
			});
		}
		const rows =
			(this.getNodeParameter('eventConditions.condition', itemIndex, []) as EventConditionRow[]) ??
			[];
		const audience: IDataObject = { kind, name };
		const attributes = buildEventAttributes(rows);
		if (attributes.length) audience.attributes = attributes as unknown as IDataObject[];
		return audience;
	}
	const included = parseList(
		this.getNodeParameter('includedSegmentIds', itemIndex, []),
		'Entry Segment Names or IDs',
	);
	if (included.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Entry Segment Names or IDs: no segment chosen', {
			itemIndex,
			description: 'Choose at least one segment whose users enter the journey.',
		});
	}
	const audience: IDataObject = { kind, included_segment_ids: included };
	const excluded = parseList(
		this.getNodeParameter('excludedSegmentIds', itemIndex, []),
		'Excluded Segment Names or IDs',
	);
	if (excluded.length) audience.excluded_segment_ids = excluded;
	if (this.getNodeParameter('futureAdditionsOnly', itemIndex, false) as boolean) {
		audience.future_additions_only = true;
	}
	return audience;
}

/** Settings shared by Create (Additional Fields) and Update (Update Fields). */
export const journeySettingFields: INodeProperties[] = [
	{
		displayName: 'Allow Re-Entry After (Minutes)',
		name: 'reentryMinutes',
		type: 'number',
		typeOptions: { minValue: 10 },
		default: 1440,
		description:
			'Users who finished may enter again after this long (at least 10 minutes). Not set: a user enters only once.',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'A note about the journey, at most 1,024 characters',
	},
	{
		displayName: 'Start At',
		name: 'startAt',
		type: 'dateTime',
		default: '',
		description:
			'When the journey starts on its own, at least 5 minutes from now (it also needs the state Scheduled)',
	},
	{
		displayName: 'Stop At',
		name: 'stopAt',
		type: 'dateTime',
		default: '',
		description: 'When the journey stops on its own, after Start At',
	},
];

/** Maps the shared settings to API fields. */
export function readJourneySettings(
	this: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	if (typeof fields.description === 'string') body.description = fields.description;
	if (fields.reentryMinutes !== undefined) {
		const seconds = Math.round(Number(fields.reentryMinutes) * 60);
		if (!Number.isFinite(seconds) || seconds < 600) {
			throw new NodeOperationError(this.getNode(), 'Allow Re-Entry After: less than 10 minutes', {
				itemIndex,
				description: 'OneSignal needs at least 10 minutes between two entries of one user.',
			});
		}
		body.reentry_rules = { duration_seconds: seconds };
	}
	const schedule: IDataObject = {};
	for (const [key, field, label] of [
		['start_at', 'startAt', 'Start At'],
		['stop_at', 'stopAt', 'Stop At'],
	] as const) {
		if (!fields[field]) continue;
		const iso = editorDateToIso(fields[field], this.getTimezone());
		if (Number.isNaN(Date.parse(iso))) {
			throw new NodeOperationError(
				this.getNode(),
				`${label}: "${String(fields[field])}" is not a date`,
				{
					itemIndex,
					description: 'Pick a date and time.',
				},
			);
		}
		// The API wants UTC; toISOString always ends in Z.
		schedule[key] = new Date(Date.parse(iso)).toISOString();
	}
	if (Object.keys(schedule).length) body.schedule = schedule;
	return body;
}

/** Early exit rules, only offered on Create. */
export const earlyExitFields: INodeProperties[] = [
	{
		...segmentIdsField('Exit When Entering Segment Names or IDs', 'exitSegmentIds'),
		description: `Users leave the journey when they join one of these segments. Segment IDs are in OneSignal under Audience → Segments → the segment. ${EXPRESSION_SENTENCE}`,
	},
	{
		displayName: 'Exit on Event',
		name: 'exitEventName',
		type: 'string',
		default: '',
		placeholder: 'e.g. purchase_completed',
		description: 'Users leave the journey when this custom event of theirs arrives',
	},
	{
		displayName: 'Exit on New Session',
		name: 'exitOnSession',
		type: 'boolean',
		default: false,
		description: 'Whether users leave the journey when they open the app again',
	},
	{
		displayName: 'Exit When No Longer in Audience',
		name: 'exitWhenNotInAudience',
		type: 'boolean',
		default: false,
		description: 'Whether users leave when they no longer match the entry audience',
	},
];

export function readEarlyExit(fields: IDataObject): IDataObject | undefined {
	const rules: IDataObject = {};
	const segments = parseList(fields.exitSegmentIds, 'Exit When Entering Segment Names or IDs');
	if (segments.length) rules.on_segment = { included_segment_ids: segments };
	const eventName = String(fields.exitEventName ?? '').trim();
	if (eventName) rules.on_event = { name: eventName };
	if (fields.exitOnSession === true) rules.on_session = true;
	if (fields.exitWhenNotInAudience === true) rules.when_not_in_audience = true;
	return Object.keys(rules).length ? { rules } : undefined;
}

export { waitSeconds };
