import { writeFileSync } from 'fs';

import type { FaultPlan, StandIn } from '../standin';
import { startStandIn } from '../standin';
import {
	executionOutput,
	N8nHome,
	outputOf,
	type PublicExecution,
	QueueCluster,
	startPostgres,
	type StartedPostgres,
	waitFor,
	waitForWebhook,
} from './n8n';
import {
	appCredential,
	codeNode,
	linearWorkflow,
	oneSignalNode,
	orderShippedPush,
	webhookTrigger,
	type WorkflowNode,
} from './workflows';

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

export type Scenario = 'default' | 'retryOnFail' | 'businessKeyTwice' | 'queue';

export interface FaultFigures {
	scenario: Scenario;
	items: number;
	executions: number;
	/**
	 * Output items the run should end with: one per item and execution that handled it (more
	 * than `items` when an item was delivered twice).
	 */
	deliveries: number;
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
	/** Queue mode only: how the executions were spread over the workers. */
	queue?: QueueFigures;
}

export interface QueueFigures {
	workers: number;
	/** Executions each worker took off the queue, by worker. */
	executionsPerWorker: number[];
	/** Executions no worker logged (run by the main process, or lost). */
	notRunByAWorker: number;
	/** Executions that more than one worker ran. */
	runByTwoWorkers: number;
	/** Executions that did not end with status "success". */
	unsuccessful: number;
	/** Webhook calls that n8n did not take (it answered with an error): status and body. */
	refusedDeliveries: string[];
	/** Batches posted twice (their orders carry a business key)... */
	postedTwice: number;
	/** ...of which both copies ran on different workers... */
	copiesOnTwoWorkers: number;
	/** ...and of which both copies ran at the same time (on any workers). */
	copiesAtOnce: number;
	/** Log lines of any n8n process about a locked or busy database. */
	databaseBusyLines: number;
}

function people(count: number) {
	return Array.from({ length: count }, (_, index) => ({
		userId: `fault-user-${index}`,
		name: `Person ${index}`,
		orderId: `order-${index}`,
	}));
}

function sendPush(scenario: Scenario, additionalFields: Record<string, unknown>): WorkflowNode {
	return oneSignalNode(
		'Send push',
		{
			...orderShippedPush,
			additionalFields,
			requestSettings: { timeout: TIMEOUT_SECONDS, maxAttempts: MAX_ATTEMPTS, maxRetryWait: 4 },
		},
		scenario === 'retryOnFail' ? { retryOnFail: true, maxTries: 5, waitBetweenTries: 1000 } : {},
	);
}

function workflow(id: string, count: number, scenario: Scenario): Record<string, unknown> {
	const additionalFields: Record<string, unknown> = {};
	if (scenario === 'businessKeyTwice')
		additionalFields.idempotencyKey = '=fault-{{ $json.orderId }}';
	return linearWorkflow(id, [
		codeNode('Orders', people(count)),
		sendPush(scenario, additionalFields),
	]);
}

const QUEUE_WEBHOOK_PATH = 'onesignal-fault-run';
const QUEUE_WEBHOOK_ID = '5f0c6c2e-0d1e-4b8a-9a52-0a7d3c1f4e21';

/**
 * The fault workflow behind a Webhook, as production workflows run in queue mode: each POST
 * carries a batch of orders and becomes one execution that a worker takes off the queue. An order
 * with a `businessKey` is sent with it as the Idempotency Key; the others get the key derived from
 * the execution, node, run and item.
 */
function queueWorkflow(id: string): Record<string, unknown> {
	const orders: WorkflowNode = {
		name: 'Orders',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: { jsCode: 'return $input.first().json.body.orders.map((json) => ({ json }));' },
	};
	return linearWorkflow(
		id,
		[orders, sendPush('queue', { idempotencyKey: '={{ $json.businessKey ?? "" }}' })],
		webhookTrigger('Orders arrive', QUEUE_WEBHOOK_PATH, QUEUE_WEBHOOK_ID),
	);
}

export async function seedFaultUsers(standIn: StandIn, count: number): Promise<void> {
	for (const person of people(count)) {
		standIn.state.addUser(standIn.seeded!.appId, { external_id: person.userId }, [
			{ channel: 'push' },
		]);
	}
}

