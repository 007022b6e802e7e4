import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { apiPath } from '../helpers/paths';
import { oneSignalApiRequest, oneSignalAppId } from '../transport';

const PAGE = 50;

function matches(filter: string | undefined, ...values: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return values.some((value) => typeof value === 'string' && value.toLowerCase().includes(needle));
}

/** Templates of the credential's app, 50 at a time; the pagination token is the next offset. */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const appId = await oneSignalAppId.call(this);
	const offset = Number(paginationToken ?? 0) || 0;
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'GET',
		path: '/templates',
		qs: { app_id: appId, limit: PAGE, offset },
		operation: 'template.search',
	});
	const templates = ((body as IDataObject).templates as IDataObject[] | undefined) ?? [];
	const results: INodeListSearchItems[] = templates
		.filter((template) => matches(filter, template.name, template.id))
		.map((template) => ({
			name: `${String(template.name ?? template.id)}${template.channel ? ` (${String(template.channel)})` : ''}`,
			value: String(template.id),
		}));
	return {
		results,
		paginationToken: templates.length === PAGE ? String(offset + PAGE) : undefined,
	};
}

/** Segments of the credential's app, 300 a page as the endpoint allows. */
export async function searchSegments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const appId = await oneSignalAppId.call(this);
	const offset = Number(paginationToken ?? 0) || 0;
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'GET',
		path: apiPath`/apps/${appId}/segments`,
		qs: { limit: 300, offset },
		operation: 'segment.search',
	});
	const segments = ((body as IDataObject).segments as IDataObject[] | undefined) ?? [];
	return {
		results: segments
			.filter((segment) => matches(filter, segment.name, segment.id))
			.map((segment) => ({ name: String(segment.name ?? segment.id), value: String(segment.id) })),
		paginationToken: segments.length === 300 ? String(offset + 300) : undefined,
	};
}

/** Apps of the organization, for the App picker. One request returns them all (no paging). */
export async function searchApps(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'GET',
		path: '/apps',
		keyTier: 'organization',
		operation: 'app.search',
	});
	const apps = Array.isArray(body) ? (body as IDataObject[]) : [];
	return {
		results: apps
			.filter((app) => matches(filter, app.name, app.id))
			.map((app) => ({ name: String(app.name ?? app.id), value: String(app.id) }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
}

/** Journeys of the credential's app, 50 a page; the pagination token is the API's own cursor. */
export async function searchJourneys(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const appId = await oneSignalAppId.call(this);
	const qs: IDataObject = { limit: PAGE };
	if (paginationToken) qs.cursor = paginationToken;
	const { body } = await oneSignalApiRequest.call(this, {
		method: 'GET',
		path: apiPath`/apps/${appId}/journeys`,
		qs,
		operation: 'journey.search',
	});
	const journeys = ((body as IDataObject).journeys as IDataObject[] | undefined) ?? [];
	const next = (body as IDataObject).next_cursor;
	return {
		results: journeys
			.filter((journey) => matches(filter, journey.name, journey.id))
			.map((journey) => ({
				name: `${String(journey.name ?? journey.id)}${journey.state ? ` (${String(journey.state)})` : ''}`,
				value: String(journey.id),
			})),
		paginationToken: typeof next === 'string' && next ? next : undefined,
	};
}
