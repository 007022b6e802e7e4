import { StandInState } from '../standin/state';

/** The stand-in's additions for large runs: a fast alias lookup, a stored history, a clean slate. */
describe('stand-in state for large runs', () => {
	const APP = 'app-1';

	it('finds users by alias after aliases move, disappear or users are deleted', () => {
		const state = new StandInState();
		const ada = state.addUser(APP, { external_id: 'ada' }, [{ channel: 'push' }]);
		const grace = state.addUser(APP, { external_id: 'grace' }, [{ channel: 'push' }]);
		expect(state.userByAlias('external_id', 'ada')).toBe(ada);
		expect(state.userByAlias('external_id', 'ada')).toBe(ada);

		// Routes change identities in place: the remembered hit must not outlive that.
		delete ada.identity.external_id;
		grace.identity.external_id = 'ada';
		expect(state.userByAlias('external_id', 'ada')).toBe(grace);
		state.users.delete(grace.onesignalId);
		expect(state.userByAlias('external_id', 'ada')).toBeUndefined();
		expect(state.userByAlias('external_id', 'nobody')).toBeUndefined();
	});

	it('stores a message history at once, oldest first, and forgets it with the counters', () => {
		const state = new StandInState();
		state.storeSentMessages(APP, 3, 10_000_000);
		expect(state.messageOrder).toHaveLength(3);
		const stored = state.messageOrder.map((id) => state.messages.get(id)!);
		expect(stored.map((message) => message.createdAt)).toEqual([9_997_000, 9_998_000, 9_999_000]);
		expect(stored.every((message) => message.appId === APP)).toBe(true);

		state.countCreation('key-1', ['external_id:ada']);
		state.countCreation('key-1', ['external_id:ada']);
		expect(state.stats()).toMatchObject({ duplicateKeys: 1, duplicateRecipients: 1 });
		state.clearMessages();
		expect(state.stats()).toEqual({
			messages: 0,
			distinctRecipients: 0,
			duplicateKeys: 0,
			duplicateRecipients: 0,
		});
		expect(state.messageOrder).toEqual([]);
	});
});
