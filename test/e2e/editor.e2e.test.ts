import { mkdirSync } from 'fs';
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { join } from 'path';
import type { ConsoleMessage, Locator, Page } from 'playwright-core';

import { OneSignal } from '../../nodes/OneSignal/OneSignal.node';
import { OneSignalPollingTrigger } from '../../nodes/OneSignalPollingTrigger/OneSignalPollingTrigger.node';
import { OneSignalTrigger } from '../../nodes/OneSignalTrigger/OneSignalTrigger.node';
import { startStandIn, type StandIn } from '../standin';
import { isLoopbackUrl, launchTestBrowser, type TestBrowser } from '../support/browser';
import { displayedFields, optionsOf } from '../support/displayedFields';
import { N8nHome, type StartedN8n, waitFor } from '../support/n8n';
import { repoRoot } from '../support/paths';

/**
 * The nodes in n8n's editor, in Debian's Chromium: a real n8n with the package linked as a
 * community package, the editor opened by a signed-in owner, the OneSignal node added from the
 * node panel and switched through every resource and operation, and both triggers opened. Each
 * step must leave the page console free of errors. Screenshots go to test-artifacts/editor/.
 * Nothing may leave loopback: the browser's requests for other hosts are blocked and listed, and
 * only the known ones below are allowed to be attempted.
 */

const ARTIFACTS = join(repoRoot, 'test-artifacts', 'editor');
const WORKFLOW_ID = 'osEditorCheck01';

/**
 * What n8n's editor fetches from other hosts by itself for a community node; neither can be
 * turned off by a setting, so the test blocks them and checks the editor works without them.
 */
const KNOWN_OUTSIDE_FETCHES: Array<{ url: RegExp; why: string }> = [
	{
		url: /^https:\/\/registry\.npmjs\.org\/n8n-nodes-onesignal$/,
		why: "the node panel and the node's footer read the package's npm metadata (maintainer, bugs URL)",
	},
	{
		url: /^https:\/\/api\.npmjs\.org\/downloads\/range\/[^/]+\/n8n-nodes-onesignal$/,
		why: "the node panel's package details show npm's download count",
	},
];

let standIn: StandIn;
let home: N8nHome;
let server: StartedN8n;
let browser: TestBrowser;
let page: Page;
const consoleErrors: string[] = [];
const blockedUrls: string[] = [];

function description(node: { description: INodeTypeDescription }): INodeTypeDescription {
	return node.description;
}

function onConsole(message: ConsoleMessage): void {
	if (message.type() !== 'error') return;
	const source = message.location().url;
	// The browser reports each request the test blocked; those are checked on their own below.
	if (/ERR_BLOCKED_BY_CLIENT/.test(message.text()) && blockedUrls.includes(source)) return;
	consoleErrors.push(`${message.text()} (${source})`);
}

/** Fails with the console errors that appeared while `step` ran. */
async function withoutConsoleErrors(step: string, action: () => Promise<void>): Promise<void> {
	const before = consoleErrors.length;
	await action();
	// Errors from rendering arrive a moment after the DOM settles.
	await page.waitForTimeout(150);
	const errors = consoleErrors.slice(before);
	if (errors.length > 0)
		throw new Error(`${step}: errors in the page console:\n${errors.join('\n')}`);
}

function nodeCreatorItem(text: string | RegExp): Locator {
	return page
		.getByTestId('node-creator')
		.getByTestId('item-iterator-item')
		.filter({
			has: typeof text === 'string' ? page.getByText(text, { exact: true }) : page.getByText(text),
		})
		.first();
}

