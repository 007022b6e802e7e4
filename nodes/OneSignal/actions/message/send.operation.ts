import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import {
	derivedIdempotencyKey,
	readUserKeyField,
	userIdempotencyKey,
} from '../../helpers/idempotency';
import { buildFilters, describeFilters, type FilterRow } from '../../helpers/filters';
import { LANGUAGES } from '../../helpers/languages';
import {
	type Channel,
	type Content,
	planSend,
	type SendInput,
	type Target,
	type TargetMode,
} from '../../helpers/messageBody';
import { checkOtherFields } from '../../helpers/notificationFields';
import { countUnreachable, interpretSendResponse, recipientKind } from '../../helpers/sendResult';
import { editorDateToIso } from '../../helpers/time';
import { parseJsonObject, parseList, readText } from '../../helpers/validation';
import { oneSignalApiRequest, oneSignalAppId } from '../../transport';
import { itemIdentity, compact } from '../common';
import { filterConditionsField } from '../filterConditions';
import { templateRLC } from '../resourceLocators';
import type { OperationResult } from '../types';
import { LIST_MODES, type SendItem, sendModeField, sendToAllItems } from './sendBatch';

const channelOptions = [
	{ name: 'Email', value: 'email' },
	{ name: 'Push Notification', value: 'push' },
	{ name: 'SMS', value: 'sms' },
];

const sendToOption = {
	externalIds: {
		name: 'Users by External ID',
		value: 'externalIds',
		description: 'Your own user IDs, set as External ID in OneSignal',
	},
	aliases: {
		name: 'Users by Another Alias',
		value: 'aliases',
		description: 'A OneSignal ID or an alias label of your own, such as crm_id',
	},
	subscriptionIds: {
		name: 'Subscription IDs',
		value: 'subscriptionIds',
		description: 'Specific devices, inboxes or phone numbers by their OneSignal subscription ID',
	},
	emails: {
		name: 'Email Addresses',
		value: 'emails',
		description: 'Addresses, subscribed or not yet',
	},
	phoneNumbers: {
		name: 'Phone Numbers',
		value: 'phoneNumbers',
		description: 'Numbers in E.164 form, such as +15551234567',
	},
	segments: {
		name: 'Segments',
		value: 'segments',
		description: 'Everyone in one or more segments of your app',
	},
	filters: {
		name: 'Filters',
		value: 'filters',
		description: 'Everyone matching conditions on tags, sessions, language or country',
	},
};

const sendToField = (channel: Channel, options: Array<(typeof sendToOption)['externalIds']>) =>
	({
		displayName: 'Send To',
		name: 'sendTo',
		type: 'options',
		default: 'externalIds',
		options,
		description: 'Who receives the message. One request targets exactly one kind of audience.',
		displayOptions: { show: { channel: [channel] } },
	}) satisfies INodeProperties;

