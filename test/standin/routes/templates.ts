import { randomUUID } from 'crypto';

import type { Route, RouteAnswer, RouteContext } from '../server';
import type { ChannelKind, StoredTemplate } from '../state';

/**
 * Templates as OneSignal keeps them: listed 50 a page at most, optionally by channel; push and
 * SMS templates need English contents, email templates a subject and a body; copying to another
 * app needs the organization key.
 */

const bad = (...errors: string[]): RouteAnswer => ({ status: 400, body: { errors } });

/** The fields a template stores as its content; anything else in a request is ignored. */
const CONTENT_FIELDS = [
	'contents',
	'headings',
	'subtitle',
	'email_subject',
	'email_body',
	'email_bcc',
	'dynamic_content',
	'url',
	'data',
	'ios_sound',
	'android_channel_id',
	'big_picture',
	'sms_media_urls',
];

export function presentTemplate(template: StoredTemplate): Record<string, unknown> {
	return {
		id: template.id,
		name: template.name,
		created_at: new Date(template.createdAt).toISOString(),
		updated_at: new Date(template.updatedAt).toISOString(),
		channel: template.channel,
		content: {
			isEmail: template.channel === 'email' ? true : null,
			isSMS: template.channel === 'sms' ? true : null,
			...template.content,
		},
	};
}

function findTemplate(context: RouteContext): StoredTemplate | RouteAnswer {
	const template = context.state.templates.get(context.params.templateId);
	if (!template || template.appId !== context.appId) {
		return { status: 404, body: { errors: ['Template not found'] } };
	}
	return template;
}

function contentOf(body: Record<string, unknown>): Record<string, unknown> {
	const content: Record<string, unknown> = {};
	for (const field of CONTENT_FIELDS) if (body[field] !== undefined) content[field] = body[field];
	return content;
}

function checkContent(channel: ChannelKind, content: Record<string, unknown>): string | undefined {
	if (channel === 'email') {
		if (!content.email_subject) return 'email_subject is required for email templates';
		if (!content.email_body) return 'email_body is required for email templates';
	} else if (typeof (content.contents as Record<string, unknown> | undefined)?.en !== 'string') {
		return 'contents must include English (en)';
	}
	if (Array.isArray(content.email_bcc) && content.email_bcc.length > 5) {
		return 'email_bcc can have at most 5 addresses';
	}
	return undefined;
}

function listTemplates({ state, query, appId }: RouteContext): RouteAnswer {
	const limit = Number(query.get('limit') ?? 50);
	const offset = Number(query.get('offset') ?? 0);
	if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
		return bad('limit must be between 1 and 50');
	}
	const channel = query.get('channel');
	const all = [...state.templates.values()]
		.filter((template) => template.appId === appId && (!channel || template.channel === channel))
		.sort((a, b) => a.createdAt - b.createdAt);
	return {
		status: 200,
		body: { templates: all.slice(offset, offset + limit).map(presentTemplate) },
	};
}

function createTemplate(context: RouteContext): RouteAnswer {
	const body = (context.body ?? {}) as Record<string, unknown>;
	const name = typeof body.name === 'string' ? body.name.trim() : '';
	if (!name) return bad('name is required');
	if (name.length > 128) return bad('name is too long (maximum is 128 characters)');
	const channel: ChannelKind =
		body.isEmail === true ? 'email' : body.isSMS === true ? 'sms' : 'push';
	const content = contentOf(body);
	const problem = checkContent(channel, content);
	if (problem) return { status: 422, body: { errors: [problem] } };
	const template: StoredTemplate = {
		id: randomUUID(),
		appId: context.appId!,
		name,
		channel,
		content,
		createdAt: context.now,
		updatedAt: context.now,
	};
	context.state.templates.set(template.id, template);
	return { status: 200, body: presentTemplate(template) };
}

function updateTemplate(context: RouteContext): RouteAnswer {
	const found = findTemplate(context);
	if ('status' in found) return found;
	const body = (context.body ?? {}) as Record<string, unknown>;
	const content = { ...found.content, ...contentOf(body) };
	const problem = checkContent(found.channel, content);
	if (problem) return bad(problem);
	if (typeof body.name === 'string' && body.name.trim()) found.name = body.name.trim();
	found.content = content;
	found.updatedAt = context.now;
	return { status: 200, body: presentTemplate(found) };
}

function deleteTemplate(context: RouteContext): RouteAnswer {
	const found = findTemplate(context);
	if ('status' in found) return found;
	context.state.templates.delete(found.id);
	return { status: 200, body: { success: true } };
}

function copyTemplate(context: RouteContext): RouteAnswer {
	const { state } = context;
	const source = state.templates.get(context.params.templateId);
	const sourceAppId = context.query.get('app_id') ?? '';
	if (!state.app(sourceAppId)) return bad(`App with id '${sourceAppId}' not found`);
	if (!source || source.appId !== sourceAppId) {
		return bad('Template not found in the source app');
	}
	const target = String(((context.body ?? {}) as Record<string, unknown>).target_app_id ?? '');
	if (!target) return bad('target_app_id is required');
	const targetApp = state.app(target);
	if (!targetApp || targetApp.organizationId !== state.organizationId) {
		return bad(`App with id '${target}' not found in this organization`);
	}
	const copy: StoredTemplate = {
		...source,
		id: randomUUID(),
		appId: target,
		content: structuredClone(source.content),
		createdAt: context.now,
		updatedAt: context.now,
	};
	state.templates.set(copy.id, copy);
	return { status: 200, body: presentTemplate(copy) };
}

const byQuery = { tier: 'app' as const, appIdFrom: { query: 'app_id' } };

export const templateRoutes: Route[] = [
	{ method: 'GET', path: '/templates', ...byQuery, handle: listTemplates },
	{
		method: 'POST',
		path: '/templates',
		tier: 'app',
		appIdFrom: { body: 'app_id' },
		handle: createTemplate,
	},
	{
		method: 'GET',
		path: '/templates/:templateId',
		...byQuery,
		handle: (context) => {
			const found = findTemplate(context);
			return 'status' in found ? found : { status: 200, body: presentTemplate(found) };
		},
	},
	{ method: 'PATCH', path: '/templates/:templateId', ...byQuery, handle: updateTemplate },
	{ method: 'DELETE', path: '/templates/:templateId', ...byQuery, handle: deleteTemplate },
	{
		method: 'POST',
		path: '/templates/:templateId/copy_to_app',
		tier: 'organization',
		handle: copyTemplate,
	},
];
