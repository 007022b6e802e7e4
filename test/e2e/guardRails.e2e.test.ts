import { startStandIn, type StandIn } from '../standin';
import { N8nHome, outputOf } from '../support/n8n';
import { appCredential, codeNode, linearWorkflow, oneSignalNode } from '../support/workflows';

let standIn: StandIn;
let home: N8nHome;

beforeAll(async () => {
	standIn = await startStandIn();
	home = await N8nHome.create();
	await home.importCredentials([
		appCredential(standIn.url, standIn.seeded!.appId, standIn.seeded!.appKey),
	]);
});

afterAll(async () => {
	await home?.dispose();
	await standIn?.close();
});

describe('guard rails in real n8n', () => {
	it('fails a bad item clearly before sending while the good items are sent', async () => {
		await home.importWorkflow(
			linearWorkflow('osGuardRails01', [
				codeNode('Customers', [
					{ name: 'Ada', phone: '+15550000101' },
					{ name: 'Pierre', phone: '0612345678' },
					{ name: 'Grace', phone: '+15550000102' },
				]),
				oneSignalNode(
					'Send SMS',
					{
						resource: 'message',
						operation: 'send',
						channel: 'sms',
						sendTo: 'phoneNumbers',
						phoneNumbers: '={{ $json.phone }}',
						message: '=Hi {{ $json.name }}, your parcel is on its way.',
						smsFrom: '+15557654321',
					},
					{ onError: 'continueRegularOutput' },
				),
			]),
		);
		const result = await home.execute('osGuardRails01');
		const items = outputOf(result, 'Send SMS');
		expect(items).toHaveLength(3);
		expect(items[0].id).toMatch(/^[0-9a-f-]{36}$/);
		expect(items[2].id).toMatch(/^[0-9a-f-]{36}$/);
		expect(items[1]).toEqual({
			error: 'Phone Numbers: 1 entry is not in E.164 format: "0612345678"',
			description: expect.stringContaining('0612345678 in France becomes +33612345678'),
		});
		// Items are sent concurrently, so the stand-in may see the two good ones in either order.
		const posts = standIn.requestsTo('POST', '/notifications');
		const numbersSent = posts
			.map((request) => (request.body as { include_phone_numbers: string[] }).include_phone_numbers)
			.sort((a, b) => a[0].localeCompare(b[0]));
		expect(numbersSent).toEqual([['+15550000101'], ['+15550000102']]);
		expect(result.log).not.toContain('[netguard');
	});

	it('a copy of n8n with the same encryption key and execution IDs sends its own message', async () => {
		// Both homes come from one template: same encryption key, hence the same instance ID, and
		// execution IDs counted from the same start, as after restoring a backup.
		const copy = await N8nHome.create();
		try {
			await copy.importCredentials([
				appCredential(standIn.url, standIn.seeded!.appId, standIn.seeded!.appKey),
			]);
			const workflow = (message: string) =>
				linearWorkflow('osGuardRails03', [
					codeNode('Customer', [{ userId: 'user-grace' }]),
					oneSignalNode('Send push', {
						resource: 'message',
						operation: 'send',
						channel: 'push',
						sendTo: 'externalIds',
						externalIds: '={{ $json.userId }}',
						message,
					}),
				]);
			const fresh = await N8nHome.create();
			try {
				await fresh.importCredentials([
					appCredential(standIn.url, standIn.seeded!.appId, standIn.seeded!.appKey),
				]);
				await fresh.importWorkflow(workflow('Your invoice is ready'));
				await copy.importWorkflow(workflow('Your parcel has shipped'));
				const first = outputOf(await fresh.execute('osGuardRails03'), 'Send push');
				const second = outputOf(await copy.execute('osGuardRails03'), 'Send push');
				expect(first[0]).toMatchObject({ replayed: false });
				expect(second[0]).toMatchObject({ replayed: false });
				expect(second[0].id).not.toBe(first[0].id);
				const bodies = standIn
					.requestsTo('POST', '/notifications')
					.map((request) => request.body as { contents: { en: string } })
					.map((body) => body.contents.en);
				expect(bodies).toEqual(
					expect.arrayContaining(['Your invoice is ready', 'Your parcel has shipped']),
				);
			} finally {
				await fresh.dispose();
			}
		} finally {
			await copy.dispose();
		}
	});

	it('sends a failed item to the error output when the node continues using it', async () => {
		await home.importWorkflow(
			linearWorkflow('osGuardRails02', [
				codeNode('Customers', [
					{ name: 'Ada', userId: 'user-ada' },
					{ name: 'Nobody', userId: '' },
					{ name: 'Ghost', userId: 'user-ghost-never-subscribed' },
				]),
				oneSignalNode(
					'Send push',
					{
						resource: 'message',
						operation: 'send',
						channel: 'push',
						sendTo: 'externalIds',
						externalIds: '={{ $json.userId }}',
						message: '=Hi {{ $json.name }}',
					},
					{ onError: 'continueErrorOutput' },
				),
			]),
		);
		const before = standIn.requestsTo('POST', '/notifications').length;
		const result = await home.execute('osGuardRails02');
		expect(result.code).toBe(0);
		const sent = outputOf(result, 'Send push', 0);
		const failed = outputOf(result, 'Send push', 1);
		expect(sent).toHaveLength(1);
		expect(sent[0].id).toMatch(/^[0-9a-f-]{36}$/);
		// n8n puts the input item's fields next to the error, so each failure says whose it was.
		expect(failed).toEqual([
			expect.objectContaining({
				name: 'Nobody',
				error: 'External IDs: is empty',
				details: { description: expect.stringContaining('at least one recipient') },
			}),
			expect.objectContaining({
				name: 'Ghost',
				error: 'OneSignal sent nothing: All included players are not subscribed',
				details: { description: expect.stringContaining('subscribed'), httpCode: '200' },
			}),
		]);
		// The empty one was refused before sending; the other two were sent.
		expect(standIn.requestsTo('POST', '/notifications').length - before).toBe(2);
	});
});
