import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestSettings } from './actions/common';
import { ORGANIZATION_RESOURCES, resourceDescriptions, resourceOptions } from './actions/index';
import { router } from './actions/router';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class OneSignal implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OneSignal',
		name: 'oneSignal',
		icon: { light: 'file:oneSignal.svg', dark: 'file:oneSignal.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send push notifications, emails and SMS with OneSignal, and manage its users, subscriptions, segments and templates',
		defaults: { name: 'OneSignal' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'oneSignalAppApi',
				required: true,
				displayOptions: { hide: { resource: ORGANIZATION_RESOURCES } },
			},
			{
				// Optional on purpose: only some operations need it, and when one runs without it the
				// node says which credential to add instead of n8n's generic "credentials missing".
				name: 'oneSignalOrganizationApi',
				required: false,
				displayOptions: { show: { resource: [...ORGANIZATION_RESOURCES, 'template'] } },
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceOptions,
				default: 'message',
			},
			...resourceDescriptions,
			requestSettings,
		],
	};

	methods = { listSearch: { ...listSearch }, loadOptions: { ...loadOptions } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
