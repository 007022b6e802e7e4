import { apiPath, checkPathValue, isDotSegment } from '../../nodes/OneSignal/helpers/paths';
import { parameterError } from '../support/errors';

describe('request paths', () => {
	it('encodes every value as one segment', () => {
		expect(apiPath`/apps/${'a'}/users/by/${'external_id'}/${'a/b?c#d e'}`).toBe(
			'/apps/a/users/by/external_id/a%2Fb%3Fc%23d%20e',
		);
		expect(apiPath`/notifications/${42}`).toBe('/notifications/42');
	});

	it.each(['.', '..'])('refuses the dot segment %p as a value', (value) => {
		const error = parameterError(() => apiPath`/apps/app-1/users/by/external_id/${value}`);
		expect(error.parameter).toBe('Request Path');
		expect(error.message).toContain(`"${value}" cannot be used`);
		expect(error.message).toContain('OneSignal’s API cannot address');
		expect(error.hint).toContain('/apps/app-1/users/by/external_id/…');
	});

	it('refuses a dot segment in a suffix built on its own', () => {
		parameterError(() => apiPath`/identity/${'..'}`);
	});

	it('keeps values that only look like dot segments once encoded', () => {
		// "%2E" is sent as "%252E", which no parser reads as a dot; OneSignal receives "%2E".
		expect(apiPath`/x/${'%2E'}/${'%2e%2e'}/${'...'}/${'.a'}/${' ..'}`).toBe(
			'/x/%252E/%252e%252e/.../.a/%20..',
		);
	});

	it('tells which values become dot segments', () => {
		expect(['.', '..', '...', '%2e', '', 'a.'].map(isDotSegment)).toEqual([
			true,
			true,
			false,
			false,
			false,
			false,
		]);
	});

	it('names the parameter a reader passes, with its own hint', () => {
		const error = parameterError(() => checkPathValue('..', 'Activity ID', 'Use another ID.'));
		expect(error.message).toBe(
			'Activity ID: ".." cannot be used, because OneSignal’s API cannot address a value that is only dots ("." or "..")',
		);
		expect(error.hint).toBe('Use another ID.');
		expect(checkPathValue('a..', 'Activity ID')).toBe('a..');
	});
});
