import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import * as message from './message';
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

export const resources: ResourceEntry[] = [
	{
		option: { name: 'Message', value: 'message' },
		description: messageDescription,
		operations: messageOperations,
	},
];

/** Resources whose operations all need the organization key (the spec's `security` block). */
export const ORGANIZATION_RESOURCES: string[] = [];

export const resourceOptions = [...resources]
	.map((entry) => entry.option)
	.sort((a, b) => a.name.localeCompare(b.name));

export const resourceDescriptions: INodeProperties[] = resources.flatMap(
	(entry) => entry.description,
);

export function findOperation(resource: string, operation: string): OperationModule | undefined {
	return resources.find((entry) => entry.option.value === resource)?.operations[operation];
}
