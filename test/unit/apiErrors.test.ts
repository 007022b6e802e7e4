import { errorMessagesOf, primaryErrorMessage } from '../../nodes/OneSignal/helpers/apiErrors';

describe('OneSignal error bodies', () => {
	it('reads the list-of-strings shape', () => {
		expect(errorMessagesOf({ errors: ['app_id not found', 'second'] })).toEqual([
			'app_id not found',
			'second',
		]);
	});

	it('reads the list-of-objects shape with code, title and meta', () => {
		expect(
			errorMessagesOf({
				errors: [
					{ code: 'user-2', title: 'Alias claimed by another user', meta: { external_id: 'u-9' } },
				],
			}),
		).toEqual(['Alias claimed by another user (external_id=u-9)']);
	});

	it('shows aliases nested in meta, as Create User’s 409 sends them', () => {
		expect(
			errorMessagesOf({
				errors: [
					{
						code: 'user-2',
						title: 'One or more Aliases claimed by another User',
						meta: { conflicting_aliases: { external_id: 'u-9', crm_id: 'c-1' } },
					},
				],
			}),
		).toEqual([
			'One or more Aliases claimed by another User (conflicting_aliases: external_id=u-9, crm_id=c-1)',
		]);
	});

	it('falls back to the code when an object has no title', () => {
		expect(errorMessagesOf({ errors: [{ code: 'rate-limit' }] })).toEqual(['code rate-limit']);
	});

	it('reads an object of error lists', () => {
		expect(errorMessagesOf({ errors: { invalid_aliases: { external_id: ['u-2'] } } })).toEqual([
			'invalid_aliases: {"external_id":["u-2"]}',
		]);
	});

	it('reads a plain text or JSON text body', () => {
		expect(errorMessagesOf('Bad Gateway')).toEqual(['Bad Gateway']);
		expect(errorMessagesOf('{"errors":["parsed"]}')).toEqual(['parsed']);
	});

	it('names the status when OneSignal gave no explanation', () => {
		expect(primaryErrorMessage({}, 502)).toBe('OneSignal answered HTTP 502 without an explanation');
	});
});
