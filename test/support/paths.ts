import { existsSync } from 'fs';
import { homedir } from 'os';
import { join, resolve } from 'path';

/**
 * Where things are: the repository, the shared material beside it, and the cached rig
 * (Node 24, n8n, Prism) that scripts/rig.sh installs. Each lookup says clearly what is missing.
 */

export const repoRoot = resolve(__dirname, '..', '..');

export const sharedDir = resolve(
	process.env.ONESIGNAL_SHARED_DIR ?? join(repoRoot, '..', 'shared'),
);

export const rigHome =
	process.env.ONESIGNAL_RIG_HOME ??
	join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-onesignal');

export const n8nVersion = process.env.ONESIGNAL_N8N_VERSION ?? '2.41.1';

/** The lowest n8n the package supports (scripts/rig.sh installs it; the README says why). */
export const n8nMinVersion = process.env.ONESIGNAL_N8N_MIN_VERSION ?? '2.33.2';

function required(path: string, what: string, fix: string): string {
	if (!existsSync(path)) {
		throw new Error(`${what} is missing at ${path}. ${fix}`);
	}
	return path;
}

/** OneSignal's spec made servable by Prism; ONESIGNAL_SPEC overrides the path. */
export function specPath(): string {
	return required(
		resolve(process.env.ONESIGNAL_SPEC ?? join(sharedDir, 'onesignal', 'openapi.key-auth.yaml')),
		"OneSignal's OpenAPI spec (openapi.key-auth.yaml)",
		'Contract tests need it: put the shared material at ../shared or set ONESIGNAL_SPEC to the file.',
	);
}

/** The original spec, for the coverage check; ONESIGNAL_SPEC_ORIGINAL overrides the path. */
export function originalSpecPath(): string {
	return required(
		resolve(process.env.ONESIGNAL_SPEC_ORIGINAL ?? join(sharedDir, 'onesignal', 'openapi.yaml')),
		"OneSignal's OpenAPI spec (openapi.yaml)",
		'The coverage check needs it: put the shared material at ../shared or set ONESIGNAL_SPEC_ORIGINAL.',
	);
}

export function netguardPath(): string {
	return required(
		resolve(process.env.ONESIGNAL_NETGUARD ?? join(sharedDir, 'e2e', 'netguard.cjs')),
		'The loopback-only network guard (netguard.cjs)',
		'End-to-end runs load it into every n8n process; put the shared material at ../shared or set ONESIGNAL_NETGUARD.',
	);
}

const rigFix = 'Run `bash scripts/rig.sh` (or `npm test`, which runs it) to install the rig.';

export function node24Path(): string {
	return required(
		process.env.ONESIGNAL_NODE24 ?? join(rigHome, 'node24', 'node_modules', 'node', 'bin', 'node'),
		'Node 24',
		rigFix,
	);
}

export function n8nBinPath(version = n8nVersion): string {
	return required(
		version === n8nVersion && process.env.ONESIGNAL_N8N_BIN
			? process.env.ONESIGNAL_N8N_BIN
			: join(rigHome, `n8n-${version}`, 'node_modules', 'n8n', 'bin', 'n8n'),
		`n8n ${version}`,
		rigFix,
	);
}

export function prismBinPath(): string {
	return required(
		process.env.ONESIGNAL_PRISM_BIN ??
			join(rigHome, 'prism-5.16.0', 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'),
		'Prism',
		rigFix,
	);
}

/** n8n's community package scanner (@n8n/scan-community-package), installed by the rig. */
export function scannerDir(): string {
	return required(
		process.env.ONESIGNAL_SCANNER_DIR ??
			join(rigHome, 'scanner-0.32.0', 'node_modules', '@n8n', 'scan-community-package'),
		"n8n's community package scanner",
		rigFix,
	);
}
