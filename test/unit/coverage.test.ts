import { readFileSync } from 'fs';
import { parse } from 'yaml';

import { resources } from '../../nodes/OneSignal/actions/index';
import { allContractCases } from '../contract/cases';
import { originalSpecPath } from '../support/paths';

/** The two endpoints OneSignal's Node SDK 5.18 has and the spec lacks (see shared NOTES.md). */
const NEWER_OPERATIONS = ['estimate_recipients', 'email_delivery_metrics'];

function specOperationIds(): string[] {
	const spec = parse(readFileSync(originalSpecPath(), 'utf8'), {
		customTags: [],
		strict: false,
	}) as {
		paths: Record<string, Record<string, { operationId?: string }>>;
	};
	return Object.values(spec.paths).flatMap((methods) =>
		Object.values(methods)
			.map((operation) => operation?.operationId)
			.filter((id): id is string => typeof id === 'string'),
	);
}

function implementedOperationIds(): Set<string> {
	return new Set(
		resources.flatMap((entry) =>
			Object.values(entry.operations).flatMap((operation) => operation.operationIds),
		),
	);
}

describe('coverage of OneSignal’s API', () => {
	const expected = [...specOperationIds(), ...NEWER_OPERATIONS];

	it('reads 54 operations from the spec', () => {
		expect(specOperationIds()).toHaveLength(54);
	});

	it('has an action for every operation', () => {
		const implemented = implementedOperationIds();
		expect(expected.filter((id) => !implemented.has(id))).toEqual([]);
	});

	it('has a contract test for every operation', () => {
		const tested = new Set(allContractCases.map((entry) => entry.operationId));
		expect(expected.filter((id) => !tested.has(id))).toEqual([]);
	});

	it('names only operations that exist', () => {
		const known = new Set(expected);
		expect([...implementedOperationIds()].filter((id) => !known.has(id))).toEqual([]);
	});
});
