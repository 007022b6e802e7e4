import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { EXTERNAL_ID, ONESIGNAL_ID, userAlias } from '../../helpers/aliases';
import {
	buildCustomEvent,
	CUSTOM_EVENT_LIMITS,
	type CustomEvent,
	planCustomEventRequests,
	readEventFailures,
} from '../../helpers/customEvents';
import {
	derivedIdempotencyKey,
	readUserKeyField,
	userIdempotencyKey,
} from '../../helpers/idempotency';
import { apiPath } from '../../helpers/paths';
import { editorDateToIso } from '../../helpers/time';
import { ParameterError, parseJsonObject } from '../../helpers/validation';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { errorForItem, itemIdentity } from '../common';
import { fixedRows } from '../user/shared';
import type { OperationResult } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Event Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. purchase_completed',
		description:
			'The name Journeys listen for (OneSignal: Journeys → a Journey → Entry Rules → Custom Event). At most 128 characters.',
	},
	{
		displayName: 'Identify User By',
		name: 'identifyBy',
		type: 'options',
		default: 'externalId',
		options: [
			{
				name: 'External ID',
				value: 'externalId',
				description: 'Your own user ID, set with OneSignal.login() or Create User',
			},
			{
				name: 'OneSignal ID',
				value: 'onesignalId',
				description: 'The UUID OneSignal gave the user',
			},
		],
		description: 'Custom events accept only these two aliases',
	},
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. user-1042',
		description:
			'The user the event happened to (OneSignal: Audience → Users → the External ID column)',
		displayOptions: { show: { identifyBy: ['externalId'] } },
	},
	{
		displayName: 'OneSignal ID',
		name: 'onesignalId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1dd608f2-c6a1-11e3-851d-000c2940e62c',
		description:
			'The user the event happened to (OneSignal: Audience → Users → the OneSignal ID column)',
		displayOptions: { show: { identifyBy: ['onesignalId'] } },
	},
	{
		displayName: 'Event Properties',
		name: 'properties',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Property',
		default: {},
		description:
			'Data about the event that Journeys can use, such as the amount of a purchase. An event may be at most 2,024 bytes in all.',
		options: [
			{
				name: 'property',
				displayName: 'Property',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. amount',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. 49.90',
						description: 'Text, or a number or object from an expression',
					},
				],
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Idempotency Key',
				name: 'idempotencyKey',
				type: 'string',
				default: '',
				placeholder: 'e.g. order-{{ $json.orderId }}',
				description:
					'Name the business event, so OneSignal records it once even when a workflow runs twice (OneSignal ignores repeats for about 4 hours). Empty: a key derived from this execution and item, which makes retries safe.',
			},
			{
				displayName: 'Properties (JSON)',
				name: 'propertiesObject',
				type: 'json',
				default: '{}',
				description:
					'More properties as an object, such as {"items": ["a", "b"]}, for nested data. Merged over Event Properties.',
			},
			{
				displayName: 'Timestamp',
				name: 'timestamp',
				type: 'dateTime',
				default: '',
				description:
					'When the event happened, in the workflow’s time zone unless it has an offset. Empty: now.',
			},
		],
	},
];

export const operationIds = ['create_custom_events'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['customEvent'], operation: ['track'] } },
	properties,
);

interface Entry {
	itemIndex: number;
	event: CustomEvent;
}

function readEvent(this: IExecuteFunctions, itemIndex: number): CustomEvent {
	const by = this.getNodeParameter('identifyBy', itemIndex, 'externalId') as
		| 'externalId'
		| 'onesignalId';
	const user = userAlias(
		by === 'onesignalId' ? 'onesignalId' : 'externalId',
		this.getNodeParameter(by === 'onesignalId' ? 'onesignalId' : 'externalId', itemIndex, ''),
		undefined,
		{ value: by === 'onesignalId' ? 'OneSignal ID' : 'External ID' },
	);
	const rows = fixedRows<{ name?: unknown; value?: unknown }>(
		this.getNodeParameter('properties', itemIndex, {}),
		'property',
	);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

	const payload: Record<string, unknown> = {};
	for (const row of rows) {
		const name = String(row.name ?? '').trim();
		if (name === '') {
			throw new ParameterError(
				'Event Properties → Name',
				'a property has no name',
				'Give every property a name, or remove the row.',
			);
		}
		payload[name] = row.value ?? '';
	}
	Object.assign(payload, parseJsonObject(additional.propertiesObject, 'Properties (JSON)'));

	let timestamp: string | undefined;
	if (additional.timestamp) {
		timestamp = editorDateToIso(additional.timestamp, this.getTimezone());
		if (Number.isNaN(Date.parse(timestamp))) {
			throw new ParameterError(
				'Timestamp',
				`"${String(additional.timestamp)}" is not a date`,
				'Pick a date, or map an ISO date such as 2026-03-01T12:00:00Z.',
			);
		}
		timestamp = new Date(Date.parse(timestamp)).toISOString();
	}
	const userKey = readUserKeyField(additional.idempotencyKey);
	return buildCustomEvent({
		name: String(this.getNodeParameter('name', itemIndex, '') ?? ''),
		user: { label: user.label === ONESIGNAL_ID ? ONESIGNAL_ID : EXTERNAL_ID, id: user.id },
		timestamp,
		payload,
		idempotencyKey: userKey
			? userIdempotencyKey(userKey)
			: derivedIdempotencyKey(itemIdentity(this, itemIndex)),
	});
}

