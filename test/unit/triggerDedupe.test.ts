import {
	loadSeenIds,
	mergeSeenIds,
	pruneSeenIds,
	rememberId,
	type SeenIds,
} from '../../nodes/OneSignalTrigger/helpers/dedupe';

const limits = { windowMs: 60_000, maxEntries: 3 };
const empty = (): SeenIds => ({ ids: [], expiresAt: [] });

describe('the memory of seen event IDs', () => {
	it('says an ID is new the first time and a duplicate the second time', () => {
		const first = rememberId(empty(), 'a', 1_000, limits);
		expect(first.isNew).toBe(true);
		const second = rememberId(first.state, 'a', 2_000, limits);
		expect(second.isNew).toBe(false);
	});

	it('forgets an ID once its window has passed', () => {
		const first = rememberId(empty(), 'a', 0, limits);
		expect(rememberId(first.state, 'a', 59_999, limits).isNew).toBe(false);
		expect(rememberId(first.state, 'a', 60_000, limits).isNew).toBe(true);
	});

	it('does not extend the window when a duplicate arrives', () => {
		let state = rememberId(empty(), 'a', 0, limits).state;
		state = rememberId(state, 'a', 50_000, limits).state;
		expect(rememberId(state, 'a', 60_001, limits).isNew).toBe(true);
	});

	it('keeps at most maxEntries IDs and forgets the oldest first', () => {
		let state = empty();
		for (const [index, id] of ['a', 'b', 'c', 'd'].entries()) {
			state = rememberId(state, id, index, limits).state;
		}
		expect(state.ids).toEqual(['b', 'c', 'd']);
		expect(rememberId(state, 'a', 10, limits).isNew).toBe(true);
		expect(rememberId(state, 'd', 10, limits).isNew).toBe(false);
	});

	it('drops expired entries when pruning, whatever their number', () => {
		const state = { ids: ['a', 'b', 'c'], expiresAt: [10, 20, 30] };
		expect(pruneSeenIds(state, 20, 10)).toEqual({ ids: ['c'], expiresAt: [30] });
	});

	it('takes an explicit expiry for records that must be remembered longer or shorter', () => {
		const state = rememberId(empty(), 'x', 0, limits, 5).state;
		expect(rememberId(state, 'x', 5, limits).isNew).toBe(true);
	});

	it.each([
		['nothing stored', undefined],
		['a string', 'oops'],
		['lists of different lengths', { ids: ['a'], expiresAt: [] }],
		['non-string IDs', { ids: [1], expiresAt: [5] }],
	])('starts empty from %s', (_, stored) => {
		expect(loadSeenIds(stored)).toEqual(empty());
	});

	it('loads a stored memory as a copy', () => {
		const stored = { ids: ['a'], expiresAt: [99] };
		const loaded = loadSeenIds(stored);
		loaded.ids.push('b');
		expect(stored.ids).toEqual(['a']);
	});

	it('merges two memories, keeping the later expiry and the order seen', () => {
		const merged = mergeSeenIds(
			{ ids: ['a', 'b'], expiresAt: [10, 30] },
			{ ids: ['b', 'c'], expiresAt: [40, 20] },
		);
		expect(merged).toEqual({ ids: ['a', 'c', 'b'], expiresAt: [10, 20, 40] });
	});
});
