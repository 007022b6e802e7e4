import { startStandIn, type StandIn } from '../standin';
import { runDemoWorkflow, standInTarget } from '../support/demoRun';
import { N8nHome } from '../support/n8n';

let standIn: StandIn;
let home: N8nHome;

beforeAll(async () => {
	standIn = await startStandIn();
	home = await N8nHome.create();
});

afterAll(async () => {
	await home?.dispose();
	await standIn?.close();
});

describe('the demo workflow in real n8n', () => {
	it('sends each known user exactly one personalised push and reports the unknown one', async () => {
		const { result, items } = await runDemoWorkflow(home, standInTarget(standIn));
		expect(result.run?.data.resultData.error).toBeUndefined();
		expect(items).toHaveLength(6);

		const sent = items.slice(0, 5);
		for (const item of sent) {
			expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
			expect(item.replayed).toBe(false);
			expect(item.recipients).toBe(1);
		}
		expect(new Set(sent.map((item) => item.id)).size).toBe(5);
		expect(items[5]).toEqual({
			error: 'OneSignal sent nothing: All included players are not subscribed',
			description: expect.stringContaining('active subscription'),
			httpCode: '200',
		});

		const posts = standIn.requestsTo('POST', '/notifications');
		expect(posts).toHaveLength(6);
		const names = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Zed'];
		const ids = ['ada', 'grace', 'alan', 'katherine', 'linus', 'zed-not-subscribed'];
		// Items are sent concurrently, so requests arrive in any order: match them by recipient.
		names.forEach((name, index) => {
			const request = posts.find(
				(post) =>
					(post.body as { include_aliases: { external_id: string[] } }).include_aliases
						.external_id[0] === `user-${ids[index]}`,
			);
			expect(request?.headers.authorization).toBe(`Key ${standIn.seeded!.appKey}`);
			expect(request?.body).toMatchObject({
				app_id: standIn.seeded!.appId,
				target_channel: 'push',
				headings: { en: `Welcome, ${name}!` },
				contents: { en: expect.stringContaining(`Hi ${name},`) },
				url: 'https://example.com/tour',
				idempotency_key: expect.stringMatching(/^[0-9a-f-]{36}$/),
			});
		});
		expect(standIn.state.stats()).toEqual({
			messages: 5,
			distinctRecipients: 5,
			duplicateKeys: 0,
			duplicateRecipients: 0,
		});
		for (const externalId of standIn.seeded!.externalIds) {
			expect(standIn.state.deliveriesPerRecipient.get(`external_id:${externalId}`)).toBe(1);
		}
		expect(standIn.state.extra.get('mixedTargetingRequests')).toBeUndefined();
		expect(result.log).not.toContain('[netguard');
	});

	it('sends nothing again when the same workflow runs a second time (business idempotency keys)', async () => {
		const before = standIn.state.messages.size;
		const { items } = await runDemoWorkflow(home, standInTarget(standIn));
		expect(standIn.state.messages.size).toBe(before);
		expect(items.slice(0, 5).every((item) => item.replayed === true)).toBe(true);
	});
});
