import type { OneSignalRequest } from '../../transport';
import { apiPath } from '../../helpers/paths';
import { explainSubscriptionNotFound } from '../subscription/shared';
import { explainUserNotFound, type UserLocator, userPath } from '../user/shared';

/** The identity endpoint of a user: by alias, or through one of the user's subscriptions. */
export function identityPath(appId: string, locator: UserLocator): string {
	return locator.kind === 'alias'
		? userPath(appId, locator.alias, '/identity')
		: apiPath`/apps/${appId}/subscriptions/${locator.subscriptionId}/user/identity`;
}

export function explainLocatorNotFound(
	locator: UserLocator,
): NonNullable<OneSignalRequest['explainFailure']> {
	return locator.kind === 'alias'
		? explainUserNotFound(locator.alias)
		: explainSubscriptionNotFound(locator.subscriptionId);
}
