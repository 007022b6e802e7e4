import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IExecuteFunctions,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { TriggerSource } from './helpers/normalize';
import { triggerProperties } from './properties';
import {
	asNodeError,
	passOnAndPersist,
	receiveWebhook,
	SECRET_CREDENTIAL,
	secretConfigOf,
	secretConfigProblem,
	triggerSettingsOf,
} from './webhook';

export class OneSignalTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OneSignal Trigger',
		name: 'oneSignalTrigger',
		icon: {
			light: 'file:../OneSignal/oneSignal.svg',
			dark: 'file:../OneSignal/oneSignal.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ $parameter["source"] === "webPushWebhook" ? "Web Push Webhook" : $parameter["source"] === "journeyWebhook" ? "Journey Webhook" : "Event Stream" }}',
		description:
			'Starts the workflow when OneSignal sends an Event Stream event, a Journey webhook or a web push webhook',
		defaults: { name: 'OneSignal Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'oneSignalWebhookSecretApi',
				required: true,
				testedBy: 'oneSignalWebhookSecretTest',
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Empty, so n8n answers with the node's own acknowledgement (its webhookResponse)
				// instead of its default for this field, which it would send as the literal text.
				responseData: '',
				path: 'onesignal',
			},
		],
		properties: [
			...triggerProperties,
			// n8n leaves the body of a version-1 start node unread when this option is true (the
			// Webhook node's "Binary Data" option). The trigger then reads it itself: after the
			// secret check, with its own size limit, and with a 400 for bad JSON where n8n's own
			// parser would answer 422 before the node could check anything. If a later n8n parses
			// the body anyway, the node uses what n8n kept (see helpers/body.ts).
			{
				displayName: 'Read Body Raw',
				name: 'options',
				type: 'hidden',
				default: { binaryData: true },
			},
		],
	};

	methods = {
		credentialTest: {
			async oneSignalWebhookSecretTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const problem = secretConfigProblem(secretConfigOf(credential.data ?? {}), 'any');
				return problem
					? { status: 'Error', message: problem }
					: { status: 'OK', message: 'The header name and secrets can be used' };
			},
		},
	};

	// OneSignal offers no API to register Event Streams, Journey webhooks or web push webhooks, so
	// there is nothing to create or delete remotely. Activation still checks what it can: the
	// parameters and the credential, so a setup that would refuse every request fails at once.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				let source: TriggerSource;
				try {
					source = triggerSettingsOf(this).source;
				} catch (error) {
					throw asNodeError(this, error);
				}
				const problem = secretConfigProblem(
					secretConfigOf(await this.getCredentials(SECRET_CREDENTIAL)),
					source,
				);
				if (problem) {
					throw new NodeOperationError(this.getNode(), `OneSignal Webhook Secret: ${problem}`, {
						description:
							'Open the credential and fix it. OneSignal must send the same header name and secret.',
					});
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook.call(this);
	}

	// Runs as the first step of each execution the webhook started; see passOnAndPersist.
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await passOnAndPersist.call(this);
	}
}
