import { spawn, type ChildProcess } from 'child_process';

import { freePort } from './n8n';
import { netguardPath, node24Path, prismBinPath } from './paths';
import { servableSpecPath } from './servableSpec';

/**
 * Prism serving OneSignal's official spec (the key-auth copy, with the two defects that no correct
 * request can pass corrected; see servableSpec.ts) on loopback. A request that breaks the spec is
 * answered 400 with the details in the `sl-violations` header.
 */
export interface Prism {
	url: string;
	stop(): Promise<void>;
	output(): string;
}

export async function startPrism(): Promise<Prism> {
	const spec = servableSpecPath();
	const port = await freePort();
	let output = '';
	const child: ChildProcess = spawn(
		node24Path(),
		[prismBinPath(), 'mock', '-h', '127.0.0.1', '-p', String(port), spec],
		{
			env: { PATH: process.env.PATH, NODE_OPTIONS: `--require ${netguardPath()}` },
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`Prism exited early:\n${output}`);
		try {
			await fetch(`${url}/`);
			break;
		} catch {
			if (Date.now() > deadline) throw new Error(`Prism did not start:\n${output}`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
	return {
		url,
		output: () => output,
		stop: async () => {
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			await new Promise((resolve) => child.once('exit', resolve));
		},
	};
}
