import { KeySerializer } from '../../nodes/OneSignal/actions/serializer';

describe('per-user serialisation', () => {
	it('runs writes for one key one after another, a second after the previous one ended, and other keys at once', async () => {
		const serializer = new KeySerializer();
		const events: string[] = [];
		const startedAt: Record<string, number> = {};
		const endedAt: Record<string, number> = {};
		const write = async (name: string, key: string) => {
			const release = await serializer.acquire(key);
			startedAt[name] = Date.now();
			events.push(`start ${name}`);
			await new Promise((resolve) => setTimeout(resolve, 20));
			events.push(`end ${name}`);
			endedAt[name] = Date.now();
			release();
		};
		await Promise.all([write('a1', 'user:a'), write('a2', 'user:a'), write('b1', 'user:b')]);
		expect(events.indexOf('end a1')).toBeLessThan(events.indexOf('start a2'));
		expect(events.indexOf('start b1')).toBeLessThan(events.indexOf('end a1'));
		expect(startedAt.a2 - endedAt.a1).toBeGreaterThanOrEqual(1000);
	});
});
