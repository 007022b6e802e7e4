import { createRequire } from 'module';
import type {
	ICredentialType,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';

import { OneSignalAppApi } from '../../credentials/OneSignalAppApi.credentials';
import { OneSignalOrganizationApi } from '../../credentials/OneSignalOrganizationApi.credentials';
import { OneSignalWebhookSecretApi } from '../../credentials/OneSignalWebhookSecretApi.credentials';
import { OneSignal } from '../../nodes/OneSignal/OneSignal.node';
import { OneSignalPollingTrigger } from '../../nodes/OneSignalPollingTrigger/OneSignalPollingTrigger.node';
import { OneSignalTrigger } from '../../nodes/OneSignalTrigger/OneSignalTrigger.node';

/**
 * n8n's UX guidelines, checked on the descriptions as n8n receives them. The linter
 * (eslint-plugin-n8n-nodes-base) checks the same casing, sorting and period rules, but only on
 * object literals it can read in the source: fields built by helpers, spread from constants or
 * mapped from lists (languages, event kinds, filter relations, shared ID fields) escape it. This
 * test walks every field of every node and credential after assembly, with the linter's own
 * title-case function and thresholds, and adds what no lint rule checks: every field that takes
 * an ID says where to find that ID.
 */

// The linter's own title-case function, loaded the way the linter loads it, so both agree.
const linterRequire = createRequire(require.resolve('eslint-plugin-n8n-nodes-base'));
const { titleCase } = linterRequire('title-case') as { titleCase: (value: string) => string };

/** The linter sorts option lists from this many entries on (its MIN_ITEMS_TO_ALPHABETIZE). */
const MIN_ITEMS_TO_SORT = 5;

interface Field {
	where: string;
	property: INodeProperties;
}

type Owner =
	| { kind: 'node'; description: INodeTypeDescription }
	| { kind: 'credential'; type: ICredentialType };

const owners: Array<{ name: string; properties: INodeProperties[] }> = (
	[
		{ kind: 'node', description: new OneSignal().description },
		{ kind: 'node', description: new OneSignalTrigger().description },
		{ kind: 'node', description: new OneSignalPollingTrigger().description },
		{ kind: 'credential', type: new OneSignalAppApi() },
		{ kind: 'credential', type: new OneSignalOrganizationApi() },
		{ kind: 'credential', type: new OneSignalWebhookSecretApi() },
	] as Owner[]
).map((owner) =>
	owner.kind === 'node'
		? { name: owner.description.displayName, properties: owner.description.properties }
		: { name: owner.type.displayName, properties: owner.type.properties },
);

function showOn(property: INodeProperties): string {
	const show = property.displayOptions?.show ?? {};
	const parts = ['resource', 'operation', 'source', 'watch']
		.filter((key) => show[key])
		.map((key) => (show[key] as unknown[]).join('|'));
	return parts.length ? ` [${parts.join(' → ')}]` : '';
}

/** Every field, including those inside collections and fixed-collection groups. */
function allFields(): Field[] {
	const fields: Field[] = [];
	const walk = (properties: INodeProperties[], where: string) => {
		for (const property of properties) {
			const here = `${where} › ${property.displayName}${showOn(property)}`;
			fields.push({ where: here, property });
			if (property.type === 'collection') {
				walk(property.options as INodeProperties[], here);
			}
			if (property.type === 'fixedCollection') {
				for (const group of property.options as INodePropertyCollection[]) {
					walk(group.values, `${here} › ${group.displayName}`);
				}
			}
		}
	};
	for (const owner of owners) walk(owner.properties, owner.name);
	return fields;
}

const fields = allFields();
const shown = fields.filter(({ property }) => !['notice', 'hidden'].includes(property.type));

function isTitleCase(text: string): boolean {
	// The linter's exemptions: "Name or ID" labels and lowercase technical values.
	if (/or$/i.test(text)) return true;
	return titleCase(text) === text;
}

function optionsOf(property: INodeProperties): INodePropertyOptions[] {
	return (property.options ?? []) as INodePropertyOptions[];
}

/** The linter's sentence count: "e.g." is no sentence end. */
function sentences(text: string): number {
	return text.replace(/e\.g\./g, '').split('. ').length;
}

function periodProblem(text: string): string | undefined {
	const plain = text.trim();
	if (sentences(plain) === 1 && plain.endsWith('.') && !plain.endsWith('...')) {
		return 'one sentence ending with a period';
	}
	if (sentences(plain) > 1 && !/[.!?]$|<\/a>\.?$|\)$/.test(plain)) {
		return 'several sentences without a final period';
	}
	return undefined;
}

