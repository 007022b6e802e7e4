/**
 * Adaptive pacing for one kind of request (one endpoint) within one run of the node. OneSignal
 * limits each endpoint per app and does not announce the limit, so the pacer learns it: it sends
 * freely until the first 429, cuts its pace back, then holds the rate just under what OneSignal
 * accepted and probes upwards slowly, so a long run settles under the limit instead of bursting
 * into 429s. Pure logic with the clock passed in; the transport does the waiting.
 */

export interface PacerSettings {
	/** Share of the sending rate to fall back to at the first 429, when the limit is unknown. */
	firstCut: number;
	/** Share of the measured accepted rate to fall back to after a 429. */
	backoffFactor: number;
	/**
	 * Growth per second after the first 429, while the limit is only a guess (0.2 = 20 % a
	 * second). The first cut is taken from a rate measured over a fraction of a second on a busy
	 * client and often lands far below the limit; the next 429 measures the limit itself.
	 */
	probeGrowthPerSecond: number;
	/** Growth per second right after a measured slow-down (0.01 = 1 % a second); it doubles
	 * every `growthDoublingMs` without a 429, up to `maxGrowthPerSecond`. */
	growthPerSecond: number;
	growthDoublingMs: number;
	maxGrowthPerSecond: number;
	/** 429s closer together than this after a slow-down belong to the same burst. */
	decreaseCooldownMs: number;
	/** The window over which sent and accepted rates are measured. */
	windowMs: number;
	/** Never pace below this many requests a second. */
	minRate: number;
	/**
	 * Never pace below this share of the best rate OneSignal has accepted in this run. 429s that
	 * do not come from the endpoint's limit (another workflow's burst, a per-user limit) would
	 * otherwise ratchet the rate down to a crawl.
	 */
	floorShare: number;
}

export const DEFAULT_PACER_SETTINGS: PacerSettings = {
	firstCut: 0.7,
	probeGrowthPerSecond: 0.5,
	backoffFactor: 0.97,
	growthPerSecond: 0.01,
	growthDoublingMs: 4000,
	maxGrowthPerSecond: 0.16,
	decreaseCooldownMs: 300,
	windowMs: 1000,
	minRate: 1,
	floorShare: 0.5,
};

export class AdaptivePacer {
	/** Requests a second; Infinity until OneSignal first says "too many". */
	private rate = Infinity;
	private nextSlot = 0;
	private lastDecrease = -Infinity;
	private lastGrowth = 0;
	/** When the first 429 arrived. Accepted requests before it include the limiter's burst. */
	private limitedSince: number | undefined;
	/** Whether a 429 after the first one has measured the limit. */
	private measured = false;
	private sentAt: number[] = [];
	private acceptedAt: number[] = [];
	private firstSent: number | undefined;
	private peakAccepted = 0;

	constructor(private readonly settings: PacerSettings = DEFAULT_PACER_SETTINGS) {}

	/** The rate the pacer holds now, in requests a second (Infinity before the first 429). */
	get currentRate(): number {
		return this.rate;
	}

	/** Reserves the next sending slot and returns how long to wait for it, in milliseconds. */
	reserve(now: number): number {
		this.grow(now);
		let slot = now;
		if (Number.isFinite(this.rate)) {
			slot = Math.max(now, this.nextSlot);
			this.nextSlot = slot + 1000 / this.rate;
		}
		this.firstSent ??= slot;
		this.record(this.sentAt, slot, now);
		return slot - now;
	}

	onAccepted(now: number): void {
		this.record(this.acceptedAt, now, now);
		if (this.firstSent !== undefined && now - this.firstSent >= this.settings.windowMs / 4) {
			this.peakAccepted = Math.max(
				this.peakAccepted,
				this.rateOf(this.acceptedAt, now, this.firstSent),
			);
		}
	}

	private floor(): number {
		return Math.max(this.settings.minRate, this.peakAccepted * this.settings.floorShare);
	}

	onRateLimited(now: number): void {
		if (this.limitedSince === undefined) {
			// The first 429: what we sent was too much, by how much is unknown. Cut it back; the
			// next 429 then measures the limit itself.
			this.limitedSince = now;
			const sent = this.rateOf(this.sentAt, now, this.firstSent ?? now);
			this.rate = Math.max(this.floor(), sent * this.settings.firstCut);
			this.nextSlot = now;
			this.lastDecrease = now;
			this.lastGrowth = now;
			return;
		}
		if (now - this.lastDecrease < this.settings.decreaseCooldownMs) return;
		// Since the first 429 the limiter's burst is spent, so what it accepted is its true rate.
		const accepted = this.rateOf(this.acceptedAt, now, this.limitedSince);
		this.rate = Math.max(this.floor(), Math.min(this.rate, accepted) * this.settings.backoffFactor);
		this.measured = true;
		this.lastDecrease = now;
		this.lastGrowth = now;
	}

	private record(list: number[], time: number, now: number): void {
		list.push(time);
		const horizon = now - this.settings.windowMs * 2;
		while (list.length > 0 && list[0] < horizon) list.shift();
	}

	/** Events a second over the last window, not looking back before `notBefore`. */
	private rateOf(list: number[], now: number, notBefore: number): number {
		const since = Math.max(now - this.settings.windowMs, notBefore);
		const span = Math.max(now - since, 50);
		const count = list.filter((time) => time >= since && time <= now).length;
		return (count * 1000) / span;
	}

	private grow(now: number): void {
		if (!Number.isFinite(this.rate)) return;
		const seconds = (now - this.lastGrowth) / 1000;
		if (seconds <= 0) return;
		const calm = Math.floor((now - this.lastDecrease) / this.settings.growthDoublingMs);
		const growth = this.measured
			? Math.min(this.settings.maxGrowthPerSecond, this.settings.growthPerSecond * 2 ** calm)
			: this.settings.probeGrowthPerSecond;
		this.rate *= (1 + growth) ** seconds;
		this.lastGrowth = now;
	}
}
