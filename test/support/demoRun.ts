import { readFileSync } from 'fs';
import { join } from 'path';

import type { StandIn } from '../standin';
import { N8nHome, outputOf, type ExecutionResult } from './n8n';
import { repoRoot } from './paths';

/**
 * The README's first command: the personalised welcome-push workflow from examples/, run in real
 * n8n against a OneSignal endpoint (the local stand-in unless real keys are given).
 */

export const DEMO_WORKFLOW_FILE = join(repoRoot, 'examples', 'demo-welcome-push.workflow.json');
export const DEMO_WORKFLOW_ID = 'osDemoWelcomePush01';
export const DEMO_CREDENTIAL_ID = 'osDemoCredential01';
export const DEMO_SEND_NODE = 'Send welcome push';

export interface DemoTarget {
	appId: string;
	apiKey: string;
	baseUrl: string;
}

export function standInTarget(standIn: StandIn): DemoTarget {
	return { appId: standIn.seeded!.appId, apiKey: standIn.seeded!.appKey, baseUrl: standIn.url };
}

export function demoWorkflow(): Record<string, unknown> {
	return JSON.parse(readFileSync(DEMO_WORKFLOW_FILE, 'utf8')) as Record<string, unknown>;
}

export async function runDemoWorkflow(
	home: N8nHome,
	target: DemoTarget,
	workflow: Record<string, unknown> = demoWorkflow(),
): Promise<{ result: ExecutionResult; items: Array<Record<string, unknown>> }> {
	await home.importCredentials([
		{
			id: DEMO_CREDENTIAL_ID,
			name: 'OneSignal demo app',
			type: 'oneSignalAppApi',
			data: target,
		},
	]);
	await home.importWorkflow(workflow);
	const result = await home.execute(DEMO_WORKFLOW_ID);
	return { result, items: outputOf(result, DEMO_SEND_NODE) };
}
