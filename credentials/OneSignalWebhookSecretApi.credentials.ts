import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The shared secrets of the OneSignal Trigger. OneSignal signs none of its outgoing requests, so
 * the trigger recognises them by a secret the user also types into OneSignal's dashboard: a header
 * for Event Streams and Journey webhooks, a token in the URL for web push webhooks (browsers send
 * no custom headers). Nothing here is sent anywhere; the node's credential test checks the values.
 */
export class OneSignalWebhookSecretApi implements ICredentialType {
	name = 'oneSignalWebhookSecretApi';

	displayName = 'OneSignal Webhook Secret API';

	icon: Icon = {
		light: 'file:oneSignal.svg',
		dark: 'file:oneSignal.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-onesignal/n8n-nodes-onesignal#trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-Webhook-Secret',
			required: true,
			description:
				'The custom header OneSignal sends with each Event Stream or Journey webhook request. OneSignal refuses header names starting with "X-OneSignal".',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The header value, at least 24 characters. Generate one, e.g. with "openssl rand -hex 32", and paste the same value into OneSignal.',
		},
		{
			displayName: 'Web Push URL Token',
			name: 'urlToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for the Web Push Webhook source: a second random value, at least 24 characters, added to the webhook URL as ?token=…. Every visitor of your site can read it, so never reuse the secret above.',
		},
	];
}
