import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	type BatchMember,
	planBatch,
	RECIPIENT_LIST_FIELDS,
	type RequestOutcome,
	settingsDifference,
	indexUnreachable,
	unreachableOf,
} from '../../helpers/batchSend';
import { batchIdempotencyKey, userIdempotencyKey } from '../../helpers/idempotency';
import {
	planSend,
	type SendInput,
	type SendRequestPlan,
	type TargetMode,
} from '../../helpers/messageBody';
import { countUnreachable, interpretSendResponse } from '../../helpers/sendResult';
import { ParameterError } from '../../helpers/validation';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { errorForItem, itemIdentity } from '../common';
import type { OperationResult } from '../types';

/** Send To options whose recipients are listed, and so can be gathered from many items. */
export const LIST_MODES: TargetMode[] = [
	'externalIds',
	'aliases',
	'subscriptionIds',
	'emails',
	'phoneNumbers',
];

export const sendModeField: INodeProperties = {
	displayName: 'Send As',
	name: 'sendMode',
	type: 'options',
	default: 'perItem',
	options: [
		{
			name: 'One Message per Item',
			value: 'perItem',
			description: 'Each item sends its own message to its own recipients, e.g. personalised texts',
		},
		{
			name: 'One Message to All Incoming Items',
			value: 'batch',
			description:
				'The recipients of every item get the same message, sent in requests of up to 2,000 recipients each (an announcement to a list). Content and settings come from the first item.',
		},
	],
	description:
		'With one message to all items, the content, channel and settings are read from the first item; an item whose content or settings differ fails instead of being sent something else',
	displayOptions: { show: { sendTo: LIST_MODES } },
};

/** One item of the Send operation, read and checked; nothing is sent yet. */
export interface SendItem {
	input: SendInput;
	/** The item's own requests, as a per-item send would make them. */
	plans: SendRequestPlan[];
	/** The Idempotency Key field, trimmed; empty for a derived key. */
	userKey: string;
	failIfUnreachable: boolean;
}

export type SendItemReader = (
	this: IExecuteFunctions,
	itemIndex: number,
	appId: string,
) => SendItem;

interface Member extends BatchMember {
	item: SendItem;
}

/** Everything of an item's send that is not a recipient, under names the user can find. */
function settingsOf(item: SendItem): Record<string, unknown> {
	const { target, channel } = item.input;
	const body: Record<string, unknown> = { ...item.plans[0].body };
	for (const field of RECIPIENT_LIST_FIELDS) delete body[field];
	const settings: Record<string, unknown> = {
		channel,
		sendTo: target.mode,
		...body,
		idempotencyKey: item.userKey || undefined,
		failIfUnreachable: item.failIfUnreachable,
	};
	if (target.mode === 'aliases') settings.aliasLabel = target.aliasLabel;
	return settings;
}

/** OneSignal reports subscription IDs and addresses in its own case. */
function normaliserFor(mode: TargetMode): (value: string) => string {
	return mode === 'subscriptionIds' || mode === 'emails'
		? (value) => value.toLowerCase()
		: (value) => value;
}

function toThrowable(
	context: IExecuteFunctions,
	error: Error,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	if (error instanceof ParameterError) {
		return new NodeOperationError(context.getNode(), error.message, {
			itemIndex,
			description: `${error.hint} Nothing was sent.`,
		});
	}
	return new NodeOperationError(context.getNode(), error, { itemIndex });
}

/**
 * Reads every item, takes the message from the first one that is valid and checks that no other
 * item asks for something different (which one shared message could not honour). Without
 * "Continue On Fail" any problem stops the node before anything is sent.
 */
function gatherMembers(
	context: IExecuteFunctions,
	itemIndexes: number[],
	appId: string,
	read: SendItemReader,
	outcomes: Map<number, OperationResult | Error>,
): Member[] {
	const members: Member[] = [];
	for (const itemIndex of itemIndexes) {
		try {
			const item = read.call(context, itemIndex, appId);
			if (!LIST_MODES.includes(item.input.target.mode)) {
				throw new ParameterError(
					'Send To',
					'must list recipients when sending one message to all items',
					'Choose External IDs, another alias, subscription IDs, email addresses or phone numbers; to send to segments or filters, set "Send As" to "One Message per Item" and pass one item.',
				);
			}
			members.push({
				itemIndex,
				recipients: item.plans.flatMap((plan) => plan.recipients),
				settings: settingsOf(item),
				item,
			});
		} catch (error) {
			outcomes.set(itemIndex, error as Error);
		}
	}
	const [reference] = members;
	const accepted: Member[] = [];
	for (const member of members) {
		const [first, ...others] = settingsDifference(reference, member);
		if (!first) {
			accepted.push(member);
			continue;
		}
		const origin = `item ${reference.itemIndex + 1}`;
		const text = [
			`is ${first.here} in this item but ${first.there} in ${origin}`,
			...others.map((entry) => `${entry.field} is ${entry.here} here but ${entry.there} there`),
		].join('; ');
		outcomes.set(
			member.itemIndex,
			new ParameterError(
				first.field,
				`${text}. One message to all items sends the content and settings of ${origin} to every recipient`,
				'Make the message and settings the same for every item (no item data in them), or set "Send As" to "One Message per Item" to send each item its own message.',
			),
		);
	}
	if (outcomes.size > 0 && !context.continueOnFail()) {
		const itemIndex = itemIndexes.find((index) => outcomes.has(index))!;
		throw toThrowable(context, outcomes.get(itemIndex) as Error, itemIndex);
	}
	return accepted;
}

