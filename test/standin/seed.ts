import { randomBytes } from 'crypto';

import type { StandInState } from './state';

/** Fixed values, so demo workflows and credentials can name them. */
export const DEMO_APP_ID = '5e1c9a34-2f6b-4d8e-9c1a-7b3d2e4f6a80';
export const DEMO_TEMPLATE_ID = 'a7c3e1f9-4b2d-4e8a-9c6f-1d3b5a7e9c2f';

/** The demo audience: people with an External ID and a push and email subscription each. */
export const DEMO_PEOPLE = [
	{ externalId: 'user-ada', name: 'Ada', email: 'ada@example.com', phone: '+15550000101' },
	{ externalId: 'user-grace', name: 'Grace', email: 'grace@example.com', phone: '+15550000102' },
	{ externalId: 'user-alan', name: 'Alan', email: 'alan@example.com', phone: '+15550000103' },
	{
		externalId: 'user-katherine',
		name: 'Katherine',
		email: 'katherine@example.com',
		phone: '+15550000104',
	},
	{ externalId: 'user-linus', name: 'Linus', email: 'linus@example.com', phone: '+15550000105' },
];

export interface SeedResult {
	appId: string;
	appKey: string;
	organizationKey: string;
	organizationId: string;
	externalIds: string[];
	subscriptionIds: Record<string, { push: string; email: string; sms: string }>;
	segments: string[];
	templateId: string;
}

export function seedDefaults(state: StandInState): SeedResult {
	// A fresh random key per stand-in: tests search logs and output for it to prove it never leaks.
	const app = state.addApp('Demo App', `os_v2_app_${randomBytes(24).toString('hex')}`, DEMO_APP_ID);
	const subscriptionIds: SeedResult['subscriptionIds'] = {};
	const members: string[] = [];
	for (const person of DEMO_PEOPLE) {
		const user = state.addUser(
			app.id,
			{ external_id: person.externalId },
			[
				{ channel: 'push', type: 'AndroidPush', token: `fcm-token-${person.externalId}` },
				{ channel: 'email', type: 'Email', token: person.email },
				{ channel: 'sms', type: 'SMS', token: person.phone },
			],
			{ tags: { first_name: person.name }, language: 'en' },
		);
		const [push, email, sms] = user.subscriptions;
		subscriptionIds[person.externalId] = { push, email, sms };
		members.push(user.onesignalId);
	}
	const now = Date.now();
	const segment = (name: string, who: string[], readOnly = false) => {
		const id = crypto.randomUUID();
		state.segments.set(id, {
			id,
			appId: app.id,
			name,
			filters: [],
			members: who,
			readOnly,
			isActive: true,
			createdAt: now,
			updatedAt: now,
		});
	};
	segment('Subscribed Users', members, true);
	segment('Active Users', members.slice(0, 3), true);
	segment('VIP', members.slice(0, 2));
	state.templates.set(DEMO_TEMPLATE_ID, {
		id: DEMO_TEMPLATE_ID,
		appId: app.id,
		name: 'Order shipped',
		channel: 'push',
		content: { en: 'Your order {{ message.custom_data.order }} has shipped' },
		createdAt: now,
		updatedAt: now,
	});
	return {
		appId: app.id,
		appKey: app.apiKey,
		organizationKey: state.organizationKey,
		organizationId: state.organizationId,
		externalIds: DEMO_PEOPLE.map((person) => person.externalId),
		subscriptionIds,
		segments: ['Subscribed Users', 'Active Users', 'VIP'],
		templateId: DEMO_TEMPLATE_ID,
	};
}
