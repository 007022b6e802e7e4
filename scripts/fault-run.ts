/**
 * The fault run (issue "Reliability under faults"): sends one personalised push per item through
 * real n8n to the stand-in while it injects faults, in three scenarios, and prints what the
 * stand-in counted. `npm run faults -- --items 1000 --seed 7`
 */
import {
	runFaultScenario,
	FAULT_RATES,
	type FaultFigures,
	type Scenario,
} from '../test/support/faultRun';

function flag(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : Number(process.argv[index + 1]);
}

async function main() {
	const items = flag('items', 1000);
	const seed = flag('seed', 7);
	console.log(
		`Fault run: ${items} items, seed ${seed}, faults per try: ${JSON.stringify(FAULT_RATES)}`,
	);
	const figures: FaultFigures[] = [];
	for (const scenario of ['default', 'retryOnFail', 'businessKeyTwice'] as Scenario[]) {
		const result = await runFaultScenario({ scenario, items, seed });
		figures.push(result);
		console.log(`  ${scenario}: done in ${result.seconds.toFixed(1)} s`);
	}
	console.log(
		'\n| scenario | executions | requests | faults injected | messages | duplicates (key / recipient) | items with ID | replayed | failed | lost |',
	);
	console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
	for (const row of figures) {
		const faults = Object.entries(row.faultsInjected)
			.map(([kind, count]) => `${kind.replace('fault:', '')} ${count}`)
			.join(', ');
		console.log(
			`| ${row.scenario} | ${row.executions} | ${row.requests} | ${faults} | ${row.messagesCreated} | ${row.duplicateKeys} / ${row.duplicateRecipients} | ${row.itemsWithId} | ${row.itemsReplayed} | ${row.itemsFailed} | ${row.lost} |`,
		);
	}
	const bad = figures.filter(
		(row) =>
			row.messagesCreated !== items ||
			row.duplicateKeys ||
			row.duplicateRecipients ||
			row.lost ||
			row.itemsWithId !== items,
	);
	if (bad.length) {
		console.error(`\nNOT exactly once in: ${bad.map((row) => row.scenario).join(', ')}`);
		process.exit(1);
	}
	console.log(`\nExactly once in every scenario: ${items} messages, 0 duplicates, 0 lost.`);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
