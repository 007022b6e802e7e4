import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import {
	ACTIVITY_ID_DESCRIPTION,
	contentStateField,
	contentStateJsonField,
	priorityField,
	readActivityId,
	readKeyValues,
	staleDateField,
	unixSeconds,
} from './shared';

/**
 * Update and End send the same request (update_live_activity); End only sets the event to "end"
 * and may say when the ended activity leaves the lock screen.
 */
function fields(ending: boolean): INodeProperties[] {
	const extra: INodeProperties[] = ending
		? [
				{
					displayName: 'Dismissal Date',
					name: 'dismissalDate',
					type: 'dateTime',
					default: '',
					description:
						'When the ended Live Activity leaves the lock screen. Empty: iOS decides (up to four hours).',
				},
			]
		: [];
	return [
		{
			displayName: 'Activity ID',
			name: 'activityId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. order-1042',
			description: ACTIVITY_ID_DESCRIPTION,
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			placeholder: ending ? 'e.g. Order 1042 delivered' : 'e.g. Order 1042 on its way',
			description: 'An internal name to find this update in OneSignal’s reports',
		},
		{
			...contentStateField,
			description: ending
				? 'The final values the ended Live Activity shows. Keys and types must match the ContentState of the activity in your iOS app.'
				: contentStateField.description,
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				contentStateJsonField,
				...extra,
				{
					displayName: 'Heading',
					name: 'heading',
					type: 'string',
					default: '',
					description: 'With Message: the title of an alert shown with this update',
				},
				{
					displayName: 'Message',
					name: 'message',
					type: 'string',
					default: '',
					description: 'Show an alert with this text along with the update',
				},
				priorityField,
				{
					displayName: 'Sound',
					name: 'sound',
					type: 'string',
					default: '',
					placeholder: 'e.g. ding.wav',
					description: 'A sound file bundled with your app, played with the alert',
				},
				staleDateField,
			],
		},
	];
}

export const operationIds = ['update_live_activity'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['liveActivity'], operation: ['update'] } },
	fields(false),
);

export const endDescription = updateDisplayOptions(
	{ show: { resource: ['liveActivity'], operation: ['end'] } },
	fields(true),
);

/** https://documentation.onesignal.com/reference/update-live-activity */
export async function sendUpdate(
	this: IExecuteFunctions,
	itemIndex: number,
	event: 'update' | 'end',
): Promise<IDataObject> {
	const activityId = readActivityId.call(this, itemIndex);
	const name = String(this.getNodeParameter('name', itemIndex, '') ?? '').trim();
	if (!name) {
		throw new NodeOperationError(this.getNode(), 'Name: empty', {
			itemIndex,
			description: 'Enter an internal name for this update; OneSignal requires one.',
		});
	}
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		name,
		event,
		event_updates: readKeyValues.call(
			this,
			itemIndex,
			'contentState',
			'Content State',
			additional.contentStateJson,
			'Content State (JSON)',
		),
	};
	const message = String(additional.message ?? '').trim();
	const heading = String(additional.heading ?? '').trim();
	if (heading && !message) {
		throw new NodeOperationError(this.getNode(), 'Heading: set without a Message', {
			itemIndex,
			description: 'An alert needs a Message; add one or remove the Heading.',
		});
	}
	if (message) body.contents = { en: message };
	if (heading) body.headings = { en: heading };
	if (String(additional.sound ?? '').trim()) body.sound = String(additional.sound).trim();
	if (additional.priority !== undefined) body.priority = additional.priority;
	if (additional.staleDate) {
		body.stale_date = unixSeconds.call(this, itemIndex, additional.staleDate, 'Stale Date');
	}
	if (event === 'end' && additional.dismissalDate) {
		body.dismissal_date = unixSeconds.call(
			this,
			itemIndex,
			additional.dismissalDate,
			'Dismissal Date',
		);
	}

	const appId = await oneSignalAppId.call(this, itemIndex);
	// No idempotency key exists for updates: a lost answer is not repeated, so an alert cannot
	// play twice.
	const { body: answer } = await oneSignalApiRequest.call(this, {
		method: 'POST',
		path: apiPath`/apps/${appId}/live_activities/${activityId}/notifications`,
		body,
		operation: `liveActivity.${event}`,
		itemIndex,
	});
	return { ...answer, activityId, event };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await sendUpdate.call(this, itemIndex, 'update');
}