function userOf(event: CustomEvent): string {
	return event.external_id !== undefined
		? `external_id "${event.external_id}"`
		: `onesignal_id "${String(event.onesignal_id)}"`;
}

/**
 * Tracks one event per item, gathered into as few requests as OneSignal's size limits allow.
 * Each event carries its own idempotency key, so the transport may resend a whole request after
 * a 5xx or a lost answer (OneSignal's advice) without recording an event twice, and n8n's
 * "Retry On Fail" resends only what OneSignal does not already have.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemIndexes: number[],
): Promise<Array<OperationResult | Error>> {
	const outcomes = new Map<number, OperationResult | Error>();
	const entries: Entry[] = [];
	const keyOwner = new Map<string, number>();
	for (const itemIndex of itemIndexes) {
		try {
			const event = readEvent.call(this, itemIndex);
			const first = keyOwner.get(event.idempotency_key);
			if (first !== undefined) {
				throw new ParameterError(
					'Idempotency Key',
					`item ${itemIndex + 1} has the same key as item ${first + 1}, so OneSignal would record only one of them`,
					'Make the key name one event, e.g. include an order or event ID from the item.',
				);
			}
			keyOwner.set(event.idempotency_key, itemIndex);
			entries.push({ itemIndex, event });
		} catch (error) {
			outcomes.set(itemIndex, error as Error);
		}
	}

	const plan = planCustomEventRequests(entries);
	for (const { entry, bytes } of plan.tooLarge) {
		outcomes.set(
			entry.itemIndex,
			new ParameterError(
				'Event Properties',
				`the event is ${bytes.toLocaleString('en-US')} bytes; OneSignal accepts at most ${CUSTOM_EVENT_LIMITS.maxEventBytes.toLocaleString('en-US')} bytes per event`,
				'Send fewer or shorter properties, e.g. IDs instead of whole records. Nothing of this item was sent.',
			),
		);
	}

	if (plan.requests.length > 0) {
		const appId = await oneSignalAppId.call(this, plan.requests[0].entries[0].itemIndex);
		let stopped = false;
		for (const [number, request] of plan.requests.entries()) {
			const events = request.entries.map((entry) => entry.event);
			if (stopped) {
				for (const entry of request.entries) {
					outcomes.set(
						entry.itemIndex,
						new ParameterError(
							'Event',
							'not sent, because an earlier request of this run failed',
							'Fix the failure above and run the node again; events already recorded are not recorded twice.',
						),
					);
				}
				continue;
			}
			let body: IDataObject;
			try {
				({ body } = await oneSignalApiRequest.call(this, {
					method: 'POST',
					path: apiPath`/apps/${appId}/custom_events`,
					body: { events } as IDataObject,
					safeToRepeat: true,
					operation: 'customEvent.track',
					itemIndex: request.entries[0].itemIndex,
				}));
			} catch (error) {
				for (const entry of request.entries) {
					outcomes.set(entry.itemIndex, errorForItem(this, error, entry.itemIndex));
				}
				stopped = !this.continueOnFail();
				continue;
			}

			const { failed, unattributed } = readEventFailures(body, events);
			for (const [position, entry] of request.entries.entries()) {
				const reason = failed.get(position);
				if (reason !== undefined) {
					outcomes.set(
						entry.itemIndex,
						new NodeApiError(this.getNode(), body as JsonObject, {
							message: `OneSignal did not record the event "${entry.event.name}" for ${userOf(entry.event)}: ${reason}`,
							description:
								'Only this event failed; the other events of the request were recorded. Running the node again resends it with the same idempotency key, so nothing is recorded twice. If the user does not exist yet, create it first (User → Create).',
							httpCode: '202',
							itemIndex: entry.itemIndex,
						}),
					);
					continue;
				}
				const result: IDataObject = {
					tracked: true,
					name: entry.event.name,
					...(entry.event.external_id !== undefined
						? { externalId: entry.event.external_id }
						: { onesignalId: entry.event.onesignal_id }),
					idempotencyKey: entry.event.idempotency_key,
					request: number + 1,
					requests: plan.requests.length,
				};
				// OneSignal named an error that matches no event of the request; it is shown on every
				// event of that request rather than hidden, since which one it concerns is unknown.
				if (unattributed.length) result.warnings = unattributed;
				outcomes.set(entry.itemIndex, result);
			}
		}
	}

	return itemIndexes.map(
		(itemIndex) =>
			outcomes.get(itemIndex) ??
			new ParameterError('Event', 'was not processed', 'Run the node again.'),
	);
}
