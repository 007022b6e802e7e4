/**
 * The fault run (issue "Reliability under faults"): sends one personalised push per item through
 * real n8n to the stand-in while it injects faults, and prints what the stand-in counted.
 *
 * `npm run faults -- --items 1000 --seed 7` runs three scenarios in one n8n process (`n8n
 * execute`). `npm run faults -- --queue` runs the workflow in queue mode instead: n8n's main
 * process, Redis, PostgreSQL and two workers, the orders arriving by webhook in batches of
 * `--batch` (default 50), each worker running up to `--concurrency` executions at once (default
 * 5); `--sqlite` shares one SQLite file between the processes instead of PostgreSQL, and
 * `--log <file>` keeps what the n8n processes printed.
 */
import {
	runFaultScenario,
	runQueueFaultRun,
	FAULT_RATES,
	type FaultFigures,
	type Scenario,
} from '../test/support/faultRun';

function flag(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : Number(process.argv[index + 1]);
}

function printTable(figures: FaultFigures[]) {
	console.log(
		'\n| scenario | executions | requests | faults injected | messages | duplicates (key / recipient) | items with ID | replayed | failed | lost |',
	);
	console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
	for (const row of figures) {
		const faults = Object.entries(row.faultsInjected)
			.map(([kind, count]) => `${kind.replace('fault:', '')} ${count}`)
			.join(', ');
		console.log(
			`| ${row.scenario} | ${row.executions} | ${row.requests} | ${faults} | ${row.messagesCreated} | ${row.duplicateKeys} / ${row.duplicateRecipients} | ${row.itemsWithId} of ${row.deliveries} | ${row.itemsReplayed} | ${row.itemsFailed} | ${row.lost} |`,
		);
	}
}

function notExactlyOnce(row: FaultFigures): boolean {
	const queue = row.queue;
	return (
		row.messagesCreated !== row.items ||
		row.duplicateKeys > 0 ||
		row.duplicateRecipients > 0 ||
		row.lost > 0 ||
		row.itemsWithId !== row.deliveries ||
		(queue !== undefined &&
			(queue.refusedDeliveries.length > 0 ||
				queue.notRunByAWorker > 0 ||
				queue.runByTwoWorkers > 0 ||
				queue.unsuccessful > 0 ||
				queue.executionsPerWorker.some((count) => count === 0)))
	);
}

async function main() {
	const items = flag('items', 1000);
	const seed = flag('seed', 7);
	const queueMode = process.argv.includes('--queue');
	console.log(
		`Fault run${queueMode ? ' in queue mode' : ''}: ${items} items, seed ${seed}, faults per try: ${JSON.stringify(FAULT_RATES)}`,
	);
	const figures: FaultFigures[] = [];
	if (queueMode) {
		const workers = flag('workers', 2);
		const batchSize = flag('batch', 50);
		const concurrency = flag('concurrency', 5);
		const database = process.argv.includes('--sqlite') ? 'sqlite' : 'postgres';
		const result = await runQueueFaultRun({
			items,
			seed,
			batchSize,
			workers,
			concurrency,
			database,
			logFile: process.argv.includes('--log')
				? process.argv[process.argv.indexOf('--log') + 1]
				: undefined,
		});
		figures.push(result);
		const queue = result.queue!;
		console.log(
			`  queue (${database}): ${result.executions} executions (batches of ${batchSize}; the business-key half posted twice) done in ${result.seconds.toFixed(1)} s`,
		);
		console.log(
			`  workers (concurrency ${concurrency} each): ${queue.executionsPerWorker.map((count, index) => `worker ${index + 1} ran ${count}`).join(', ')}; run by no worker: ${queue.notRunByAWorker}, by two: ${queue.runByTwoWorkers}; not successful: ${queue.unsuccessful}; log lines about a busy database: ${queue.databaseBusyLines}`,
		);
		console.log(
			`  batches posted twice: ${queue.postedTwice}; both copies on different workers: ${queue.copiesOnTwoWorkers}; both copies running at the same time: ${queue.copiesAtOnce}`,
		);
		for (const refusal of queue.refusedDeliveries) {
			console.log(`  n8n refused a webhook call: ${refusal.slice(0, 300)}`);
		}
	} else {
		for (const scenario of ['default', 'retryOnFail', 'businessKeyTwice'] as Array<
			Exclude<Scenario, 'queue'>
		>) {
			const result = await runFaultScenario({ scenario, items, seed });
			figures.push(result);
			console.log(`  ${scenario}: done in ${result.seconds.toFixed(1)} s`);
		}
	}
	printTable(figures);
	const bad = figures.filter(notExactlyOnce);
	if (bad.length) {
		console.error(`\nNOT exactly once in: ${bad.map((row) => row.scenario).join(', ')}`);
		process.exit(1);
	}
	console.log(
		`\nExactly once in every scenario: ${items} messages, 0 duplicates, 0 lost${queueMode ? ', every execution run by exactly one worker' : ''}.`,
	);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
