import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { pollNewAuditLogEntries, pollNewMessages } from './polling';

export class OneSignalPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OneSignal Polling Trigger',
		name: 'oneSignalPollingTrigger',
		icon: {
			light: 'file:../OneSignal/oneSignal.svg',
			dark: 'file:../OneSignal/oneSignal.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ $parameter["watch"] === "auditLogEntry" ? "New audit log entries" : "New messages" }}',
		description:
			'Starts the workflow for each new OneSignal message or audit log entry, checking on a schedule',
		defaults: { name: 'OneSignal Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// With `show` conditions that cover every option of Trigger On, n8n's editor takes that field
		// for an authentication selector and hides it from the panel; `hide` keeps it visible.
		credentials: [
			{
				name: 'oneSignalAppApi',
				required: true,
				displayOptions: { hide: { watch: ['auditLogEntry'] } },
			},
			{
				name: 'oneSignalOrganizationApi',
				required: true,
				displayOptions: { hide: { watch: ['message'] } },
			},
		],
		properties: [
			{
				displayName:
					'For accounts without Event Streams. With Event Streams, the OneSignal Trigger node reports message events as they happen instead of on a schedule.',
				name: 'pollingNotice',
				type: 'notice',
				default: '',
			},
			{
				// n8n's node panel turns the options of a field called "Trigger On" into the trigger's
				// actions ("On new message"), so users can pick what to watch before adding the node.
				displayName: 'Trigger On',
				name: 'watch',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'New Audit Log Entry',
						value: 'auditLogEntry',
						description:
							'Each new entry of the organization audit log (needs the Organization API credential and an Enterprise plan)',
					},
					{
						name: 'New Message',
						value: 'message',
						description:
							'Each message of the app once its send time has passed: sent from the dashboard, the API, Journeys or automated messages',
					},
				],
				default: 'message',
			},
			{
				displayName:
					'The first check after publishing only notes the current time: messages and audit log entries from before are not emitted. Each record is emitted once, also after n8n restarts.',
				name: 'cursorNotice',
				type: 'notice',
				default: '',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const watch = this.getNodeParameter('watch', 'message') as string;
		const records: IDataObject[] | null =
			watch === 'auditLogEntry'
				? await pollNewAuditLogEntries.call(this)
				: await pollNewMessages.call(this);
		return records ? [this.helpers.returnJsonArray(records)] : null;
	}
}
