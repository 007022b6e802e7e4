import {
	channelAndAction,
	compileKindPatterns,
	EVENT_STREAM_KINDS,
	kindMatches,
} from '../../nodes/OneSignalTrigger/helpers/eventKinds';
import { ParameterError } from '../../nodes/OneSignal/helpers/validation';

const matches = (patterns: string[], kind: string) =>
	kindMatches(kind, compileKindPatterns(patterns, 'Events'));

describe('event kind filters', () => {
	it('lets * through every documented kind', () => {
		for (const { kind } of EVENT_STREAM_KINDS) expect(matches(['*'], kind)).toBe(true);
	});

	it('passes both spellings of a bounce and a suppression, whichever one the filter names', () => {
		expect(matches(['message.email.bounced'], 'message.email.hardbounced')).toBe(true);
		expect(matches(['message.email.hardbounced'], 'message.email.bounced')).toBe(true);
		expect(matches(['message.email.suppressed'], 'message.email.supressed')).toBe(true);
		expect(matches(['message.email.supressed'], 'message.email.suppressed')).toBe(true);
		expect(matches(['message.email.bounced'], 'message.email.failed')).toBe(false);
	});

	it('matches a channel wildcard only for that channel', () => {
		expect(matches(['message.push.*'], 'message.push.clicked')).toBe(true);
		expect(matches(['message.push.*'], 'message.push.sent')).toBe(true);
		expect(matches(['message.push.*'], 'message.email.clicked')).toBe(false);
		expect(matches(['message.push.*'], 'message.pushy.sent')).toBe(false);
	});

	it('matches an exact kind and nothing else', () => {
		expect(matches(['message.email.bounced'], 'message.email.bounced')).toBe(true);
		expect(matches(['message.email.bounced'], 'message.email.bounced2')).toBe(false);
		expect(matches(['message.email.bounced'], 'message.email.unsubscribed')).toBe(false);
	});

	it('matches an action across channels', () => {
		expect(matches(['message.*.clicked'], 'message.iam.clicked')).toBe(true);
		expect(matches(['message.*.clicked'], 'message.email.opened')).toBe(false);
	});

	it('treats dots as dots, not as "any character"', () => {
		expect(matches(['message.sms.sent'], 'messageXsmsXsent')).toBe(false);
	});

	it('ignores case and blank entries, and matches nothing without patterns', () => {
		expect(matches(['Message.Push.*', ' '], 'message.push.clicked')).toBe(true);
		expect(matches([], 'message.push.clicked')).toBe(false);
	});

	it.each(['message.(push)', 'message/push', 'message.push.[a-z]'])(
		'refuses the pattern %s, naming the parameter',
		(pattern) => {
			expect(() => compileKindPatterns([pattern], 'Events')).toThrow(ParameterError);
			expect(() => compileKindPatterns([pattern], 'Events')).toThrow(/^Events: /);
		},
	);

	it('splits message kinds into channel and action', () => {
		expect(channelAndAction('message.live_activity.sent')).toEqual({
			channel: 'live_activity',
			action: 'sent',
		});
		expect(channelAndAction('journey.webhook')).toEqual({ channel: null, action: null });
	});
});
