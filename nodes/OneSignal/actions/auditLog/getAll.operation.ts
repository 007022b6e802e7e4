import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	auditLogFilterQuery,
	auditLogWindow,
	type AuditLogTimeRange,
} from '../../helpers/auditLog';
import { apiPath } from '../../helpers/paths';
import { editorDateToIso } from '../../helpers/time';
import { oneSignalApiRequestAllItems } from '../../transport';
import { returnAllOrLimit } from '../common';
import { oneSignalOrganizationId } from '../organization';

const properties: INodeProperties[] = [
	{
		displayName: 'Time Range',
		name: 'timeRange',
		type: 'options',
		default: 'last7Days',
		options: [
			{ name: 'Custom', value: 'custom' },
			{ name: 'Last 24 Hours', value: 'last24Hours' },
			{ name: 'Last 30 Days', value: 'last30Days' },
			{ name: 'Last 7 Days', value: 'last7Days' },
			{
				name: 'Last 90 Days',
				value: 'last90Days',
				description: 'Everything OneSignal keeps',
			},
		],
		description: 'Which events to read, by when they happened. OneSignal keeps 90 days.',
	},
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'The oldest events to return; at most 90 days ago',
		displayOptions: { show: { timeRange: ['custom'] } },
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		default: '',
		description: 'The newest events to return. Leave empty to read up to now.',
		displayOptions: { show: { timeRange: ['custom'] } },
	},
	...returnAllOrLimit(100),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Actions',
				name: 'actions',
				type: 'string',
				default: '',
				placeholder: 'e.g. notification.sent, segment.created',
				description:
					'Only these actions, as in the action field of an entry. Up to 20, separated by commas.',
			},
			{
				displayName: 'Actor Emails',
				name: 'actorEmails',
				type: 'string',
				default: '',
				placeholder: 'e.g. ada@example.com',
				description:
					'Only actions by these team members. Up to 10 email addresses, separated by commas.',
			},
			{
				displayName: 'Actor IDs',
				name: 'actorIds',
				type: 'string',
				default: '',
				description:
					'Only actions by these users or API keys: the actor ID of an entry in the output of this operation. Up to 10, separated by commas.',
			},
			{
				displayName: 'App Names or IDs',
				name: 'appIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getApps' },
				default: [],
				description:
					'Only events of these apps; organization-wide events are always included. Up to 10. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'IP Addresses',
				name: 'ipAddresses',
				type: 'string',
				default: '',
				placeholder: 'e.g. 203.0.113.7',
				description: 'Only actions that came from these addresses. Up to 10, separated by commas.',
			},
			{
				displayName: 'Target IDs',
				name: 'targetIds',
				type: 'string',
				default: '',
				description:
					'Only actions on these resources: a target ID of an entry in the output of this operation. Up to 10, separated by commas.',
			},
			{
				displayName: 'Target Types',
				name: 'targetTypes',
				type: 'string',
				default: '',
				placeholder: 'e.g. notification, segment, journey',
				description: 'Only actions on these kinds of resources. Up to 10, separated by commas.',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Organization ID',
				name: 'organizationId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 3c9d8e2f-1a4b-4c6d-8e0f-2a3b4c5d6e7f',
				description:
					'The organization whose audit log to read. Leave empty to use the Organization ID of the credential (OneSignal: Organizations → Keys & IDs).',
			},
		],
	},
];

export const operationIds = ['list_audit_logs'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['auditLog'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const range = this.getNodeParameter('timeRange', itemIndex) as AuditLogTimeRange;
	const timeZone = this.getTimezone();
	const window = auditLogWindow(
		range,
		range === 'custom'
			? {
					start: editorDateToIso(this.getNodeParameter('startTime', itemIndex, ''), timeZone),
					end: editorDateToIso(this.getNodeParameter('endTime', itemIndex, ''), timeZone),
				}
			: {},
		Date.now(),
	);
	const filters = auditLogFilterQuery(
		this.getNodeParameter('filters', itemIndex, {}) as IDataObject,
	);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const organizationId = await oneSignalOrganizationId.call(
		this,
		itemIndex,
		options.organizationId,
	);

	return await oneSignalApiRequestAllItems.call(this, {
		method: 'GET',
		path: apiPath`/organizations/${organizationId}/audit_logs`,
		qs: { ...window, ...filters },
		arrayFormat: 'repeat',
		keyTier: 'organization',
		itemsField: 'audit_logs',
		paging: {
			kind: 'cursor',
			pageSize: 100,
			cursorParam: 'cursor',
			nextCursorField: 'next_cursor',
		},
		returnAll: this.getNodeParameter('returnAll', itemIndex) as boolean,
		limit: this.getNodeParameter('limit', itemIndex, 50) as number,
		operation: 'auditLog.getAll',
		itemIndex,
	});
}
