/**
 * Small builders for workflow JSON used by end-to-end tests: a Manual Trigger, a Code node that
 * emits fixed items, and OneSignal nodes, wired in a line.
 */

export interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	typeVersion?: number;
	onError?: 'continueRegularOutput' | 'continueErrorOutput' | 'stopWorkflow';
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
	credentials?: Record<string, { id: string; name: string }>;
	/** A Webhook node's fixed ID, which makes its production URL predictable. */
	webhookId?: string;
}

export const APP_CREDENTIAL = { id: 'osAppCredential01', name: 'OneSignal app (stand-in)' };
export const ORG_CREDENTIAL = {
	id: 'osOrgCredential01',
	name: 'OneSignal organization (stand-in)',
};

export function appCredential(baseUrl: string, appId: string, apiKey: string) {
	return { ...APP_CREDENTIAL, type: 'oneSignalAppApi', data: { appId, apiKey, baseUrl } };
}

export function orgCredential(baseUrl: string, apiKey: string, organizationId: string) {
	return {
		...ORG_CREDENTIAL,
		type: 'oneSignalOrganizationApi',
		data: { apiKey, organizationId, baseUrl },
	};
}

export function codeNode(name: string, items: unknown[]): WorkflowNode {
	return {
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: { jsCode: `return ${JSON.stringify(items)}.map((json) => ({ json }));` },
	};
}

export function oneSignalNode(
	name: string,
	parameters: Record<string, unknown>,
	options: Partial<WorkflowNode> & { organization?: boolean; withoutApp?: boolean } = {},
): WorkflowNode {
	const { organization, withoutApp, ...rest } = options;
	const credentials: Record<string, { id: string; name: string }> = {};
	if (!withoutApp) credentials.oneSignalAppApi = APP_CREDENTIAL;
	if (organization) credentials.oneSignalOrganizationApi = ORG_CREDENTIAL;
	return {
		name,
		type: 'n8n-nodes-onesignal.oneSignal',
		typeVersion: 1,
		parameters,
		credentials,
		...rest,
	};
}

/**
 * A Webhook trigger that starts a run for each POST to `/webhook/<path>` and answers at once
 * (the run goes on without the caller waiting).
 */
export function webhookTrigger(name: string, path: string, webhookId: string): WorkflowNode {
	return {
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId,
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
}

/**
 * A workflow of the given nodes in a line, after a Manual Trigger (or the given trigger).
 * Ids ≤ 21 characters.
 */
export function linearWorkflow(
	id: string,
	nodes: WorkflowNode[],
	trigger: WorkflowNode = {
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		parameters: {},
		typeVersion: 1,
	},
): Record<string, unknown> {
	const all: WorkflowNode[] = [trigger, ...nodes];
	const connections: Record<string, unknown> = {};
	for (let index = 0; index < all.length - 1; index++) {
		connections[all[index].name] = {
			main: [[{ node: all[index + 1].name, type: 'main', index: 0 }]],
		};
	}
	return {
		id,
		name: id,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: all.map((node, index) => ({
			id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
			typeVersion: 1,
			position: [index * 220, 0],
			...node,
		})),
		connections,
	};
}

/**
 * The Send parameters of the fault run and the benchmark: one personalised push per item
 * (`userId`, `name`, `orderId`), three expressions per item as a real workflow would have.
 */
export const orderShippedPush = {
	resource: 'message',
	operation: 'send',
	channel: 'push',
	sendTo: 'externalIds',
	externalIds: '={{ $json.userId }}',
	heading: '=Order {{ $json.orderId }}',
	message: '=Hi {{ $json.name }}, your order {{ $json.orderId }} has shipped.',
};
