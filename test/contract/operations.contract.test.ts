import { startPrism, type Prism } from '../support/prism';
import { allContractCases } from './cases';
import {
	authorizationOf,
	CONTRACT_APP_KEY,
	CONTRACT_ORG_KEY,
	expectWellFormedFilters,
	runAgainstPrism,
} from './harness';

let prism: Prism;

beforeAll(async () => {
	prism = await startPrism();
});

afterAll(async () => {
	await prism?.stop();
});

describe('every operation’s requests against OneSignal’s official spec (Prism)', () => {
	it.each(
		allContractCases.map((entry) => [`${entry.operationId}: ${entry.title}`, entry] as const),
	)('%s', async (_, contractCase) => {
		const run = await runAgainstPrism(prism.url, contractCase.parameters, {
			organization: contractCase.organization,
			items: contractCase.items as never,
		});
		expect(run.exchanges.length).toBeGreaterThan(0);
		const key = contractCase.organization ? CONTRACT_ORG_KEY : CONTRACT_APP_KEY;
		for (const exchange of run.exchanges) {
			if (contractCase.outsideSpec) continue;
			expect(exchange.violations).toEqual([]);
			const body = exchange.call.sent.body as Record<string, unknown> | undefined;
			if (body?.filters !== undefined) expectWellFormedFilters(body.filters);
			else expect(exchange.specDefects).toEqual([]);
			// Prism answers 400 to the spec's own filter defect; any other request must pass.
			if (exchange.specDefects.length === 0) expect(exchange.status).toBeLessThan(300);
		}
		const apiExchanges = run.exchanges.filter((exchange) => exchange.call.credentialType !== '');
		for (const exchange of apiExchanges) expect(authorizationOf(exchange)).toBe(`Key ${key}`);
		if (
			run.exchanges.every((exchange) => exchange.specDefects.length === 0) &&
			!contractCase.outsideSpec
		) {
			expect(run.error).toBeUndefined();
		}
		await contractCase.check?.(run, run.exchanges);
	});

	it('a request that breaks the spec is caught (the check can fail)', async () => {
		const response = await fetch(`${prism.url}/notifications`, {
			method: 'POST',
			headers: { Authorization: `Key ${CONTRACT_APP_KEY}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ contents: { en: 'missing app_id' } }),
		});
		expect(response.status).toBe(400);
		expect(response.headers.get('sl-violations')).toContain('app_id');
	});
});
