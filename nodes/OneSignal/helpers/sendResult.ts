/**
 * Reading the answer to POST /notifications. OneSignal answers 200 in three different situations:
 * sent to everyone, sent to some (`errors` lists the unreachable recipients), and sent to no one
 * (`id` is empty). Only the first is plainly a success; this module tells them apart.
 */

export interface SendOutcome {
	/** False when OneSignal created no message at all. */
	sent: boolean;
	id: string;
	/** Recipients OneSignal could not reach, by kind (external_id, subscription ID, email, …). */
	unreachable: Record<string, string[]>;
	/** Every other error or warning line OneSignal returned. */
	messages: string[];
	recipients?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
	if (Array.isArray(value))
		return value.map((entry) => (isRecord(entry) ? JSON.stringify(entry) : String(entry)));
	if (value === undefined || value === null) return [];
	return [String(value)];
}

/** Keys under `errors` that list recipients rather than describe a problem. */
const RECIPIENT_ERROR_KEYS: Record<string, string> = {
	invalid_player_ids: 'subscription_id',
	invalid_subscription_ids: 'subscription_id',
	invalid_external_user_ids: 'external_id',
	invalid_email_tokens: 'email',
	invalid_emails: 'email',
	invalid_phone_numbers: 'phone_number',
};

export function interpretSendResponse(body: unknown): SendOutcome {
	const record = isRecord(body) ? body : {};
	const id = typeof record.id === 'string' ? record.id : '';
	const unreachable: Record<string, string[]> = {};
	const messages: string[] = [];
	const add = (kind: string, values: string[]) => {
		if (values.length === 0) return;
		unreachable[kind] = [...(unreachable[kind] ?? []), ...values];
	};

	const { errors } = record;
	if (Array.isArray(errors)) {
		messages.push(...strings(errors));
	} else if (isRecord(errors)) {
		for (const [key, value] of Object.entries(errors)) {
			if (key === 'invalid_aliases' && isRecord(value)) {
				for (const [label, ids] of Object.entries(value)) add(label, strings(ids));
			} else if (RECIPIENT_ERROR_KEYS[key]) {
				add(RECIPIENT_ERROR_KEYS[key], strings(value));
			} else {
				messages.push(`${key}: ${strings(value).join(', ')}`);
			}
		}
	} else if (typeof errors === 'string') {
		messages.push(errors);
	}
	if (Array.isArray(record.warnings)) messages.push(...strings(record.warnings));

	return {
		sent: id !== '',
		id,
		unreachable,
		messages,
		recipients: typeof record.recipients === 'number' ? record.recipients : undefined,
	};
}

export function countUnreachable(unreachable: Record<string, string[]>): number {
	return Object.values(unreachable).reduce((sum, list) => sum + list.length, 0);
}

/**
 * The label OneSignal uses in `errors` for a recipient of this Send To kind, so recipients the node
 * reports itself (a request that reached nobody) read like the ones OneSignal reports.
 */
export function recipientKind(target: { mode: string; aliasLabel?: string }): string {
	switch (target.mode) {
		case 'aliases':
			return target.aliasLabel ?? 'alias';
		case 'subscriptionIds':
			return 'subscription_id';
		case 'emails':
			return 'email';
		case 'phoneNumbers':
			return 'phone_number';
		default:
			return 'external_id';
	}
}
