import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ONESIGNAL_ID, userAlias, type UserIdentifiedBy } from '../helpers/aliases';
import { apiPath } from '../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../transport';

/**
 * Segment names for the Send operation. Messages target segments by name, and names are exact and
 * case-sensitive, so offering the real names is the surest way to avoid a send that reaches no one.
 */
export async function getSegmentNames(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const appId = await oneSignalAppId.call(this);
	const names: INodePropertyOptions[] = [];
	for (let offset = 0; offset < 3000; offset += 300) {
		const { body } = await oneSignalApiRequest.call(this, {
			method: 'GET',
			path: apiPath`/apps/${appId}/segments`,
			qs: { limit: 300, offset },
			operation: 'segment.names',
		});
		const segments = ((body as IDataObject).segments as IDataObject[] | undefined) ?? [];
		for (const segment of segments) {
			const name = String(segment.name ?? '');
			if (name)
				names.push({
					name,
					value: name,
					description: segment.is_active === false ? 'Paused' : undefined,
				});
		}
		if (segments.length < 300) break;
	}
	return names.sort((a, b) => a.name.localeCompare(b.name));
}

/** Apps of the organization by name, for filters that take several App IDs. */
export async function getApps(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'GET',
		path: '/apps',
		keyTier: 'organization',
		operation: 'app.options',
	});
	const apps = Array.isArray(body) ? (body as IDataObject[]) : [];
	return apps
		.map((app) => ({ name: String(app.name ?? app.id), value: String(app.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The alias labels the chosen user has now, for Alias → Delete. Until the user is filled in (or
 * while it is an expression that needs input data) the list is empty and an expression still
 * works. The OneSignal ID is left out: it cannot be removed.
 */
export async function getUserAliasLabels(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const by = this.getCurrentNodeParameter('identifyBy') as UserIdentifiedBy | undefined;
	const field = { externalId: 'externalId', onesignalId: 'onesignalId', customAlias: 'aliasId' }[
		by ?? 'externalId'
	];
	let alias;
	try {
		alias = userAlias(
			by ?? 'externalId',
			this.getCurrentNodeParameter(field ?? 'externalId'),
			this.getCurrentNodeParameter('aliasLabel'),
			{ value: 'User' },
		);
	} catch {
		return [];
	}
	if (String(alias.id).startsWith('=')) return [];
	const appId = await oneSignalAppId.call(this);
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'GET',
		path: apiPath`/apps/${appId}/users/by/${alias.label}/${alias.id}/identity`,
		operation: 'alias.labels',
	});
	const identity = ((body as IDataObject).identity as IDataObject | undefined) ?? {};
	return Object.entries(identity)
		.filter(([label]) => label !== ONESIGNAL_ID)
		.map(([label, id]) => ({ name: label, value: label, description: String(id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Segments by ID, for journeys: unlike messages, which target segments by name, a journey's
 * audience and exit rules take segment IDs.
 */
export async function getSegmentIds(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const appId = await oneSignalAppId.call(this);
	const options: INodePropertyOptions[] = [];
	for (let offset = 0; offset < 3000; offset += 300) {
		const { body } = await oneSignalApiRequest.call(this, {
			method: 'GET',
			path: apiPath`/apps/${appId}/segments`,
			qs: { limit: 300, offset },
			operation: 'segment.ids',
		});
		const segments = ((body as IDataObject).segments as IDataObject[] | undefined) ?? [];
		for (const segment of segments) {
			if (!segment.id) continue;
			options.push({
				name: String(segment.name ?? segment.id),
				value: String(segment.id),
				description: segment.is_active === false ? 'Paused' : undefined,
			});
		}
		if (segments.length < 300) break;
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}
