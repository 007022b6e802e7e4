import { gzipSync } from 'zlib';

import {
	csvFileName,
	FIRST_POLL_DELAY_MS,
	gunzipIfNeeded,
	isGzip,
	MAX_POLL_DELAY_MS,
	nextPollDelayMs,
} from '../../nodes/OneSignal/helpers/exportFile';

describe('waiting for export files', () => {
	it('doubles the wait after each look, from one second up to the cap', () => {
		const waits = [1, 2, 3, 4, 5, 6, 7, 8].map((poll) => nextPollDelayMs(poll, 0, 3_600_000));
		expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
		expect(waits[0]).toBe(FIRST_POLL_DELAY_MS);
		expect(Math.max(...(waits as number[]))).toBe(MAX_POLL_DELAY_MS);
	});

	it('shortens the last wait so the final look happens at the limit, then stops', () => {
		expect(nextPollDelayMs(5, 59_000, 60_000)).toBe(1000);
		expect(nextPollDelayMs(5, 60_000, 60_000)).toBeUndefined();
		expect(nextPollDelayMs(1, 70_000, 60_000)).toBeUndefined();
	});
});

describe('reading export files', () => {
	const csv = 'id,identifier\n1dd608f2-c6a1-11e3-851d-000c2940e62c,"token, with comma"\n';

	it('decompresses gzip with the runtime’s DecompressionStream', async () => {
		const gzipped = gzipSync(Buffer.from(csv));
		expect(isGzip(gzipped)).toBe(true);
		expect((await gunzipIfNeeded(gzipped)).toString('utf8')).toBe(csv);
	});

	it('returns data without the gzip signature unchanged', async () => {
		const plain = Buffer.from(csv);
		expect(isGzip(plain)).toBe(false);
		expect((await gunzipIfNeeded(plain)).toString('utf8')).toBe(csv);
	});

	it('rejects damaged gzip data instead of returning garbage', async () => {
		const damaged = Buffer.concat([gzipSync(Buffer.from(csv)).subarray(0, 12), Buffer.from('xx')]);
		await expect(gunzipIfNeeded(damaged)).rejects.toThrow();
	});

	it('names the file after the address, without .gz', () => {
		expect(csvFileName('https://s3.example.com/exports/abc_subs.csv.gz?X-Amz=1', 'x.csv')).toBe(
			'abc_subs.csv',
		);
		expect(csvFileName('https://s3.example.com/exports/report', 'x.csv')).toBe('report.csv');
		expect(csvFileName('https://s3.example.com/', 'fallback.csv')).toBe('fallback.csv');
		expect(csvFileName('not a url', 'fallback.csv')).toBe('fallback.csv');
	});
});
