import { execFileSync, spawn, type ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import {
	chownSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	renameSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'fs';
import { connect, createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

import { installLikeN8n, type CommunityInstall } from './communityInstall';
import {
	debLibraryPath,
	n8nBinPath,
	n8nVersion,
	netguardPath,
	node24Path,
	postgresBinDir,
	redisServerPath,
	repoRoot,
	rigHome,
} from './paths';

/**
 * Real n8n on loopback for end-to-end runs: a fresh user folder per test, the package linked as a
 * community package (so node types are `n8n-nodes-onesignal.*`, as users get them), credentials
 * and workflows imported through n8n's own CLI, and workflows run with `n8n execute`. Every n8n
 * process loads the network guard, so a run proves nothing leaves the machine.
 */

export interface CommandResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

export interface ExecutionResult extends CommandResult {
	/** The run JSON n8n printed, or undefined when it printed none. */
	run?: {
		status?: string;
		data: {
			resultData: {
				runData: Record<
					string,
					Array<{
						data?: { main: Array<Array<{ json: Record<string, unknown> }>> };
						error?: Record<string, unknown>;
					}>
				>;
				error?: Record<string, unknown>;
				lastNodeExecuted?: string;
			};
		};
	};
	/** Every line any n8n process wrote, for log searches. */
	log: string;
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

function baseEnv(userFolder: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const node24 = node24Path();
	const nodeBin = join(node24, '..');
	return {
		PATH: `${nodeBin}:${process.env.PATH ?? ''}`,
		HOME: userFolder,
		N8N_USER_FOLDER: userFolder,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		DO_NOT_TRACK: '1',
		SCARF_ANALYTICS: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		// The list of n8n-vetted community packages comes from n8n's servers when the editor asks.
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
		NODE_OPTIONS: `--require ${netguardPath()}`,
		...extra,
	};
}

export async function runCommand(
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	options: { timeoutMs?: number; cwd?: string } = {},
): Promise<CommandResult> {
	return await new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			env,
			cwd: options.cwd,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr });
		});
	});
}

/**
 * A user folder with n8n's database already migrated, made once per n8n version and copied for
 * each test: the migrations take seconds, a copy takes milliseconds. n8n generates the folder's
 * encryption key on first start, so every copy shares it.
 */
async function migratedTemplate(version: string): Promise<string> {
	const template = join(rigHome, `userfolder-template-${version}`);
	if (existsSync(join(template, '.complete'))) return template;
	const staging = mkdtempSync(join(tmpdir(), 'n8n-template-'));
	const empty = join(staging, 'empty.json');
	writeFileSync(empty, '[]');
	const result = await runCommand(
		node24Path(),
		[n8nBinPath(version), 'import:credentials', `--input=${empty}`],
		baseEnv(staging),
	);
	rmSync(empty);
	if (!existsSync(join(staging, '.n8n', 'database.sqlite'))) {
		throw new Error(
			`n8n ${version} did not create its database:\n${result.stdout}\n${result.stderr}`,
		);
	}
	writeFileSync(join(staging, '.complete'), '');
	try {
		renameSync(staging, template);
	} catch {
		// Another worker finished first; its template is as good as ours.
		rmSync(staging, { recursive: true, force: true });
	}
	return template;
}

export interface N8nHomeOptions {
	version?: string;
	/** The package folder to link as a community package; the repository by default. */
	packageDir?: string;
	/**
	 * A packed tarball to install the way n8n's Community Nodes installer does, instead of
	 * linking a folder (see communityInstall.ts).
	 */
	installTarball?: string;
	/** Link nothing (for tests of n8n without our package). */
	withoutPackage?: boolean;
	/** Extra environment for every n8n process of this home. */
	env?: Record<string, string>;
}

export interface OwnerLogin {
	email: string;
	password: string;
}

export interface StartedN8n {
	port: number;
	url: string;
	process: ChildProcess;
	/** What this process printed so far. */
	log: () => string;
}

