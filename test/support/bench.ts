import { spawn } from 'child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'fs';
import { cpus, loadavg, totalmem } from 'os';
import { join } from 'path';

import { startStandIn, type StandIn } from '../standin';
import { N8nHome, outputOf, type ExecutionResult } from './n8n';
import { n8nBinPath, netguardPath, node24Path, repoRoot } from './paths';
import { MemorySampler, type MemoryPeak } from './processMemory';
import {
	appCredential,
	linearWorkflow,
	oneSignalNode,
	orderShippedPush,
	type WorkflowNode,
} from './workflows';

/**
 * The side-by-side benchmark of issue 7 (`npm run bench`): one stand-in with a token bucket of
 * R requests a second (burst R/10, 429 with Retry-After: 1 at once over the limit) and a latency
 * of L ms, and one n8n home, for three workloads:
 *  1. N personalised sends: our node, n8n's HTTP Request node (default, and hand-tuned batching
 *     with Retry On Fail), and a plain Node script with OneSignal's SDK and a pool of 10;
 *  2. one announcement to many listed users: our batch mode against one request per item;
 *  3. Get Many over a large message history: pages, time and peak memory of n8n.
 * Wall times of n8n runs are n8n's own execution start and stop, so process boot does not count.
 * The end-to-end tests run the same functions at a small size.
 */

export interface BenchSettings {
	/** Workload 1: personalised sends. */
	n: number;
	/** The stand-in's limit, requests a second. */
	rate: number;
	/** The stand-in's latency for accepted requests. */
	latencyMs: number;
	/** Workload 2: listed users of the announcement. */
	announce: number;
	/** Workload 3: stored messages. */
	stored: number;
}

export const BENCH_DEFAULTS: BenchSettings = {
	n: 2000,
	rate: 100,
	latencyMs: 50,
	announce: 10_000,
	stored: 20_000,
};

export type PersonalisedVariant = 'ours' | 'oursRetryOnFail' | 'httpDefault' | 'httpTuned' | 'sdk';
export type AnnouncementVariant = 'batch' | 'perItem';

export const PERSONALISED_LABELS: Record<PersonalisedVariant, string> = {
	ours: 'OneSignal node, default settings',
	oursRetryOnFail: 'OneSignal node, default settings + Retry On Fail',
	httpDefault: 'HTTP Request node, default settings',
	httpTuned: 'HTTP Request node, batching 10 per 125 ms + Retry On Fail',
	sdk: 'Node script, @onesignal/node-onesignal createNotificationWithRetry, pool of 10',
};

export const ANNOUNCEMENT_LABELS: Record<AnnouncementVariant, string> = {
	batch: 'OneSignal node, Send As "One Message to All Incoming Items"',
	perItem: 'OneSignal node, one message per item',
};

export interface SendFigures {
	variant: string;
	label: string;
	/** n8n's execution status, or the script's: success or error. */
	status: string;
	items: number;
	wallSeconds: number;
	/** Wall time divided by the floor N / R. */
	ratio: number;
	requests: number;
	rateLimited: number;
	/** Messages OneSignal would have created. */
	messages: number;
	/** Extra deliveries: a recipient who got the message more than once counts once per extra. */
	duplicates: number;
	/** Idempotency keys that created more than one message (0 when every retry was replayed). */
	duplicateKeys: number;
	/** Recipients who got nothing. */
	lost: number;
	/** n8n's own time for the sending node alone (absent for the SDK script). */
	sendNodeSeconds?: number;
}

export interface PagingFigures {
	label: string;
	stored: number;
	returnAll: boolean;
	pages: number;
	items: number;
	wallSeconds: number;
	memory: MemoryPeak;
	/** Size of the output items as JSON, for comparison with the memory. */
	itemBytes: number;
}

export interface BenchReport {
	settings: BenchSettings;
	machine: string;
	personalised: SendFigures[];
	announcement: SendFigures[];
	paging: PagingFigures[];
	loadBefore: number[];
	loadAfter: number[];
	/** Runs that could not be measured, with the reason. */
	errors: string[];
}

