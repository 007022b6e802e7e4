import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestSettings } from './actions/common';
import * as message from './actions/message';
import { router } from './actions/router';
import { searchSegments, searchTemplates } from './methods/listSearch';
import { getSegmentNames } from './methods/loadOptions';

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
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Message', value: 'message' }],
				default: 'message',
			},
			...message.description,
			requestSettings,
		],
	};

	methods = {
		listSearch: { searchSegments, searchTemplates },
		loadOptions: { getSegmentNames },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
