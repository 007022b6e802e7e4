import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';

import { seedDefaults, type SeedResult } from './seed';
import { StandInState } from './state';

/**
 * A stateful stand-in for OneSignal's REST API, owned by this project. It listens on 127.0.0.1
 * only, keeps apps, users, subscriptions, segments, templates and messages in memory, replays
 * idempotent requests the way OneSignal does, and can inject the faults a stateless mock cannot:
 * 429 with Retry-After, 5xx, a connection cut after the request was processed, answers slower
 * than the client's timeout, and a token-bucket rate limit. Every request is recorded.
 */

export type KeyTier = 'app' | 'organization' | 'none';

export interface RouteContext {
	state: StandInState;
	params: Record<string, string>;
	query: URLSearchParams;
	body: unknown;
	headers: IncomingMessage['headers'];
	/** The app the request's key belongs to (app tier only). */
	appId?: string;
	now: number;
}

export interface RouteAnswer {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Raw bytes for file downloads. */
	raw?: Buffer;
}

export interface Route {
	method: string;
	/** Path pattern with :name placeholders, matched against the decoded path segments. */
	path: string;
	tier: KeyTier;
	/** Where the app ID is, for app-tier checks: a path parameter, the query or the body. */
	appIdFrom?: { param?: string; query?: string; body?: string };
	handle(context: RouteContext): RouteAnswer | Promise<RouteAnswer>;
}

export type FaultKind = 'status' | 'reset-before' | 'reset-after' | 'delay';

export interface FaultRule {
	method?: string;
	/** A regular expression tested against the path without query. */
	path?: string;
	/** Only requests whose raw body contains this text (to aim at one item's requests). */
	bodyIncludes?: string;
	/** How many matching requests it applies to; unlimited when absent. */
	times?: number;
	kind: FaultKind;
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	delayMs?: number;
}

/** Random faults with fixed rates and a seed, so a run can be repeated exactly. */
export interface FaultPlan {
	seed: number;
	method?: string;
	path?: string;
	rateLimited: number;
	unavailable: number;
	serverError: number;
	resetAfterProcessing: number;
	slow: number;
	slowMs: number;
	/** Share of 429s whose Retry-After is an HTTP date instead of seconds. */
	httpDateShare: number;
}

export interface RateLimit {
	perSecond: number;
	burst: number;
}

export interface RecordedRequest {
	seq: number;
	at: number;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
	status?: number;
	/** What the stand-in did: answered, a fault, or rate limited. */
	outcome: string;
}

export interface StandInOptions {
	port?: number;
	/** Fill in a demo app with users, segments and templates (default true). */
	seed?: boolean;
	latencyMs?: number;
	rateLimit?: RateLimit;
}

