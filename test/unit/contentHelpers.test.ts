import {
	buildEventAttributes,
	buildJourneyNodes,
	parseTagAssignments,
	waitSeconds,
} from '../../nodes/OneSignal/helpers/journey';
import { buildFilters, FILTER_RELATION_OPTIONS } from '../../nodes/OneSignal/helpers/filters';
import { keyValueObject, typedValue } from '../../nodes/OneSignal/helpers/keyValues';

import { parameterError } from '../support/errors';

const TEMPLATE = 'a7c3e1f9-4b2d-4e8a-9c6f-1d3b5a7e9c2f';

describe('journey steps', () => {
	it('turns editor steps into journey nodes with the API’s field names and units', () => {
		expect(
			buildJourneyNodes([
				{ kind: 'send_push', templateId: TEMPLATE, annotation: ' Welcome ' },
				{ kind: 'wait', waitMinutes: 90 },
				{ kind: 'tag', tags: 'plan=pro, trial=' },
				{ kind: 'send_webhook', webhookId: TEMPLATE },
			]),
		).toEqual([
			{ kind: 'send_push', template_id: TEMPLATE, annotation: 'Welcome' },
			{ kind: 'wait', duration_seconds: 5400 },
			{ kind: 'tag', assignments: { plan: 'pro', trial: '' } },
			{ kind: 'send_webhook', webhook_id: TEMPLATE },
		]);
	});

	it('names the row and the fix when a send step has no template', () => {
		const error = parameterError(() =>
			buildJourneyNodes([
				{ kind: 'wait', waitMinutes: 5 },
				{ kind: 'send_email', templateId: 'Welcome' },
			]),
		);
		expect(error.message).toBe('Steps, row 2: "Welcome" is not a template ID');
		expect(error.hint).toContain('UUID');
	});

	it('refuses waits outside one minute to one year', () => {
		expect(waitSeconds(1, 'Wait')).toBe(60);
		expect(() => waitSeconds(0.5, 'Wait')).toThrow('outside what OneSignal allows');
		expect(() => waitSeconds(600_000, 'Wait')).toThrow('outside what OneSignal allows');
		expect(() => waitSeconds('soon', 'Wait')).toThrow('outside what OneSignal allows');
	});

	it('reads tags written as key=value and explains the form otherwise', () => {
		expect(parseTagAssignments('a=1,\n b = two ', 'Tags')).toEqual({ a: '1', b: 'two' });
		expect(parameterError(() => parseTagAssignments('vip', 'Tags')).message).toBe(
			'Tags: "vip" is not written as key=value',
		);
	});

	it('sends event conditions as the single group the API accepts, without values for exists', () => {
		expect(
			buildEventAttributes([
				{ key: 'amount', operator: 'greater', value: '50' },
				{ key: 'coupon', operator: 'exists', value: 'ignored' },
			]),
		).toEqual([
			[
				{ key: 'amount', operator: 'greater', value: '50' },
				{ key: 'coupon', operator: 'exists' },
			],
		]);
		expect(buildEventAttributes([])).toEqual([]);
	});
});

describe('key/value rows for app-defined data', () => {
	it('sends numbers and booleans as such and keeps everything else as text', () => {
		expect(typedValue('25')).toBe(25);
		expect(typedValue('-1.5')).toBe(-1.5);
		expect(typedValue('true')).toBe(true);
		expect(typedValue('0042')).toBe('0042');
		expect(typedValue('12 minutes')).toBe('12 minutes');
		expect(typedValue('')).toBe('');
	});

	it('keeps as text a number JavaScript would round, so no digit changes on the way', () => {
		expect(typedValue('12345678901234567890')).toBe('12345678901234567890');
		expect(typedValue('9007199254740993')).toBe('9007199254740993');
		expect(typedValue('9007199254740991')).toBe(9007199254740991);
		expect(typedValue('0.12345678901234567')).toBe('0.12345678901234567');
		expect(typedValue('1.50')).toBe(1.5);
		expect(typedValue('1e3')).toBe(1000);
		expect(typedValue('1e400')).toBe('1e400');
	});

	it('merges rows with a JSON object and refuses a key set in both', () => {
		expect(
			keyValueObject(
				[{ key: 'status', value: 'late' }],
				'{"driver": {"name": "Ada"}}',
				'Content State',
				'Content State (JSON)',
			),
		).toEqual({ status: 'late', driver: { name: 'Ada' } });
		const error = parameterError(() =>
			keyValueObject(
				[{ key: 'status', value: 'a' }],
				{ status: 'b' },
				'Content State',
				'Content State (JSON)',
			),
		);
		expect(error.message).toBe('Content State (JSON): "status" is also set in Content State');
	});
});

describe('filter relations in the editor', () => {
	it('never stores a value starting with "=", which n8n would evaluate as an expression', () => {
		expect(FILTER_RELATION_OPTIONS.filter((option) => option.value.startsWith('='))).toEqual([]);
		expect(FILTER_RELATION_OPTIONS.find((option) => option.name === 'Equals (=)')?.value).toBe(
			'equals',
		);
	});

	it('sends "=" for the editor’s "equals", and accepts "=" itself from expressions', () => {
		expect(
			buildFilters([
				{ field: 'country', relation: 'equals', value: 'FR' },
				{ join: 'or', field: 'country', relation: '=', value: 'DE' },
			]),
		).toEqual([
			{ field: 'country', relation: '=', value: 'FR' },
			{ operator: 'OR' },
			{ field: 'country', relation: '=', value: 'DE' },
		]);
	});
});
