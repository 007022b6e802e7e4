import {
	ANNOUNCEMENT_LABELS,
	type BenchReport,
	formatReport,
	PERSONALISED_LABELS,
	runBench,
	type SendFigures,
} from '../support/bench';

/**
 * `npm run bench` at a size CI can afford, so the script cannot rot: every workload and every
 * sender runs through real n8n (or, for the SDK, a plain Node process) against the rate-limited
 * stand-in, and the figures must be there and make sense. Correctness only: no time is asserted.
 */
const SETTINGS = { n: 200, rate: 100, latencyMs: 50, announce: 2001, stored: 120 };

describe('the benchmark script, small', () => {
	let report: BenchReport;
	const sender = (variant: string): SendFigures =>
		[...report.personalised, ...report.announcement].find((row) => row.variant === variant)!;

	beforeAll(async () => {
		report = await runBench(SETTINGS);
	});

	it('measures every run', () => {
		expect(report.errors).toEqual([]);
	});

	it('runs every sender of workload 1 and counts what the stand-in saw', () => {
		expect(report.personalised.map((row) => row.variant)).toEqual(Object.keys(PERSONALISED_LABELS));
		for (const row of report.personalised) {
			expect(row.requests).toBeGreaterThan(0);
			expect(row.wallSeconds).toBeGreaterThan(0);
			expect(Number.isFinite(row.ratio)).toBe(true);
		}
		// n8n's HTTP Request node with default settings sends everything at once: the limit bites.
		expect(sender('httpDefault')).toMatchObject({ status: 'error' });
		expect(sender('httpDefault').rateLimited).toBeGreaterThan(0);
		expect(sender('httpDefault').lost).toBeGreaterThan(0);
	});

	it('our node delivers every personalised message exactly once, with and without Retry On Fail', () => {
		for (const variant of ['ours', 'oursRetryOnFail']) {
			expect(sender(variant)).toMatchObject({
				status: 'success',
				messages: SETTINGS.n,
				duplicates: 0,
				duplicateKeys: 0,
				lost: 0,
			});
		}
	});

	it('sends the announcement in ⌈N / 2,000⌉ requests in batch mode, and one per item otherwise', () => {
		expect(report.announcement.map((row) => row.label)).toEqual(Object.values(ANNOUNCEMENT_LABELS));
		expect(sender('batch')).toMatchObject({
			status: 'success',
			requests: Math.ceil(SETTINGS.announce / 2000),
			messages: Math.ceil(SETTINGS.announce / 2000),
			duplicates: 0,
			lost: 0,
		});
		expect(sender('perItem')).toMatchObject({
			status: 'success',
			messages: SETTINGS.announce,
			duplicates: 0,
			lost: 0,
		});
		expect(sender('perItem').requests).toBeGreaterThanOrEqual(SETTINGS.announce);
	});

	it('pages through stored messages in ⌈N / 50⌉ requests and measures n8n’s memory', () => {
		expect(report.paging.map((row) => [row.stored, row.returnAll, row.pages, row.items])).toEqual([
			[SETTINGS.stored, false, 1, 50],
			[SETTINGS.stored / 2, true, Math.ceil(SETTINGS.stored / 2 / 50), SETTINGS.stored / 2],
			[SETTINGS.stored, true, Math.ceil(SETTINGS.stored / 50), SETTINGS.stored],
		]);
		for (const row of report.paging) {
			expect(row.memory.samples).toBeGreaterThan(0);
			expect(row.memory.treeRssBytes).toBeGreaterThan(50 * 2 ** 20);
			expect(row.memory.mainHwmBytes).toBeGreaterThan(50 * 2 ** 20);
		}
	});

	it('prints all three tables with the settings and the machine', () => {
		const text = formatReport(report);
		expect(text).toContain('Stand-in: 100 requests/s (burst 10)');
		expect(text).toContain('Workload 1: 200 personalised sends');
		expect(text).toContain('Workload 2: one announcement to 2,001 listed users');
		expect(text).toContain('Workload 3: Message → Get Many');
		for (const label of [
			...Object.values(PERSONALISED_LABELS),
			...Object.values(ANNOUNCEMENT_LABELS),
		]) {
			expect(text).toContain(`| ${label} |`);
		}
	});
});