const properties: INodeProperties[] = [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		default: 'push',
		options: channelOptions,
		description: 'How the message reaches people',
	},
	// Alphabetical, as n8n's lint rules ask; the default stays "Users by External ID".
	sendToField('push', [
		sendToOption.filters,
		sendToOption.segments,
		sendToOption.subscriptionIds,
		sendToOption.aliases,
		sendToOption.externalIds,
	]),
	sendToField('email', [
		sendToOption.emails,
		sendToOption.filters,
		sendToOption.segments,
		sendToOption.subscriptionIds,
		sendToOption.aliases,
		sendToOption.externalIds,
	]),
	sendToField('sms', [
		sendToOption.filters,
		sendToOption.phoneNumbers,
		sendToOption.segments,
		sendToOption.subscriptionIds,
		sendToOption.aliases,
		sendToOption.externalIds,
	]),
	sendModeField,
	{
		displayName: 'External IDs',
		name: 'externalIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. user-1042, user-2210',
		description:
			'Your own user IDs, as set with OneSignal.login() or the Create User action (OneSignal: Audience → Users → External ID column). Separate several with commas, or map an array.',
		displayOptions: { show: { sendTo: ['externalIds'] } },
	},
	{
		displayName: 'Alias Label',
		name: 'aliasLabel',
		type: 'options',
		default: 'onesignal_id',
		options: [
			{ name: 'OneSignal ID', value: 'onesignal_id' },
			{ name: 'Custom Label', value: 'custom' },
		],
		displayOptions: { show: { sendTo: ['aliases'] } },
	},
	{
		displayName: 'Custom Alias Label',
		name: 'customAliasLabel',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. crm_id',
		description:
			'The label of an alias you added to your users (OneSignal: Audience → Users → a user → Aliases)',
		displayOptions: { show: { sendTo: ['aliases'], aliasLabel: ['custom'] } },
	},
	{
		displayName: 'Alias IDs',
		name: 'aliasIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 9f2b4c1e-…, 0c7d3a55-…',
		description:
			'The values of that alias for each user (OneSignal: Audience → Users → a user → Aliases), separated by commas or mapped as an array',
		displayOptions: { show: { sendTo: ['aliases'] } },
	},
	{
		displayName: 'Subscription IDs',
		name: 'subscriptionIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1dd608f2-c6a1-11e3-851d-000c2940e62c',
		description:
			'OneSignal subscription IDs (UUIDs), from Audience → Subscriptions or a Get User result. Spaces and duplicates are removed; more than 2,000 are sent in several requests.',
		displayOptions: { show: { sendTo: ['subscriptionIds'] } },
	},
	{
		displayName: 'Email Addresses',
		name: 'emails',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ada@example.com, grace@example.com',
		description: 'Addresses to send to. Separate several with commas, or map an array.',
		displayOptions: { show: { sendTo: ['emails'] } },
	},
	{
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +15551234567, +33612345678',
		description:
			'Numbers in E.164 form: a plus sign, the country code, then the number without spaces',
		displayOptions: { show: { sendTo: ['phoneNumbers'] } },
	},
	{
		displayName: 'Segment Names or IDs',
		name: 'segments',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getSegmentNames' },
		default: [],
		required: true,
		description:
			'Segments to send to. Names are exact and case-sensitive, so picking from the list avoids typos. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { sendTo: ['segments'] } },
	},
	{
		displayName: 'Excluded Segment Names or IDs',
		name: 'excludedSegments',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getSegmentNames' },
		default: [],
		description:
			'People in these segments do not receive the message. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { sendTo: ['segments'] } },
	},
	{
		displayName: 'Send to the Entire Segment',
		name: 'confirmEntireSegment',
		type: 'boolean',
		default: false,
		description:
			'Whether you confirm that everyone in the chosen segments receives this message. The message is not sent while this is off.',
		displayOptions: { show: { sendTo: ['segments'] } },
	},
	{
		...filterConditionsField,
		displayOptions: { show: { sendTo: ['filters'] } },
	},
	{
		displayName: 'Content',
		name: 'contentSource',
		type: 'options',
		default: 'inline',
		options: [
			{ name: 'Write It Here', value: 'inline' },
			{ name: 'Use a Template', value: 'template' },
		],
	},
	{
		...templateRLC,
		required: true,
		displayOptions: { show: { contentSource: ['template'] } },
	},
	{
		displayName: 'Template Variables',
		name: 'templateVariables',
		type: 'json',
		default: '{}',
		description:
			'Values for the Liquid variables of the template, such as {"first_name": "Ada"} for {{ message.custom_data.first_name }}',
		displayOptions: { show: { contentSource: ['template'] } },
	},
	{
		displayName: 'Heading',
		name: 'heading',
		type: 'string',
		default: '',
		placeholder: 'e.g. Welcome aboard',
		description: 'The bold title line. Leave empty to show the app name.',
		displayOptions: { show: { channel: ['push'], contentSource: ['inline'] } },
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: 'e.g. Hi Ada, your order has shipped',
		displayOptions: { show: { channel: ['push', 'sms'], contentSource: ['inline'] } },
	},
	{
		displayName: 'Email Subject',
		name: 'emailSubject',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { channel: ['email'], contentSource: ['inline'] } },
	},
	{
		displayName: 'Email Body',
		name: 'emailBody',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		required: true,
		description: 'The body of the email, in HTML',
		displayOptions: { show: { channel: ['email'], contentSource: ['inline'] } },
	},
	{
		displayName: 'SMS From',
		name: 'smsFrom',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +15551234567',
		description: 'The sending number registered with OneSignal, in E.164 form',
		displayOptions: { show: { channel: ['sms'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Android Channel ID',
				name: 'androidChannelId',
				type: 'string',
				default: '',
				description:
					'A notification channel from OneSignal: Settings → Push & In-App → Android Notification Channels',
				displayOptions: { show: { '/channel': ['push'] } },
			},
			{
				displayName: 'Collapse ID',
				name: 'collapseId',
				type: 'string',
				default: '',
				description:
					'An ID of your own choosing: a newer message with the same collapse ID replaces the older one on the device',
				displayOptions: { show: { '/channel': ['push'] } },
			},
			{
				displayName: 'Data',
				name: 'data',
				type: 'json',
				default: '{}',
				description:
					'Extra data your app receives with the notification, at most 2,048 bytes. It does not fill template variables: use Template Variables for those.',
				displayOptions: { show: { '/channel': ['push'] } },
			},
			{
				displayName: 'Delivery Time of Day',
				name: 'deliveryTimeOfDay',
				type: 'string',
				default: '',
				placeholder: 'e.g. 9:00AM',
				description:
					'With "Optimise Delivery" set to "User\'s Time Zone": the local time to deliver at',
			},
			{
				displayName: 'Email From Address',
				name: 'emailFromAddress',
				type: 'string',
				default: '',
				placeholder: 'e.g. news@example.com',
				displayOptions: { show: { '/channel': ['email'] } },
			},
			{
				displayName: 'Email From Name',
				name: 'emailFromName',
				type: 'string',
				default: '',
				displayOptions: { show: { '/channel': ['email'] } },
			},
			{
				displayName: 'Email Preheader',
				name: 'emailPreheader',
				type: 'string',
				default: '',
				description: 'Preview text shown after the subject in most inboxes',
				displayOptions: { show: { '/channel': ['email'] } },
			},
			{
				displayName: 'Email Reply-To Address',
				name: 'emailReplyTo',
				type: 'string',
				default: '',
				displayOptions: { show: { '/channel': ['email'] } },
			},
			{
				displayName: 'Fail If Any Recipient Is Unreachable',
				name: 'failIfUnreachable',
				type: 'boolean',
				default: false,
				description:
					'Whether the item fails when OneSignal reports some recipients as unreachable. The message still goes to the reachable ones.',
			},
			{
				displayName: 'Idempotency Key',
				name: 'idempotencyKey',
				type: 'string',
				default: '',
				placeholder: 'e.g. welcome-{{ $json.userId }}',
				description:
					'Name the business event this message is for. OneSignal sends a message only once per key for 30 days, even across executions and workflows. Empty: a key derived from this execution and item, which makes retries safe. With One Message to All Incoming Items the key names the whole announcement: recipients added to the list later are not sent it under the same key.',
			},
			{
				displayName: 'Image URL',
				name: 'imageUrl',
				type: 'string',
				default: '',
				description: 'A large image shown in the expanded notification (Android, iOS and Chrome)',
				displayOptions: { show: { '/channel': ['push'] } },
			},
			{
				displayName: 'Include Unsubscribed',
				name: 'includeUnsubscribed',
				type: 'boolean',
				default: false,
				description:
					'Whether to also send to addresses that unsubscribed. Only for transactional email such as receipts.',
				displayOptions: { show: { '/channel': ['email'] } },
			},
			{
				displayName: 'Launch URL',
				name: 'url',
				type: 'string',
				default: '',
				description: 'The page or deep link opened when the notification is clicked',
				displayOptions: { show: { '/channel': ['push'] } },
			},
			{
				displayName: 'Message Language',
				name: 'mainLanguage',
				type: 'options',
				default: 'en',
				options: LANGUAGES,
				description:
					'Language of the main message. It is also sent as English, which OneSignal shows to everyone without a translation.',
			},
			{
				displayName: 'Message Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'An internal name to find the message in OneSignal’s message reports',
			},
			{
				displayName: 'Optimise Delivery',
				name: 'delayedOption',
				type: 'options',
				default: 'timezone',
				options: [
					{ name: "User's Time Zone", value: 'timezone' },
					{ name: 'Last Active Time', value: 'last-active' },
				],
				description:
					'Deliver at the same local time for everyone, or when each user is usually active',
			},
			{
				displayName: 'Other Fields (JSON)',
				name: 'otherFields',
				type: 'json',
				default: '{}',
				description:
					'Further fields of OneSignal’s Create Message API, such as {"ios_sound": "ping.wav"}. Field names are checked; recipients cannot be set here.',
			},
			{
				displayName: 'Other Languages',
				name: 'otherLanguages',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Language',
				options: [
					{
						displayName: 'Language',
						name: 'language',
						values: [
							{
								displayName: 'Language',
								name: 'language',
								type: 'options',
								default: 'es',
								options: LANGUAGES,
							},
							{
								displayName: 'Heading',
								name: 'heading',
								type: 'string',
								default: '',
							},
							{
								displayName: 'Message',
								name: 'message',
								type: 'string',
								typeOptions: { rows: 2 },
								default: '',
							},
						],
					},
				],
			},
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'options',
				default: 10,
				options: [
					{ name: 'High', value: 10 },
					{ name: 'Normal', value: 5 },
				],
				displayOptions: { show: { '/channel': ['push'] } },
			},
			{
				displayName: 'Send After',
				name: 'sendAfter',
				type: 'dateTime',
				default: '',
				description: 'Schedule the message for later. Must be in the future.',
			},
			{
				displayName: 'SMS Media URLs',
				name: 'smsMediaUrls',
				type: 'string',
				default: '',
				description: 'Up to 10 image URLs to send as MMS, separated by commas',
				displayOptions: { show: { '/channel': ['sms'] } },
			},
			{
				displayName: 'Subtitle',
				name: 'subtitle',
				type: 'string',
				default: '',
				description: 'A second line under the heading (iOS)',
				displayOptions: { show: { '/channel': ['push'] } },
			},
			{
				displayName: 'Time to Live (Seconds)',
				name: 'ttl',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 259200,
				description: 'How long a device that is offline can still receive the message',
				displayOptions: { show: { '/channel': ['push'] } },
			},
		],
	},
];