async function openNodeCreator(search: string): Promise<void> {
	await page.getByTestId('node-creator-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill(search);
}

/** Picks `optionName` in the dropdown of parameter `parameter` of the open node. */
async function choose(parameter: string, optionName: string): Promise<void> {
	const input = page.getByTestId('ndv').getByTestId(`parameter-input-${parameter}`);
	await input.click();
	await page
		.getByRole('option')
		.filter({ has: page.getByText(optionName, { exact: true }) })
		.first()
		.click();
	await waitFor(
		`${parameter} to show "${optionName}"`,
		async () =>
			(await input.locator('input').first().inputValue()) === optionName ? true : undefined,
		{ timeoutMs: 10_000, intervalMs: 100 },
	);
}

/** Waits until the open node's parameter panel shows every label the description promises. */
async function expectLabels(step: string, properties: INodeProperties[]): Promise<void> {
	const labels = properties
		.filter((property) => !['notice', 'hidden', 'callout'].includes(property.type))
		.map((property) => property.displayName);
	const panel = page.getByTestId('ndv').getByTestId('node-parameters');
	let missing: string[] = labels;
	try {
		await waitFor(
			`${step} to render`,
			async () => {
				const text = (await panel.textContent()) ?? '';
				missing = labels.filter((label) => !text.includes(label));
				return missing.length === 0 ? true : undefined;
			},
			{ timeoutMs: 10_000, intervalMs: 150 },
		);
	} catch {
		throw new Error(`${step}: the panel does not show ${missing.map((l) => `"${l}"`).join(', ')}`);
	}
}

async function closeNodeView(): Promise<void> {
	await page.getByTestId('ndv').getByTestId('ndv-close-button').click();
	await page.getByTestId('ndv').waitFor({ state: 'hidden' });
}

beforeAll(async () => {
	mkdirSync(ARTIFACTS, { recursive: true });
	standIn = await startStandIn();
	home = await N8nHome.create();
	const seeded = standIn.seeded!;
	await home.importCredentials([
		{
			id: 'osEditorApp',
			name: 'OneSignal stand-in app',
			type: 'oneSignalAppApi',
			data: { appId: seeded.appId, apiKey: seeded.appKey, baseUrl: standIn.url },
		},
		{
			id: 'osEditorOrg',
			name: 'OneSignal stand-in organization',
			type: 'oneSignalOrganizationApi',
			data: {
				apiKey: seeded.organizationKey,
				organizationId: seeded.organizationId,
				baseUrl: standIn.url,
			},
		},
	]);
	await home.importWorkflow({
		id: WORKFLOW_ID,
		name: 'Editor check',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {},
		nodes: [
			{
				id: 'c0a8f3e2-1b4d-4e6f-8a9b-0c1d2e3f4a5b',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
		],
	});
	server = await home.start();
	const owner = await home.setupOwner(server.url);

	browser = await launchTestBrowser();
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
	page.on('console', onConsole);
	page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
	await browser.context.route('**/*', async (route) => {
		const url = route.request().url();
		if (isLoopbackUrl(url)) return await route.continue();
		blockedUrls.push(url);
		await route.abort('blockedbyclient');
	});
	const login = await page.request.post(`${server.url}/rest/login`, {
		data: { emailOrLdapLoginId: owner.email, password: owner.password },
	});
	expect(login.status()).toBe(200);
});

afterAll(async () => {
	await browser?.close();
	await home?.dispose();
	await standIn?.close();
});

describe('the nodes in the editor of a real n8n, in Chromium', () => {
	it('finds the OneSignal node by the words users search for', async () => {
		await page.goto(`${server.url}/workflow/${WORKFLOW_ID}`);
		for (const word of ['push', 'notification', 'email', 'SMS', 'OneSignal']) {
			await withoutConsoleErrors(`searching for "${word}"`, async () => {
				await openNodeCreator(word);
				await nodeCreatorItem('OneSignal').waitFor({ timeout: 10_000 });
				await page.keyboard.press('Escape');
				await page.getByTestId('node-creator').waitFor({ state: 'hidden' });
			});
		}
	});

	it('renders the panel of every resource and operation of the OneSignal node', async () => {
		const node = description(new OneSignal());
		const resources = optionsOf(node.properties.find((p) => p.name === 'resource'));
		let checked = 0;

		await page.goto(`${server.url}/workflow/${WORKFLOW_ID}`);
		await withoutConsoleErrors('adding the OneSignal node', async () => {
			await openNodeCreator('OneSignal');
			await nodeCreatorItem('OneSignal').click();
			await nodeCreatorItem('Send a message').click();
			await page.getByTestId('ndv').getByTestId('node-parameters').waitFor();
		});
		await expectLabels(
			'Message → Send',
			displayedFields(node.properties, { resource: 'message', operation: 'send' }),
		);
		await page.getByTestId('ndv').screenshot({ path: join(ARTIFACTS, 'send-message-panel.png') });

		for (const resource of resources) {
			const operationField = node.properties.find(
				(p) =>
					p.name === 'operation' &&
					(p.displayOptions?.show?.resource as string[] | undefined)?.includes(
						resource.value as string,
					),
			);
			const operations = optionsOf(operationField);
			expect(operations.length).toBeGreaterThan(0);
			await withoutConsoleErrors(`choosing the ${resource.name} resource`, async () => {
				await choose('resource', resource.name);
			});
			for (const operation of operations) {
				const step = `${resource.name} → ${operation.name}`;
				await withoutConsoleErrors(step, async () => {
					await choose('operation', operation.name);
					await expectLabels(
						step,
						displayedFields(node.properties, {
							resource: resource.value,
							operation: operation.value,
						}),
					);
				});
				checked++;
			}
		}
		expect(checked).toBe(55);
		await closeNodeView();
	});

	it("shows the trigger's setup notice for each source", async () => {
		const trigger = description(new OneSignalTrigger());
		const sources = optionsOf(trigger.properties.find((p) => p.name === 'source'));

		await page.goto(`${server.url}/workflow/${WORKFLOW_ID}`);
		await withoutConsoleErrors('adding the OneSignal Trigger', async () => {
			await openNodeCreator('OneSignal');
			await nodeCreatorItem('OneSignal').click();
			// n8n lists the trigger's events as actions, collapsed under "Triggers".
			await page
				.getByTestId('node-creator')
				.getByText('Triggers', { exact: false })
				.first()
				.click();
			await nodeCreatorItem('On any event').click();
			await page.getByTestId('ndv').getByTestId('node-parameters').waitFor();
		});
		const notice = page.getByTestId('ndv').getByRole('alert').first();
		await waitFor('the Event Stream setup notice', async () =>
			((await notice.textContent()) ?? '').includes('To send events from OneSignal')
				? true
				: undefined,
		);
		// The steps survive n8n's notice, which keeps links and bullet lists only.
		expect(await notice.locator('li').count()).toBe(7);
		await page.getByTestId('ndv').screenshot({ path: join(ARTIFACTS, 'trigger-setup-notice.png') });

		for (const source of sources) {
			const step = `OneSignal Trigger → ${source.name}`;
			await withoutConsoleErrors(step, async () => {
				await choose('source', source.name);
				await expectLabels(step, displayedFields(trigger.properties, { source: source.value }));
				const text = (await page.getByTestId('ndv').getByRole('alert').first().textContent()) ?? '';
				expect({ step, notice: text.includes('Production URL') }).toEqual({ step, notice: true });
			});
		}
		await closeNodeView();
	});

	it('opens the polling trigger for both things it watches', async () => {
		const polling = description(new OneSignalPollingTrigger());
		const watches = optionsOf(polling.properties.find((p) => p.name === 'watch'));

		await page.goto(`${server.url}/workflow/${WORKFLOW_ID}`);
		await withoutConsoleErrors('adding the OneSignal Polling Trigger', async () => {
			await openNodeCreator('OneSignal Polling Trigger');
			// A trigger with actions is listed without the word "Trigger" in this panel.
			await nodeCreatorItem(/^\s*OneSignal Polling/).click();
			// "Trigger On" options become the trigger's actions in n8n's node panel.
			await nodeCreatorItem('On new message').click();
			await page.getByTestId('ndv').getByTestId('node-parameters').waitFor();
		});
		for (const watch of watches) {
			const step = `OneSignal Polling Trigger → ${watch.name}`;
			await withoutConsoleErrors(step, async () => {
				await choose('watch', watch.name);
				await expectLabels(step, displayedFields(polling.properties, { watch: watch.value }));
			});
		}
		await page
			.getByTestId('ndv')
			.screenshot({ path: join(ARTIFACTS, 'polling-trigger-panel.png') });
		await closeNodeView();
	});

	it('kept the browser and n8n on loopback', () => {
		const unexpected = blockedUrls.filter(
			(url) => !KNOWN_OUTSIDE_FETCHES.some((known) => known.url.test(url)),
		);
		expect(unexpected).toEqual([]);
		// The trap proxy sees what the browser itself sends past the page's blocking.
		expect(browser.trap.requests).toEqual([]);
		expect(home.log).not.toContain('[netguard');
		expect(consoleErrors).toEqual([]);
	});
});
