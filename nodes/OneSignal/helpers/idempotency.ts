import { createHash, randomUUID } from 'crypto';

import { ParameterError } from './validation';

/**
 * Idempotency keys for OneSignal. The API takes `idempotency_key` as a body field that must be a
 * UUID; a repeat with the same key within 30 days sends nothing and returns the first result.
 * The keys made here are stable: the same execution, node, run and item always give the same key,
 * so the transport's own retries and n8n's "Retry On Fail" (which re-runs the node inside the same
 * execution) can never send a message twice.
 */

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Our own namespace for name-based (version 5) UUIDs; any fixed UUID works, this one is ours. */
const PACKAGE_NAMESPACE = '0b6c1b9e-8f0e-4a57-9d0c-6e2f4f1a3c55';

export function isUuid(value: string): boolean {
	return UUID_PATTERN.test(value);
}

function uuidBytes(uuid: string): Buffer {
	return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

function formatUuid(bytes: Buffer): string {
	const hex = bytes.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** RFC 9562 version 5 UUID: SHA-1 of namespace + name, with the version and variant bits set. */
export function uuidV5(name: string, namespace: string = PACKAGE_NAMESPACE): string {
	const hash = createHash('sha1')
		.update(uuidBytes(namespace))
		.update(Buffer.from(name, 'utf8'))
		.digest();
	const bytes = Buffer.from(hash.subarray(0, 16));
	bytes[6] = (bytes[6] & 0x0f) | 0x50;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	return formatUuid(bytes);
}

export function uuidV4(): string {
	return randomUUID();
}

export interface ItemIdentity {
	/** The n8n instance: execution IDs start at 1 on every instance, and imported workflows keep
	 * their node IDs, so without it staging and production could share keys. */
	instanceId: string;
	workflowId: string;
	executionId: string;
	nodeId: string;
	runIndex: number;
	itemIndex: number;
}

/**
 * The key for one request of one item. `part` tells apart the requests one item makes when its
 * recipients are split into chunks, or the events of one batch.
 *
 * Manual test runs in the editor have no execution ID before they are saved; then a random
 * execution-wide value keeps retries inside the run safe, and nothing spans two runs.
 */
export function derivedIdempotencyKey(identity: ItemIdentity, part = 0): string {
	return uuidV5(nodeRunName(identity, identity.itemIndex, part));
}

/**
 * The key for one request of a batch send: one message to the recipients of all items, so the
 * node run names it rather than an item. Request numbers are positions: a retry of the same items
 * builds the same requests.
 */
export function batchIdempotencyKey(identity: ItemIdentity, request: number): string {
	return uuidV5(nodeRunName(identity, 'batch', request));
}

/**
 * A random value of this n8n process. Execution IDs start again at 1 in a new database, and an
 * instance that shares the encryption key (a restored backup, a staging copy, a container with a
 * fixed N8N_ENCRYPTION_KEY) has the same instance ID, so without it a new message could get the
 * key of an old one and be answered with the old result, never sent. Derived keys need to hold
 * only within one execution (the request helper's retries and n8n's Retry On Fail), which always
 * runs in one process, so nothing is lost by it.
 */
const PROCESS_NONCE = randomUUID();

function nodeRunName(identity: ItemIdentity, ...parts: Array<string | number>): string {
	return [
		'n8n-execution',
		PROCESS_NONCE,
		identity.instanceId,
		identity.workflowId,
		identity.executionId,
		identity.nodeId,
		identity.runIndex,
		...parts,
	].join('/');
}

/**
 * Reads the "Idempotency Key" field of Additional Fields. Absent, empty or null: '' (the node derives a
 * key); an empty value is how a workflow says "this row has no business key", e.g.
 * `{{ $json.businessKey ?? '' }}`. A number is used as its text, since `{{ $json.orderId }}` holding
 * 1001 means the key 1001. A list, an object or a boolean is refused: falling back to a derived key
 * would quietly turn off the protection the user asked for, and the next run would send again.
 */
export function readUserKeyField(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'number') {
		throw new ParameterError(
			'Idempotency Key',
			`the expression gave ${String(value)}, not a usable number`,
			'Check the fields the expression reads: one of them is missing or not a number.',
		);
	}
	if (typeof value !== 'string') {
		throw new ParameterError(
			'Idempotency Key',
			`got ${Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`} where text is needed`,
			'Map one text or number field, such as order-{{ $json.orderId }}.',
		);
	}
	return value.trim();
}

/**
 * Turns what the user typed into the "Idempotency Key" field into the UUID OneSignal needs: a UUID
 * is used as is (lower-cased), anything else becomes a name-based UUID of the trimmed text, so
 * `order-1042` always maps to the same key, in any workflow and any execution.
 */
export function userIdempotencyKey(text: string, part = 0): string {
	const trimmed = text.trim();
	if (isUuid(trimmed) && part === 0) return trimmed.toLowerCase();
	return uuidV5(part === 0 ? `user-key/${trimmed}` : `user-key/${trimmed}#${part}`);
}
