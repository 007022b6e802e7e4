import { spawnSync } from 'child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import { dirname, join, relative } from 'path';

import { packPackage, unpack, type PackedPackage } from '../support/communityInstall';
import { netguardPath, repoRoot, scannerDir } from '../support/paths';

/**
 * The package as it ships: what `npm pack` puts in the tarball, n8n's community-node lint in its
 * strict configuration, and the checks of n8n's community package scanner that run offline.
 * Run `npm run build` first: the tarball is packed from dist/.
 */

let workDir: string;
let packed: PackedPackage;
let unpacked: string;

beforeAll(() => {
	workDir = mkdtempSync(join(tmpdir(), 'onesignal-package-'));
	packed = packPackage(workDir);
	unpacked = join(workDir, 'unpacked');
	unpack(packed.tarball, unpacked);
});

afterAll(() => {
	if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/**
 * The environment for lint runs: jest sets NODE_ENV=test, which makes n8n's eslint-plugin-n8n-nodes-base
 * treat every file as a node file (its own test mode), so it is left out.
 */
function toolEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--require ${netguardPath()}` };
	delete env.NODE_ENV;
	return { ...env, ...extra };
}

interface Manifest {
	name: string;
	keywords: string[];
	scripts?: Record<string, string>;
	dependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	bundleDependencies?: string[];
	bundledDependencies?: string[];
	n8n: { n8nNodesApiVersion: number; nodes: string[]; credentials: string[] };
}

function manifest(): Manifest {
	return JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8')) as Manifest;
}

describe('the packed tarball', () => {
	it('holds only dist/, README.md, LICENSE and package.json', () => {
		const outside = packed.files.filter((file) => !file.startsWith('dist/'));
		expect(outside.sort()).toEqual(['LICENSE', 'README.md', 'package.json']);
		expect(filesUnder(unpacked).sort()).toEqual([...packed.files].sort());
	});

	it('ships compiled JavaScript, icons and codex files only, each built from a source file', () => {
		const shipped = packed.files.filter((file) => file.startsWith('dist/'));
		const unexpected = shipped.filter((file) => !/\.(js|svg|node\.json)$/.test(file));
		expect(unexpected).toEqual([]);
		const withoutSource = shipped.filter((file) => {
			const source = file.replace(/^dist\//, '').replace(/\.js$/, '.ts');
			return !/^(nodes|credentials)\//.test(source) || !existsSync(join(repoRoot, source));
		});
		expect(withoutSource).toEqual([]);
	});

	it('holds a compiled file for every source file of the nodes and credentials', () => {
		const sources = ['nodes', 'credentials'].flatMap((dir) =>
			filesUnder(join(repoRoot, dir))
				.filter((file) => /\.(ts|svg)$/.test(file) || file.endsWith('.node.json'))
				.map((file) => `dist/${dir}/${file.replace(/\.ts$/, '.js')}`),
		);
		expect(sources.length).toBeGreaterThan(100);
		expect(sources.filter((file) => !packed.files.includes(file))).toEqual([]);
	});

	it('registers every node and credential with n8n and each exists in the tarball', () => {
		const { n8n } = manifest();
		expect(n8n.n8nNodesApiVersion).toBe(1);
		expect(n8n.nodes).toEqual([
			'dist/nodes/OneSignal/OneSignal.node.js',
			'dist/nodes/OneSignalTrigger/OneSignalTrigger.node.js',
			'dist/nodes/OneSignalPollingTrigger/OneSignalPollingTrigger.node.js',
		]);
		expect(n8n.credentials).toHaveLength(3);
		for (const file of [...n8n.nodes, ...n8n.credentials]) {
			expect(packed.files).toContain(file);
		}
	});

	it('points every icon of a node or credential at a file in the tarball', async () => {
		const { n8n } = manifest();
		const icons: string[] = [];
		for (const file of [...n8n.nodes, ...n8n.credentials]) {
			// The built file is the same in the repository and in the tarball (checked above).
			const exports = (await import(join(repoRoot, file))) as Record<string, new () => object>;
			const instance = new (Object.values(exports)[0])() as { description?: object };
			const { icon } = (instance.description ?? instance) as {
				icon: { light: string; dark: string };
			};
			expect(icon).toEqual({ light: expect.any(String), dark: expect.any(String) });
			for (const path of [icon.light, icon.dark]) {
				icons.push(relative(unpacked, join(unpacked, dirname(file), path.replace(/^file:/, ''))));
			}
		}
		expect(icons.filter((icon) => !packed.files.includes(icon))).toEqual([]);
	});

	it('has no runtime dependencies and no install scripts', () => {
		const pkg = manifest();
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.optionalDependencies ?? {}).toEqual({});
		expect(pkg.bundleDependencies ?? pkg.bundledDependencies ?? []).toEqual([]);
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		const lifecycle = ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish'];
		expect(Object.keys(pkg.scripts ?? {}).filter((name) => lifecycle.includes(name))).toEqual([]);
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.name).toMatch(/^n8n-nodes-/);
	});
});

describe("n8n's community-node lint, strict configuration", () => {
	const template = join(
		repoRoot,
		'node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs',
	);

	it('is the unchanged default that `n8n-node lint` requires in strict mode', () => {
		const normalised = readFileSync(template, 'utf8').replace(/\s+/g, ' ').trim();
		expect(normalised).toBe(
			"import { config } from '@n8n/node-cli/eslint'; export default config;",
		);
		const script = (
			JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
				scripts: Record<string, string>;
			}
		).scripts['lint:strict'];
		expect(script).toContain(`--config ${relative(repoRoot, template)}`);
		expect(script).toContain('--max-warnings=0');
	});

	it('finds no error and no warning in the nodes, the credentials and package.json', () => {
		const result = spawnSync('npm', ['run', '--silent', 'lint:strict'], {
			cwd: repoRoot,
			encoding: 'utf8',
			env: toolEnv(),
		});
		expect({ status: result.status, output: `${result.stdout}${result.stderr}`.trim() }).toEqual({
			status: 0,
			output: '',
		});
	});
});

/**
 * Runs the lint of n8n's community package scanner (its own `analyzePackage`, config and file
 * patterns) on a folder. `which` picks the scanner's two lint passes: 'source' (the repository's
 * nodes, credentials and package.json) or 'tarball' (the unpacked package's JavaScript and
 * package.json). The scanner's provenance and source-download steps need the npm registry and
 * GitHub, so they are not run.
 */
function scan(dir: string, which: 'source' | 'tarball') {
	const script = `
		import { createRequire } from 'module';
		import { pathToFileURL } from 'url';
		const [scanner, dir, which] = process.argv.slice(1);
		const lib = await import(pathToFileURL(scanner + '/scanner/scanner.mjs').href);
		const patterns = which === 'source' ? lib.SOURCE_FILE_PATTERNS : ['**/*.js', 'package.json'];
		const verdict = await lib.analyzePackage(dir, patterns);
		const requireFromScanner = createRequire(scanner + '/package.json');
		const { ESLint } = requireFromScanner('eslint');
		const glob = requireFromScanner('fast-glob');
		const files = glob.sync(patterns, { cwd: dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
		const eslint = new ESLint({ cwd: dir, allowInlineConfig: false, overrideConfigFile: true, overrideConfig: await lib.buildScanConfig() });
		const results = await eslint.lintFiles(files);
		const messages = results.flatMap((r) => r.messages.map((m) => r.filePath + ': ' + m.ruleId + ' ' + m.message));
		console.log(JSON.stringify({ passed: verdict.passed, message: verdict.message ?? null, files: files.length, messages }));
	`;
	// The scanner makes a temporary folder when it is loaded; keep it inside ours.
	const tmp = mkdtempSync(join(workDir, 'scanner-tmp-'));
	const result = spawnSync(
		process.execPath,
		['--input-type=module', '-e', script, scannerDir(), dir, which],
		{
			encoding: 'utf8',
			env: toolEnv({ TMPDIR: tmp }),
		},
	);
	if (result.status !== 0)
		throw new Error(`scanner run failed:\n${result.stdout}\n${result.stderr}`);
	return JSON.parse(result.stdout.trim().split('\n').pop()!) as {
		passed: boolean;
		message: string | null;
		files: number;
		messages: string[];
	};
}

describe("n8n's community package scanner, offline checks", () => {
	it('passes its lint of the source: nodes, credentials and package.json', () => {
		const result = scan(repoRoot, 'source');
		expect(result).toEqual({
			passed: true,
			message: null,
			files: expect.any(Number),
			messages: [],
		});
		expect(result.files).toBeGreaterThan(100);
	});

	it('passes its lint of the packed files: the JavaScript in dist/ and package.json', () => {
		const result = scan(unpacked, 'tarball');
		expect(result).toEqual({
			passed: true,
			message: null,
			files: expect.any(Number),
			messages: [],
		});
		expect(result.files).toBe(packed.files.filter((file) => file.endsWith('.js')).length + 1);
	});

	it('fails a package that breaks its rules, so a pass above means something', () => {
		const bad = join(workDir, 'bad-package');
		mkdirSync(join(bad, 'nodes', 'Bad'), { recursive: true });
		writeFileSync(
			join(bad, 'nodes', 'Bad', 'Bad.node.js'),
			'exports.run = () => console.log(process.env.SECRET);\n',
		);
		writeFileSync(join(bad, 'package.json'), JSON.stringify(manifest()));
		const result = scan(bad, 'tarball');
		expect(result.passed).toBe(false);
		expect(result.messages.join('\n')).toMatch(/no-restricted-globals/);
	});
});
