import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { repoRoot } from '../support/paths';
import { replaceTable } from '../support/operationsTable';

describe('README', () => {
	it('lists exactly the operations the node offers (run `npm run docs:operations` to update)', () => {
		const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
		expect(replaceTable(readme)).toBe(readme);
	});

	it('starts with the demo and test commands that CI and new users run', () => {
		const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
		const ci = readFileSync(join(repoRoot, '.ci', 'run'), 'utf8');
		expect(readme).toContain('npm run demo');
		expect(readme).toContain('npm test');
		expect(ci).toMatch(/^npm test$/m);
	});

	it("has a heading for every section its own links and the nodes' documentation links point to", () => {
		const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
		// GitHub's anchors: lower case, punctuation dropped, spaces become hyphens.
		const anchors = new Set(
			[...readme.matchAll(/^#{2,4} (.+)$/gm)].map((match) =>
				match[1]
					.toLowerCase()
					.replace(/[^\p{L}\p{N} -]/gu, '')
					.replace(/ /g, '-'),
			),
		);
		const codexLinks = readdirSync(join(repoRoot, 'nodes'))
			.flatMap((dir) =>
				readdirSync(join(repoRoot, 'nodes', dir))
					.filter((file) => file.endsWith('.node.json'))
					.map((file) => readFileSync(join(repoRoot, 'nodes', dir, file), 'utf8')),
			)
			.flatMap((codex) => [...codex.matchAll(/n8n-nodes-onesignal#([a-z0-9-]+)/g)]);
		const links = [...readme.matchAll(/\]\(#([a-z0-9-]+)\)/g), ...codexLinks].map(
			(match) => match[1],
		);
		expect(links.length).toBeGreaterThan(5);
		expect(links.filter((anchor) => !anchors.has(anchor))).toEqual([]);
	});
});
