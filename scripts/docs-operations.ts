/** Rewrites the operations table in README.md from the node description. */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

import { repoRoot } from '../test/support/paths';
import { replaceTable } from '../test/support/operationsTable';

const file = join(repoRoot, 'README.md');
const before = readFileSync(file, 'utf8');
const after = replaceTable(before);
writeFileSync(file, after);
console.log(
	before === after
		? 'README.md operations table is up to date'
		: 'README.md operations table rewritten',
);
