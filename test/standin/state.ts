import { randomBytes, randomUUID } from 'crypto';

/**
 * The data the OneSignal stand-in keeps between requests: apps and keys, users with their
 * subscriptions, segments, templates and messages, plus the counters the tests read (creations per
 * idempotency key and per recipient).
 */

export type ChannelKind = 'push' | 'email' | 'sms';

export interface StoredSubscription {
	id: string;
	type: string;
	channel: ChannelKind;
	token?: string;
	enabled: boolean;
	notification_types?: number;
	session_count?: number;
	app_version?: string;
	device_model?: string;
	device_os?: string;
	test_type?: number;
	onesignal_id: string;
}

export interface StoredUser {
	onesignalId: string;
	identity: Record<string, string>;
	properties: Record<string, unknown>;
	subscriptions: string[];
	createdAt: number;
}

export interface StoredMessage {
	id: string;
	appId: string;
	body: Record<string, unknown>;
	recipients: string[];
	channel: ChannelKind;
	createdAt: number;
	sendAfter?: number;
	canceled: boolean;
	idempotencyKey?: string;
}

export interface StoredSegment {
	id: string;
	appId: string;
	name: string;
	description?: string | null;
	filters: Array<Record<string, unknown>>;
	/** Users in the segment, by OneSignal ID; the stand-in does not evaluate filters. */
	members: string[];
	readOnly: boolean;
	isActive: boolean;
	createdAt: number;
	updatedAt: number;
}

export interface StoredTemplate {
	id: string;
	appId: string;
	name: string;
	channel: ChannelKind;
	content: Record<string, unknown>;
	createdAt: number;
	updatedAt: number;
}

export interface StoredApp {
	id: string;
	name: string;
	apiKey: string;
	organizationId: string;
	fields: Record<string, unknown>;
	createdAt: number;
}

export interface IdempotentAnswer {
	status: number;
	body: unknown;
	createdAt: number;
	/** The request body the key was first used with, to show when a replay had a different body. */
	firstBodyHash: string;
}

export class StandInState {
	/** Random per stand-in, so a test can search logs and output for it and find nothing. */
	organizationKey = `os_v2_org_${randomBytes(24).toString('hex')}`;
	organizationId = '3c9d8e2f-1a4b-4c6d-8e0f-2a3b4c5d6e7f';
	apps = new Map<string, StoredApp>();
	users = new Map<string, StoredUser>();
	subscriptions = new Map<string, StoredSubscription>();
	messages = new Map<string, StoredMessage>();
	/** Messages in creation order, oldest first. */
	messageOrder: string[] = [];
	segments = new Map<string, StoredSegment>();
	templates = new Map<string, StoredTemplate>();
	idempotency = new Map<string, IdempotentAnswer>();
	/** How many times each idempotency key created something (more than 1 is a duplicate). */
	creationsPerKey = new Map<string, number>();
	/** How many messages each recipient (external ID, subscription, email, phone) got. */
	deliveriesPerRecipient = new Map<string, number>();
	/** Any later feature may add its own collections here without changing the core. */
	extra = new Map<string, unknown>();

	app(appId: string): StoredApp | undefined {
		return this.apps.get(appId);
	}

	addApp(name: string, apiKey: string, id: string = randomUUID()): StoredApp {
		const app: StoredApp = {
			id,
			name,
			apiKey,
			organizationId: this.organizationId,
			fields: {},
			createdAt: Date.now(),
		};
		this.apps.set(id, app);
		return app;
	}

	addUser(
		appId: string,
		identity: Record<string, string>,
		subscriptions: Array<Partial<StoredSubscription> & { channel: ChannelKind }>,
		properties: Record<string, unknown> = {},
	): StoredUser {
		const onesignalId = randomUUID();
		const user: StoredUser = {
			onesignalId,
			identity: { ...identity, onesignal_id: onesignalId },
			properties,
			subscriptions: [],
			createdAt: Date.now(),
		};
		for (const entry of subscriptions) {
			const subscription: StoredSubscription = {
				id: entry.id ?? randomUUID(),
				type: entry.type ?? defaultType(entry.channel),
				enabled: entry.enabled ?? true,
				onesignal_id: onesignalId,
				...entry,
			} as StoredSubscription;
			this.subscriptions.set(subscription.id, subscription);
			user.subscriptions.push(subscription.id);
		}
		this.users.set(onesignalId, user);
		void appId;
		return user;
	}

