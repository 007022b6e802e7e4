import { timingSafeEqual } from 'crypto';

import {
	headerNameProblem,
	MIN_SECRET_LENGTH,
	secretProblem,
	secretsMatch,
} from '../../nodes/OneSignalTrigger/helpers/secret';

// The real comparison, observed: the test checks which comparison runs, not how long it takes.
jest.mock('crypto', () => {
	const actual = jest.requireActual<typeof import('crypto')>('crypto');
	return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const SECRET = 'a'.repeat(20) + 'b1c2d3e4f5';

describe('the shared-secret comparison', () => {
	beforeEach(() => jest.mocked(timingSafeEqual).mockClear());

	it('accepts exactly the configured secret', () => {
		expect(secretsMatch(SECRET, SECRET)).toBe(true);
	});

	it.each([
		['a different secret of the same length', SECRET.slice(0, -1) + 'X'],
		['a prefix of the secret', SECRET.slice(0, -1)],
		['the secret with more after it', `${SECRET}x`],
		['the secret in another case', SECRET.toUpperCase()],
		['an empty value', ''],
		['a header sent twice (a list)', [SECRET, SECRET]],
		['no header', undefined],
	])('refuses %s', (_, received) => {
		expect(secretsMatch(received, SECRET)).toBe(false);
	});

	it('never accepts anything when no secret is configured', () => {
		expect(secretsMatch('', '')).toBe(false);
	});

	it('compares equal-length values with crypto.timingSafeEqual and skips it for other lengths', () => {
		const spy = jest.mocked(timingSafeEqual);
		expect(secretsMatch(SECRET.slice(0, -1) + 'X', SECRET)).toBe(false);
		expect(spy).toHaveBeenCalledTimes(1);
		spy.mockClear();
		secretsMatch('short', SECRET);
		expect(spy).not.toHaveBeenCalled();
	});
});

describe('header names for the secret', () => {
	it.each(['X-Webhook-Secret', 'x-n8n-token', 'Authorization', 'X_Secret'])(
		'accepts %s',
		(name) => {
			expect(headerNameProblem(name)).toBeUndefined();
		},
	);

	it.each([
		['X-OneSignal-Secret', /X-OneSignal/],
		['x-onesignal-anything', /X-OneSignal/],
		['', /empty/],
		['X Secret', /not a valid HTTP header name/],
		['X-Secret:', /not a valid HTTP header name/],
		['Content-Type', /set by OneSignal or the network/],
		['Host', /set by OneSignal or the network/],
	])('refuses "%s"', (name, problem) => {
		expect(headerNameProblem(name)).toMatch(problem);
	});
});

describe('secret strength', () => {
	it(`asks for at least ${MIN_SECRET_LENGTH} characters`, () => {
		expect(secretProblem('x'.repeat(MIN_SECRET_LENGTH))).toBeUndefined();
		expect(secretProblem('x'.repeat(MIN_SECRET_LENGTH - 1))).toMatch(/at least/);
	});

	it('refuses empty secrets and secrets with spaces around them', () => {
		expect(secretProblem('')).toMatch(/empty/);
		expect(secretProblem(undefined)).toMatch(/empty/);
		expect(secretProblem(` ${'x'.repeat(30)}`)).toMatch(/space/);
	});
});
