import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { editorDateToIso } from '../../helpers/time';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { explainExportRefusal, exportFileFields, exportOutput } from '../exportFile';
import type { OperationResult } from '../types';

const properties: INodeProperties[] = [
	...exportFileFields,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Extra Columns',
				name: 'extraFields',
				type: 'multiOptions',
				default: [],
				options: [
					{ name: 'Country', value: 'country' },
					{ name: 'External ID', value: 'external_user_id' },
					{ name: 'IP Address', value: 'ip' },
					{ name: 'Location', value: 'location' },
					{ name: 'Notification Types', value: 'notification_types' },
					{ name: 'Rooted (Android)', value: 'rooted' },
					{ name: 'Web Auth Key', value: 'web_auth' },
					{ name: 'Web P256 Key', value: 'web_p256' },
				],
				description: 'Columns to add to the default ones (ID, token, sessions, language, tags…)',
			},
			{
				displayName: 'Last Active Since',
				name: 'lastActiveSince',
				type: 'dateTime',
				default: '',
				description: 'Only subscriptions active after this time',
			},
			{
				displayName: 'Segment Name or ID',
				name: 'segmentName',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getSegmentNames' },
				default: '',
				description:
					'Only subscriptions in this segment. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];

export const operationIds = ['export_subscriptions'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['export'], operation: ['subscriptions'] } },
	properties,
);

/**
 * The spec writes this endpoint as the path `/players/csv_export?app_id={app_id}`; the App ID is
 * in truth a query parameter, and that is how it is sent.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const appId = await oneSignalAppId.call(this, itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	const extra = (additional.extraFields as string[] | undefined) ?? [];
	if (extra.length) body.extra_fields = extra;
	if (typeof additional.segmentName === 'string' && additional.segmentName.trim()) {
		body.segment_name = additional.segmentName.trim();
	}
	if (additional.lastActiveSince) {
		const ms = Date.parse(editorDateToIso(additional.lastActiveSince, this.getTimezone()));
		if (Number.isNaN(ms)) {
			throw new NodeOperationError(
				this.getNode(),
				`Last Active Since: "${String(additional.lastActiveSince)}" is not a date`,
				{ itemIndex, description: 'Pick a date and time.' },
			);
		}
		// The API takes Unix seconds, as a string.
		body.last_active_since = String(Math.floor(ms / 1000));
	}

	const { body: answer } = await oneSignalApiRequest.call(this, {
		method: 'POST',
		path: '/players/csv_export',
		qs: { app_id: appId },
		body,
		operation: 'export.subscriptions',
		explainFailure: explainExportRefusal,
		itemIndex,
	});
	return await exportOutput.call(this, itemIndex, {
		url: answer.csv_file_url,
		json: answer,
		fallbackName: 'subscriptions.csv',
		operation: 'export.subscriptions',
	});
}
