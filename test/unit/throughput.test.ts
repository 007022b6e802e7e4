import type { IAdditionalCredentialOptions, IExecuteFunctions } from 'n8n-workflow';

import { appCredentials, APP_KEY, createContext, pushToUserOfItem } from '../support/context';

/**
 * Per-item costs that limit how fast a run can send. In real n8n every getCredentials call reads
 * the credential from the database and decrypts it, which cost more CPU than the request itself.
 */
describe('per-item overhead', () => {
	it('loads the app credential once per node run and hands it to n8n’s request helper', async () => {
		const test = createContext({
			parameters: pushToUserOfItem,
			items: Array.from({ length: 25 }, () => ({})),
			credentials: appCredentials(),
			http: async () => ({ statusCode: 200, headers: {}, body: { id: 'n-1' } }),
		});
		const context = test.context as IExecuteFunctions & Record<string, unknown>;
		const getCredentials = context.getCredentials.bind(context);
		let loads = 0;
		context.getCredentials = (async (...args: Parameters<typeof getCredentials>) => {
			loads++;
			return await getCredentials(...args);
		}) as typeof getCredentials;
		const request = context.helpers.httpRequestWithAuthentication;
		const handedOver: Array<IAdditionalCredentialOptions | undefined> = [];
		context.helpers.httpRequestWithAuthentication = async function (
			this: IExecuteFunctions,
			type,
			options,
			additional,
		) {
			handedOver.push(additional);
			return await request.call(this, type, options, additional);
		};

		const [output] = await test.run();
		expect(output).toHaveLength(25);
		expect(loads).toBe(1);
		expect(handedOver).toHaveLength(25);
		for (const additional of handedOver) {
			expect(additional?.credentialsDecrypted).toMatchObject({
				type: 'oneSignalAppApi',
				data: { apiKey: APP_KEY },
			});
		}
	});

	it('still fails every item with the credential’s name when none is set', async () => {
		const test = createContext({
			parameters: {
				resource: 'message',
				operation: 'get',
				messageId: '1dd608f2-c6a1-11e3-851d-000c2940e62c',
			},
			items: [{}, {}],
			credentials: {},
			continueOnFail: true,
		});
		const [output] = await test.run();
		expect(output.map((item) => item.json.error)).toEqual([
			'This operation needs the OneSignal App API credential',
			'This operation needs the OneSignal App API credential',
		]);
	});
});
