import { waitUnlessCancelled } from '../transport';

/** OneSignal accepts one write a second per user or subscription. */
const MIN_SPACING_MS = 1000;

/**
 * Lets items that write to the same user or subscription run one after another, each starting at
 * least a second after the previous one, while items for other users run concurrently.
 */
export class KeySerializer {
	private tails = new Map<string, Promise<void>>();
	private lastStart = new Map<string, number>();

	constructor(private readonly signal?: AbortSignal) {}

	/** Waits for the key's turn; call the returned function when the item is done. */
	async acquire(key: string): Promise<() => void> {
		const previous = this.tails.get(key) ?? Promise.resolve();
		let release!: () => void;
		const done = new Promise<void>((resolve) => (release = resolve));
		const tail = previous.then(() => done);
		this.tails.set(key, tail);
		await previous;
		const wait = (this.lastStart.get(key) ?? -Infinity) + MIN_SPACING_MS - Date.now();
		// Not n8n-workflow's sleep(ms, signal): the one in n8n 2.33 ignores the signal.
		if (wait > 0) await waitUnlessCancelled(wait, this.signal);
		this.lastStart.set(key, Date.now());
		return () => {
			release();
			if (this.tails.get(key) === tail) this.tails.delete(key);
		};
	}
}
