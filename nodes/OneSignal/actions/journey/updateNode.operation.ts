import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { parseTagAssignments, waitSeconds } from '../../helpers/journey';
import { apiPath } from '../../helpers/paths';
import { parseJsonObject } from '../../helpers/validation';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { isLooseUuid } from '../ids';
import { journeyRLC } from '../resourceLocators';
import { readJourneyId } from './shared';

const properties: INodeProperties[] = [
	journeyRLC,
	{
		displayName: 'Node ID',
		name: 'nodeId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3f0c2a9e-5b7d-4e61-9a8f-2c4d6e8f0a1b',
		description:
			'The step to change: the ID of one of the nodes in the output of Journey → Get (nodes → ID)',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Annotation',
				name: 'annotation',
				type: 'string',
				default: '',
				description: 'A label shown on the step in OneSignal’s journey editor',
			},
			{
				displayName: 'Concurrency Key',
				name: 'concurrencyKey',
				type: 'string',
				default: '',
				description:
					'The concurrency_key from a Get of this journey: the update is refused (409) if someone changed the journey since',
			},
			{
				displayName: 'In-App Message ID',
				name: 'iamId',
				type: 'string',
				default: '',
				description:
					'For an in-app step: the message’s ID, in OneSignal under Messages → In-App → the message',
			},
			{
				displayName: 'Other Fields (JSON)',
				name: 'otherFields',
				type: 'json',
				default: '{}',
				description:
					'Further node fields as OneSignal’s Journeys API names them, such as {"use_user_time_zone": true}',
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				placeholder: 'e.g. plan=pro, onboarded=true',
				description: 'For a tag step: key=value pairs separated by commas; "key=" removes a tag',
			},
			{
				displayName: 'Template ID',
				name: 'templateId',
				type: 'string',
				default: '',
				description:
					'For a send step: the template to send, in OneSignal under Messages → Templates → the template',
			},
			{
				displayName: 'Wait (Minutes)',
				name: 'waitMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 60,
				description: 'For a wait step: how long each user stays on it',
			},
			{
				displayName: 'Webhook ID',
				name: 'webhookId',
				type: 'string',
				default: '',
				description: 'For a webhook step: the webhook’s ID, in OneSignal under Settings → Webhooks',
			},
		],
	},
];

export const operationIds = ['update_journey_node'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['journey'], operation: ['updateNode'] } },
	properties,
);

function uuidField(
	this: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): string | undefined {
	const text = String(value ?? '').trim();
	if (!text) return undefined;
	if (!isLooseUuid(text)) {
		throw new NodeOperationError(this.getNode(), `${label}: "${text}" is not an ID`, {
			itemIndex,
			description: `${label} is a UUID such as 1dd608f2-c6a1-11e3-851d-000c2940e62c.`,
		});
	}
	return text;
}

/** A merge patch on one node: its kind and ID stay; the rest of the graph is untouched. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const journeyId = readJourneyId.call(this, itemIndex);
	const nodeId = uuidField.call(
		this,
		itemIndex,
		this.getNodeParameter('nodeId', itemIndex, ''),
		'Node ID',
	);
	if (!nodeId) {
		throw new NodeOperationError(this.getNode(), 'Node ID: empty', {
			itemIndex,
			description: 'Map the "id" of the node from the output of Journey → Get.',
		});
	}
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		...parseJsonObject(fields.otherFields, 'Other Fields (JSON)'),
	} as IDataObject;
	const set = (key: string, value: unknown) => {
		if (value === undefined) return;
		if (key in body) {
			throw new NodeOperationError(
				this.getNode(),
				`Other Fields (JSON): "${key}" is also set above`,
				{
					itemIndex,
					description: 'Set each field in one place only.',
				},
			);
		}
		body[key] = value as IDataObject[string];
	};
	if (typeof fields.annotation === 'string' && fields.annotation.trim()) {
		set('annotation', fields.annotation.trim());
	}
	if (fields.waitMinutes !== undefined) {
		set('duration_seconds', waitSeconds(fields.waitMinutes, 'Wait (Minutes)'));
	}
	set('template_id', uuidField.call(this, itemIndex, fields.templateId, 'Template ID'));
	set('iam_id', uuidField.call(this, itemIndex, fields.iamId, 'In-App Message ID'));
	set('webhook_id', uuidField.call(this, itemIndex, fields.webhookId, 'Webhook ID'));
	if (typeof fields.tags === 'string' && fields.tags.trim()) {
		set('assignments', parseTagAssignments(fields.tags, 'Tags'));
	}
	if (typeof fields.concurrencyKey === 'string' && fields.concurrencyKey.trim()) {
		set('concurrency_key', fields.concurrencyKey.trim());
	}
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: nothing to update', {
			itemIndex,
			description: 'Add at least one field to change under Update Fields.',
		});
	}

	const appId = await oneSignalAppId.call(this, itemIndex);
	const { body: journey } = await oneSignalApiRequest.call(this, {
		method: 'PATCH',
		path: apiPath`/apps/${appId}/journeys/${journeyId}/nodes/${nodeId}`,
		body,
		safeToRepeat: true,
		operation: 'journey.updateNode',
		itemIndex,
	});
	return journey;
}
