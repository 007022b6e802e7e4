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
});