/** mulberry32: small, fast and good enough to make fault runs reproducible. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const ACCESS_DENIED = {
	errors: [
		"Access denied.  Please include an 'Authorization: Key <API_KEY>' header with a valid API key.",
	],
};

export class StandIn {
	readonly state = new StandInState();
	readonly requests: RecordedRequest[] = [];
	seeded?: SeedResult;
	faults: FaultRule[] = [];
	latencyMs: number;
	rateLimit?: RateLimit;
	private plan?: FaultPlan;
	private random: () => number = Math.random;
	private tokens = 0;
	private tokensAt = Date.now();
	private server?: Server;
	private sockets = new Set<Socket>();
	private seq = 0;
	port = 0;

	constructor(
		private readonly routes: Route[],
		private readonly options: StandInOptions = {},
	) {
		this.latencyMs = options.latencyMs ?? 0;
		this.rateLimit = options.rateLimit;
		if (options.seed !== false) this.seeded = seedDefaults(this.state);
	}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	async listen(): Promise<this> {
		this.server = createServer((req, res) => void this.handle(req, res));
		this.server.keepAliveTimeout = 30_000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) =>
			this.server!.listen(this.options.port ?? 0, '127.0.0.1', resolve),
		);
		this.port = (this.server.address() as AddressInfo).port;
		return this;
	}

	async close(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	setFaultPlan(plan: FaultPlan | undefined): void {
		this.plan = plan;
		this.random = plan ? seededRandom(plan.seed) : Math.random;
	}

	setRateLimit(limit: RateLimit | undefined): void {
		this.rateLimit = limit;
		this.tokens = limit?.burst ?? 0;
		this.tokensAt = Date.now();
	}

	/** Forgets the recorded requests, so that the next run of several against one stand-in counts its own. */
	clearRequests(): void {
		this.requests.length = 0;
	}

	/** Requests to the API (control requests excluded) matching a method and path pattern. */
	requestsTo(method: string, path: RegExp | string): RecordedRequest[] {
		const pattern = typeof path === 'string' ? new RegExp(`^${path}$`) : path;
		return this.requests.filter((entry) => entry.method === method && pattern.test(entry.path));
	}

	private takeToken(): boolean {
		if (!this.rateLimit) return true;
		const now = Date.now();
		const { perSecond, burst } = this.rateLimit;
		this.tokens = Math.min(burst, this.tokens + ((now - this.tokensAt) / 1000) * perSecond);
		this.tokensAt = now;
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}

	private pickFault(method: string, path: string, rawBody: string): FaultRule | undefined {
		for (const rule of this.faults) {
			if (rule.method && rule.method !== method) continue;
			if (rule.path && !new RegExp(rule.path).test(path)) continue;
			if (rule.bodyIncludes && !rawBody.includes(rule.bodyIncludes)) continue;
			if (rule.times !== undefined) {
				if (rule.times <= 0) continue;
				rule.times--;
			}
			return rule;
		}
		const plan = this.plan;
		if (!plan) return undefined;
		if (plan.method && plan.method !== method) return undefined;
		if (plan.path && !new RegExp(plan.path).test(path)) return undefined;
		const roll = this.random();
		let edge = plan.rateLimited;
		if (roll < edge) {
			const seconds = this.random() < 0.5 ? 1 : 2;
			const asDate = this.random() < plan.httpDateShare;
			const value = asDate
				? new Date(Math.ceil((Date.now() + seconds * 1000) / 1000) * 1000 + 1000).toUTCString()
				: String(seconds);
			return {
				kind: 'status',
				status: 429,
				body: { errors: ['API rate limit exceeded'], limit: 'notifications' },
				headers: { 'Retry-After': value },
			};
		}
		if (roll < (edge += plan.unavailable)) {
			return { kind: 'status', status: 503, body: { errors: ['Service Unavailable'] } };
		}
		if (roll < (edge += plan.serverError)) {
			return { kind: 'status', status: 500, body: { errors: ['Internal Server Error'] } };
		}
		if (roll < (edge += plan.resetAfterProcessing)) return { kind: 'reset-after' };
		if (roll < (edge += plan.slow)) return { kind: 'delay', delayMs: plan.slowMs };
		return undefined;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const method = (req.method ?? 'GET').toUpperCase();

		if (url.pathname.startsWith('/__standin/')) {
			return this.control(method, url, rawBody, res);
		}

		let body: unknown = undefined;
		let badJson = false;
		if (rawBody.length > 0) {
			try {
				body = JSON.parse(rawBody);
			} catch {
				badJson = true;
				body = rawBody;
			}
		}
		const record: RecordedRequest = {
			seq: ++this.seq,
			at: Date.now(),
			method,
			path: url.pathname,
			query: Object.fromEntries(
				[...new Set(url.searchParams.keys())].map((key) => {
					const all = url.searchParams.getAll(key);
					return [key, all.length > 1 ? all : all[0]];
				}),
			),
			headers: { ...req.headers },
			body,
			outcome: 'answered',
		};
		this.requests.push(record);

		const send = (answer: RouteAnswer) => {
			record.status = answer.status;
			if (res.destroyed) return;
			const headers: Record<string, string> = { ...(answer.headers ?? {}) };
			if (answer.raw) {
				res.writeHead(answer.status, { 'Content-Type': 'application/octet-stream', ...headers });
				res.end(answer.raw);
				return;
			}
			const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
			res.writeHead(answer.status, {
				'Content-Type': 'application/json; charset=utf-8',
				'Content-Length': Buffer.byteLength(text),
				...headers,
			});
			res.end(text);
		};

		if (!this.takeToken()) {
			record.outcome = 'rate-limited';
			return send({
				status: 429,
				body: { errors: ['API rate limit exceeded'], limit: 'standin' },
				headers: { 'Retry-After': '1' },
			});
		}

		const fault = this.pickFault(method, url.pathname, rawBody);
		if (fault?.kind === 'status') {
			record.outcome = `fault:${fault.status}`;
			return send({ status: fault.status ?? 500, body: fault.body, headers: fault.headers });
		}
		if (fault?.kind === 'reset-before') {
			record.outcome = 'fault:reset-before';
			req.socket.destroy();
			return;
		}

		if (this.latencyMs > 0) await wait(this.latencyMs);

		const answer = badJson
			? { status: 400, body: { errors: ['Invalid JSON in request body'] } }
			: await this.route(method, url, body, req);

		if (fault?.kind === 'reset-after') {
			record.outcome = 'fault:reset-after';
			record.status = answer.status;
			req.socket.destroy();
			return;
		}
		if (fault?.kind === 'delay') {
			record.outcome = 'fault:delay';
			await wait(fault.delayMs ?? 5_000);
		}
		send(answer);
	}

	private async route(
		method: string,
		url: URL,
		body: unknown,
		req: IncomingMessage,
	): Promise<RouteAnswer> {
		const segments = url.pathname.split('/').filter(Boolean);
		for (const route of this.routes) {
			if (route.method !== method) continue;
			const params = matchPath(route.path, segments);
			if (!params) continue;
			const context: RouteContext = {
				state: this.state,
				params,
				query: url.searchParams,
				body,
				headers: req.headers,
				now: Date.now(),
			};
			const denied = this.authorize(route, context);
			if (denied) return denied;
			try {
				return await route.handle(context);
			} catch (error) {
				return { status: 500, body: { errors: [`stand-in failure: ${(error as Error).message}`] } };
			}
		}
		return { status: 404, body: { errors: [`No route for ${method} ${url.pathname}`] } };
	}

	private authorize(route: Route, context: RouteContext): RouteAnswer | undefined {
		if (route.tier === 'none') return undefined;
		const header = String(context.headers.authorization ?? '');
		const match = /^Key (\S+)$/.exec(header);
		if (!match) return { status: 401, body: ACCESS_DENIED };
		const key = match[1];
		// A key OneSignal does not know at all is unauthorised (401); a real key of the wrong tier
		// or of another app is forbidden (403).
		const known =
			key === this.state.organizationKey ||
			[...this.state.apps.values()].some((app) => app.apiKey === key);
		if (!known) return { status: 401, body: ACCESS_DENIED };
		if (route.tier === 'organization') {
			return key === this.state.organizationKey ? undefined : { status: 403, body: ACCESS_DENIED };
		}
		const from = route.appIdFrom ?? {};
		const appId =
			(from.param && context.params[from.param]) ||
			(from.query && context.query.get(from.query)) ||
			(from.body &&
				typeof context.body === 'object' &&
				context.body !== null &&
				String((context.body as Record<string, unknown>)[from.body] ?? '')) ||
			'';
		const app = this.state.app(appId);
		if (!app) {
			return appId
				? { status: 400, body: { errors: [`App with id '${appId}' not found`] } }
				: {
						status: 400,
						body: {
							errors: [
								'app_id not found. You may be missing a Content-Type: application/json header.',
							],
						},
					};
		}
		if (app.apiKey !== key) return { status: 403, body: ACCESS_DENIED };
		context.appId = appId;
		return undefined;
	}

	private control(method: string, url: URL, rawBody: string, res: ServerResponse): void {
		const reply = (status: number, body: unknown) => {
			const text = JSON.stringify(body);
			res.writeHead(status, {
				'Content-Type': 'application/json',
				'Content-Length': Buffer.byteLength(text),
			});
			res.end(text);
		};
		const input = rawBody ? (JSON.parse(rawBody) as Record<string, unknown>) : {};
		switch (`${method} ${url.pathname}`) {
			case 'GET /__standin/requests': {
				const since = Number(url.searchParams.get('since') ?? 0);
				return reply(
					200,
					this.requests.filter((entry) => entry.seq > since),
				);
			}
			case 'GET /__standin/stats':
				return reply(200, {
					...this.state.stats(),
					requests: this.requests.length,
					...this.outcomeCounts(),
				});
			case 'POST /__standin/messages': {
				const appId = String(input.appId ?? this.seeded?.appId ?? '');
				if (!this.state.app(appId)) return reply(400, { errors: [`unknown app ${appId}`] });
				this.state.storeSentMessages(appId, Number(input.count ?? 0));
				return reply(200, { ok: true, messages: this.state.messages.size });
			}
			case 'DELETE /__standin/messages':
				this.state.clearMessages();
				this.clearRequests();
				return reply(200, { ok: true });
			case 'GET /__standin/seed':
				return reply(200, this.seeded ?? {});
			case 'PUT /__standin/faults':
				this.faults = (input.rules as FaultRule[] | undefined) ?? [];
				this.setFaultPlan(input.plan as FaultPlan | undefined);
				if ('rateLimit' in input) this.setRateLimit(input.rateLimit as RateLimit | undefined);
				if (typeof input.latencyMs === 'number') this.latencyMs = input.latencyMs;
				return reply(200, { ok: true });
			default:
				return reply(404, { errors: [`unknown control ${method} ${url.pathname}`] });
		}
	}

	outcomeCounts(): { outcomes: Record<string, number> } {
		const counts: Record<string, number> = {};
		for (const entry of this.requests) counts[entry.outcome] = (counts[entry.outcome] ?? 0) + 1;
		return { outcomes: counts };
	}
}

function matchPath(pattern: string, segments: string[]): Record<string, string> | undefined {
	const parts = pattern.split('/').filter(Boolean);
	if (parts.length !== segments.length) return undefined;
	const params: Record<string, string> = {};
	for (let index = 0; index < parts.length; index++) {
		const part = parts[index];
		const segment = decodeURIComponent(segments[index]);
		if (part.startsWith(':')) params[part.slice(1)] = segment;
		else if (part !== segment) return undefined;
	}
	return params;
}

async function wait(ms: number): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, ms));
}
