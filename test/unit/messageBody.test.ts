import { planSend, type SendInput } from '../../nodes/OneSignal/helpers/messageBody';

import { parameterError } from '../support/errors';

const APP = '5e1c9a34-2f6b-4d8e-9c1a-7b3d2e4f6a80';

function input(overrides: Partial<SendInput> = {}): SendInput {
	return {
		appId: APP,
		channel: 'push',
		target: { mode: 'externalIds', ids: ['u-1'] },
		content: { source: 'inline', mainLanguage: 'en', main: { message: 'Hi' }, otherLanguages: [] },
		fields: {},
		...overrides,
	};
}

const TARGETING = [
	'included_segments',
	'filters',
	'include_aliases',
	'include_subscription_ids',
	'email_to',
	'include_phone_numbers',
];

describe('Send body', () => {
	it('targets external IDs through include_aliases with target_channel, never a second mode', () => {
		const [plan] = planSend(input());
		expect(plan.body).toEqual({
			app_id: APP,
			contents: { en: 'Hi' },
			target_channel: 'push',
			include_aliases: { external_id: ['u-1'] },
		});
	});

	it.each([
		['externalIds', { mode: 'externalIds', ids: ['u-1'] }],
		['subscriptionIds', { mode: 'subscriptionIds', ids: ['1dd608f2-c6a1-41e3-851d-000c2940e62c'] }],
		['segments', { mode: 'segments', segments: ['VIP'], confirmEntireSegment: true }],
		['filters', { mode: 'filters', filters: [{ field: 'country', relation: '=', value: 'FR' }] }],
	] as const)('puts exactly one targeting field in a %s send', (_, target) => {
		const [plan] = planSend(input({ target: { ...target } as never }));
		expect(TARGETING.filter((field) => field in plan.body)).toHaveLength(1);
	});

	it('sends the main message as English even when its language is another one', () => {
		const [plan] = planSend(
			input({
				content: {
					source: 'inline',
					mainLanguage: 'vi',
					main: { message: 'Xin chào' },
					otherLanguages: [],
				},
			}),
		);
		expect(plan.body.contents).toEqual({ en: 'Xin chào', vi: 'Xin chào' });
	});

	it('requires a message unless a template is used', () => {
		const error = parameterError(() =>
			planSend(
				input({
					content: {
						source: 'inline',
						mainLanguage: 'en',
						main: { message: '  ' },
						otherLanguages: [],
					},
				}),
			),
		);
		expect(error.parameter).toBe('Message');
		const [plan] = planSend(
			input({
				content: {
					source: 'template',
					templateId: 'a7c3e1f9-4b2d-4e8a-9c6f-1d3b5a7e9c2f',
					mainLanguage: 'en',
					main: {},
					otherLanguages: [],
				},
			}),
		);
		expect(plan.body).toMatchObject({ template_id: 'a7c3e1f9-4b2d-4e8a-9c6f-1d3b5a7e9c2f' });
		expect(plan.body).not.toHaveProperty('contents');
	});

	it('leaves out an empty heading instead of sending null', () => {
		const [plan] = planSend(
			input({
				content: {
					source: 'inline',
					mainLanguage: 'en',
					main: { message: 'Hi', heading: '' },
					otherLanguages: [],
				},
			}),
		);
		expect(plan.body).not.toHaveProperty('headings');
	});

	it('splits more than 2,000 recipients into several requests with the same content', () => {
		const ids = Array.from({ length: 4500 }, (_, index) => `u-${index}`);
		const plans = planSend(input({ target: { mode: 'externalIds', ids } }));
		expect(plans.map((plan) => plan.recipients.length)).toEqual([2000, 2000, 500]);
		expect(plans.every((plan) => (plan.body.contents as { en: string }).en === 'Hi')).toBe(true);
		expect(plans.flatMap((plan) => plan.recipients)).toEqual(ids);
	});

	it('refuses a segment send until the user confirms it reaches the whole segment', () => {
		const error = parameterError(() =>
			planSend(input({ target: { mode: 'segments', segments: ['Total Subscriptions'] } })),
		);
		expect(error.parameter).toBe('Send to the Entire Segment');
		expect(error.message).toContain('your whole audience');
	});

	it('rejects a malformed subscription ID by name', () => {
		const error = parameterError(() =>
			planSend(
				input({
					target: { mode: 'subscriptionIds', ids: ['1dd608f2-c6a1-41e3-851d-000c2940e62', 'abc'] },
				}),
			),
		);
		expect(error.parameter).toBe('Subscription IDs');
		expect(error.message).toContain('"1dd608f2-c6a1-41e3-851d-000c2940e62", "abc"');
	});
});
