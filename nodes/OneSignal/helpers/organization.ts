import { isUuid } from './idempotency';
import { ParameterError } from './validation';

/**
 * The organization an operation works on: the operation's own Organization ID when filled in,
 * otherwise the one stored in the OneSignal Organization API credential. OneSignal checks that it
 * matches the organization key, so a wrong ID fails with a 403 that looks like a bad key; a
 * missing or malformed one is caught here, before anything is sent.
 */
export function pickOrganizationId(
	override: unknown,
	fromCredential: unknown,
	overrideLocation = 'Options → Organization ID',
): string {
	const own = typeof override === 'string' ? override.trim() : '';
	const stored = typeof fromCredential === 'string' ? fromCredential.trim() : '';
	const chosen = own || stored;
	if (!chosen) {
		throw new ParameterError(
			'Organization ID',
			'no organization ID is set',
			`Fill in Organization ID in the "OneSignal Organization API" credential, or under ${overrideLocation} on this node. OneSignal shows it under Organizations → your organization → Keys & IDs.`,
		);
	}
	if (!isUuid(chosen)) {
		throw new ParameterError(
			'Organization ID',
			`"${chosen}" is not an organization ID`,
			`An organization ID is a UUID such as 3c9d8e2f-1a4b-4c6d-8e0f-2a3b4c5d6e7f (OneSignal: Organizations → Keys & IDs). It came from ${own ? 'the Organization ID option of this node' : 'the credential'}.`,
		);
	}
	return chosen;
}
