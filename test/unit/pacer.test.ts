import {
	AdaptivePacer,
	DEFAULT_PACER_SETTINGS,
	type PacerSettings,
} from '../../nodes/OneSignal/helpers/pacer';

/**
 * A discrete-event simulation with a virtual clock: `workers` senders, each waiting for its answer
 * (latency L) before the next request, against a token bucket of R requests a second (burst R/10)
 * that answers 429 to anything over the limit. No wall-clock time is involved.
 */
function simulate(options: {
	requests: number;
	workers: number;
	rate: number;
	latencyMs: number;
	randomRejects?: number;
	/** Client CPU per request, on one thread: a busy n8n prepares requests one at a time. */
	cpuMs?: number;
	settings?: Partial<PacerSettings>;
}) {
	const pacer = new AdaptivePacer({ ...DEFAULT_PACER_SETTINGS, ...options.settings });
	let cpuFreeAt = 0;
	const burst = Math.max(1, options.rate / 10);
	let tokens = burst;
	let tokensAt = 0;
	let random = 42;
	const nextRandom = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const ready = Array.from({ length: options.workers }, () => 0);
	let accepted = 0;
	let rejected = 0;
	let end = 0;
	while (accepted < options.requests) {
		const worker = ready.indexOf(Math.min(...ready));
		const now = Math.max(ready[worker], cpuFreeAt) + (options.cpuMs ?? 0);
		cpuFreeAt = now;
		const sendAt = now + pacer.reserve(now);
		tokens = Math.min(burst, tokens + ((sendAt - tokensAt) / 1000) * options.rate);
		tokensAt = sendAt;
		const answeredAt = sendAt + options.latencyMs;
		const randomReject =
			options.randomRejects !== undefined && nextRandom() < options.randomRejects;
		if (tokens >= 1 && !randomReject) {
			tokens -= 1;
			accepted++;
			pacer.onAccepted(answeredAt);
			ready[worker] = answeredAt;
		} else {
			rejected++;
			pacer.onRateLimited(answeredAt);
			// The transport waits Retry-After (1 s) before this item's next try.
			ready[worker] = answeredAt + 1000;
		}
		end = Math.max(end, answeredAt);
	}
	return {
		seconds: end / 1000,
		rejected,
		rejectedShare: rejected / (accepted + rejected),
		rate: pacer.currentRate,
	};
}

describe('adaptive pacer', () => {
	it('sends without any delay before the first 429', () => {
		const pacer = new AdaptivePacer();
		expect([pacer.reserve(0), pacer.reserve(0), pacer.reserve(1)]).toEqual([0, 0, 0]);
		expect(pacer.currentRate).toBe(Infinity);
	});

	it('cuts back to 70 % of what it was sending at the first 429 and spaces requests accordingly', () => {
		const pacer = new AdaptivePacer();
		for (let index = 0; index < 20; index++) pacer.reserve(index * 5);
		pacer.onRateLimited(100);
		expect(pacer.currentRate).toBeCloseTo(140, 0);
		expect(pacer.reserve(100)).toBe(0);
		expect(pacer.reserve(100)).toBeCloseTo(1000 / 140, 1);
	});

	it('settles just under a 100/s limit: 2,000 sends within 1.05 × the floor and under 1 % 429s', () => {
		const result = simulate({ requests: 2000, workers: 10, rate: 100, latencyMs: 50 });
		expect(result.seconds).toBeLessThan(1.05 * 20);
		expect(result.rejectedShare).toBeLessThan(0.01);
	});

	it('climbs back within the target when its first cut lands far below the limit', () => {
		// On a busy client the rate measured at the first 429 can be half the real one; the pacer
		// then probes upwards fast until a second 429 measures the limit. Without the probe
		// (growing 1 % a second, as after a measured 429) this run takes about 1.4 × the floor.
		const lowFirstCut = { firstCut: 0.35 };
		const result = simulate({
			requests: 2000,
			workers: 10,
			rate: 100,
			latencyMs: 50,
			cpuMs: 6,
			settings: lowFirstCut,
		});
		expect(result.seconds).toBeLessThan(1.05 * 20);
		expect(result.rejectedShare).toBeLessThan(0.01);
		const slow = simulate({
			requests: 2000,
			workers: 10,
			rate: 100,
			latencyMs: 50,
			cpuMs: 6,
			settings: { ...lowFirstCut, probeGrowthPerSecond: 0.01 },
		});
		expect(slow.seconds).toBeGreaterThan(1.2 * 20);
	});

	it('adapts to a higher limit as well (1,000/s)', () => {
		const result = simulate({ requests: 10_000, workers: 40, rate: 1000, latencyMs: 20 });
		expect(result.seconds).toBeLessThan(1.1 * 10);
		expect(result.rejectedShare).toBeLessThan(0.02);
	});

	it('does not crawl when 429s come at random rather than from a limit', () => {
		// 10 % random rejects and a generous limit. Without the floor (half the best accepted rate)
		// the rate falls to 1 a second and the run takes half an hour of virtual time.
		const result = simulate({
			requests: 2000,
			workers: 10,
			rate: 10_000,
			latencyMs: 10,
			randomRejects: 0.1,
		});
		expect(result.rate).toBeGreaterThan(50);
		expect(result.seconds).toBeLessThan(40);
	});
});
