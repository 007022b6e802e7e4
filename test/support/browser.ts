import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { createServer, type Server } from 'http';
import type { Socket } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { chromium, selectors, type BrowserContext } from 'playwright-core';

/**
 * Debian's Chromium driven by Playwright's core library, kept on loopback three ways: flags that
 * turn off Chromium's own background traffic, a proxy on 127.0.0.1 that refuses and records every
 * request for another host (loopback goes direct, as Chromium never proxies it), and a resolver
 * rule that makes every other host name unknown, for anything that would not use the proxy.
 */

const CHROMIUM = process.env.ONESIGNAL_CHROMIUM ?? '/usr/bin/chromium';

export function chromiumPath(): string {
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`Chromium is missing at ${CHROMIUM}. The browser test drives Debian's Chromium: run ` +
				'`bash scripts/rig.sh` as root (it runs `apt-get install -y chromium`), or install it ' +
				'yourself and set ONESIGNAL_CHROMIUM to its path.',
		);
	}
	return CHROMIUM;
}

/** A request that tried to leave loopback, as the trap proxy saw it. */
export interface OutsideRequest {
	method: string;
	target: string;
}

/**
 * An HTTP proxy on 127.0.0.1 that forwards nothing: it answers 403 to plain requests, closes
 * CONNECT tunnels, and remembers what was asked for.
 */
export class OutsideTrap {
	private constructor(
		private readonly server: Server,
		readonly port: number,
		/** Requests for other hosts: each one would have left the machine without the trap. */
		readonly requests: OutsideRequest[],
		/** Requests of Chromium's Google services, pointed at the trap by their own switches. */
		readonly redirected: OutsideRequest[],
	) {}

	static async start(): Promise<OutsideTrap> {
		const requests: OutsideRequest[] = [];
		const redirected: OutsideRequest[] = [];
		const server = createServer((request, response) => {
			const target = request.url ?? '';
			// A proxied request names its absolute URL; a request for a path came here directly,
			// from a Google service whose address the flags below point at this trap.
			(target.startsWith('/') ? redirected : requests).push({
				method: request.method ?? '',
				target,
			});
			response.writeHead(403, { 'content-type': 'text/plain' });
			response.end('blocked: this test browser stays on loopback');
		});
		server.on('connect', (request, socket: Socket) => {
			requests.push({ method: 'CONNECT', target: request.url ?? '' });
			socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as { port: number };
		return new OutsideTrap(server, port, requests, redirected);
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server.close(resolve));
	}
}

/** Chromium's flags: no background traffic, no QUIC, a proxy and resolver that keep it local. */
export function chromiumFlags(trapPort: number): string[] {
	const trap = `http://127.0.0.1:${trapPort}`;
	return [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--disable-domain-reliability',
		'--disable-client-side-phishing-detection',
		'--no-pings',
		'--dns-prefetch-disable',
		// Debian's launcher gives Chromium Google API keys, which turn on account checks, device
		// check-in and autofill lookups even in a fresh headless profile; each has a switch for its
		// server address, which sends it to the trap instead. (Another --disable-features would
		// replace Playwright's own list, so the features stay on and only their addresses change.)
		`--gaia-url=${trap}`,
		`--gcm-checkin-url=${trap}/checkin`,
		`--autofill-server-url=${trap}/autofill/`,
		`--proxy-server=${trap}`,
		'--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
	];
}

export interface TestBrowser {
	context: BrowserContext;
	trap: OutsideTrap;
	close(): Promise<void>;
}

/**
 * Launches Chromium with a fresh profile folder (removed on close). The host's proxy variables
 * are dropped from its environment, so only the trap proxy above is ever used.
 */
export async function launchTestBrowser(): Promise<TestBrowser> {
	const executablePath = chromiumPath();
	// n8n marks its elements with data-test-id, not Playwright's default data-testid.
	selectors.setTestIdAttribute('data-test-id');
	const trap = await OutsideTrap.start();
	const profile = mkdtempSync(join(tmpdir(), 'onesignal-chromium-'));
	// Signing in to n8n submits a password form, after which Chromium asks Google whether the
	// password leaked, and fills forms with help from Google's autofill server; the profile's
	// preferences turn both off before the first start.
	mkdirSync(join(profile, 'Default'));
	writeFileSync(
		join(profile, 'Default', 'Preferences'),
		JSON.stringify({
			credentials_enable_service: false,
			profile: { password_manager_enabled: false, password_manager_leak_detection: false },
			autofill: { enabled: false, profile_enabled: false, credit_card_enabled: false },
			safebrowsing: { enabled: false },
		}),
	);
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value !== undefined && !/^(https?|ftp|all|no)_proxy$/i.test(key)) env[key] = value;
	}
	let context: BrowserContext;
	try {
		context = await chromium.launchPersistentContext(profile, {
			executablePath,
			headless: true,
			args: chromiumFlags(trap.port),
			env,
			viewport: { width: 1440, height: 900 },
			timeout: 60_000,
		});
	} catch (error) {
		await trap.close();
		rmSync(profile, { recursive: true, force: true });
		throw error;
	}
	return {
		context,
		trap,
		async close() {
			await context.close().catch(() => undefined);
			await trap.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}

/** Whether a URL points at this machine (or is one the browser serves itself). */
export function isLoopbackUrl(url: string): boolean {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return false;
	}
	if (['data:', 'blob:', 'about:', 'chrome:', 'chrome-extension:'].includes(parsed.protocol)) {
		return true;
	}
	const host = parsed.hostname.replace(/^\[|\]$/g, '');
	return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