export const operationIds = ['create_notification'] as const;

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['send'] } },
	properties,
);

function readTarget(this: IExecuteFunctions, itemIndex: number): Target {
	const mode = this.getNodeParameter('sendTo', itemIndex) as TargetMode;
	const list = (name: string, displayName: string) =>
		parseList(this.getNodeParameter(name, itemIndex, ''), displayName);
	switch (mode) {
		case 'externalIds':
			return { mode, ids: list('externalIds', 'External IDs') };
		case 'aliases': {
			const label = this.getNodeParameter('aliasLabel', itemIndex) as string;
			return {
				mode,
				aliasLabel:
					label === 'custom'
						? readText(
								this.getNodeParameter('customAliasLabel', itemIndex, ''),
								'Custom Alias Label',
							)
						: label,
				ids: list('aliasIds', 'Alias IDs'),
			};
		}
		case 'subscriptionIds':
			return { mode, ids: list('subscriptionIds', 'Subscription IDs') };
		case 'emails':
			return { mode, ids: list('emails', 'Email Addresses') };
		case 'phoneNumbers':
			return { mode, ids: list('phoneNumbers', 'Phone Numbers') };
		case 'segments':
			return {
				mode,
				segments: list('segments', 'Segment Names or IDs'),
				excludedSegments: list('excludedSegments', 'Excluded Segment Names or IDs'),
				confirmEntireSegment: this.getNodeParameter(
					'confirmEntireSegment',
					itemIndex,
					false,
				) as boolean,
			};
		case 'filters': {
			const rows =
				(this.getNodeParameter('filters.conditions', itemIndex, []) as FilterRow[]) ?? [];
			return { mode, filters: buildFilters(rows) };
		}
		default:
			return { mode };
	}
}

