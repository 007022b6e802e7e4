/**
 * The side-by-side benchmark (issue 7): our node against n8n's HTTP Request node and OneSignal's
 * Node SDK at the API's rate limit, the batch send mode, and paging memory, all through real n8n
 * against the OneSignal stand-in. Prints the figures as Markdown tables; asserts nothing.
 *
 *   npm run bench -- [--n 2000] [--rate 100] [--latency 50] [--announce 10000] [--stored 20000]
 *                    [--workloads 1,2,3] [--variants ours,oursRetryOnFail,httpDefault,httpTuned,sdk]
 */
import {
	BENCH_DEFAULTS,
	type BenchSettings,
	FULL_PLAN,
	formatReport,
	type PersonalisedVariant,
	runBench,
} from '../test/support/bench';

function flag(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? undefined : process.argv[index + 1];
}

function numberFlag(name: string, fallback: number): number {
	const raw = flag(name);
	if (raw === undefined) return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
	return value;
}

async function main() {
	const settings: BenchSettings = {
		n: numberFlag('n', BENCH_DEFAULTS.n),
		rate: numberFlag('rate', BENCH_DEFAULTS.rate),
		latencyMs: numberFlag('latency', BENCH_DEFAULTS.latencyMs),
		announce: numberFlag('announce', BENCH_DEFAULTS.announce),
		stored: numberFlag('stored', BENCH_DEFAULTS.stored),
	};
	const workloads = (flag('workloads') ?? '1,2,3').split(',').map(Number) as Array<1 | 2 | 3>;
	const variants = flag('variants')
		? (flag('variants')!.split(',') as PersonalisedVariant[])
		: FULL_PLAN.personalised;
	const unknown = variants.filter((variant) => !FULL_PLAN.personalised.includes(variant));
	if (unknown.length) throw new Error(`unknown variants: ${unknown.join(', ')}`);

	console.log(`Benchmark: ${JSON.stringify(settings)}, workloads ${workloads.join(', ')}`);
	const report = await runBench(settings, { workloads, personalised: variants }, (line) =>
		console.log(line),
	);
	console.log(`\n${formatReport(report)}`);
	if (report.errors.length) process.exitCode = 1;
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exit(1);
});
