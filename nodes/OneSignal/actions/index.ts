import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import * as alias from './alias';
import * as apiKey from './apiKey';
import * as app from './app';
import * as auditLog from './auditLog';
import * as customEvent from './customEvent';
import * as email from './email';
import * as exportResource from './export';
import * as journey from './journey';
import * as liveActivity from './liveActivity';
import * as message from './message';
import * as outcome from './outcome';
import * as segment from './segment';
import * as subscription from './subscription';
import * as template from './template';
import * as user from './user';
import type { OperationModule } from './types';

/**
 * Every resource of the node, in the order the editor lists them. A resource module exports its
 * `description` (the Operation selector and each operation's fields) and one module per operation.
 */
interface ResourceEntry {
	option: INodePropertyOptions;
	description: INodeProperties[];
	operations: Record<string, OperationModule>;
}

const { description: messageDescription, ...messageOperations } = message;
const { description: appDescription, ...appOperations } = app;
const { description: apiKeyDescription, ...apiKeyOperations } = apiKey;
const { description: auditLogDescription, ...auditLogOperations } = auditLog;
const { description: userDescription, ...userOperations } = user;
const { description: aliasDescription, ...aliasOperations } = alias;
const { description: subscriptionDescription, ...subscriptionOperations } = subscription;
const { description: customEventDescription, ...customEventOperations } = customEvent;
const { description: outcomeDescription, ...outcomeOperations } = outcome;
const { description: segmentDescription, ...segmentOperations } = segment;
const { description: templateDescription, ...templateOperations } = template;
const { description: liveActivityDescription, ...liveActivityOperations } = liveActivity;
const { description: journeyDescription, ...journeyOperations } = journey;
const { description: exportResourceDescription, ...exportResourceOperations } = exportResource;
const { description: emailDescription, ...emailOperations } = email;

export const resources: ResourceEntry[] = [
	{
		option: { name: 'Message', value: 'message' },
		description: messageDescription,
		operations: messageOperations,
	},
	{
		option: { name: 'App', value: 'app' },
		description: appDescription,
		operations: appOperations,
	},
	{
		option: { name: 'API Key', value: 'apiKey' },
		description: apiKeyDescription,
		operations: apiKeyOperations,
	},
	{
		option: { name: 'Audit Log', value: 'auditLog' },
		description: auditLogDescription,
		operations: auditLogOperations,
	},
	{
		option: { name: 'User', value: 'user' },
		description: userDescription,
		operations: userOperations,
	},
	{
		option: { name: 'Alias', value: 'alias' },
		description: aliasDescription,
		operations: aliasOperations,
	},
	{
		option: { name: 'Subscription', value: 'subscription' },
		description: subscriptionDescription,
		operations: subscriptionOperations,
	},
	{
		option: { name: 'Custom Event', value: 'customEvent' },
		description: customEventDescription,
		operations: customEventOperations,
	},
	{
		option: { name: 'Outcome', value: 'outcome' },
		description: outcomeDescription,
		operations: outcomeOperations,
	},
	{
		option: { name: 'Segment', value: 'segment' },
		description: segmentDescription,
		operations: segmentOperations,
	},
	{
		option: { name: 'Template', value: 'template' },
		description: templateDescription,
		operations: templateOperations,
	},
	{
		option: { name: 'Live Activity', value: 'liveActivity' },
		description: liveActivityDescription,
		operations: liveActivityOperations,
	},
	{
		option: { name: 'Journey', value: 'journey' },
		description: journeyDescription,
		operations: journeyOperations,
	},
	{
		option: { name: 'Export', value: 'export' },
		description: exportResourceDescription,
		operations: exportResourceOperations,
	},
	{
		option: { name: 'Email', value: 'email' },
		description: emailDescription,
		operations: emailOperations,
	},
];

/** Resources whose operations all need the organization key (the spec's `security` block). */
export const ORGANIZATION_RESOURCES: string[] = ['app', 'apiKey', 'auditLog'];

export const resourceOptions = [...resources]
	.map((entry) => entry.option)
	.sort((a, b) => a.name.localeCompare(b.name));

export const resourceDescriptions: INodeProperties[] = resources.flatMap(
	(entry) => entry.description,
);

export function findOperation(resource: string, operation: string): OperationModule | undefined {
	return resources.find((entry) => entry.option.value === resource)?.operations[operation];
}
