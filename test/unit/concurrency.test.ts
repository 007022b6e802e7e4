import type { INodeParameters } from 'n8n-workflow';

import { appCredentials, createContext, pushToUserOfItem } from '../support/context';

describe('concurrent items', () => {
	it('keep the input order and pairing when answers come back out of order', async () => {
		const test = createContext({
			parameters: pushToUserOfItem,
			items: Array.from({ length: 12 }, () => ({})),
			credentials: appCredentials(),
			http: async (request) => {
				const id = (request.body as { include_aliases: { external_id: string[] } }).include_aliases
					.external_id[0];
				// Later items answer sooner, so completion order is the reverse of item order.
				await new Promise((resolve) => setTimeout(resolve, 60 - Number(id.slice(2)) * 5));
				return { statusCode: 200, headers: {}, body: { id: `n-${id}` } };
			},
		});
		const [output] = await test.run();
		expect(output.map((item) => item.json.id)).toEqual(
			Array.from({ length: 12 }, (_, index) => `n-u-${index}`),
		);
		expect(output.map((item) => item.pairedItem)).toEqual(
			Array.from({ length: 12 }, (_, item) => ({ item })),
		);
	});

	it('never write to the same user twice at once or within a second, while other users go in parallel', async () => {
		const users = ['ada', 'grace', 'ada', 'ada', 'alan'];
		const spans: Array<{ user: string; start: number; end: number }> = [];
		const parameters = (itemIndex: number): INodeParameters => ({
			resource: 'user',
			operation: 'update',
			identifyBy: 'externalId',
			externalId: users[itemIndex],
			updateFields: { language: 'fr' },
		});
		const test = createContext({
			parameters,
			items: users.map(() => ({})),
			credentials: appCredentials(),
			http: async (request) => {
				const user = decodeURIComponent(String(request.url).split('/').pop()!);
				const span = { user, start: Date.now(), end: 0 };
				await new Promise((resolve) => setTimeout(resolve, 50));
				span.end = Date.now();
				spans.push(span);
				return { statusCode: 202, headers: {}, body: { properties: { language: 'fr' } } };
			},
		});
		await test.run();
		const ada = spans.filter((span) => span.user === 'ada').sort((a, b) => a.start - b.start);
		expect(ada).toHaveLength(3);
		for (let index = 1; index < ada.length; index++) {
			// The request of the next write goes out a second after the previous one was answered.
			expect(ada[index].start - ada[index - 1].end).toBeGreaterThanOrEqual(1000);
		}
		// Grace and Alan did not wait for Ada's second and third writes.
		const others = spans.filter((span) => span.user !== 'ada');
		expect(Math.max(...others.map((span) => span.start))).toBeLessThan(ada[1].start);
	});
});
