import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { type Alias, userAlias, type UserIdentifiedBy } from '../../helpers/aliases';
import { isUuid } from '../../helpers/idempotency';
import { apiPath } from '../../helpers/paths';
import { ParameterError } from '../../helpers/validation';
import type { OneSignalRequest } from '../../transport';

/**
 * The fields that say which user an operation acts on, shared by the User, Alias and Subscription
 * resources. A user is identified by any alias (External ID, OneSignal ID or a label of your own)
 * and, for reading and adding aliases, also by one of its subscriptions.
 */

export type UserLocator =
	| { kind: 'alias'; alias: Alias }
	| { kind: 'subscription'; subscriptionId: string };

export interface LocatorOptions {
	/** Prefix of the parameter names, for a second user on the same operation ("target"). */
	prefix?: string;
	/** Whose identity this is, in display names: "User" or "New Owner". */
	subject?: string;
	/** Offer "Subscription ID" (only endpoints under /subscriptions/{id}/user take it). */
	withSubscription?: boolean;
}

function parameterName(prefix: string, base: string): string {
	return prefix ? `${prefix}${base[0].toUpperCase()}${base.slice(1)}` : base;
}

export const SUBSCRIPTION_ID_HINT =
	'OneSignal: Audience → Subscriptions → the Subscription ID column, or the "id" of a subscription in a Get User result';

/** The "Identify User By" choice and the value fields that go with it. */
export function userLocatorFields(options: LocatorOptions = {}): INodeProperties[] {
	const prefix = options.prefix ?? '';
	const subject = options.subject ?? 'User';
	const by = parameterName(prefix, 'identifyBy');
	const show = (value: string) => ({ show: { [by]: [value] } });
	const choices = [
		{
			name: 'External ID',
			value: 'externalId',
			description: 'Your own user ID, set with OneSignal.login() or Create User',
		},
		{
			name: 'OneSignal ID',
			value: 'onesignalId',
			description: 'The UUID OneSignal gave the user',
		},
		{
			name: 'Custom Alias',
			value: 'customAlias',
			description: 'An alias label of your own, such as crm_id, and its value',
		},
	];
	if (options.withSubscription) {
		choices.push({
			name: 'Subscription ID',
			value: 'subscription',
			description:
				'One of the user’s devices, email addresses or phone numbers; OneSignal acts on the user who owns it',
		});
	}
	return [
		{
			displayName: `Identify ${subject} By`,
			name: by,
			type: 'options',
			default: 'externalId',
			options: choices,
			description: options.withSubscription
				? `How to find the ${subject.toLowerCase()}: by one of their aliases, or by one of their subscriptions`
				: `Which alias identifies the ${subject.toLowerCase()}`,
		},
		{
			displayName: 'External ID',
			name: parameterName(prefix, 'externalId'),
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. user-1042',
			description:
				'Your own ID for the user (OneSignal: Audience → Users → the External ID column). Any characters are allowed, but not just "." or "..".',
			displayOptions: show('externalId'),
		},
		{
			displayName: 'OneSignal ID',
			name: parameterName(prefix, 'onesignalId'),
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1dd608f2-c6a1-11e3-851d-000c2940e62c',
			description:
				'The user’s OneSignal ID (OneSignal: Audience → Users → the OneSignal ID column)',
			displayOptions: show('onesignalId'),
		},
		{
			displayName: 'Alias Label',
			name: parameterName(prefix, 'aliasLabel'),
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. crm_id',
			description:
				'The label of an alias you gave your users (OneSignal: Audience → Users → a user → Aliases)',
			displayOptions: show('customAlias'),
		},
		{
			displayName: 'Alias Value',
			name: parameterName(prefix, 'aliasId'),
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. CRM-88121',
			description:
				'The user’s value for that alias label. Any characters are allowed, but not just "." or "..".',
			displayOptions: show('customAlias'),
		},
		...(options.withSubscription
			? [
					{
						displayName: 'Subscription ID',
						name: parameterName(prefix, 'subscriptionId'),
						type: 'string',
						default: '',
						required: true,
						placeholder: 'e.g. 7e4c5b9a-1f60-4d07-9b1a-2e8c8d2cae51',
						description: `A subscription of the user (${SUBSCRIPTION_ID_HINT})`,
						displayOptions: show('subscription'),
					} satisfies INodeProperties,
				]
			: []),
	];
}