export interface StartedWorker {
	process: ChildProcess;
	/** What this worker printed so far. */
	log: () => string;
	healthPort: number;
}

/** A node type or credential type as n8n hands them to its editor (`/types/*.json`). */
export interface EditorType {
	name: string;
	displayName: string;
	credentials?: Array<{ name: string }>;
	iconUrl?: string | { light: string; dark: string };
	[key: string]: unknown;
}

/** An execution as n8n's public API returns it with `includeData=true`. */
export interface PublicExecution {
	id: string;
	status: string;
	mode: string;
	workflowId: string;
	startedAt?: string;
	stoppedAt?: string;
	data?: NonNullable<ExecutionResult['run']>['data'];
}

async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	child.kill(signal);
	await new Promise((resolve) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			resolve(undefined);
		}, 10_000);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve(undefined);
		});
	});
}

/**
 * Waits until `check` gives a value other than undefined, asking every `intervalMs`; fails with
 * `what` after `timeoutMs`. For things that happen in another process (an execution saved, a
 * webhook registered), not for measuring how long they take.
 */
export async function waitFor<T>(
	what: string,
	check: () => Promise<T | undefined>,
	{ timeoutMs = 60_000, intervalMs = 250 } = {},
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await check();
			if (value !== undefined) return value;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() > deadline) {
			throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/**
 * Resolves once n8n serves a production webhook at `url`. A browser-style preflight (OPTIONS with
 * an Origin) answers 404 until the webhook is registered and 204 after, and starts nothing.
 */
export async function waitForWebhook(url: string, timeoutMs = 60_000): Promise<void> {
	await waitFor(
		`the webhook ${url}`,
		async () => {
			const response = await fetch(url, {
				method: 'OPTIONS',
				headers: { origin: 'http://127.0.0.1', 'access-control-request-method': 'POST' },
			});
			return response.status === 204 ? true : undefined;
		},
		{ timeoutMs },
	);
}

/** The JSON of every output item of one node in an execution read through the public API. */
export function executionOutput(
	execution: PublicExecution,
	nodeName: string,
): Array<Record<string, unknown>> {
	const runs = execution.data?.resultData.runData[nodeName] ?? [];
	return runs.flatMap((entry) => entry.data?.main?.[0]?.map((item) => item.json) ?? []);
}

const OWNER_EMAIL = 'owner@example.com';

export class N8nHome {
	private logs: string[] = [];
	private servers: ChildProcess[] = [];
	private apiKey?: string;
	private session?: Record<string, string>;
	private readonly ownerPassword = `Pw-${randomBytes(8).toString('hex')}-9`;

	private constructor(
		readonly dir: string,
		readonly version: string,
		private readonly extraEnv: Record<string, string>,
		/** What installing the tarball did, when the home was made with `installTarball`. */
		readonly install?: CommunityInstall,
	) {}

	static async create(options: N8nHomeOptions = {}): Promise<N8nHome> {
		const version = options.version ?? n8nVersion;
		const template = await migratedTemplate(version);
		const dir = mkdtempSync(join(tmpdir(), 'n8n-home-'));
		cpSync(join(template, '.n8n'), join(dir, '.n8n'), { recursive: true });
		if (options.installTarball) {
			const install = installLikeN8n(dir, options.installTarball);
			return new N8nHome(dir, version, options.env ?? {}, install);
		}
		if (!options.withoutPackage) {
			const packageDir = options.packageDir ?? repoRoot;
			const name = (
				JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { name: string }
			).name;
			const target = join(dir, '.n8n', 'nodes', 'node_modules');
			mkdirSync(target, { recursive: true });
			symlinkSync(packageDir, join(target, name), 'dir');
		}
		return new N8nHome(dir, version, options.env ?? {});
	}

	/** Everything n8n processes of this home printed so far. */
	get log(): string {
		return this.logs.join('\n');
	}

	async env(extra: Record<string, string> = {}): Promise<NodeJS.ProcessEnv> {
		return baseEnv(this.dir, {
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_PORT: String(await freePort()),
			...this.extraEnv,
			...extra,
		});
	}

	async cli(args: string[], extraEnv: Record<string, string> = {}): Promise<CommandResult> {
		const result = await runCommand(
			node24Path(),
			[n8nBinPath(this.version), ...args],
			await this.env(extraEnv),
		);
		this.logs.push(result.stdout, result.stderr);
		return result;
	}

	private async importFile(kind: 'credentials' | 'workflow', content: unknown): Promise<void> {
		const file = join(this.dir, `import-${randomBytes(6).toString('hex')}.json`);
		writeFileSync(file, JSON.stringify(content));
		const result = await this.cli([`import:${kind}`, `--input=${file}`]);
		rmSync(file);
		if (result.code !== 0) {
			throw new Error(
				`n8n import:${kind} failed (${result.code}):\n${result.stdout}\n${result.stderr}`,
			);
		}
	}

	async importCredentials(credentials: unknown[]): Promise<void> {
		await this.importFile('credentials', credentials);
	}

	async importWorkflow(workflow: unknown): Promise<void> {
		await this.importFile('workflow', workflow);
	}

	/** Runs an imported workflow (it needs a Manual Trigger) and parses the run JSON n8n prints. */
	async execute(
		workflowId: string,
		extraEnv: Record<string, string> = {},
	): Promise<ExecutionResult> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], extraEnv);
		// The run JSON is printed through n8n's logger: at debug level it is coloured and follows
		// a timestamp and level on its first line.
		const plain = result.stdout.replace(
			new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'),
			'',
		);
		const firstLine = /^(?:[\d:.TZ-]+\s+\w+\s+)?\{\s*$/m.exec(plain);
		let run: ExecutionResult['run'];
		if (firstLine) {
			const text = plain.slice(firstLine.index + firstLine[0].indexOf('{'));
			const end = text.lastIndexOf('\n}');
			try {
				run = JSON.parse(end === -1 ? text : text.slice(0, end + 2)) as ExecutionResult['run'];
			} catch {
				run = undefined;
			}
		}
		return { ...result, run, log: `${result.stdout}\n${result.stderr}` };
	}

	/**
	 * Spawns a long-running n8n command of this home (`start`, `worker`). Its output goes into the
	 * home's log and into a log of its own (and to this terminal with `inheritOutput`), and
	 * dispose() stops it.
	 */
	private spawnServer(
		args: string[],
		env: NodeJS.ProcessEnv,
		inheritOutput = false,
	): { process: ChildProcess; log: () => string } {
		const child = spawn(node24Path(), [n8nBinPath(this.version), ...args], {
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.servers.push(child);
		const own: string[] = [];
		const collect = (chunk: Buffer, terminal: NodeJS.WriteStream) => {
			const text = chunk.toString();
			own.push(text);
			this.logs.push(text);
			if (inheritOutput) terminal.write(chunk);
		};
		child.stdout!.on('data', (chunk: Buffer) => collect(chunk, process.stdout));
		child.stderr!.on('data', (chunk: Buffer) => collect(chunk, process.stderr));
		return { process: child, log: () => own.join('') };
	}

	/** Resolves once `url` answers 200; fails when the process exits first or after two minutes. */
	private async waitUntilReady(child: ChildProcess, url: string, what: string): Promise<void> {
		const deadline = Date.now() + 120_000;
		for (;;) {
			if (child.exitCode !== null) throw new Error(`${what} exited early:\n${this.log}`);
			try {
				const response = await fetch(url);
				if (response.ok) return;
			} catch {
				// Not listening yet.
			}
			if (Date.now() > deadline) throw new Error(`${what} did not become ready:\n${this.log}`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	/**
	 * Starts `n8n start` and resolves once it answers on its port (a free one unless `port` is
	 * given). `inheritOutput` passes n8n's output through to this process's terminal as well.
	 */
	async start(
		extraEnv: Record<string, string> = {},
		options: { port?: number; inheritOutput?: boolean } = {},
	): Promise<StartedN8n> {
		const port = options.port ?? (await freePort());
		const env = await this.env({ N8N_PORT: String(port), ...extraEnv });
		const { process: child, log } = this.spawnServer(['start'], env, options.inheritOutput);
		const url = `http://127.0.0.1:${port}`;
		await this.waitUntilReady(child, `${url}/healthz/readiness`, 'n8n start');
		return { port, url, process: child, log };
	}

	/**
	 * Starts `n8n worker` (queue mode; `extraEnv` must say where Redis is, see QueueCluster) and
	 * resolves once its health endpoint, on a loopback port of its own, says it is ready: connected
	 * to the database and to Redis, and taking jobs.
	 */
	async startWorker(
		extraEnv: Record<string, string> = {},
		concurrency = 5,
	): Promise<StartedWorker> {
		const port = await freePort();
		const env = await this.env({
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(port),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			...extraEnv,
		});
		const { process: child, log } = this.spawnServer(
			['worker', `--concurrency=${concurrency}`],
			env,
		);
		await this.waitUntilReady(child, `http://127.0.0.1:${port}/healthz/readiness`, 'n8n worker');
		return { process: child, log, healthPort: port };
	}

	/**
	 * Publishes an imported workflow, so that `n8n start` activates its triggers (a server that is
	 * already running picks it up within seconds).
	 */
	async publishWorkflow(workflowId: string): Promise<void> {
		const result = await this.cli(['publish:workflow', `--id=${workflowId}`]);
		if (result.code !== 0) {
			throw new Error(
				`n8n publish:workflow failed (${result.code}):\n${result.stdout}\n${result.stderr}`,
			);
		}
	}

	/** Stops one server started with start() and waits until it has exited. */
	async stop(server: StartedN8n): Promise<void> {
		await stopProcess(server.process);
	}

	/**
	 * Sets up the owner account on a running server, so the editor opens at its sign-in page
	 * instead of the sign-up form (the account is stored in the home's database, so it survives a
	 * restart). The e-mail and password are local test values, made per home unless given.
	 * Returns them with the headers of the session the setup opened.
	 */
	async setupOwner(
		url: string,
		login: Partial<OwnerLogin> = {},
	): Promise<OwnerLogin & { session: Record<string, string> }> {
		const owner: OwnerLogin = {
			email: login.email ?? OWNER_EMAIL,
			password: login.password ?? this.ownerPassword,
		};
		const browserId = randomBytes(8).toString('hex');
		const headers = { 'content-type': 'application/json', 'browser-id': browserId };
		let response = await fetch(`${url}/rest/owner/setup`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ ...owner, firstName: 'Test', lastName: 'Owner' }),
		});
		if (response.status === 400) {
			// An earlier call set the owner up and then failed (e.g. on a busy database): log in.
			response = await fetch(`${url}/rest/login`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
			});
		}
		if (!response.ok) {
			throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
		}
		const cookie = (response.headers.getSetCookie() ?? [])
			.map((entry) => entry.split(';')[0])
			.join('; ');
		this.session = { cookie, 'browser-id': browserId, 'content-type': 'application/json' };
		return { ...owner, session: this.session };
	}

	/** Headers of a signed-in owner on a running server; sets up the owner the first time. */
	async ownerSession(url: string): Promise<Record<string, string>> {
		return this.session ?? (await this.setupOwner(url)).session;
	}

	/**
	 * A key for n8n's public API, made once per home on a running server, with every scope the
	 * owner may have. The key is stored in the home's database, so it keeps working after a restart.
	 */
	async publicApiKey(url: string): Promise<string> {
		if (this.apiKey) return this.apiKey;
		const session = await this.ownerSession(url);
		const scopesResponse = await fetch(`${url}/rest/api-keys/scopes`, { headers: session });
		if (!scopesResponse.ok) throw new Error(`api key scopes: ${scopesResponse.status}`);
		const scopes = ((await scopesResponse.json()) as { data: string[] }).data;
		const created = await fetch(`${url}/rest/api-keys`, {
			method: 'POST',
			headers: session,
			body: JSON.stringify({ label: 'e2e', scopes, expiresAt: null }),
		});
		if (!created.ok)
			throw new Error(`api key creation failed: ${created.status} ${await created.text()}`);
		this.apiKey = ((await created.json()) as { data: { rawApiKey: string } }).data.rawApiKey;
		return this.apiKey;
	}

	/** The node and credential types a running server hands to its editor. */
	async editorTypes(url: string): Promise<{ nodes: EditorType[]; credentials: EditorType[] }> {
		const session = await this.ownerSession(url);
		const read = async (file: string): Promise<EditorType[]> => {
			const response = await fetch(`${url}/types/${file}`, { headers: session });
			if (!response.ok) throw new Error(`/types/${file}: ${response.status}`);
			return (await response.json()) as EditorType[];
		};
		return { nodes: await read('nodes.json'), credentials: await read('credentials.json') };
	}

	/**
	 * Runs a saved workflow from one of its triggers as the editor's "Execute workflow" button
	 * does, inside the running server (only the server has modules such as data tables), and
	 * returns the finished execution.
	 */
	async runManually(
		url: string,
		workflowId: string,
		triggerName: string,
	): Promise<PublicExecution> {
		const session = await this.ownerSession(url);
		const response = await fetch(`${url}/rest/workflows/${workflowId}/run`, {
			method: 'POST',
			headers: session,
			body: JSON.stringify({ triggerToStartFrom: { name: triggerName } }),
		});
		if (!response.ok) throw new Error(`manual run: ${response.status} ${await response.text()}`);
		const { executionId } = ((await response.json()) as { data: { executionId: string } }).data;
		const apiKey = await this.publicApiKey(url);
		return await waitFor(`execution ${executionId}`, async () => {
			const found = await fetch(`${url}/api/v1/executions/${executionId}?includeData=true`, {
				headers: { 'X-N8N-API-KEY': apiKey },
			});
			if (!found.ok) return undefined;
			const execution = (await found.json()) as PublicExecution;
			return ['new', 'running', 'waiting'].includes(execution.status) ? undefined : execution;
		});
	}

	/** Finished executions of a workflow, oldest first, with their run data (public API). */
	async executions(url: string, workflowId: string): Promise<PublicExecution[]> {
		const apiKey = await this.publicApiKey(url);
		const executions: PublicExecution[] = [];
		let cursor: string | undefined;
		do {
			const query = new URLSearchParams({ workflowId, includeData: 'true', limit: '100' });
			if (cursor) query.set('cursor', cursor);
			const response = await fetch(`${url}/api/v1/executions?${query}`, {
				headers: { 'X-N8N-API-KEY': apiKey },
			});
			if (!response.ok) throw new Error(`executions: ${response.status} ${await response.text()}`);
			const page = (await response.json()) as {
				data: PublicExecution[];
				nextCursor?: string | null;
			};
			executions.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return executions.sort((a, b) => Number(a.id) - Number(b.id));
	}

	/** Stops every process started with start() or startWorker(). */
	async stopServers(): Promise<void> {
		for (const server of this.servers) await stopProcess(server);
	}

	async dispose(): Promise<void> {
		await this.stopServers();
		rmSync(this.dir, { recursive: true, force: true });
	}
}

/** The JSON of every output item of one node in a run. */
export function outputOf(
	result: ExecutionResult,
	nodeName: string,
	output = 0,
): Array<Record<string, unknown>> {
	const runs = result.run?.data.resultData.runData[nodeName] ?? [];
	return runs.flatMap((entry) => entry.data?.main?.[output]?.map((item) => item.json) ?? []);
}

/** A Redis server of a test's own, on 127.0.0.1, keeping nothing on disk. */
export interface StartedRedis {
	port: number;
	/** What Redis printed so far. */
	log: () => string;
	stop(): Promise<void>;
}

/** Answers true once Redis on `port` replies PONG to a PING. */
async function redisAnswers(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		let reply = '';
		socket.setTimeout(1000, () => socket.destroy());
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk: Buffer) => {
			reply += chunk.toString();
			if (reply.includes('\r\n')) socket.end();
		});
		socket.on('error', () => resolve(false));
		socket.on('close', () => resolve(reply.startsWith('+PONG')));
	});
}

