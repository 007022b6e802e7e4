import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { netguardPath, repoRoot } from './paths';

/**
 * The package as users get it: packed with `npm pack`, then installed into an n8n user folder with
 * the same steps and npm flags as n8n 2.41's Community Nodes installer. npm runs offline, with an
 * empty cache, an unreachable registry and the network guard: a tarball without dependencies must
 * install from itself alone.
 */

export const PACKAGE_NAME = 'n8n-nodes-onesignal';

export interface CommandOutput {
	status: number | null;
	stdout: string;
	stderr: string;
}

export interface PackedPackage {
	tarball: string;
	/** Paths inside the package, as npm lists them (without the leading `package/`). */
	files: string[];
}

export interface CommunityInstall {
	packageDir: string;
	npmInstall: CommandOutput;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): CommandOutput {
	const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
	if (result.error) throw result.error;
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** npm that can reach nothing: offline, a fresh empty cache, a dead loopback registry, guarded. */
function isolatedNpmEnv(cache: string): NodeJS.ProcessEnv {
	return {
		...process.env,
		NODE_OPTIONS: `--require ${netguardPath()}`,
		npm_config_cache: cache,
		npm_config_offline: 'true',
		npm_config_registry: 'http://127.0.0.1:9/',
		npm_config_update_notifier: 'false',
		npm_config_audit: 'false',
		npm_config_fund: 'false',
	};
}

function failed(what: string, output: CommandOutput): Error {
	return new Error(`${what} failed (${output.status}):\n${output.stdout}\n${output.stderr}`);
}

/** Packs the built repository (run `npm run build` first) into `destination`. */
export function packPackage(destination: string): PackedPackage {
	const cache = mkdtempSync(join(tmpdir(), 'npm-cache-'));
	try {
		const output = run(
			'npm',
			['pack', '--json', '--pack-destination', destination],
			repoRoot,
			isolatedNpmEnv(cache),
		);
		if (output.status !== 0) throw failed('npm pack', output);
		const [report] = JSON.parse(output.stdout) as Array<{
			filename: string;
			files: Array<{ path: string }>;
		}>;
		return {
			tarball: join(destination, report.filename),
			files: report.files.map((file) => file.path),
		};
	} finally {
		rmSync(cache, { recursive: true, force: true });
	}
}

/** Unpacks a tarball into `destination` the way npm and n8n do (without the `package/` level). */
export function unpack(tarball: string, destination: string): void {
	mkdirSync(destination, { recursive: true });
	const output = run(
		'tar',
		['-xzf', tarball, '-C', destination, '--strip-components=1'],
		destination,
		process.env,
	);
	if (output.status !== 0) throw failed('tar', output);
}

/**
 * Installs a packed tarball into `<userFolder>/.n8n/nodes` as n8n 2.41.1's
 * CommunityPackagesService.downloadPackage does after `npm pack <name>@<version>` from the registry:
 * unpack into `nodes/node_modules/<name>`, drop the dev, peer and optional dependencies from its
 * package.json, run `npm install` there with n8n's flags, and record the version in
 * `nodes/package.json`. n8n also writes an installed-package row in its database (that is what
 * Settings → Community Nodes lists); loading does not depend on it, since n8n scans the folder.
 */
export function installLikeN8n(userFolder: string, tarball: string): CommunityInstall {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const packageDir = join(nodesDir, 'node_modules', PACKAGE_NAME);
	unpack(tarball, packageDir);

	const manifestPath = join(packageDir, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
	delete manifest.devDependencies;
	delete manifest.peerDependencies;
	delete manifest.optionalDependencies;
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));

	const cache = mkdtempSync(join(tmpdir(), 'npm-cache-'));
	let npmInstall: CommandOutput;
	try {
		npmInstall = run(
			'npm',
			[
				'install',
				'--audit=false',
				'--fund=false',
				'--bin-links=false',
				'--install-strategy=shallow',
				'--ignore-scripts=true',
				'--package-lock=false',
			],
			packageDir,
			isolatedNpmEnv(cache),
		);
	} finally {
		rmSync(cache, { recursive: true, force: true });
	}
	if (npmInstall.status !== 0) throw failed('npm install in the package folder', npmInstall);

	const ledgerPath = join(nodesDir, 'package.json');
	const ledger = existsSync(ledgerPath)
		? (JSON.parse(readFileSync(ledgerPath, 'utf8')) as { dependencies: Record<string, string> })
		: { name: 'installed-nodes', private: true, dependencies: {} as Record<string, string> };
	ledger.dependencies[PACKAGE_NAME] = String(manifest.version);
	writeFileSync(ledgerPath, JSON.stringify(ledger, null, 2));
	return { packageDir, npmInstall };
}
