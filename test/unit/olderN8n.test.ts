import { KeySerializer } from '../../nodes/OneSignal/actions/serializer';
import { waitUnlessCancelled } from '../../nodes/OneSignal/transport';

// n8n-workflow as the lowest supported n8n (2.33) ships it: sleep(ms) has no abort signal.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: async (ms: number) =>
		// unref: a wait the test abandons must not keep Jest running.
		await new Promise((resolve) => setTimeout(resolve, ms).unref()),
}));

describe('waits on an n8n whose sleep ignores the cancel signal', () => {
	it('ends a backoff wait with a rejection when the execution is cancelled', async () => {
		const controller = new AbortController();
		const waiting = waitUnlessCancelled(60_000, controller.signal);
		controller.abort();
		await expect(waiting).rejects.toThrow('cancelled');
	});

	it("ends the wait for a user's turn with a rejection when the execution is cancelled", async () => {
		const controller = new AbortController();
		const serializer = new KeySerializer(controller.signal);
		const release = await serializer.acquire('user:a');
		release();
		// The second write to the same user waits a second for its turn; cancelling ends that wait.
		const second = serializer.acquire('user:a');
		controller.abort();
		await expect(second).rejects.toThrow('cancelled');
	});
});