/** Checks a subscription ID typed or mapped by the user; returns it trimmed and lower-cased. */
export function checkSubscriptionId(value: unknown, parameter = 'Subscription ID'): string {
	const text = String(value ?? '').trim();
	if (!isUuid(text)) {
		throw new ParameterError(
			parameter,
			text === '' ? 'is empty' : `"${text.slice(0, 60)}" is not a subscription ID`,
			`A subscription ID is a UUID such as 7e4c5b9a-1f60-4d07-9b1a-2e8c8d2cae51 (${SUBSCRIPTION_ID_HINT}).`,
		);
	}
	return text.toLowerCase();
}

/** Reads the fields of userLocatorFields for one item. */
export function readUserLocator(
	this: IExecuteFunctions,
	itemIndex: number,
	options: LocatorOptions = {},
): UserLocator {
	const prefix = options.prefix ?? '';
	const get = (base: string) => this.getNodeParameter(parameterName(prefix, base), itemIndex, '');
	const by = get('identifyBy') as UserIdentifiedBy | 'subscription';
	if (by === 'subscription') {
		return { kind: 'subscription', subscriptionId: checkSubscriptionId(get('subscriptionId')) };
	}
	const valueField = {
		externalId: 'externalId',
		onesignalId: 'onesignalId',
		customAlias: 'aliasId',
	}[by];
	const displayNames = {
		externalId: { value: 'External ID' },
		onesignalId: { value: 'OneSignal ID' },
		customAlias: { value: 'Alias Value', label: 'Alias Label' },
	}[by];
	if (!valueField || !displayNames) {
		throw new ParameterError(
			`Identify ${options.subject ?? 'User'} By`,
			`"${String(by)}" is not a choice here`,
			'Choose External ID, OneSignal ID or Custom Alias.',
		);
	}
	return {
		kind: 'alias',
		alias: userAlias(by, get(valueField), get('aliasLabel'), displayNames),
	};
}

/** Reads a user locator that may only be an alias (the endpoints under /users/by/{label}/{id}). */
export function readUserAlias(
	this: IExecuteFunctions,
	itemIndex: number,
	options: LocatorOptions = {},
): Alias {
	const locator = readUserLocator.call(this, itemIndex, options);
	if (locator.kind !== 'alias') {
		throw new ParameterError(
			`Identify ${options.subject ?? 'User'} By`,
			'a subscription cannot identify the user here',
			'Choose External ID, OneSignal ID or Custom Alias.',
		);
	}
	return locator.alias;
}

/**
 * The key naming the user or subscription an item writes to, so the router never sends two writes
 * for it at once (OneSignal allows one a second). Undefined when the input is invalid: the
 * operation itself then reports the problem.
 */
export function writeKeyOf(
	this: IExecuteFunctions,
	itemIndex: number,
	options: LocatorOptions = {},
): string | undefined {
	try {
		const locator = readUserLocator.call(this, itemIndex, options);
		return locator.kind === 'alias'
			? `user:${locator.alias.label}:${locator.alias.id}`
			: `subscription:${locator.subscriptionId}`;
	} catch {
		return undefined;
	}
}

/** The write key of an operation that takes a Subscription ID. */
export function subscriptionWriteKey(
	this: IExecuteFunctions,
	itemIndex: number,
): string | undefined {
	try {
		return `subscription:${checkSubscriptionId(this.getNodeParameter('subscriptionId', itemIndex, ''))}`;
	} catch {
		return undefined;
	}
}

/** /apps/{app_id}/users/by/{alias_label}/{alias_id}, every value encoded. */
export function userPath(appId: string, alias: Alias, suffix = ''): string {
	return apiPath`/apps/${appId}/users/by/${alias.label}/${alias.id}` + suffix;
}

/** `external_id "u-1"` for messages. */
export function describeUser(alias: Alias): string {
	return `${alias.label} "${alias.id}"`;
}

/**
 * A 404 under /users/by/{label}/{id} means no user has that alias; say so with the alias named,
 * instead of the generic "nothing at this ID".
 */
export function explainUserNotFound(
	alias: Alias,
	advice = 'Alias values are exact and case-sensitive. Check that the user exists in the app of this credential (OneSignal: Audience → Users).',
): NonNullable<OneSignalRequest['explainFailure']> {
	return ({ status, messages }) =>
		status === 404
			? {
					message: `No user with ${describeUser(alias)} in this app`,
					description: [messages.length ? `OneSignal said: ${messages.join('; ')}.` : '', advice]
						.filter(Boolean)
						.join(' '),
				}
			: undefined;
}

/** The rows of a fixedCollection parameter, e.g. `{ alias: [{...}] }` → `[{...}]`. */
export function fixedRows<T = IDataObject>(value: unknown, key: string): T[] {
	const rows = (value as IDataObject | undefined)?.[key];
	return Array.isArray(rows) ? (rows as T[]) : [];
}
