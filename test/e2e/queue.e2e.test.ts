import { runQueueFaultRun, type FaultFigures } from '../support/faultRun';

/**
 * The fault run in n8n's queue mode at a size CI can afford (`npm run faults -- --queue` runs it
 * with 1,000 items): Redis and PostgreSQL on 127.0.0.1, one main process and two workers of the
 * same n8n, the orders posted to a webhook in batches. Half of the orders carry a business key and
 * their batches are posted twice. Exactly once still: every order's message created once, none
 * twice, none lost, and every execution run by exactly one worker.
 */
const ITEMS = 24;
const BATCH = 6;

let figures: FaultFigures;

beforeAll(async () => {
	// Two executions at a time per worker, fewer than the six batches posted at once, so that
	// neither worker can take every batch by itself.
	figures = await runQueueFaultRun({ items: ITEMS, seed: 21, batchSize: BATCH, concurrency: 2 });
});

describe('exactly once in queue mode, with two workers', () => {
	it('creates one message per order, none twice, and loses none', () => {
		expect(figures).toMatchObject({
			executions: 6,
			deliveries: ITEMS + ITEMS / 2,
			messagesCreated: ITEMS,
			duplicateKeys: 0,
			duplicateRecipients: 0,
			lost: 0,
			itemsFailed: 0,
			mixedTargeting: 0,
		});
		// The stand-in did fail tries on the way (429, 5xx, cut connections, slow answers).
		expect(sumFaults(figures)).toBeGreaterThan(0);
	});

	it('gives every output item its notification ID; the second copies were replays', () => {
		expect(figures.itemsWithId).toBe(figures.deliveries);
		expect(figures.itemsReplayed).toBeGreaterThanOrEqual(ITEMS / 2);
	});

	it('ran every execution on a worker, each on one only, and both workers took some', () => {
		expect(figures.queue).toMatchObject({
			workers: 2,
			refusedDeliveries: [],
			postedTwice: 2,
			notRunByAWorker: 0,
			runByTwoWorkers: 0,
			unsuccessful: 0,
		});
		const perWorker = figures.queue!.executionsPerWorker;
		expect(perWorker.reduce((sum, count) => sum + count, 0)).toBe(figures.executions);
		for (const count of perWorker) expect(count).toBeGreaterThan(0);
	});
});

function sumFaults(row: FaultFigures): number {
	return Object.values(row.faultsInjected).reduce((sum, count) => sum + count, 0);
}
