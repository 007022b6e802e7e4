import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { startStandIn, type StandIn } from '../standin';
import { PACKAGE_NAME, packPackage, type PackedPackage } from '../support/communityInstall';
import { runDemoWorkflow, standInTarget } from '../support/demoRun';
import { N8nHome, type EditorType } from '../support/n8n';
import { n8nMinVersion, n8nVersion } from '../support/paths';

/**
 * The package as users install it: `npm pack`, installed into a fresh n8n user folder with the
 * steps and npm flags of n8n's Community Nodes installer (offline, under the network guard), then
 * loaded by n8n and used by the demo workflow, on the n8n version the tests use and on the lowest
 * version the README promises.
 */

const NODES = {
	[`${PACKAGE_NAME}.oneSignal`]: ['oneSignalAppApi', 'oneSignalOrganizationApi'],
	[`${PACKAGE_NAME}.oneSignalTrigger`]: ['oneSignalWebhookSecretApi'],
	[`${PACKAGE_NAME}.oneSignalPollingTrigger`]: ['oneSignalAppApi', 'oneSignalOrganizationApi'],
};
const CREDENTIALS = ['oneSignalAppApi', 'oneSignalOrganizationApi', 'oneSignalWebhookSecretApi'];

let packDir: string;
let packed: PackedPackage;

beforeAll(() => {
	packDir = mkdtempSync(join(tmpdir(), 'onesignal-pack-'));
	packed = packPackage(packDir);
});

afterAll(() => {
	if (packDir) rmSync(packDir, { recursive: true, force: true });
});

function iconPaths(type: EditorType): string[] {
	const { iconUrl } = type;
	if (!iconUrl) return [];
	return typeof iconUrl === 'string' ? [iconUrl] : [iconUrl.light, iconUrl.dark];
}

describe.each([n8nVersion, n8nMinVersion])('the packed package in n8n %s', (version) => {
	let home: N8nHome;
	let standIn: StandIn;

	beforeAll(async () => {
		standIn = await startStandIn();
		home = await N8nHome.create({ version, installTarball: packed.tarball });
	});

	afterAll(async () => {
		await home?.dispose();
		await standIn?.close();
	});

	it('installs from the tarball alone, offline, with nothing but its own files', () => {
		const { packageDir, npmInstall } = home.install!;
		expect(npmInstall.status).toBe(0);
		expect(npmInstall.stderr).not.toContain('[netguard');
		// Zero runtime dependencies: npm had nothing to fetch and put nothing beside the package.
		expect(existsSync(join(packageDir, 'node_modules'))).toBe(false);
		expect(readdirSync(packageDir).sort()).toEqual([
			'LICENSE',
			'README.md',
			'dist',
			'package.json',
		]);
		const ledger = JSON.parse(
			readFileSync(join(home.dir, '.n8n', 'nodes', 'package.json'), 'utf8'),
		);
		expect(ledger.dependencies).toEqual({
			[PACKAGE_NAME]: expect.stringMatching(/^\d+\.\d+\.\d+/),
		});
	});

	it('runs the demo workflow with the installed nodes', async () => {
		const { result, items } = await runDemoWorkflow(home, standInTarget(standIn));
		expect(result.code).toBe(0);
		expect(result.log).not.toContain('[netguard');
		expect(items).toHaveLength(6);
		for (const item of items.slice(0, 5)) {
			expect(item).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), recipients: 1 });
		}
		expect(items[5]).toMatchObject({
			error: 'OneSignal sent nothing: All included players are not subscribed',
		});
		expect(standIn.state.stats()).toEqual({
			messages: 5,
			distinctRecipients: 5,
			duplicateKeys: 0,
			duplicateRecipients: 0,
		});
	});

	it('lists the action node, both triggers and all three credentials in the editor', async () => {
		const server = await home.start();
		try {
			const { nodes, credentials } = await home.editorTypes(server.url);
			for (const [name, expected] of Object.entries(NODES)) {
				const node = nodes.find((type) => type.name === name);
				expect({ name, credentials: node?.credentials?.map((entry) => entry.name) }).toEqual({
					name,
					credentials: expected,
				});
			}
			// usableAsTool: n8n offers the action node to AI agents as a tool as well.
			expect(nodes.map((type) => type.name)).toContain(`${PACKAGE_NAME}.oneSignalTool`);
			const ours = credentials.filter((type) => CREDENTIALS.includes(type.name));
			expect(ours.map((type) => type.name).sort()).toEqual(CREDENTIALS);

			// Light and dark icons for every node and credential, served from the installed files.
			const ourTypes = [
				...Object.keys(NODES).map((name) => nodes.find((type) => type.name === name)!),
				...ours,
			];
			for (const type of ourTypes) {
				expect({ name: type.name, iconUrl: type.iconUrl }).toEqual({
					name: type.name,
					iconUrl: { light: expect.any(String), dark: expect.any(String) },
				});
			}
			const icons = new Set(ourTypes.flatMap(iconPaths));
			for (const icon of icons) {
				const response = await fetch(`${server.url}/${icon.replace(/^\//, '')}`);
				expect({ icon, status: response.status }).toEqual({ icon, status: 200 });
				expect(await response.text()).toContain('<svg');
			}
		} finally {
			await home.stop(server);
		}
		expect(home.log).not.toContain('[netguard');
		expect(home.log).not.toMatch(/Failed to load|Unrecognized node type/i);
	});
});
