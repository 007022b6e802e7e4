import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { authorizationHeader, DEFAULT_BASE_URL } from '../nodes/OneSignal/helpers/apiKey';

export class OneSignalOrganizationApi implements ICredentialType {
	name = 'oneSignalOrganizationApi';

	displayName = 'OneSignal Organization API';

	icon: Icon = {
		light: 'file:oneSignal.svg',
		dark: 'file:oneSignal.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-onesignal/n8n-nodes-onesignal#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Organization API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'In OneSignal: Organizations → your organization → Keys & IDs. Needed to manage apps and API keys, copy templates between apps and read audit logs.',
		},
		{
			displayName: 'Organization ID',
			name: 'organizationId',
			type: 'string',
			default: '',
			description:
				'Shown next to the key under Organizations → Keys & IDs. Audit Log and App → Create need it; both also take it in the node instead.',
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

	// Listing apps is allowed only with an organization key, so an app key pasted here fails.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ ($credentials.baseUrl || "https://api.onesignal.com").replace(/\\/+$/, "") }}',
			url: '/apps',
			method: 'GET',
		},
	};
}