	/**
	 * Where each alias was last found. Routes change `identity` in place, so an entry is only a
	 * hint: it is checked on every use and a stale one falls back to the full search. Sends to
	 * thousands of listed users would otherwise search every user for every recipient.
	 */
	private aliasHints = new Map<string, StoredUser>();

	/** Finds a user by any alias label and value. */
	userByAlias(label: string, value: string): StoredUser | undefined {
		const hintKey = `${label}\u0000${value}`;
		const hint = this.aliasHints.get(hintKey);
		if (hint && hint.identity[label] === value && this.users.get(hint.onesignalId) === hint) {
			return hint;
		}
		for (const user of this.users.values()) {
			if (user.identity[label] === value) {
				this.aliasHints.set(hintKey, user);
				return user;
			}
		}
		this.aliasHints.delete(hintKey);
		return undefined;
	}

	/** The user's subscriptions on a channel that can receive messages now. */
	reachableSubscriptions(user: StoredUser, channel: ChannelKind): StoredSubscription[] {
		return user.subscriptions
			.map((id) => this.subscriptions.get(id))
			.filter((sub): sub is StoredSubscription => !!sub && sub.channel === channel && sub.enabled);
	}

	/**
	 * Stores `count` sent push messages for an app at once, oldest first and one second apart,
	 * ending now: a large message history for paging runs, without a request per message.
	 */
	storeSentMessages(appId: string, count: number, now: number = Date.now()): void {
		for (let index = 0; index < count; index++) {
			const id = randomUUID();
			this.messages.set(id, {
				id,
				appId,
				body: {
					app_id: appId,
					name: `Stored message ${index + 1}`,
					headings: { en: `Stored message ${index + 1}` },
					contents: { en: `Body of stored message ${index + 1}` },
					included_segments: ['Subscribed Users'],
				},
				recipients: [],
				channel: 'push',
				createdAt: now - (count - index) * 1000,
				canceled: false,
			});
			this.messageOrder.push(id);
		}
	}

	/**
	 * Forgets every message, idempotency key and delivery count, keeping apps, users, segments and
	 * templates: several runs against one stand-in then each count only their own sends.
	 */
	clearMessages(): void {
		this.messages.clear();
		this.messageOrder = [];
		this.idempotency.clear();
		this.creationsPerKey.clear();
		this.deliveriesPerRecipient.clear();
		this.extra.delete('mixedTargetingRequests');
	}

	countCreation(key: string | undefined, recipients: string[]): void {
		if (key) this.creationsPerKey.set(key, (this.creationsPerKey.get(key) ?? 0) + 1);
		for (const recipient of recipients) {
			this.deliveriesPerRecipient.set(
				recipient,
				(this.deliveriesPerRecipient.get(recipient) ?? 0) + 1,
			);
		}
	}

	/** Figures the tests and scripts print: created messages, duplicates by key and by recipient. */
	stats() {
		let duplicateKeys = 0;
		for (const count of this.creationsPerKey.values()) if (count > 1) duplicateKeys += count - 1;
		let duplicateRecipients = 0;
		for (const count of this.deliveriesPerRecipient.values())
			if (count > 1) duplicateRecipients += count - 1;
		return {
			messages: this.messages.size,
			distinctRecipients: this.deliveriesPerRecipient.size,
			duplicateKeys,
			duplicateRecipients,
		};
	}
}

function defaultType(channel: ChannelKind): string {
	return channel === 'email' ? 'Email' : channel === 'sms' ? 'SMS' : 'AndroidPush';
}