function readContent(this: IExecuteFunctions, itemIndex: number, channel: Channel): Content {
	const source = this.getNodeParameter('contentSource', itemIndex) as 'inline' | 'template';
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const languages =
		((additional.otherLanguages as IDataObject | undefined)?.language as
			| IDataObject[]
			| undefined) ?? [];
	if (source === 'template') {
		return {
			source,
			templateId: readText(
				this.getNodeParameter('template', itemIndex, '', { extractValue: true }),
				'Template',
			),
			customData: parseJsonObject(
				this.getNodeParameter('templateVariables', itemIndex, '{}'),
				'Template Variables',
			),
			mainLanguage: 'en',
			main: {},
			otherLanguages: [],
		};
	}
	const field = (name: string, displayName: string) =>
		readText(this.getNodeParameter(name, itemIndex, ''), displayName);
	return {
		source,
		mainLanguage: readText(additional.mainLanguage, 'Message Language') || 'en',
		main:
			channel === 'email'
				? {
						subject: field('emailSubject', 'Email Subject'),
						body: field('emailBody', 'Email Body'),
					}
				: {
						message: field('message', 'Message'),
						heading: channel === 'push' ? field('heading', 'Heading') : undefined,
						subtitle: readText(additional.subtitle, 'Subtitle'),
					},
		otherLanguages: languages.map((entry) => ({
			language: readText(entry.language, 'Other Languages → Language'),
			message: readText(entry.message, 'Other Languages → Message'),
			heading: readText(entry.heading, 'Other Languages → Heading'),
		})),
	};
}

