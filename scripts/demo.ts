/**
 * Runs the welcome-push example in real n8n and prints, per item, what OneSignal answered.
 * Without keys it starts the project's OneSignal stand-in on 127.0.0.1 and every n8n process runs
 * with the loopback-only network guard. With ONESIGNAL_APP_ID and ONESIGNAL_APP_API_KEY set it
 * sends real pushes to the External IDs in ONESIGNAL_DEMO_EXTERNAL_IDS instead.
 */
import { startStandIn, type StandIn } from '../test/standin';
import {
	demoWorkflow,
	runDemoWorkflow,
	standInTarget,
	type DemoTarget,
} from '../test/support/demoRun';
import { N8nHome, outputOf } from '../test/support/n8n';

async function main() {
	const realAppId = process.env.ONESIGNAL_APP_ID;
	const realKey = process.env.ONESIGNAL_APP_API_KEY;
	let standIn: StandIn | undefined;
	let target: DemoTarget;
	let home: N8nHome;
	const workflow = demoWorkflow() as {
		name: string;
		nodes: Array<{ parameters: Record<string, unknown> }>;
	};

	if (realAppId && realKey) {
		console.log('Using OneSignal itself (ONESIGNAL_APP_ID is set): real pushes will be sent.');
		target = {
			appId: realAppId,
			apiKey: realKey,
			baseUrl: process.env.ONESIGNAL_BASE_URL ?? 'https://api.onesignal.com',
		};
		const ids = (process.env.ONESIGNAL_DEMO_EXTERNAL_IDS ?? '')
			.split(',')
			.map((id) => id.trim())
			.filter(Boolean);
		if (ids.length === 0) {
			throw new Error(
				'Set ONESIGNAL_DEMO_EXTERNAL_IDS to a comma-separated list of External IDs of your test users.',
			);
		}
		// The example's list of people, with the given External IDs instead of the stand-in's.
		const people = ids.map((externalId, index) => ({
			name: `Tester ${index + 1}`,
			externalId,
			plan: 'Pro',
		}));
		workflow.nodes[1].parameters.jsCode = `return ${JSON.stringify(people)}.map((json) => ({ json }));`;
		// Real OneSignal is not on loopback, so this run goes without the network guard.
		home = await N8nHome.create({ env: { NODE_OPTIONS: '' } });
	} else {
		standIn = await startStandIn();
		target = standInTarget(standIn);
		console.log(`OneSignal stand-in listening on ${standIn.url} (no real keys given).`);
		home = await N8nHome.create();
	}

	try {
		console.log(`Running "${workflow.name}" in n8n ${home.version}…`);
		const started = Date.now();
		const { result, items } = await runDemoWorkflow(home, target, workflow);
		if (!result.run) {
			console.error(result.stdout, result.stderr);
			throw new Error('n8n printed no run data');
		}
		console.log(
			`n8n finished with status "${result.run.status ?? 'unknown'}" in ${((Date.now() - started) / 1000).toFixed(1)} s:\n`,
		);
		// Output items are paired with the sign-ups in order, so each line can say whose it is.
		const signUps = outputOf(result, 'New sign-ups');
		for (const [index, item] of items.entries()) {
			const who = signUps[index]
				? `${String(signUps[index].name)} (${String(signUps[index].externalId)})`
				: `item ${index + 1}`;
			if (item.error)
				console.log(`  ✘ ${who}: ${String(item.error)}\n      ${String(item.description ?? '')}`);
			else
				console.log(
					`  ✔ ${who}: message ${String(item.id)} to ${String(item.recipients)} recipient(s), replayed: ${String(item.replayed)}`,
				);
		}
		if (standIn) {
			const stats = standIn.state.stats();
			const posts = standIn.requestsTo('POST', '/notifications');
			console.log(
				`\nThe stand-in received ${posts.length} send requests and created ${stats.messages} messages (${stats.duplicateRecipients} duplicates).`,
			);
			const first = posts[0]?.body as Record<string, unknown> | undefined;
			if (first) {
				console.log('First request body as OneSignal receives it:');
				console.log(JSON.stringify(first, null, 2).replace(/^/gm, '  '));
			}
		}
		if (result.log.includes('[netguard'))
			throw new Error('Something tried to leave loopback (see the n8n log).');
	} finally {
		await home.dispose();
		await standIn?.close();
	}
}

main().catch((error: Error) => {
	console.error(`Demo failed: ${error.message}`);
	process.exit(1);
});
