import {
	aliasConflict,
	aliasConflictMessage,
	identityFromRows,
	userAlias,
} from '../../nodes/OneSignal/helpers/aliases';
import { parameterError } from '../support/errors';

const names = { value: 'External ID', label: 'Alias Label' };

describe('identifying a user by alias', () => {
	it('keeps every character of an External ID but surrounding spaces', () => {
		expect(userAlias('externalId', '  a/b?c#d e ', undefined, names)).toEqual({
			label: 'external_id',
			id: 'a/b?c#d e',
		});
	});

	it('accepts a OneSignal ID only when it is a UUID', () => {
		expect(
			userAlias('onesignalId', '1DD608F2-C6A1-41E3-851D-000C2940E62C', undefined, names),
		).toEqual({ label: 'onesignal_id', id: '1dd608f2-c6a1-41e3-851d-000c2940e62c' });
		const error = parameterError(() => userAlias('onesignalId', 'user-1', undefined, names));
		expect(error.message).toBe('External ID: "user-1" is not a OneSignal ID');
		expect(error.hint).toContain('choose "External ID"');
	});

	it('refuses a custom label that is one of the built-in ones', () => {
		const error = parameterError(() => userAlias('customAlias', 'x', 'external_id', names));
		expect(error.message).toBe('Alias Label: "external_id" is a built-in label');
	});

	it('refuses an empty value and a label with spaces or slashes', () => {
		expect(parameterError(() => userAlias('externalId', ' ', undefined, names)).message).toBe(
			'External ID: is empty',
		);
		expect(parameterError(() => userAlias('customAlias', 'x', 'crm id', names)).message).toContain(
			'is not an alias label',
		);
	});
});

describe('identity objects for writes', () => {
	it('builds one entry per label', () => {
		expect(
			identityFromRows(
				[
					{ label: 'external_id', id: ' u-1 ' },
					{ label: 'crm_id', id: 42 },
				],
				'Aliases',
			),
		).toEqual({ external_id: 'u-1', crm_id: '42' });
	});

	it('refuses onesignal_id, a label given twice with different values and a missing value', () => {
		expect(
			parameterError(() => identityFromRows([{ label: 'onesignal_id', id: 'x' }], 'Aliases'))
				.message,
		).toBe('Aliases → Label: onesignal_id cannot be set');
		expect(
			parameterError(() =>
				identityFromRows(
					[
						{ label: 'crm_id', id: 'a' },
						{ label: 'crm_id', id: 'b' },
					],
					'Aliases',
				),
			).message,
		).toContain('given twice');
		expect(
			parameterError(() => identityFromRows([{ label: 'crm_id', id: '' }], 'Aliases')).message,
		).toContain('has no value');
	});
});

describe('409: which alias belongs to another user', () => {
	const sent = { external_id: 'u-1', crm_id: 'c-9' };

	it('names the alias from the spec’s conflicting_aliases shape', () => {
		const conflict = aliasConflict(
			{
				errors: [
					{
						code: 'user-2',
						title: 'One or more Aliases claimed by another User',
						meta: { conflicting_aliases: { crm_id: 'c-9' } },
					},
				],
			},
			sent,
		);
		expect(aliasConflictMessage(conflict).message).toBe(
			'Alias crm_id=c-9 already belongs to another user',
		);
		expect(aliasConflictMessage(conflict).description).toContain(
			'OneSignal said: One or more Aliases claimed by another User.',
		);
	});

	it('names the alias when meta holds the aliases directly', () => {
		const conflict = aliasConflict(
			{ errors: [{ code: 'user-2', title: 'claimed', meta: { external_id: 'u-1' } }] },
			sent,
		);
		expect(conflict).toMatchObject({ aliases: { external_id: 'u-1' }, named: true });
	});

	it('names the alias a text error mentions', () => {
		const conflict = aliasConflict(
			{ errors: ['Alias crm_id=c-9 is already in use by another user'] },
			sent,
		);
		expect(aliasConflictMessage(conflict).message).toBe(
			'Alias crm_id=c-9 already belongs to another user',
		);
	});

	it('lists every sent alias as a candidate when a text error names none', () => {
		const conflict = aliasConflict({ errors: ['Conflict'] }, sent);
		expect(aliasConflictMessage(conflict).message).toBe(
			'One of the aliases external_id=u-1, crm_id=c-9 already belongs to another user',
		);
	});

	it('names the only sent alias when the body says nothing useful', () => {
		const conflict = aliasConflict('', { external_id: 'u-1' }, ['OneSignal answered HTTP 409']);
		expect(aliasConflictMessage(conflict).message).toBe(
			'Alias external_id=u-1 already belongs to another user',
		);
	});
});

describe('alias values that no request path can carry', () => {
	it('refuses an External ID of only dots, also after trimming', () => {
		for (const value of ['.', '..', ' .. ']) {
			const error = parameterError(() => userAlias('externalId', value, undefined, names));
			expect(error.parameter).toBe('External ID');
			expect(error.message).toContain('OneSignal’s API cannot address');
			expect(error.hint).toContain('"OneSignal ID"');
		}
		expect(userAlias('externalId', '...', undefined, names).id).toBe('...');
	});

	it('refuses a custom alias label or value of only dots', () => {
		expect(parameterError(() => userAlias('customAlias', 'x', '..', names)).parameter).toBe(
			'Alias Label',
		);
		expect(parameterError(() => userAlias('customAlias', '.', 'crm_id', names)).parameter).toBe(
			'External ID',
		);
		// A custom value is used as given, so " . " is a value OneSignal can be sent.
		expect(userAlias('customAlias', ' . ', 'crm_id', names).id).toBe(' . ');
	});
});