/** Maps the Additional Fields collection to Create Message API fields. */
function readFields(
	this: IExecuteFunctions,
	itemIndex: number,
	channel: Channel,
): Record<string, unknown> {
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const text = (name: string, displayName: string) => readText(additional[name], displayName);
	const deliveryTimeOfDay = text('deliveryTimeOfDay', 'Delivery Time of Day');
	const fields: IDataObject = compact({
		name: text('name', 'Message Name'),
		url: text('url', 'Launch URL'),
		collapse_id: text('collapseId', 'Collapse ID'),
		android_channel_id: text('androidChannelId', 'Android Channel ID'),
		priority: additional.priority,
		ttl: additional.ttl,
		delayed_option: deliveryTimeOfDay
			? (additional.delayedOption ?? 'timezone')
			: additional.delayedOption,
		delivery_time_of_day: deliveryTimeOfDay,
		email_from_name: text('emailFromName', 'Email From Name'),
		email_from_address: text('emailFromAddress', 'Email From Address'),
		email_reply_to_address: text('emailReplyTo', 'Email Reply-To Address'),
		email_preheader: text('emailPreheader', 'Email Preheader'),
		include_unsubscribed: additional.includeUnsubscribed,
	});
	const imageUrl = text('imageUrl', 'Image URL');
	if (imageUrl) {
		fields.big_picture = imageUrl;
		fields.chrome_web_image = imageUrl;
		fields.ios_attachments = { image: imageUrl };
	}
	if (additional.data !== undefined) {
		const data = parseJsonObject(additional.data, 'Data');
		if (Object.keys(data).length > 0) fields.data = data as IDataObject;
	}
	if (additional.sendAfter)
		fields.send_after = editorDateToIso(additional.sendAfter, this.getTimezone());
	if (additional.smsMediaUrls)
		fields.sms_media_urls = parseList(additional.smsMediaUrls, 'SMS Media URLs');
	if (channel === 'sms')
		fields.sms_from = readText(this.getNodeParameter('smsFrom', itemIndex, ''), 'SMS From').trim();

	const other = parseJsonObject(additional.otherFields, 'Other Fields (JSON)');
	return checkOtherFields(other, fields, channel, new Date());
}

/** One item of the Send operation, read and checked; nothing is sent yet. */
function readSendItem(this: IExecuteFunctions, itemIndex: number, appId: string): SendItem {
	const channel = this.getNodeParameter('channel', itemIndex) as Channel;
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const input: SendInput = {
		appId,
		channel,
		target: readTarget.call(this, itemIndex),
		content: readContent.call(this, itemIndex, channel),
		fields: readFields.call(this, itemIndex, channel),
	};
	return {
		input,
		plans: planSend(input),
		userKey: readUserKeyField(additional.idempotencyKey),
		failIfUnreachable: additional.failIfUnreachable === true,
	};
}

/** Whether this run sends one message to the recipients of all items (see sendBatch.ts). */
export function usesBatch(this: IExecuteFunctions): boolean {
	return (
		this.getNodeParameter('sendMode', 0, 'perItem') === 'batch' &&
		LIST_MODES.includes(this.getNodeParameter('sendTo', 0, 'externalIds') as TargetMode)
	);
}

