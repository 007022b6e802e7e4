/**
 * A bounded memory of recently seen IDs with an expiry, kept in the workflow's static data.
 * OneSignal delivers Event Streams and Journey webhooks at least once, so the same event can
 * arrive again after a timeout or a retry; the polling trigger uses the same memory to never emit
 * a record twice where two polls overlap.
 */

export interface SeenIds {
	/** IDs in the order they were first seen, oldest first. */
	ids: string[];
	/** When each ID may be forgotten (Unix ms), parallel to `ids`. */
	expiresAt: number[];
}

export interface MemoryLimits {
	/** How long an ID is remembered. */
	windowMs: number;
	/** How many IDs at most; the oldest are forgotten first. */
	maxEntries: number;
}

/** Reads stored state, or starts empty when there is none or it has an unexpected shape. */
export function loadSeenIds(stored: unknown): SeenIds {
	if (typeof stored !== 'object' || stored === null) return { ids: [], expiresAt: [] };
	const { ids, expiresAt } = stored as Partial<SeenIds>;
	if (
		!Array.isArray(ids) ||
		!Array.isArray(expiresAt) ||
		ids.length !== expiresAt.length ||
		!ids.every((id) => typeof id === 'string') ||
		!expiresAt.every((time) => typeof time === 'number')
	) {
		return { ids: [], expiresAt: [] };
	}
	return { ids: [...ids], expiresAt: [...expiresAt] };
}

/** Drops expired IDs and, beyond `maxEntries`, the oldest ones. */
export function pruneSeenIds(state: SeenIds, nowMs: number, maxEntries: number): SeenIds {
	const ids: string[] = [];
	const expiresAt: number[] = [];
	state.ids.forEach((id, index) => {
		if (state.expiresAt[index] > nowMs) {
			ids.push(id);
			expiresAt.push(state.expiresAt[index]);
		}
	});
	const excess = Math.max(0, ids.length - Math.max(0, maxEntries));
	return { ids: ids.slice(excess), expiresAt: expiresAt.slice(excess) };
}

/**
 * Records `id` and says whether it is new. A repeat inside the window is not new and does not
 * extend the window, so a sender retrying forever cannot keep an ID alive indefinitely.
 */
export function rememberId(
	state: SeenIds,
	id: string,
	nowMs: number,
	limits: MemoryLimits,
	expiresAtMs: number = nowMs + limits.windowMs,
): { isNew: boolean; state: SeenIds } {
	const pruned = pruneSeenIds(state, nowMs, limits.maxEntries);
	if (pruned.ids.includes(id)) return { isNew: false, state: pruned };
	pruned.ids.push(id);
	pruned.expiresAt.push(expiresAtMs);
	return { isNew: true, state: pruneSeenIds(pruned, nowMs, limits.maxEntries) };
}

/**
 * Both memories in one: every ID either holds, with the later expiry where both hold it, oldest
 * first (an ID's expiry is when it was first seen plus the window, so this is the order seen).
 */
export function mergeSeenIds(first: SeenIds, second: SeenIds): SeenIds {
	const expiries = new Map<string, number>();
	for (const state of [first, second]) {
		state.ids.forEach((id, index) => {
			expiries.set(id, Math.max(expiries.get(id) ?? -Infinity, state.expiresAt[index]));
		});
	}
	const entries = [...expiries.entries()].sort((a, b) => a[1] - b[1]);
	return { ids: entries.map(([id]) => id), expiresAt: entries.map(([, time]) => time) };
}