function faultPlan(seed: number): FaultPlan {
	return {
		seed,
		method: 'POST',
		path: '^/notifications$',
		...FAULT_RATES,
		slowMs: SLOW_MS,
		httpDateShare: 0.5,
	};
}

/** What the stand-in counted and what the executions put out, as the figures of a run. */
function countFigures(
	standIn: StandIn,
	run: Pick<FaultFigures, 'scenario' | 'items' | 'executions' | 'deliveries' | 'seconds'>,
	outputs: Array<Record<string, unknown>>,
): FaultFigures {
	const stats = standIn.state.stats();
	const faultsInjected: Record<string, number> = {};
	for (const request of standIn.requests) {
		if (request.outcome !== 'answered') {
			faultsInjected[request.outcome] = (faultsInjected[request.outcome] ?? 0) + 1;
		}
	}
	const expectedRecipients = people(run.items).map((person) => `external_id:${person.userId}`);
	const delivered = expectedRecipients.filter((recipient) =>
		standIn.state.deliveriesPerRecipient.get(recipient),
	);
	return {
		...run,
		requests: standIn.requests.length,
		faultsInjected,
		messagesCreated: stats.messages,
		duplicateKeys: stats.duplicateKeys,
		duplicateRecipients: stats.duplicateRecipients,
		itemsWithId: outputs.filter((item) => typeof item.id === 'string' && item.id !== '').length,
		itemsReplayed: outputs.filter((item) => item.replayed === true).length,
		itemsFailed: outputs.filter((item) => item.error !== undefined).length,
		lost: run.items - delivered.length,
		mixedTargeting: Number(standIn.state.extra.get('mixedTargetingRequests') ?? 0),
	};
}

