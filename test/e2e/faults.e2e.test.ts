import { runFaultScenario } from '../support/faultRun';

/**
 * The fault run at a size CI can afford; `npm run faults` runs it with 1,000 items. Each scenario
 * must end exactly once: every item's message created once, none twice, none lost.
 */
const ITEMS = 60;

describe('exactly once under injected faults, in real n8n', () => {
	it('with the default settings', async () => {
		const figures = await runFaultScenario({ scenario: 'default', items: ITEMS, seed: 11 });
		expect(figures).toMatchObject({
			messagesCreated: ITEMS,
			duplicateKeys: 0,
			duplicateRecipients: 0,
			lost: 0,
			itemsWithId: ITEMS,
			itemsFailed: 0,
			mixedTargeting: 0,
		});
		expect(figures.faultsInjected['fault:429']).toBeGreaterThan(0);
		expect(figures.faultsInjected['fault:503']).toBeGreaterThan(0);
		expect(figures.faultsInjected['fault:reset-after']).toBeGreaterThan(0);
	});

	it('with n8n’s Retry On Fail re-running the node after an item failed', async () => {
		const figures = await runFaultScenario({ scenario: 'retryOnFail', items: ITEMS, seed: 12 });
		expect(figures).toMatchObject({
			messagesCreated: ITEMS,
			duplicateKeys: 0,
			duplicateRecipients: 0,
			lost: 0,
		});
		expect(figures.itemsWithId).toBe(ITEMS);
		// The re-run sent the items of the failed try again, and OneSignal replayed them.
		expect(figures.itemsReplayed).toBeGreaterThan(ITEMS / 2);
	});

	it('when the same workflow runs twice for the same business keys', async () => {
		const figures = await runFaultScenario({
			scenario: 'businessKeyTwice',
			items: ITEMS,
			seed: 13,
		});
		expect(figures).toMatchObject({
			executions: 2,
			messagesCreated: ITEMS,
			duplicateKeys: 0,
			duplicateRecipients: 0,
			lost: 0,
			itemsWithId: ITEMS,
			itemsReplayed: ITEMS,
		});
	});
});
