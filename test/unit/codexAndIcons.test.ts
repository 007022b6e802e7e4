import { existsSync, readFileSync } from 'fs';
import type { ICredentialType, INodeTypeDescription } from 'n8n-workflow';
import { dirname, join, resolve } from 'path';

import { OneSignalAppApi } from '../../credentials/OneSignalAppApi.credentials';
import { OneSignalOrganizationApi } from '../../credentials/OneSignalOrganizationApi.credentials';
import { OneSignalWebhookSecretApi } from '../../credentials/OneSignalWebhookSecretApi.credentials';
import { OneSignal } from '../../nodes/OneSignal/OneSignal.node';
import { OneSignalPollingTrigger } from '../../nodes/OneSignalPollingTrigger/OneSignalPollingTrigger.node';
import { OneSignalTrigger } from '../../nodes/OneSignalTrigger/OneSignalTrigger.node';
import { repoRoot } from '../support/paths';

/**
 * What n8n reads besides the code: the codex file next to each node (categories, search aliases,
 * documentation links) and the light and dark icons of every node and credential. Links must
 * land on a README section that exists, and every listed file must be built into dist/.
 */

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
	name: string;
	homepage: string;
	n8n: { nodes: string[]; credentials: string[] };
};
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const README_URL = pkg.homepage.replace(/#readme$/, '');

/** The categories n8n's own nodes use (n8n-nodes-base 2.41). */
const N8N_CATEGORIES = [
	'Analytics',
	'Communication',
	'Core Nodes',
	'Data & Storage',
	'Development',
	'Finance & Accounting',
	'Marketing',
	'Miscellaneous',
	'Productivity',
	'Sales',
	'Utility',
];

/** The anchors GitHub gives the README's headings. */
function readmeAnchors(): Set<string> {
	const anchors = new Set<string>();
	for (const [, heading] of readme.matchAll(/^#{1,6}\s+(.+)$/gm)) {
		anchors.add(
			heading
				.trim()
				.toLowerCase()
				.replace(/[^\p{L}\p{N}\s_-]/gu, '')
				.replace(/\s/g, '-'),
		);
	}
	return anchors;
}

function readmeSection(url: string): string | undefined {
	if (!url.startsWith(`${README_URL}#`)) return undefined;
	return url.slice(README_URL.length + 1);
}

interface Codex {
	node: string;
	categories: string[];
	alias: string[];
	resources: Record<string, Array<{ url: string }>>;
}

const nodes: Array<{ source: string; description: INodeTypeDescription }> = [
	{ source: 'nodes/OneSignal/OneSignal.node.ts', description: new OneSignal().description },
	{
		source: 'nodes/OneSignalTrigger/OneSignalTrigger.node.ts',
		description: new OneSignalTrigger().description,
	},
	{
		source: 'nodes/OneSignalPollingTrigger/OneSignalPollingTrigger.node.ts',
		description: new OneSignalPollingTrigger().description,
	},
];

const credentials: Array<{ source: string; type: ICredentialType }> = [
	{ source: 'credentials/OneSignalAppApi.credentials.ts', type: new OneSignalAppApi() },
	{
		source: 'credentials/OneSignalOrganizationApi.credentials.ts',
		type: new OneSignalOrganizationApi(),
	},
	{
		source: 'credentials/OneSignalWebhookSecretApi.credentials.ts',
		type: new OneSignalWebhookSecretApi(),
	},
];

function codexOf(source: string): Codex {
	return JSON.parse(
		readFileSync(join(repoRoot, source.replace(/\.ts$/, '.json')), 'utf8'),
	) as Codex;
}

/** Checks one `file:` icon and returns the SVG text. */
function svgAt(sourceFile: string, icon: string): string {
	expect(icon).toMatch(/^file:.+\.svg$/);
	const path = resolve(dirname(join(repoRoot, sourceFile)), icon.slice('file:'.length));
	expect(existsSync(path)).toBe(true);
	const svg = readFileSync(path, 'utf8');
	expect(svg.trimStart().startsWith('<svg')).toBe(true);
	expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
	return svg;
}

describe('codex files', () => {
	it('covers exactly the nodes the package lists', () => {
		expect(pkg.n8n.nodes).toEqual(
			nodes.map(({ source }) => `dist/${source.replace(/\.ts$/, '.js')}`),
		);
	});

	it.each(nodes.map((node) => [node.description.displayName, node] as const))(
		'%s: names the node, uses n8n categories and links to README sections that exist',
		(_name, { source, description }) => {
			const codex = codexOf(source);
			expect(codex.node).toBe(`${pkg.name}.${description.name}`);
			expect(codex.categories.length).toBeGreaterThan(0);
			expect(N8N_CATEGORIES).toEqual(expect.arrayContaining(codex.categories));
			const urls = Object.values(codex.resources).flatMap((links) => links.map((l) => l.url));
			expect(urls.length).toBeGreaterThanOrEqual(2);
			const anchors = readmeAnchors();
			for (const url of urls) {
				const section = readmeSection(url);
				expect({ url, section }).toEqual({ url, section: expect.any(String) });
				expect({ url, exists: anchors.has(section!) }).toEqual({ url, exists: true });
			}
		},
	);

	it.each(nodes.map((node) => [node.description.displayName, node] as const))(
		'%s: is found by the words users search for (push, notification, email, SMS)',
		(_name, { source }) => {
			const aliases = codexOf(source).alias.map((alias) => alias.toLowerCase());
			expect(aliases).toEqual(expect.arrayContaining(['push', 'notification', 'email', 'sms']));
		},
	);

	it('is copied into dist/ by the build, next to the compiled node', () => {
		const gulpfile = readFileSync(join(repoRoot, 'gulpfile.js'), 'utf8');
		expect(gulpfile).toContain("'nodes/**/*.node.json'");
		expect(gulpfile).toContain("'nodes/**/*.svg'");
		expect(gulpfile).toContain("'credentials/**/*.svg'");
	});
});

describe('icons', () => {
	it.each(nodes.map((node) => [node.description.displayName, node] as const))(
		'%s: has a light and a dark SVG icon that exist and differ',
		(_name, { source, description }) => {
			const icon = description.icon as { light: string; dark: string };
			expect(typeof icon).toBe('object');
			expect(svgAt(source, icon.light)).not.toBe(svgAt(source, icon.dark));
		},
	);

	it.each(credentials.map((credential) => [credential.type.displayName, credential] as const))(
		'%s: has a light and a dark SVG icon that exist and differ, and a README link that exists',
		(_name, { source, type }) => {
			const icon = type.icon as { light: string; dark: string };
			expect(svgAt(source, icon.light)).not.toBe(svgAt(source, icon.dark));
			const section = readmeSection(type.documentationUrl ?? '');
			expect(readmeAnchors().has(section ?? '')).toBe(true);
		},
	);

	it('covers exactly the credentials the package lists', () => {
		expect(pkg.n8n.credentials).toEqual(
			credentials.map(({ source }) => `dist/${source.replace(/\.ts$/, '.js')}`),
		);
	});
});
