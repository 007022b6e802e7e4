import {
	batchIdempotencyKey,
	derivedIdempotencyKey,
	isUuid,
	userIdempotencyKey,
	uuidV5,
} from '../../nodes/OneSignal/helpers/idempotency';

const identity = {
	instanceId: 'instance-a',
	workflowId: 'wf-1',
	executionId: '812',
	nodeId: 'a1b2',
	runIndex: 0,
	itemIndex: 3,
};

describe('idempotency keys', () => {
	it('computes RFC 9562 version 5 UUIDs (DNS namespace test vector)', () => {
		// The example of RFC 9562 appendix A.4: "www.example.com" in the DNS namespace.
		expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
			'2ed6657d-e927-568b-95e1-2665a8aea6a2',
		);
	});

	it('gives the same key for the same execution, node, run and item', () => {
		expect(derivedIdempotencyKey(identity)).toBe(derivedIdempotencyKey({ ...identity }));
	});

	it('gives a different key when any part of the identity differs', () => {
		const base = derivedIdempotencyKey(identity);
		expect(derivedIdempotencyKey({ ...identity, executionId: '813' })).not.toBe(base);
		// Execution 812 of the same imported workflow on another n8n instance is another event.
		expect(derivedIdempotencyKey({ ...identity, instanceId: 'instance-b' })).not.toBe(base);
		expect(derivedIdempotencyKey({ ...identity, workflowId: 'wf-2' })).not.toBe(base);
		expect(derivedIdempotencyKey({ ...identity, nodeId: 'other' })).not.toBe(base);
		expect(derivedIdempotencyKey({ ...identity, runIndex: 1 })).not.toBe(base);
		expect(derivedIdempotencyKey({ ...identity, itemIndex: 4 })).not.toBe(base);
		expect(derivedIdempotencyKey(identity, 1)).not.toBe(base);
	});

	it('gives each request of a batch send a key of its node run, on this instance and workflow', () => {
		const base = batchIdempotencyKey(identity, 0);
		expect(batchIdempotencyKey({ ...identity }, 0)).toBe(base);
		// The batch is one send of the whole run: the item index plays no part.
		expect(batchIdempotencyKey({ ...identity, itemIndex: 9 }, 0)).toBe(base);
		expect(batchIdempotencyKey(identity, 1)).not.toBe(base);
		expect(batchIdempotencyKey({ ...identity, instanceId: 'instance-b' }, 0)).not.toBe(base);
		expect(batchIdempotencyKey({ ...identity, workflowId: 'wf-2' }, 0)).not.toBe(base);
		expect(batchIdempotencyKey({ ...identity, executionId: '813' }, 0)).not.toBe(base);
		expect(batchIdempotencyKey({ ...identity, runIndex: 1 }, 0)).not.toBe(base);
		expect(isUuid(base)).toBe(true);
	});

	it('gives another n8n process other keys for the same execution ID', () => {
		// A restored backup or a staging copy with the same encryption key has the same instance
		// ID and counts executions from 1 again: its execution 812 is not this one.
		jest.isolateModules(() => {
			const { derivedIdempotencyKey: inAnotherProcess, batchIdempotencyKey: batchInAnother } =
				jest.requireActual<typeof import('../../nodes/OneSignal/helpers/idempotency')>(
					'../../nodes/OneSignal/helpers/idempotency',
				);
			expect(inAnotherProcess(identity)).not.toBe(derivedIdempotencyKey(identity));
			expect(batchInAnother(identity, 0)).not.toBe(batchIdempotencyKey(identity, 0));
			expect(isUuid(inAnotherProcess(identity))).toBe(true);
		});
	});

	it('produces valid UUIDs, as OneSignal requires', () => {
		expect(isUuid(derivedIdempotencyKey(identity))).toBe(true);
		expect(isUuid(userIdempotencyKey('order-1042'))).toBe(true);
	});

	it('uses a UUID typed by the user as it is', () => {
		expect(userIdempotencyKey(' 1DD608F2-C6A1-41E3-851D-000C2940E62C ')).toBe(
			'1dd608f2-c6a1-41e3-851d-000c2940e62c',
		);
	});

	it('turns any other text into the same UUID every time, ignoring surrounding spaces', () => {
		expect(userIdempotencyKey('order-1042')).toBe(userIdempotencyKey(' order-1042 '));
		expect(userIdempotencyKey('order-1042')).not.toBe(userIdempotencyKey('order-1043'));
	});

	it('gives each chunk of a split send its own key', () => {
		expect(userIdempotencyKey('order-1042', 1)).not.toBe(userIdempotencyKey('order-1042', 0));
		expect(isUuid(userIdempotencyKey('1dd608f2-c6a1-41e3-851d-000c2940e62c', 2))).toBe(true);
	});
});
