import { readFileSync } from 'fs';
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
});
