import { buildOutcomeQuery } from '../../nodes/OneSignal/helpers/outcomes';
import { buildSubscriptionFields, checkToken } from '../../nodes/OneSignal/helpers/subscriptions';
import {
	buildDeltas,
	buildUserProperties,
	checkPropertyUpdateCount,
	countPropertyUpdates,
	unixSeconds,
} from '../../nodes/OneSignal/helpers/userProperties';
import { parameterError as failure } from '../support/errors';

describe('user properties', () => {
	it('maps typed fields to the spec’s names and units', () => {
		expect(
			buildUserProperties(
				{
					tags: [
						{ key: 'plan', value: 'pro' },
						{ key: 'level', value: 3 as unknown as string },
					],
					tagsObject: '{"vip": true}',
					removeTags: 'trial, coupon',
					language: 'de',
					timezone: 'Europe/Berlin',
					country: 'de',
					latitude: 52.5,
					longitude: 13.4,
					firstActive: '2026-01-05T11:00:00',
					lastActive: 1767607200000,
					amountSpent: '12.50',
					ip: '203.0.113.10',
				},
				'Europe/Berlin',
			),
		).toEqual({
			tags: { plan: 'pro', level: '3', vip: 'true', trial: '', coupon: '' },
			language: 'de',
			timezone_id: 'Europe/Berlin',
			country: 'DE',
			lat: 52.5,
			long: 13.4,
			first_active: 1767607200,
			last_active: 1767607200,
			amount_spent: 12.5,
			ip: '203.0.113.10',
		});
	});

	it('sends nothing when nothing is set', () => {
		expect(buildUserProperties({}, 'UTC')).toBeUndefined();
		expect(buildDeltas({})).toBeUndefined();
	});

	it('names the field for bad values before anything is sent', () => {
		expect(failure(() => buildUserProperties({ timezone: 'Mars/Olympus' }, 'UTC')).message).toBe(
			'Timezone: "Mars/Olympus" is not a time zone',
		);
		expect(failure(() => buildUserProperties({ country: 'Germany' }, 'UTC')).message).toContain(
			'is not a country code',
		);
		expect(failure(() => buildUserProperties({ latitude: 10 }, 'UTC')).message).toBe(
			'Longitude: is missing',
		);
		expect(
			failure(() => buildUserProperties({ latitude: 91, longitude: 0 }, 'UTC')).message,
		).toContain('outside -90 to 90');
		expect(
			failure(() =>
				buildUserProperties({ tags: [{ key: 'a', value: 'x' }], removeTags: 'a' }, 'UTC'),
			).message,
		).toContain('both set and removed');
		expect(
			failure(() => buildUserProperties({ tagsObject: { list: [1, 2] } }, 'UTC')).message,
		).toContain('has a list as its value');
	});

	it('reads dates as Unix seconds in the workflow’s time zone, ISO strings and epoch numbers', () => {
		expect(unixSeconds('2026-01-05T10:00:00Z', 'x', 'UTC')).toBe(1767607200);
		expect(unixSeconds('2026-01-05T02:00:00', 'x', 'America/Los_Angeles')).toBe(1767607200);
		expect(unixSeconds('1767607200', 'x', 'UTC')).toBe(1767607200);
		expect(failure(() => unixSeconds('soon', 'Last Active', 'UTC')).message).toContain(
			'Last Active',
		);
	});
});

describe('deltas and the 100-update limit', () => {
	it('builds session and purchase deltas', () => {
		expect(
			buildDeltas({
				sessionCount: 1,
				sessionTime: 120,
				purchases: [{ sku: 'coins', amount: 0.99, currency: 'eur', count: 3 }],
			}),
		).toEqual({
			session_count: 1,
			session_time: 120,
			purchases: [{ sku: 'coins', amount: '0.99', iso: 'EUR', count: 3 }],
		});
	});

	it('refuses a purchase without SKU or with a currency sign in the amount', () => {
		expect(failure(() => buildDeltas({ purchases: [{ amount: '1' }] })).message).toBe(
			'Purchases (row 1) → SKU: is empty',
		);
		expect(
			failure(() => buildDeltas({ purchases: [{ sku: 'a', amount: '$1' }] })).message,
		).toContain('is not an amount');
	});

	it('counts one update per tag, property and purchase, and refuses more than 100', () => {
		const tags = Object.fromEntries(Array.from({ length: 99 }, (_, n) => [`t${n}`, 'x']));
		expect(countPropertyUpdates({ tags, language: 'en' }, undefined)).toBe(100);
		expect(() => checkPropertyUpdateCount({ tags, language: 'en' }, undefined)).not.toThrow();
		expect(
			failure(() =>
				checkPropertyUpdateCount({ tags, language: 'en' }, { purchases: [{ sku: 'a' }] }),
			).message,
		).toContain('101 property updates');
	});
});

describe('subscription fields', () => {
	it('sends only what was set, with the spec’s names', () => {
		expect(
			buildSubscriptionFields({ enabled: false, appVersion: ' 1.2 ', netType: 0, token: '' }),
		).toEqual({ enabled: false, app_version: '1.2', net_type: 0 });
	});

	it('checks email and phone tokens by type and leaves push tokens alone', () => {
		expect(checkToken('Email', ' ada@example.com ')).toBe('ada@example.com');
		expect(failure(() => checkToken('SMS', '555 1234')).message).toContain('E.164');
		expect(checkToken('iOSPush', 'abc/def+==')).toBe('abc/def+==');
	});
});

describe('outcome query', () => {
	it('joins names with commas into outcome_names, as the spec declares', () => {
		expect(
			buildOutcomeQuery({
				outcomes: [
					{ outcome: 'clicks', aggregation: 'count' },
					{ outcome: 'custom', customName: 'Purchase', aggregation: 'sum' },
					{ outcome: 'clicks', aggregation: 'count' },
				],
				timeRange: '1mo',
				platforms: [0, 1, 0],
				attribution: 'total',
			}),
		).toEqual({
			qs: {
				outcome_names: 'os__click.count,Purchase.sum',
				outcome_time_range: '1mo',
				outcome_platforms: '0,1',
			},
			bracketed: '',
			names: ['os__click.count', 'Purchase.sum'],
		});
	});

	it('sends a name holding a comma on its own as outcome_names[]', () => {
		const query = buildOutcomeQuery({
			outcomes: [{ outcome: 'custom', customName: 'Sales, Purchase', aggregation: 'count' }],
		});
		expect(query.qs).toEqual({});
		expect(query.bracketed).toBe('outcome_names%5B%5D=Sales%2C%20Purchase.count');
	});

	it('refuses summed clicks and a name that already has an aggregation', () => {
		expect(
			failure(() => buildOutcomeQuery({ outcomes: [{ outcome: 'clicks', aggregation: 'sum' }] }))
				.message,
		).toContain('clicks can only be counted');
		expect(
			failure(() =>
				buildOutcomeQuery({ outcomes: [{ outcome: 'custom', customName: 'Purchase.sum' }] }),
			).message,
		).toContain('already ends in .count or .sum');
	});
});