export async function runFaultScenario(options: {
	scenario: Exclude<Scenario, 'queue'>;
	items: number;
	seed: number;
	home?: N8nHome;
}): Promise<FaultFigures> {
	const { scenario, items, seed } = options;
	const standIn = await startStandIn();
	const home = options.home ?? (await N8nHome.create());
	try {
		await seedFaultUsers(standIn, items);
		standIn.setFaultPlan(faultPlan(seed));
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
		return countFigures(
			standIn,
			{ scenario, items, executions: runs, deliveries: items, seconds },
			outputs,
		);
	} finally {
		if (!options.home) await home.dispose();
		await standIn.close();
	}
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/**
 * The fault run in queue mode: n8n's main process, Redis and two workers (QueueCluster), with
 * the fault workflow behind a Webhook. The orders are posted in batches, each batch one
 * execution that a worker takes off the queue. The first half of the orders is sent with keys
 * derived from the execution; the second half carries a business key and every batch of it is
 * posted twice in a row, as a sender that delivers a webhook twice would, so the two copies
 * usually run at the same time on different workers. Still: one message per order.
 */
export async function runQueueFaultRun(options: {
	items: number;
	seed: number;
	/** Orders per webhook call (one execution each). */
	batchSize: number;
	workers?: number;
	/** Executions each worker runs at once. */
	concurrency?: number;
	/** Write every line the n8n processes printed into this file. */
	logFile?: string;
	/**
	 * PostgreSQL (default), or the home's SQLite file shared by all processes, which n8n warns
	 * against and which failed executions with SQLITE_BUSY under load (README, "Scale-out").
	 */
	database?: 'postgres' | 'sqlite';
}): Promise<FaultFigures> {
	const { items, seed, batchSize } = options;
	const standIn = await startStandIn();
	let database: StartedPostgres | undefined;
	let home: N8nHome | undefined;
	let cluster: QueueCluster | undefined;
	try {
		if (options.database !== 'sqlite') database = await startPostgres();
		home = await N8nHome.create({ env: database?.n8nEnv });
		await seedFaultUsers(standIn, items);
		standIn.setFaultPlan(faultPlan(seed));
		await home.importCredentials([
			appCredential(standIn.url, standIn.seeded!.appId, standIn.seeded!.appKey),
		]);
		const id = `osFaultQueue${seed}`.slice(0, 21);
		await home.importWorkflow(queueWorkflow(id));
		await home.publishWorkflow(id);
		cluster = await QueueCluster.start(home, {
			workers: options.workers ?? 2,
			concurrency: options.concurrency ?? 5,
		});
		const url = `${cluster.main.url}/webhook/${QUEUE_WEBHOOK_PATH}`;
		await waitForWebhook(url);
		// Made now, so that a failure shows at once instead of as a wait that never ends.
		await home.publicApiKey(cluster.main.url);

		const orders = people(items).map((order, index) =>
			index < Math.ceil(items / 2) ? order : { ...order, businessKey: `fault-${order.orderId}` },
		);
		const deliveries: Array<typeof orders> = [];
		for (let start = 0; start < orders.length; start += batchSize) {
			const batch = orders.slice(start, start + batchSize);
			deliveries.push(batch);
			// A batch that names its business events is delivered a second time.
			if (batch.some((order) => 'businessKey' in order)) deliveries.push(batch);
		}

		const started = Date.now();
		const refused: string[] = [];
		await Promise.all(
			deliveries.map(async (batch) => {
				const response = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ orders: batch }),
				});
				// n8n itself may fail to take a delivery (it answers 500); the sender would have to
				// deliver again. Counted, not retried: its orders then show up as lost.
				if (!response.ok) refused.push(`${response.status} ${await response.text()}`);
			}),
		);
		const accepted = deliveries.length - refused.length;
		// Every accepted delivery has its execution in the database by the time n8n answers.
		const executions = await waitFor(
			`${accepted} finished executions`,
			async () => {
				const all = await home!.executions(cluster!.main.url, id);
				return all.length >= accepted && all.every((execution) => FINISHED.has(execution.status))
					? all
					: undefined;
			},
			{ timeoutMs: 120_000 + items * 500, intervalMs: 2_000 },
		);
		const seconds = (Date.now() - started) / 1000;
		if (home.log.includes('[netguard')) throw new Error('a process tried to leave loopback');

		const byExecution = cluster.executionsByWorker();
		const executionsPerWorker = cluster.workers.map(() => 0);
		for (const execution of executions) {
			for (const worker of byExecution.get(execution.id) ?? []) executionsPerWorker[worker]++;
		}
		const outputs = executions.flatMap((execution) => executionOutput(execution, 'Send push'));

		// The two executions of each batch that was posted twice, found by the batch's first order.
		const copies = new Map<string, PublicExecution[]>();
		for (const execution of executions) {
			const [first] = executionOutput(execution, 'Orders');
			if (!first?.businessKey) continue;
			copies.set(String(first.orderId), [...(copies.get(String(first.orderId)) ?? []), execution]);
		}
		const pairs = [...copies.values()].filter((pair) => pair.length === 2);
		const workerOf = (execution: PublicExecution) => byExecution.get(execution.id)?.join();
		const time = (value?: string) => (value ? Date.parse(value) : NaN);
		const overlap = ([a, b]: PublicExecution[]) =>
			time(a.startedAt) < time(b.stoppedAt) && time(b.startedAt) < time(a.stoppedAt);
		return {
			...countFigures(
				standIn,
				{
					scenario: 'queue',
					items,
					executions: executions.length,
					deliveries: deliveries.reduce((sum, batch) => sum + batch.length, 0),
					seconds,
				},
				outputs,
			),
			queue: {
				workers: cluster.workers.length,
				executionsPerWorker,
				notRunByAWorker: executions.filter((execution) => !byExecution.has(execution.id)).length,
				runByTwoWorkers: executions.filter(
					(execution) => (byExecution.get(execution.id)?.length ?? 0) > 1,
				).length,
				unsuccessful: executions.filter((execution) => execution.status !== 'success').length,
				refusedDeliveries: refused,
				postedTwice: deliveries.length - new Set(deliveries).size,
				copiesOnTwoWorkers: pairs.filter(([a, b]) => workerOf(a) !== workerOf(b)).length,
				copiesAtOnce: pairs.filter(overlap).length,
				databaseBusyLines: home.log
					.split('\n')
					.filter((line) => /SQLITE_BUSY|database is locked/i.test(line)).length,
			},
		};
	} finally {
		await cluster?.stop();
		if (options.logFile && home) writeFileSync(options.logFile, home.log);
		await home?.dispose();
		await database?.stop();
		await standIn.close();
	}
}