/** The environment for a program of an unpacked Debian package (see scripts/rig-queue.sh). */
function debEnv(): NodeJS.ProcessEnv {
	const libraries = debLibraryPath();
	return { PATH: process.env.PATH, ...(libraries ? { LD_LIBRARY_PATH: libraries } : {}) };
}

/**
 * Starts Debian's redis-server (see scripts/rig-queue.sh) on a free loopback port, with no
 * snapshots and no append-only file: the queue lives as long as the test.
 */
export async function startRedis(): Promise<StartedRedis> {
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'redis-'));
	const args = ['--bind', '127.0.0.1', '--port', String(port), '--protected-mode', 'yes'];
	args.push('--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no');
	const child = spawn(redisServerPath(), args, {
		env: debEnv(),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const output: string[] = [];
	child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
	const log = () => output.join('');
	const stop = async () => {
		await stopProcess(child);
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		await waitFor(
			'Redis to answer',
			async () => {
				if (child.exitCode !== null) throw new Error(`redis-server exited:\n${log()}`);
				return (await redisAnswers(port)) ? true : undefined;
			},
			{ timeoutMs: 30_000, intervalMs: 100 },
		);
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, log, stop };
}

/** A PostgreSQL server of a test's own, on 127.0.0.1, and how n8n reaches it. */
export interface StartedPostgres {
	port: number;
	/** The environment that makes n8n use this server as its database. */
	n8nEnv: Record<string, string>;
	log: () => string;
	stop(): Promise<void>;
}

/**
 * PostgreSQL refuses to run as root. As root, the server runs as Debian's `postgres` account
 * (made by the postgresql package), or as `nobody` where there is none; any other user runs it
 * as itself.
 */
function postgresAccount(): { uid: number; gid: number; prefix: string[] } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const id = (flag: string, user: string) =>
		Number(execFileSync('id', [flag, user], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
	let user = 'postgres';
	try {
		id('-u', user);
	} catch {
		user = 'nobody';
	}
	const uid = id('-u', user);
	const gid = id('-g', user);
	return { uid, gid, prefix: ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups'] };
}

/**
 * Starts Debian's PostgreSQL (see scripts/rig-queue.sh) in a fresh data folder on a free loopback
 * port, reachable only over TCP from 127.0.0.1 and with trust authentication (nothing else can
 * reach it). Durability is switched off, as for any throw-away test database.
 */
export async function startPostgres(): Promise<StartedPostgres> {
	const bin = postgresBinDir();
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'postgres-'));
	const data = join(dir, 'data');
	const account = postgresAccount();
	if (account) chownSync(dir, account.uid, account.gid);
	const command = (program: string, args: string[]) => {
		const full = [...(account?.prefix ?? []), join(bin, program), ...args];
		return { file: full[0], args: full.slice(1) };
	};
	const output: string[] = [];
	const log = () => output.join('');

	const initdb = command('initdb', [
		'-D',
		data,
		'-U',
		'postgres',
		'--auth=trust',
		'--encoding=UTF8',
		'--no-sync',
		'--no-instructions',
	]);
	const initialised = await runCommand(initdb.file, initdb.args, { ...debEnv(), LC_ALL: 'C' });
	output.push(initialised.stdout, initialised.stderr);
	if (initialised.code !== 0) {
		rmSync(dir, { recursive: true, force: true });
		throw new Error(`initdb failed (${initialised.code}):\n${log()}`);
	}

	const server = command('postgres', [
		'-D',
		data,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'unix_socket_directories=',
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
		'-c',
		'max_connections=100',
	]);
	const child = spawn(server.file, server.args, {
		env: { ...debEnv(), LC_ALL: 'C' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
	const stop = async () => {
		// SIGINT is PostgreSQL's "fast" shutdown: it does not wait for clients to disconnect.
		await stopProcess(child, 'SIGINT');
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		await waitFor(
			'PostgreSQL to accept connections',
			async () => {
				if (child.exitCode !== null) throw new Error(`postgres exited:\n${log()}`);
				return log().includes('database system is ready to accept connections') ? true : undefined;
			},
			{ timeoutMs: 60_000, intervalMs: 100 },
		);
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		port,
		log,
		stop,
		n8nEnv: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: 'postgres',
			DB_POSTGRESDB_USER: 'postgres',
			// Trust authentication ignores it; n8n wants one.
			DB_POSTGRESDB_PASSWORD: 'unused',
		},
	};
}

export interface QueueClusterOptions {
	/** How many `n8n worker` processes; 2 by default. */
	workers?: number;
	/** Executions each worker runs at once (`--concurrency`); n8n's advice is at least 5. */
	concurrency?: number;
	/** Extra environment for the main process and every worker. */
	env?: Record<string, string>;
}

/**
 * n8n in queue mode ("scaling mode") on loopback: a Redis of its own, one main process (`n8n
 * start`: editor, API, webhooks, and it puts executions on the queue) and workers (`n8n worker`)
 * that take executions off the queue and run them. All processes share the home's user folder
 * (its encryption key) and its database: use a home made with a PostgreSQL (`startPostgres()`,
 * its `n8nEnv` as the home's env), because a SQLite file shared by the processes fails executions
 * under load (README, "Scale-out"). Import the workflows first: that also migrates the database,
 * which the processes then need not race to do.
 *
 * Executions run on a worker only when started as production ones are, e.g. through a webhook:
 * `n8n execute` runs in its own process, and the main keeps manual executions for itself.
 */
export class QueueCluster {
	private constructor(
		readonly home: N8nHome,
		readonly redis: StartedRedis,
		readonly main: StartedN8n,
		readonly workers: StartedWorker[],
	) {}

	/** The environment that puts a process into queue mode with this Redis. */
	static queueEnv(redis: StartedRedis): Record<string, string> {
		return {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
		};
	}

	static async start(home: N8nHome, options: QueueClusterOptions = {}): Promise<QueueCluster> {
		const redis = await startRedis();
		try {
			const env = { ...QueueCluster.queueEnv(redis), ...options.env };
			// All at once: each waits for the database and Redis, not for the others.
			const [main, ...workers] = await Promise.all([
				home.start(env),
				...Array.from({ length: options.workers ?? 2 }, () =>
					home.startWorker(env, options.concurrency ?? 5),
				),
			]);
			return new QueueCluster(home, redis, main, workers);
		} catch (error) {
			await home.stopServers();
			await redis.stop();
			throw error;
		}
	}

	/**
	 * Which worker ran each execution (execution ID → worker indexes), read from the line each
	 * worker logs at info level (n8n's default) when it takes an execution off the queue. An
	 * execution taken by two workers (which must not happen) is listed under both, so callers can
	 * count it.
	 */
	executionsByWorker(): Map<string, number[]> {
		const byExecution = new Map<string, number[]>();
		for (const [index, worker] of this.workers.entries()) {
			for (const match of worker.log().matchAll(/Worker started execution (\d+) \(job /g)) {
				byExecution.set(match[1], [...(byExecution.get(match[1]) ?? []), index]);
			}
		}
		return byExecution;
	}

	/** Stops the workers, then the main process, then Redis. */
	async stop(): Promise<void> {
		for (const worker of this.workers) await stopProcess(worker.process);
		await stopProcess(this.main.process);
		await this.redis.stop();
	}
}
