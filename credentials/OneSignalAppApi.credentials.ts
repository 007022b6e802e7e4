import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { authorizationHeader, DEFAULT_BASE_URL } from '../nodes/OneSignal/helpers/apiKey';

export class OneSignalAppApi implements ICredentialType {
	name = 'oneSignalAppApi';

	displayName = 'OneSignal App API';

	icon: Icon = {
		light: 'file:oneSignal.svg',
		dark: 'file:oneSignal.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-onesignal/n8n-nodes-onesignal#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 3f1c2b7a-5d4e-4c2b-9a8f-1e2d3c4b5a69',
			description: 'In OneSignal: Settings → Keys & IDs. The App ID is a UUID and is not secret.',
		},
		{
			displayName: 'App API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'In OneSignal: Settings → Keys & IDs → Add Key. Paste the key alone; a leading "Key", "Basic" or "Bearer" is removed.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				'Leave as is for OneSignal. Change it only to point at a proxy or a local test server.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				Authorization: authorizationHeader(credentials.apiKey),
			},
		};
	}

	// Listing one message needs nothing but an app key, so the test passes for any app key and
	// fails for an organization key used here by mistake.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ ($credentials.baseUrl || "https://api.onesignal.com").replace(/\\/+$/, "") }}',
			url: '/notifications',
			qs: { app_id: '={{ $credentials.appId.trim() }}', limit: 1 },
			method: 'GET',
		},
	};
}
