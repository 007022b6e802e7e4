import { KeySerializer } from '../../nodes/OneSignal/actions/serializer';
import { oneSignalApiRequest, waitUnlessCancelled } from '../../nodes/OneSignal/transport';
import { appCredentials, createContext } from '../support/context';

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

/**
 * A network failure as n8n 2.33's httpRequestWithAuthentication throws it: a NodeApiError that
 * keeps the Node.js error code only in `httpCode`, with no `cause` (2.41 keeps the cause).
 */
function n8n233NetworkError(code: string): Error {
	return Object.assign(new Error(`connect ${code} 127.0.0.1:1`), {
		name: 'NodeApiError',
		httpCode: code,
		messages: [`connect ${code} 127.0.0.1:1`],
	});
}

describe('network failures as n8n 2.33 reports them', () => {
	async function post(failures: Error[], safeToRepeat: boolean) {
		const queue = [...failures];
		const test = createContext({
			parameters: { resource: 'message', operation: 'get', messageId: 'x' },
			credentials: appCredentials(),
			http: async () => {
				const next = queue.shift();
				if (next) throw next;
				return { statusCode: 200, headers: {}, body: { id: 'n1' } };
			},
		});
		await oneSignalApiRequest.call(test.context, {
			method: 'POST',
			path: '/notifications',
			operation: 'test.op',
			itemIndex: 0,
			safeToRepeat,
		});
		return test.calls.length;
	}

	it('resends a send with an idempotency key after a dropped connection', async () => {
		expect(await post([n8n233NetworkError('ECONNRESET')], true)).toBe(2);
	});

	it('resends even a write without a key after a refused connection, as nothing was sent', async () => {
		expect(await post([n8n233NetworkError('ECONNREFUSED')], false)).toBe(2);
	});
});
