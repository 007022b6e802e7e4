import type { FaultPlan, StandIn } from '../standin';
import { startStandIn } from '../standin';
import { N8nHome, outputOf } from './n8n';
import { appCredential, codeNode, linearWorkflow, oneSignalNode } from './workflows';

/**
 * The fault run: one personalised push per item, through real n8n, to a stand-in that injects
 * faults at random (seeded): 429 with Retry-After (half as an HTTP date), 503, 500, a connection cut
 * after the message was created, and answers slower than the node's timeout. It then counts what
 * OneSignal would have delivered. Used by `npm run faults` (1,000 items) and by the end-to-end
 * tests (a smaller run).
 */

export const FAULT_RATES = {
	rateLimited: 0.1,
	unavailable: 0.1,
	serverError: 0.03,
	resetAfterProcessing: 0.05,
	slow: 0.02,
};

/** The node's timeout in the fault workflow, and the slow answers' delay beyond it. */
const TIMEOUT_SECONDS = 2;
const SLOW_MS = 3000;
/**
 * With 30 % of tries failing at random, 12 attempts leave one item in about two million failing;
 * the default (5) would lose a few items in a thousand to this deliberately hostile service.
 */
const MAX_ATTEMPTS = 12;
/** In the Retry On Fail scenario this item's requests all fail until the node itself is re-run. */
const FORCED_FAILURE_USER = 'fault-user-7';

export type Scenario = 'default' | 'retryOnFail' | 'businessKeyTwice';

export interface FaultFigures {
	scenario: Scenario;
	items: number;
	executions: number;
	requests: number;
	faultsInjected: Record<string, number>;
	messagesCreated: number;
	duplicateKeys: number;
	duplicateRecipients: number;
	itemsWithId: number;
	itemsReplayed: number;
	itemsFailed: number;
	lost: number;
	mixedTargeting: number;
	seconds: number;
}

function people(count: number) {
	return Array.from({ length: count }, (_, index) => ({
		userId: `fault-user-${index}`,
		name: `Person ${index}`,
		orderId: `order-${index}`,
	}));
}

function workflow(id: string, count: number, scenario: Scenario): Record<string, unknown> {
	const additionalFields: Record<string, unknown> = {};
	if (scenario === 'businessKeyTwice')
		additionalFields.idempotencyKey = '=fault-{{ $json.orderId }}';
	return linearWorkflow(id, [
		codeNode('Orders', people(count)),
		oneSignalNode(
			'Send push',
			{
				resource: 'message',
				operation: 'send',
				channel: 'push',
				sendTo: 'externalIds',
				externalIds: '={{ $json.userId }}',
				heading: '=Order {{ $json.orderId }}',
				message: '=Hi {{ $json.name }}, your order {{ $json.orderId }} has shipped.',
				additionalFields,
				requestSettings: { timeout: TIMEOUT_SECONDS, maxAttempts: MAX_ATTEMPTS, maxRetryWait: 4 },
			},
			scenario === 'retryOnFail' ? { retryOnFail: true, maxTries: 5, waitBetweenTries: 1000 } : {},
		),
	]);
}

export async function seedFaultUsers(standIn: StandIn, count: number): Promise<void> {
	for (const person of people(count)) {
		standIn.state.addUser(standIn.seeded!.appId, { external_id: person.userId }, [
			{ channel: 'push' },
		]);
	}
}

export async function runFaultScenario(options: {
	scenario: Scenario;
	items: number;
	seed: number;
	home?: N8nHome;
}): Promise<FaultFigures> {
	const { scenario, items, seed } = options;
	const standIn = await startStandIn();
	const home = options.home ?? (await N8nHome.create());
	try {
		await seedFaultUsers(standIn, items);
		const plan: FaultPlan = {
			seed,
			method: 'POST',
			path: '^/notifications$',
			...FAULT_RATES,
			slowMs: SLOW_MS,
			httpDateShare: 0.5,
		};
		standIn.setFaultPlan(plan);
		if (scenario === 'retryOnFail') {
			standIn.faults = [
				{
					method: 'POST',
					path: '^/notifications$',
					bodyIncludes: `"${FORCED_FAILURE_USER}"`,
					times: MAX_ATTEMPTS,
					kind: 'status',
					status: 503,
					body: { errors: ['Service Unavailable'] },
				},
			];
		}
		await home.importCredentials([
			appCredential(standIn.url, standIn.seeded!.appId, standIn.seeded!.appKey),
		]);
		const id = `osFault${scenario.slice(0, 8)}${seed}`.slice(0, 21);
		await home.importWorkflow(workflow(id, items, scenario));

		const started = Date.now();
		const runs = scenario === 'businessKeyTwice' ? 2 : 1;
		let outputs: Array<Record<string, unknown>> = [];
		for (let run = 0; run < runs; run++) {
			const result = await home.execute(id);
			if (!result.run)
				throw new Error(`n8n printed no run data:\n${result.stdout}\n${result.stderr}`);
			if (result.log.includes('[netguard')) throw new Error('a process tried to leave loopback');
			outputs = outputOf(result, 'Send push');
		}
		const seconds = (Date.now() - started) / 1000;

		const stats = standIn.state.stats();
		const faultsInjected: Record<string, number> = {};
		for (const request of standIn.requests) {
			if (request.outcome !== 'answered') {
				faultsInjected[request.outcome] = (faultsInjected[request.outcome] ?? 0) + 1;
			}
		}
		const expectedRecipients = people(items).map((person) => `external_id:${person.userId}`);
		const delivered = expectedRecipients.filter((recipient) =>
			standIn.state.deliveriesPerRecipient.get(recipient),
		);
		return {
			scenario,
			items,
			executions: runs,
			requests: standIn.requests.length,
			faultsInjected,
			messagesCreated: stats.messages,
			duplicateKeys: stats.duplicateKeys,
			duplicateRecipients: stats.duplicateRecipients,
			itemsWithId: outputs.filter((item) => typeof item.id === 'string' && item.id !== '').length,
			itemsReplayed: outputs.filter((item) => item.replayed === true).length,
			itemsFailed: outputs.filter((item) => item.error !== undefined).length,
			lost: items - delivered.length,
			mixedTargeting: Number(standIn.state.extra.get('mixedTargetingRequests') ?? 0),
			seconds,
		};
	} finally {
		if (!options.home) await home.dispose();
		await standIn.close();
	}
}
