/**
 * `npm run dev`: a local n8n to click through, at http://127.0.0.1:5678. It runs the OneSignal
 * stand-in (test/standin/cli.ts), links this package into a fresh n8n user folder as a community
 * package, imports credentials that point at the stand-in and the workflows of examples/, sets up
 * an owner account with a password made for this run, and serves until Ctrl-C, which stops n8n
 * and the stand-in and removes the user folder. Every process runs under the loopback-only
 * network guard; nothing here talks to OneSignal.
 */
import { spawn, type ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import { readdirSync, readFileSync } from 'fs';
import { createServer } from 'net';
import { join } from 'path';

import { N8nHome, type StartedN8n } from '../test/support/n8n';
import { netguardPath, node24Path, repoRoot } from '../test/support/paths';

const PORT = Number(process.env.ONESIGNAL_DEV_PORT ?? 5678);

/** What the stand-in CLI prints on its first line. */
interface StandInInfo {
	url: string;
	appId: string;
	appKey: string;
	organizationKey: string;
	organizationId: string;
}

interface CredentialRef {
	id: string;
	name: string;
}

const CREDENTIAL_DEFAULTS: Record<string, CredentialRef> = {
	oneSignalAppApi: { id: 'osDevAppCredential', name: 'OneSignal stand-in app' },
	oneSignalOrganizationApi: { id: 'osDevOrgCredential', name: 'OneSignal stand-in organization' },
	oneSignalWebhookSecretApi: { id: 'osDevWebhookSecret', name: 'OneSignal webhook secret' },
};

async function portIsFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

function startStandInProcess(): Promise<{ child: ChildProcess; info: StandInInfo }> {
	const child = spawn(
		node24Path(),
		[
			join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
			'test/standin/cli.ts',
			'--port',
			'0',
		],
		{
			cwd: repoRoot,
			env: { ...process.env, NODE_OPTIONS: `--require ${netguardPath()}` },
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	return new Promise((resolve, reject) => {
		let buffer = '';
		child.once('exit', (code) => reject(new Error(`the stand-in exited early (${code})`)));
		child.stdout!.on('data', (chunk: Buffer) => {
			buffer += chunk.toString();
			const newline = buffer.indexOf('\n');
			if (newline === -1) return;
			child.removeAllListeners('exit');
			child.stdout!.removeAllListeners('data');
			child.stdout!.resume();
			resolve({ child, info: JSON.parse(buffer.slice(0, newline)) as StandInInfo });
		});
	});
}

/** The workflows of examples/, as n8n exports them. */
function exampleWorkflows(): Array<Record<string, unknown>> {
	const folder = join(repoRoot, 'examples');
	return readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => JSON.parse(readFileSync(join(folder, file), 'utf8')) as Record<string, unknown>);
}

/**
 * One credential per reference the examples make (by ID, so each workflow finds its own), plus
 * one of each type for new nodes. All point at the stand-in; the webhook secret is made per run.
 */
function credentialsFor(workflows: Array<Record<string, unknown>>, standIn: StandInInfo) {
	const data: Record<string, Record<string, string>> = {
		oneSignalAppApi: { appId: standIn.appId, apiKey: standIn.appKey, baseUrl: standIn.url },
		oneSignalOrganizationApi: {
			apiKey: standIn.organizationKey,
			organizationId: standIn.organizationId,
			baseUrl: standIn.url,
		},
		oneSignalWebhookSecretApi: {
			headerName: 'X-Webhook-Secret',
			secret: randomBytes(24).toString('hex'),
			urlToken: randomBytes(24).toString('hex'),
		},
		// The header that protects the sign-up webhook of the welcome-push example.
		httpHeaderAuth: { name: 'X-Signup-Secret', value: randomBytes(24).toString('hex') },
	};
	const wanted = new Map<string, { type: string; ref: CredentialRef }>();
	for (const [type, ref] of Object.entries(CREDENTIAL_DEFAULTS)) wanted.set(ref.id, { type, ref });
	for (const workflow of workflows) {
		for (const node of (workflow.nodes ?? []) as Array<{
			credentials?: Record<string, CredentialRef>;
		}>) {
			for (const [type, ref] of Object.entries(node.credentials ?? {})) {
				if (data[type] && ref?.id && !wanted.has(ref.id)) wanted.set(ref.id, { type, ref });
			}
		}
	}
	return [...wanted.values()].map(({ type, ref }) => ({
		id: ref.id,
		name: ref.name,
		type,
		data: data[type],
	}));
}

async function main() {
	if (!(await portIsFree(PORT))) {
		throw new Error(
			`Port ${PORT} on 127.0.0.1 is in use (another n8n?). Stop it or set ONESIGNAL_DEV_PORT.`,
		);
	}
	const { child: standIn, info } = await startStandInProcess();
	const home = await N8nHome.create();
	let server: StartedN8n | undefined;
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the OneSignal stand-in…');
		await home.dispose();
		if (standIn.exitCode === null) {
			standIn.kill('SIGTERM');
			await new Promise((resolve) => standIn.once('exit', resolve));
		}
		process.exit(code);
	};
	// Ctrl-C reaches this process twice (from the terminal and relayed by tsx): later signals
	// are ignored, and stopping ends by itself, killing n8n if it does not stop within seconds.
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.on(signal, () => void stop(0));
	}

	try {
		const workflows = exampleWorkflows();
		const credentials = credentialsFor(workflows, info);
		await home.importCredentials(credentials);
		for (const workflow of workflows) await home.importWorkflow(workflow);
		console.log(`Starting n8n ${home.version} on http://127.0.0.1:${PORT} …`);
		server = await home.start({}, { port: PORT, inheritOutput: true });
		server.process.once('exit', (code) => {
			if (!stopping) {
				console.error(`n8n stopped by itself (${code}).`);
				void stop(1);
			}
		});
		const owner = await home.setupOwner(server.url, {
			email: 'owner@example.com',
			password: `Dev-${randomBytes(6).toString('hex')}-1`,
		});
		const lines = [
			'',
			`n8n ${home.version} with n8n-nodes-onesignal is ready: ${server.url}`,
			`  Sign in with  ${owner.email}  /  ${owner.password}  (made for this run only)`,
			`  OneSignal stand-in: ${info.url} (App ID ${info.appId})`,
			`  Credentials: ${credentials.map((entry) => entry.name).join(', ')}`,
			...credentials
				.filter((entry) => entry.type === 'httpHeaderAuth')
				.map((entry) => `  ${entry.name}: send ${entry.data.name}: ${entry.data.value}`),
			`  Workflows: ${workflows.map((entry) => String(entry.name)).join('; ') || 'none'}`,
			'  Nothing leaves this machine. Ctrl-C stops n8n and the stand-in and deletes this n8n.',
			'',
		];
		console.log(lines.join('\n'));
	} catch (error) {
		console.error(`npm run dev failed: ${(error as Error).message}`);
		await stop(1);
	}
}

main().catch((error: Error) => {
	console.error(`npm run dev failed: ${error.message}`);
	process.exit(1);
});