export async function executeBatch(
	this: IExecuteFunctions,
	itemIndexes: number[],
): Promise<Array<OperationResult | Error>> {
	return await sendToAllItems.call(this, itemIndexes, readSendItem);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const appId = await oneSignalAppId.call(this, itemIndex);
	const { input, plans, userKey, failIfUnreachable } = readSendItem.call(this, itemIndex, appId);
	const { channel, target } = input;

	const identity = itemIdentity(this, itemIndex);
	const chunks: IDataObject[] = [];
	const unreachable: Record<string, string[]> = {};
	const messages: string[] = [];
	const addUnreachable = (kind: string, values: string[]) => {
		unreachable[kind] = [...(unreachable[kind] ?? []), ...values];
	};
	/** The first answer that reached nobody: the item's error if no request reached anyone. */
	let firstNothingSent:
		| { outcome: ReturnType<typeof interpretSendResponse>; statusCode: number; body: unknown }
		| undefined;

	for (const [part, plan] of plans.entries()) {
		const idempotencyKey = userKey
			? userIdempotencyKey(userKey, part)
			: derivedIdempotencyKey(identity, part);
		const response = await oneSignalApiRequest.call(this, {
			method: 'POST',
			path: '/notifications',
			body: { ...plan.body, idempotency_key: idempotencyKey } as IDataObject,
			safeToRepeat: true,
			operation: 'message.send',
			itemIndex,
		});
		const outcome = interpretSendResponse(response.body);
		if (!outcome.sent) {
			// One request of several that reached nobody must not stop the others: their
			// recipients may well be reachable. Its recipients count as unreachable below.
			firstNothingSent ??= { outcome, statusCode: response.statusCode, body: response.body };
			addUnreachable(recipientKind(target), plan.recipients);
			messages.push(...outcome.messages);
			chunks.push({
				id: '',
				sentNothing: true,
				idempotencyKey,
				recipients: plan.recipients.length,
			});
			continue;
		}
		for (const [kind, values] of Object.entries(outcome.unreachable)) addUnreachable(kind, values);
		messages.push(...outcome.messages);
		chunks.push(
			compact({
				id: outcome.id,
				replayed: response.replayed,
				idempotencyKey,
				recipients: plan.recipients.length || outcome.recipients,
			}),
		);
	}

	const sent = chunks.filter((entry) => entry.sentNothing !== true);
	if (sent.length === 0 && firstNothingSent) {
		const { outcome, statusCode, body } = firstNothingSent;
		throw new NodeApiError(this.getNode(), body as JsonObject, {
			message: `OneSignal sent nothing: ${outcome.messages[0] ?? 'no recipient could be reached'}`,
			description:
				target.mode === 'segments'
					? 'Segment names are exact and case-sensitive ("Active Users" is not "active users"); pick segments from the list to avoid typos, and check that the segment has subscribed members.'
					: `None of the recipients has an active subscription on this channel${plans.length > 1 ? ` (in any of the ${plans.length} requests)` : ''}. Check that they exist in OneSignal (Audience → Users) and are subscribed.`,
			httpCode: String(statusCode),
			itemIndex,
		});
	}

	const unreachableCount = countUnreachable(unreachable);
	if (unreachableCount > 0 && failIfUnreachable) {
		const listed = Object.entries(unreachable)
			.map(([kind, values]) => `${kind} ${values.join(', ')}`)
			.join('; ');
		throw new NodeOperationError(
			this.getNode(),
			`${unreachableCount} recipient${unreachableCount === 1 ? '' : 's'} could not be reached: ${listed}`,
			{
				itemIndex,
				description: `The message was sent to the other recipients (${sent
					.map((entry) => entry.id)
					.join(
						', ',
					)}). Turn off "Fail If Any Recipient Is Unreachable" to treat this as a success.`,
			},
		);
	}

	const [first] = sent;
	const result: IDataObject = {
		id: first.id,
		// A request that reached nobody created nothing OneSignal could replay.
		replayed: sent.every((entry) => entry.replayed === true),
		idempotencyKey: first.idempotencyKey,
		channel,
	};
	if (plans[0].recipients.length) {
		result.recipients = plans.reduce((sum, plan) => sum + plan.recipients.length, 0);
	} else if (first.recipients !== undefined) {
		result.recipients = first.recipients;
	}
	if (target.mode === 'filters') result.filterExpression = describeFilters(target.filters ?? []);
	if (unreachableCount > 0) {
		result.unreachable = unreachable;
		result.unreachableCount = unreachableCount;
	}
	if (messages.length) result.messages = messages;
	if (chunks.length > 1) result.requests = chunks;
	return result;
}