/**
 * "One message to all incoming items": gathers the recipients of every item into as few requests
 * as OneSignal allows (2,000 recipients each), sends them one after another, each with its own
 * stable idempotency key, and gives every item its part of the result: which request carried its
 * recipients, the notification ID, and which of its recipients were unreachable.
 */
export async function sendToAllItems(
	this: IExecuteFunctions,
	itemIndexes: number[],
	read: SendItemReader,
): Promise<Array<OperationResult | Error>> {
	if (itemIndexes.length === 0) return [];
	const outcomes = new Map<number, OperationResult | Error>();
	let appId: string;
	try {
		appId = await oneSignalAppId.call(this, itemIndexes[0]);
	} catch (error) {
		// No usable credential: every item fails alike, as it would one by one.
		return itemIndexes.map(() => error as Error);
	}
	const members = gatherMembers(this, itemIndexes, appId, read, outcomes);

	if (members.length > 0) {
		const reference = members[0].item;
		const { input } = reference;
		const normalise = normaliserFor(input.target.mode);
		const plan = planBatch(members);
		const identity = itemIdentity(this, members[0].itemIndex);
		const ownerOf = (request: number) =>
			members.find((member) => plan.requestsOfItem.get(member.itemIndex)!.includes(request))!
				.itemIndex;

		const requestOutcomes: RequestOutcome[] = [];
		let stopped: Error | undefined;
		for (const [number, recipients] of plan.requests.entries()) {
			const idempotencyKey = reference.userKey
				? userIdempotencyKey(reference.userKey, number)
				: batchIdempotencyKey(identity, number);
			if (stopped) {
				requestOutcomes.push({ kind: 'failed', error: stopped, idempotencyKey });
				continue;
			}
			const [requestPlan] = planSend({ ...input, target: { ...input.target, ids: recipients } });
			try {
				const response = await oneSignalApiRequest.call(this, {
					method: 'POST',
					path: '/notifications',
					body: { ...requestPlan.body, idempotency_key: idempotencyKey } as IDataObject,
					safeToRepeat: true,
					operation: 'message.send',
					itemIndex: ownerOf(number),
				});
				const answer = interpretSendResponse(response.body);
				requestOutcomes.push(
					answer.sent
						? {
								kind: 'sent',
								response: answer,
								idempotencyKey,
								replayed: response.replayed,
								unreachable: indexUnreachable(recipients, answer.unreachable, normalise),
							}
						: { kind: 'nothingSent', response: answer, idempotencyKey },
				);
			} catch (error) {
				requestOutcomes.push({ kind: 'failed', error: error as Error, idempotencyKey });
				if (!this.continueOnFail()) {
					stopped = new ParameterError(
						'Send As',
						`request ${number + 2} and later were not sent, because request ${number + 1} of ${plan.requests.length} failed: ${(error as Error).message}`,
						'Fix the cause and run the node again; requests OneSignal already accepted are not sent twice.',
					);
				}
			}
		}

		// A failed item can stop the node after other requests of the batch went out; its error says
		// which, so nobody re-runs the workflow believing nothing was sent.
		const sentRequests = requestOutcomes
			.map((outcome, index) =>
				outcome.kind === 'sent' ? `${index + 1} (${outcome.response.id})` : '',
			)
			.filter(Boolean);
		const sentNote = sentRequests.length
			? ` Requests ${sentRequests.join(', ')} of this batch were sent; without a business Idempotency Key, running the workflow again sends them again.`
			: '';
		for (const member of members) {
			outcomes.set(
				member.itemIndex,
				itemOutcome(this, member, plan.requests, plan.requestsOfItem.get(member.itemIndex)!, {
					outcomes: requestOutcomes,
					normalise,
					totalRecipients: plan.recipients,
					sentNote,
				}),
			);
		}
	}

	return itemIndexes.map(
		(itemIndex) =>
			outcomes.get(itemIndex) ??
			new ParameterError('Send As', 'the item was not processed', 'Run the node again.'),
	);
}