const USER_PREFIX = 'bench-user-';
const userId = (index: number) => `${USER_PREFIX}${index}`;

/**
 * Items with a user, a name and an order: a list written into an Edit Fields node and split into
 * items. Not a Code node: its first run in a process starts n8n's task runner, about a second
 * that would count as sending time.
 */
function peopleNodes(count: number): WorkflowNode[] {
	const people = Array.from({ length: count }, (_, index) => ({
		userId: userId(index),
		name: `Person ${index}`,
		orderId: `order-${index}`,
	}));
	return [
		{
			name: 'People',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ people }), options: {} },
		},
		{
			name: 'One Item per Person',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			parameters: { fieldToSplitOut: 'people', include: 'noOtherFields', options: {} },
		},
	];
}

function personalSend(options: Partial<WorkflowNode> = {}): WorkflowNode {
	return oneSignalNode('Send', orderShippedPush, options);
}

/** n8n's HTTP Request node sending the same body, the way a user would build it. */
function httpSend(standIn: StandIn, options: Record<string, unknown>, node: Partial<WorkflowNode>) {
	const { appId, appKey } = standIn.seeded!;
	const body = [
		`app_id: '${appId}'`,
		`target_channel: 'push'`,
		'include_aliases: { external_id: [$json.userId] }',
		`headings: { en: 'Order ' + $json.orderId }`,
		`contents: { en: 'Hi ' + $json.name + ', your order ' + $json.orderId + ' has shipped.' }`,
	].join(', ');
	return {
		name: 'Send',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.5,
		parameters: {
			method: 'POST',
			url: `${standIn.url}/notifications`,
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Authorization', value: `Key ${appKey}` }] },
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify({ ${body} }) }}`,
			options,
		},
		...node,
	} satisfies WorkflowNode;
}

const RETRY_ON_FAIL = { retryOnFail: true, maxTries: 3, waitBetweenTries: 1000 };

const WORKFLOW_IDS = {
	ours: 'benchW1Ours',
	oursRetryOnFail: 'benchW1OursRetry',
	httpDefault: 'benchW1HttpDefault',
	httpTuned: 'benchW1HttpTuned',
	batch: 'benchW2Batch',
	perItem: 'benchW2PerItem',
	onePage: 'benchW3OnePage',
	returnAll: 'benchW3ReturnAll',
} as const;

function workflows(standIn: StandIn, settings: BenchSettings): Array<Record<string, unknown>> {
	const announcement = (sendMode: AnnouncementVariant) =>
		oneSignalNode('Send', {
			resource: 'message',
			operation: 'send',
			channel: 'push',
			sendTo: 'externalIds',
			sendMode,
			externalIds: '={{ $json.userId }}',
			heading: 'Maintenance tonight',
			message: 'The service is down from 2 to 3 am. Sorry for the trouble.',
		});
	const getMessages = (returnAll: boolean) =>
		oneSignalNode('Get messages', {
			resource: 'message',
			operation: 'getAll',
			returnAll,
			limit: 50,
		});
	return [
		linearWorkflow(WORKFLOW_IDS.ours, [...peopleNodes(settings.n), personalSend()]),
		linearWorkflow(WORKFLOW_IDS.oursRetryOnFail, [
			...peopleNodes(settings.n),
			personalSend(RETRY_ON_FAIL),
		]),
		linearWorkflow(WORKFLOW_IDS.httpDefault, [
			...peopleNodes(settings.n),
			httpSend(standIn, {}, {}),
		]),
		linearWorkflow(WORKFLOW_IDS.httpTuned, [
			...peopleNodes(settings.n),
			httpSend(
				standIn,
				{ batching: { batch: { batchSize: 10, batchInterval: 125 } } },
				RETRY_ON_FAIL,
			),
		]),
		linearWorkflow(WORKFLOW_IDS.batch, [...peopleNodes(settings.announce), announcement('batch')]),
		linearWorkflow(WORKFLOW_IDS.perItem, [
			...peopleNodes(settings.announce),
			announcement('perItem'),
		]),
		linearWorkflow(WORKFLOW_IDS.onePage, [getMessages(false)]),
		linearWorkflow(WORKFLOW_IDS.returnAll, [getMessages(true)]),
	];
}

type RunData = NonNullable<ExecutionResult['run']> & { startedAt?: string; stoppedAt?: string };

/** The run JSON `n8n execute --rawOutput` prints after its log lines. */
function parseRun(stdout: string): RunData | undefined {
	const plain = stdout.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
	const first = /^(?:[\d:.TZ-]+\s+\w+\s+)?\{\s*$/m.exec(plain);
	if (!first) return undefined;
	const text = plain.slice(first.index + first[0].indexOf('{'));
	const end = text.lastIndexOf('\n}');
	try {
		return JSON.parse(end === -1 ? text : text.slice(0, end + 2)) as RunData;
	} catch {
		return undefined;
	}
}

/** One run may take this long; the largest default run (10,000 single sends) takes about 2 min. */
const RUN_TIMEOUT_MS = 30 * 60_000;

interface TimedRun {
	run: RunData;
	status: string;
	wallSeconds: number;
	/** n8n's own execution time of each node, summed over its runs (Retry On Fail tries). */
	nodeSeconds: Record<string, number>;
	memory: MemoryPeak;
}

function describeMachine(): string {
	const cores = cpus();
	const memory = Math.round(totalmem() / 2 ** 30);
	return `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, ${memory} GiB`;
}

/** One stand-in and one n8n home with every benchmark workflow imported. */
export class Bench {
	private constructor(
		readonly settings: BenchSettings,
		readonly standIn: StandIn,
		readonly home: N8nHome,
		private readonly log: (line: string) => void,
	) {}

	static async start(
		settings: BenchSettings,
		log: (line: string) => void = () => undefined,
	): Promise<Bench> {
		const standIn = await startStandIn();
		const home = await N8nHome.create();
		try {
			const { appId, appKey } = standIn.seeded!;
			for (let index = 0; index < Math.max(settings.n, settings.announce); index++) {
				standIn.state.addUser(appId, { external_id: userId(index) }, [{ channel: 'push' }]);
			}
			await home.importCredentials([appCredential(standIn.url, appId, appKey)]);
			await home.importWorkflow(workflows(standIn, settings));
		} catch (error) {
			await home.dispose();
			await standIn.close();
			throw error;
		}
		return new Bench(settings, standIn, home, log);
	}

	async dispose(): Promise<void> {
		await this.home.dispose();
		await this.standIn.close();
	}

	/** A clean stand-in for the next run: no messages, no recorded requests, a full bucket. */
	private resetStandIn(): void {
		const { rate, latencyMs } = this.settings;
		this.standIn.state.clearMessages();
		this.standIn.clearRequests();
		this.standIn.latencyMs = latencyMs;
		this.standIn.setRateLimit({ perSecond: rate, burst: Math.max(1, Math.round(rate / 10)) });
	}

	/**
	 * Runs a workflow with `n8n execute` and reads n8n's own run data. Its output goes to files, not
	 * pipes: n8n exits right after printing the run, and a pipe loses what it has not passed on yet
	 * (the run of 20,000 messages is tens of megabytes), while writes to a file are complete.
	 */
	private async execute(workflowId: string): Promise<TimedRun> {
		const files = ['out', 'err'].map((kind) =>
			join(this.home.dir, `${workflowId}-${Date.now()}.${kind}`),
		);
		const [out, err] = files.map((file) => openSync(file, 'w'));
		const sampler = new MemorySampler(
			(commandLine) =>
				commandLine.includes('execute') && commandLine.includes(`--id=${workflowId}`),
		).start();
		const child = spawn(
			node24Path(),
			[n8nBinPath(this.home.version), 'execute', `--id=${workflowId}`, '--rawOutput'],
			{ env: await this.home.env(), stdio: ['ignore', out, err] },
		);
		const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
		const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
		clearTimeout(timer);
		const memory = sampler.stop();
		const [stdout, stderr] = files.map((file) => readFileSync(file, 'utf8'));
		[out, err].forEach((fd) => closeSync(fd));
		files.forEach((file) => rmSync(file, { force: true }));
		if (`${stdout}${stderr}`.includes('[netguard')) {
			throw new Error('an n8n process tried to leave loopback');
		}
		const run = parseRun(stdout);
		if (!run?.startedAt || !run.stoppedAt) {
			throw new Error(
				`n8n printed no run data for ${workflowId} (exit ${code}):\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`,
			);
		}
		const nodeSeconds: Record<string, number> = {};
		for (const [name, runs] of Object.entries(run.data.resultData.runData)) {
			nodeSeconds[name] =
				(runs as Array<{ executionTime?: number }>).reduce(
					(sum, entry) => sum + (entry.executionTime ?? 0),
					0,
				) / 1000;
		}
		return {
			run,
			status: run.status ?? 'unknown',
			wallSeconds: (Date.parse(run.stoppedAt) - Date.parse(run.startedAt)) / 1000,
			nodeSeconds,
			memory,
		};
	}

	/** What the stand-in counted for sends to users 0 … count - 1. */
	private sendFigures(
		variant: string,
		label: string,
		count: number,
		status: string,
		wallSeconds: number,
	): SendFigures {
		const sends = this.standIn.requestsTo('POST', '/notifications');
		const stats = this.standIn.state.stats();
		let lost = 0;
		for (let index = 0; index < count; index++) {
			if (!this.standIn.state.deliveriesPerRecipient.get(`external_id:${userId(index)}`)) lost++;
		}
		return {
			variant,
			label,
			status,
			items: count,
			wallSeconds,
			ratio: wallSeconds / (count / this.settings.rate),
			requests: sends.length,
			rateLimited: sends.filter((request) => request.outcome === 'rate-limited').length,
			messages: stats.messages,
			duplicates: stats.duplicateRecipients,
			duplicateKeys: stats.duplicateKeys,
			lost,
		};
	}

	/** Workload 1: N personalised sends, one message per item. */
	async personalised(variant: PersonalisedVariant): Promise<SendFigures> {
		this.resetStandIn();
		const label = PERSONALISED_LABELS[variant];
		this.log(`  workload 1, ${label} …`);
		if (variant === 'sdk') {
			const { status, wallSeconds } = await this.runSdkScript();
			return this.sendFigures(variant, label, this.settings.n, status, wallSeconds);
		}
		const run = await this.execute(WORKFLOW_IDS[variant]);
		return {
			...this.sendFigures(variant, label, this.settings.n, run.status, run.wallSeconds),
			sendNodeSeconds: run.nodeSeconds.Send,
		};
	}

	/** Workload 2: one announcement to the listed users. */
	async announcement(variant: AnnouncementVariant): Promise<SendFigures> {
		this.resetStandIn();
		const label = ANNOUNCEMENT_LABELS[variant];
		this.log(`  workload 2, ${label} …`);
		const run = await this.execute(WORKFLOW_IDS[variant]);
		return {
			...this.sendFigures(variant, label, this.settings.announce, run.status, run.wallSeconds),
			sendNodeSeconds: run.nodeSeconds.Send,
		};
	}

	/** Workload 3: Get Many over `stored` messages, all of them or one page. */
	async paging(stored: number, returnAll: boolean): Promise<PagingFigures> {
		this.resetStandIn();
		this.standIn.state.storeSentMessages(this.standIn.seeded!.appId, stored);
		const label = returnAll
			? `Return All over ${stored.toLocaleString('en-US')} messages`
			: 'Limit 50 (one page)';
		this.log(`  workload 3, ${label} …`);
		const run = await this.execute(WORKFLOW_IDS[returnAll ? 'returnAll' : 'onePage']);
		const output = outputOf({ run: run.run } as ExecutionResult, 'Get messages');
		return {
			label,
			stored,
			returnAll,
			pages: this.standIn.requestsTo('GET', '/notifications').length,
			items: output.length,
			wallSeconds: run.wallSeconds,
			memory: run.memory,
			itemBytes: Buffer.byteLength(JSON.stringify(output)),
		};
	}

	/**
	 * Workload 1 (c): OneSignal's Node SDK in a plain script of its own (scripts/bench-sdk.ts),
	 * run by Node 24 under the network guard; it reports its own first-send-to-last-answer time.
	 */
	private async runSdkScript(): Promise<{ status: string; wallSeconds: number }> {
		const { appId, appKey } = this.standIn.seeded!;
		const args = [
			join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
			join(repoRoot, 'scripts', 'bench-sdk.ts'),
			'--url',
			this.standIn.url,
			'--app',
			appId,
			'--n',
			String(this.settings.n),
			'--pool',
			'10',
		];
		const child = spawn(node24Path(), args, {
			cwd: repoRoot,
			env: {
				PATH: process.env.PATH ?? '',
				NODE_OPTIONS: `--require ${netguardPath()}`,
				// The key goes through the environment, not the command line, like a real script.
				ONESIGNAL_REST_API_KEY: appKey,
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
		const line = stdout.trim().split('\n').pop() ?? '';
		let report: { startedAt: number; stoppedAt: number; failed: number } | undefined;
		try {
			report = JSON.parse(line) as typeof report;
		} catch {
			report = undefined;
		}
		if (!report || stderr.includes('[netguard')) {
			throw new Error(`the SDK script failed (${code}):\n${stdout}\n${stderr}`);
		}
		return {
			status: report.failed === 0 && code === 0 ? 'success' : 'error',
			wallSeconds: (report.stoppedAt - report.startedAt) / 1000,
		};
	}
}

export interface BenchPlan {
	workloads: Array<1 | 2 | 3>;
	personalised: PersonalisedVariant[];
}

export const FULL_PLAN: BenchPlan = {
	workloads: [1, 2, 3],
	personalised: ['ours', 'oursRetryOnFail', 'httpDefault', 'httpTuned', 'sdk'],
};

/** Runs the chosen workloads one after another and collects their figures. */
export async function runBench(
	settings: BenchSettings,
	plan: BenchPlan = FULL_PLAN,
	log: (line: string) => void = () => undefined,
): Promise<BenchReport> {
	const loadBefore = loadavg();
	const bench = await Bench.start(settings, log);
	const report: BenchReport = {
		settings,
		machine: describeMachine(),
		personalised: [],
		announcement: [],
		paging: [],
		loadBefore,
		loadAfter: [],
		errors: [],
	};
	// One failed run is reported and the others still run: a long benchmark should not lose the
	// figures it already has.
	const attempt = async <T>(what: string, run: () => Promise<T>, keep: (row: T) => void) => {
		try {
			const row = await run();
			keep(row);
			log(`    ${summary(row as SendFigures | PagingFigures)}`);
		} catch (error) {
			report.errors.push(`${what}: ${(error as Error).message.split('\n')[0]}`);
			log(`    failed: ${(error as Error).message}`);
		}
	};
	try {
		if (plan.workloads.includes(1)) {
			for (const variant of plan.personalised) {
				await attempt(
					PERSONALISED_LABELS[variant],
					async () => await bench.personalised(variant),
					(row) => report.personalised.push(row),
				);
			}
		}
		if (plan.workloads.includes(2)) {
			for (const variant of ['batch', 'perItem'] as AnnouncementVariant[]) {
				await attempt(
					ANNOUNCEMENT_LABELS[variant],
					async () => await bench.announcement(variant),
					(row) => report.announcement.push(row),
				);
			}
		}
		if (plan.workloads.includes(3)) {
			const runs: Array<[number, boolean]> = [
				[settings.stored, false],
				[Math.round(settings.stored / 2), true],
				[settings.stored, true],
			];
			for (const [stored, returnAll] of runs) {
				await attempt(
					`Get Many over ${stored} messages`,
					async () => await bench.paging(stored, returnAll),
					(row) => report.paging.push(row),
				);
			}
		}
	} finally {
		await bench.dispose();
	}
	report.loadAfter = loadavg();
	return report;
}

const seconds = (value: number) => `${value.toFixed(1)} s`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const count = (value: number) => value.toLocaleString('en-US');
const nodeTime = (row: SendFigures) =>
	row.sendNodeSeconds === undefined ? '—' : seconds(row.sendNodeSeconds);

/** One line per finished run, printed while the benchmark goes on. */
function summary(row: SendFigures | PagingFigures): string {
	if ('pages' in row) {
		return `${row.pages} pages, ${count(row.items)} items in ${seconds(row.wallSeconds)}, peak ${mib(row.memory.treeRssBytes)}`;
	}
	return `${row.status} in ${seconds(row.wallSeconds)} (× ${row.ratio.toFixed(2)}), ${count(row.requests)} requests, ${count(row.rateLimited)} × 429, ${count(row.duplicates)} duplicates, ${count(row.lost)} lost`;
}

/** The report as Markdown tables, as printed by `npm run bench` and pasted into the README. */
export function formatReport(report: BenchReport): string {
	const { settings } = report;
	const lines: string[] = [];
	const floor = settings.n / settings.rate;
	lines.push(
		`Stand-in: ${settings.rate} requests/s (burst ${Math.max(1, Math.round(settings.rate / 10))}), 429 with Retry-After: 1 over the limit, ${settings.latencyMs} ms latency. Machine: ${report.machine}; load average ${report.loadBefore.map((value) => value.toFixed(2)).join(' ')} before, ${report.loadAfter.map((value) => value.toFixed(2)).join(' ')} after.`,
	);
	if (report.personalised.length) {
		lines.push(
			'',
			`Workload 1: ${count(settings.n)} personalised sends, one message per item (floor N / R = ${seconds(floor)})`,
			'',
			'| sender | result | wall time | of which the sending node | × N / R | requests | 429s | 429 share | duplicates | lost |',
			'| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		);
		for (const row of report.personalised) {
			lines.push(
				`| ${row.label} | ${row.status} | ${seconds(row.wallSeconds)} | ${nodeTime(row)} | ${row.ratio.toFixed(2)} | ${count(row.requests)} | ${count(row.rateLimited)} | ${((row.rateLimited / Math.max(1, row.requests)) * 100).toFixed(1)} % | ${count(row.duplicates)} | ${count(row.lost)} |`,
			);
		}
	}
	if (report.announcement.length) {
		lines.push(
			'',
			`Workload 2: one announcement to ${count(settings.announce)} listed users (at most 2,000 recipients a request: ⌈N / 2,000⌉ = ${Math.ceil(settings.announce / 2000)} requests)`,
			'',
			'| sender | result | requests | wall time | of which the sending node | 429s | duplicates | lost |',
			'| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
		);
		for (const row of report.announcement) {
			lines.push(
				`| ${row.label} | ${row.status} | ${count(row.requests)} | ${seconds(row.wallSeconds)} | ${nodeTime(row)} | ${count(row.rateLimited)} | ${count(row.duplicates)} | ${count(row.lost)} |`,
			);
		}
	}
	if (report.paging.length) {
		const base = report.paging.find((row) => !row.returnAll);
		lines.push(
			'',
			'Workload 3: Message → Get Many over stored messages (50 a page: ⌈N / 50⌉ pages)',
			'',
			'| run | pages fetched | items | wall time | peak RSS, n8n process tree | VmHWM, n8n process | items as JSON | memory above one page |',
			'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		);
		for (const row of report.paging) {
			const above =
				base && row !== base
					? `${mib(row.memory.treeRssBytes - base.memory.treeRssBytes)} (${((row.memory.treeRssBytes - base.memory.treeRssBytes) / Math.max(1, row.items) / 1024).toFixed(1)} KiB an item)`
					: '—';
			lines.push(
				`| ${row.label} | ${count(row.pages)} | ${count(row.items)} | ${seconds(row.wallSeconds)} | ${mib(row.memory.treeRssBytes)} | ${mib(row.memory.mainHwmBytes)} | ${mib(row.itemBytes)} | ${above} |`,
			);
		}
	}
	if (report.errors.length) {
		lines.push('', 'Not measured:', ...report.errors.map((error) => `- ${error}`));
	}
	return lines.join('\n');
}