describe('wording of every field, after the node descriptions are assembled', () => {
	it('walks all three nodes and all three credentials', () => {
		expect(owners.map((owner) => owner.name)).toEqual([
			'OneSignal',
			'OneSignal Trigger',
			'OneSignal Polling Trigger',
			'OneSignal App API',
			'OneSignal Organization API',
			'OneSignal Webhook Secret API',
		]);
		expect(fields.length).toBeGreaterThan(300);
	});

	it('writes field names, group names and option names in Title Case', () => {
		const miscased: string[] = [];
		for (const { where, property } of shown) {
			if (!isTitleCase(property.displayName)) miscased.push(where);
			if (property.type === 'fixedCollection') {
				for (const group of property.options as INodePropertyCollection[]) {
					if (!isTitleCase(group.displayName)) miscased.push(`${where} › ${group.displayName}`);
				}
			}
			if (property.type === 'options' || property.type === 'multiOptions') {
				for (const option of optionsOf(property)) {
					// Time zone names are IANA identifiers, shown as OneSignal and every OS spell them.
					if (property.name === 'timezone') continue;
					if (!isTitleCase(option.name)) miscased.push(`${where} › option "${option.name}"`);
				}
			}
		}
		expect(miscased).toEqual([]);
	});

	it('ends one-sentence descriptions without a period and longer ones with one', () => {
		const problems: string[] = [];
		for (const { where, property } of shown) {
			const texts: Array<[string, string | undefined]> = [['', property.description]];
			if (property.type === 'options' || property.type === 'multiOptions') {
				for (const option of optionsOf(property)) {
					texts.push([` › option "${option.name}"`, option.description]);
				}
			}
			for (const [suffix, text] of texts) {
				const problem = text ? periodProblem(text) : undefined;
				if (problem) problems.push(`${where}${suffix}: ${problem}: "${text}"`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('writes notices with only the HTML that n8n keeps in a notice (links and bullet lists)', () => {
		const notices = fields.filter(({ property }) => property.type === 'notice');
		expect(notices.length).toBeGreaterThan(5);
		const problems = notices.flatMap(({ where, property }) =>
			[...property.displayName.matchAll(/<\/?([a-z0-9]+)/gi)]
				.map((match) => match[1].toLowerCase())
				.filter((tag) => !['a', 'ul', 'li'].includes(tag))
				.map((tag) => `${where}: <${tag}>`),
		);
		expect(problems).toEqual([]);
	});

	it('keeps every choice in the panel: no field looks like an authentication selector to n8n', () => {
		// n8n's editor hides a field from the parameter list when the node's credentials are
		// shown (displayOptions.show) for every one of its options: it takes it for the choice of
		// authentication. Credentials chosen by a field must use `hide` instead.
		const problems: string[] = [];
		for (const node of [OneSignal, OneSignalTrigger, OneSignalPollingTrigger]) {
			const { description } = new node();
			const shownFor: Record<string, string[]> = {};
			for (const credential of description.credentials ?? []) {
				for (const [name, values] of Object.entries(credential.displayOptions?.show ?? {})) {
					shownFor[name] = [...(shownFor[name] ?? []), ...(values ?? []).map(String)];
				}
			}
			for (const property of description.properties) {
				const values = optionsOf(property).map((option) => String(option.value));
				if (
					property.type === 'options' &&
					values.length > 0 &&
					values.every((value) => shownFor[property.name]?.includes(value))
				) {
					problems.push(`${description.displayName} › ${property.displayName}`);
				}
			}
		}
		expect(problems).toEqual([]);
	});

	it('starts the description of every switch with "Whether"', () => {
		const problems = shown
			.filter(({ property }) => property.type === 'boolean' && property.description)
			.filter(({ property }) => !property.description!.startsWith('Whether'))
			.map(({ where }) => where);
		expect(problems).toEqual([]);
	});

	it('sorts option lists and collections the way the linter expects', () => {
		const unsorted: string[] = [];
		for (const { where, property } of shown) {
			let names: string[] = [];
			if (property.type === 'options' || property.type === 'multiOptions') {
				names = optionsOf(property).map((option) => option.name);
				// The linter leaves numeric lists and lists it cannot read alone; so do we for numbers.
				if (/^\d+$/.test(String(optionsOf(property)[0]?.value))) continue;
			} else if (property.type === 'collection') {
				names = (property.options as INodeProperties[]).map((option) => option.displayName);
			} else if (property.type === 'fixedCollection') {
				names = (property.options as INodePropertyCollection[]).map((group) => group.displayName);
			}
			if (names.length < MIN_ITEMS_TO_SORT) continue;
			const sorted = [...names].sort((a, b) => a.localeCompare(b));
			if (names.join('\n') !== sorted.join('\n')) {
				unsorted.push(`${where}: ${names.join(', ')}`);
			}
		}
		expect(
			unsorted.filter((entry) => !KNOWN_UNSORTED.some((known) => entry.includes(known))),
		).toEqual([]);
		// An entry that no longer matches anything is stale: remove it from the list.
		for (const known of KNOWN_UNSORTED) {
			expect(unsorted.some((entry) => entry.includes(known))).toBe(true);
		}
	});

	it('says where to find the value of every field that takes an ID', () => {
		const takesId = (property: INodeProperties) =>
			/\bIDs?\b/.test(property.displayName) &&
			['string', 'resourceLocator', 'options', 'multiOptions'].includes(property.type) &&
			// A choice between kinds of identifiers ("Identify User By") takes no ID itself.
			!(property.type === 'options' && !property.typeOptions?.loadOptionsMethod);
		const missing = shown
			.filter(({ property }) => takesId(property))
			.filter(({ property }) => !WHERE_TO_FIND.test(property.description ?? ''))
			.map(({ where, property }) => `${where}: "${property.description ?? ''}"`);
		expect(missing).toEqual([]);
	});
});

/**
 * A "where to find it" phrase: a path in OneSignal's dashboard (with →), the node operation or
 * output that gives the value, the editor's own list to choose from, or the user's own choice.
 */
const WHERE_TO_FIND =
	/→|returned by|in the output|output of|result|from the list|Keys & IDs|of your own|your own ID/i;

/**
 * Lists that are not in the linter's order, each with its reason. The test fails when an entry
 * matches nothing any more, so a list that gets sorted takes its exemption with it.
 */
const KNOWN_UNSORTED: string[] = [
	// The catch-all "All Events" stays first, where people look for it.
	'OneSignal Trigger › Events [eventStream]: All Events, All Email Events',
];