function itemOutcome(
	context: IExecuteFunctions,
	member: Member,
	requests: string[][],
	mine: number[],
	batch: {
		outcomes: RequestOutcome[];
		normalise: (value: string) => string;
		totalRecipients: number;
		/** Which requests of the batch went out, for the errors of failed items. */
		sentNote: string;
	},
): OperationResult | Error {
	const { itemIndex, item } = member;
	const sentIds = mine
		.map((index) => batch.outcomes[index])
		.filter((outcome) => outcome.kind === 'sent')
		.map((outcome) => (outcome.kind === 'sent' ? outcome.response.id : ''));
	const alsoSent = sentIds.length
		? ` The item's other recipients were sent the message as ${sentIds.join(', ')}.`
		: '';

	for (const index of mine) {
		const outcome = batch.outcomes[index];
		if (outcome.kind === 'failed') {
			return errorForItem(context, outcome.error, itemIndex);
		}
		if (outcome.kind === 'nothingSent') {
			return new NodeApiError(context.getNode(), {} as JsonObject, {
				message: `OneSignal sent nothing to request ${index + 1} of ${requests.length}: ${outcome.response.messages[0] ?? 'no recipient could be reached'}`,
				description: `None of the ${requests[index].length} recipients of that request has an active subscription on this channel. Check that they exist in OneSignal (Audience → Users) and are subscribed.${alsoSent}${batch.sentNote}`,
				httpCode: '200',
				itemIndex,
			});
		}
	}

	const unreachable: Record<string, string[]> = {};
	const messages: string[] = [];
	for (const index of mine) {
		const outcome = batch.outcomes[index];
		if (outcome.kind !== 'sent') continue;
		for (const [kind, values] of Object.entries(
			unreachableOf(member.recipients, outcome.unreachable, batch.normalise),
		)) {
			unreachable[kind] = [...(unreachable[kind] ?? []), ...values];
		}
		messages.push(...outcome.response.messages, ...outcome.unreachable.unattributed);
	}
	const unreachableCount = countUnreachable(unreachable);
	// As in one message per item: an item none of whose recipients could be reached sent nothing,
	// whichever other items shared its request.
	if (unreachableCount > 0 && unreachableCount >= member.recipients.length) {
		return new NodeApiError(context.getNode(), {} as JsonObject, {
			message: `OneSignal sent nothing to this item's recipients: none of its ${member.recipients.length} has an active subscription on this channel`,
			description: `Check that they exist in OneSignal (Audience → Users) and are subscribed. The message itself went out to the batch's other recipients.${batch.sentNote}`,
			httpCode: '200',
			itemIndex,
		});
	}
	if (unreachableCount > 0 && item.failIfUnreachable) {
		const listed = Object.entries(unreachable)
			.map(([kind, values]) => `${kind} ${values.join(', ')}`)
			.join('; ');
		return new NodeOperationError(
			context.getNode(),
			`${unreachableCount} recipient${unreachableCount === 1 ? '' : 's'} of this item could not be reached: ${listed}`,
			{
				itemIndex,
				description: `The message was sent to the reachable recipients (${sentIds.join(', ')}). Turn off "Fail If Any Recipient Is Unreachable" to treat this as a success.`,
			},
		);
	}

	const sent = mine.map((index) => ({ index, outcome: batch.outcomes[index] }));
	const [first] = sent;
	const firstOutcome = first.outcome as Extract<RequestOutcome, { kind: 'sent' }>;
	const result: IDataObject = {
		id: firstOutcome.response.id,
		replayed: sent.every(({ outcome }) => outcome.kind === 'sent' && outcome.replayed),
		idempotencyKey: firstOutcome.idempotencyKey,
		channel: item.input.channel,
		recipients: member.recipients.length,
		request: first.index + 1,
		requests: requests.length,
		batchRecipients: batch.totalRecipients,
	};
	if (sent.length > 1) {
		result.notifications = sent.map(({ index, outcome }) => ({
			request: index + 1,
			id: outcome.kind === 'sent' ? outcome.response.id : '',
			idempotencyKey: outcome.idempotencyKey,
		}));
	}
	if (unreachableCount > 0) {
		result.unreachable = unreachable;
		result.unreachableCount = unreachableCount;
	}
	if (messages.length) result.messages = [...new Set(messages)];
	return result;
}
