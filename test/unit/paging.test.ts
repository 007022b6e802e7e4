import type { IDataObject } from 'n8n-workflow';

import { oneSignalApiRequestAllItems, type Paging } from '../../nodes/OneSignal/transport';
import { appCredentials, createContext, type FullResponse } from '../support/context';

/** A context whose API answers pages from a list of records, recording every query. */
function pagedApi(answer: (qs: IDataObject) => IDataObject) {
	const queries: IDataObject[] = [];
	const test = createContext({
		parameters: { resource: 'message', operation: 'getAll' },
		credentials: appCredentials(),
		http: async (request): Promise<FullResponse> => {
			const qs = { ...(request.qs as IDataObject) };
			queries.push(qs);
			return { statusCode: 200, headers: {}, body: answer(qs) };
		},
	});
	return { test, queries };
}

const records = (count: number) => Array.from({ length: count }, (_, index) => ({ n: index }));

async function fetchAll(
	test: ReturnType<typeof pagedApi>['test'],
	paging: Paging,
	returnAll: boolean,
	limit = 50,
	itemsField = 'items',
) {
	return await oneSignalApiRequestAllItems.call(test.context, {
		method: 'GET',
		path: '/things',
		itemsField,
		paging,
		returnAll,
		limit,
		operation: 'test.getAll',
	});
}

describe('paging through OneSignal lists', () => {
	const all = records(130);
	const offsetPages = (qs: IDataObject) => ({
		items: all.slice(Number(qs.offset), Number(qs.offset) + Number(qs.limit)),
	});

	it('asks for no more than the Limit still needs and stops when it is reached', async () => {
		const { test, queries } = pagedApi(offsetPages);
		const result = await fetchAll(test, { kind: 'offset', pageSize: 50 }, false, 120);
		expect(result).toHaveLength(120);
		expect(queries).toEqual([
			{ limit: 50, offset: 0 },
			{ limit: 50, offset: 50 },
			{ limit: 20, offset: 100 },
		]);
	});

	it('makes one small request for a small Limit', async () => {
		const { test, queries } = pagedApi(offsetPages);
		expect(await fetchAll(test, { kind: 'offset', pageSize: 300 }, false, 7)).toEqual(records(7));
		expect(queries).toEqual([{ limit: 7, offset: 0 }]);
	});

	it('returns all records and stops on the first short page', async () => {
		const { test, queries } = pagedApi(offsetPages);
		expect(await fetchAll(test, { kind: 'offset', pageSize: 50 }, true)).toEqual(all);
		expect(queries.map((qs) => qs.offset)).toEqual([0, 50, 100]);
	});

	it('stops after a full last page when the total count says nothing is left', async () => {
		const hundred = records(100);
		const pages = (qs: IDataObject) => ({
			total_count: hundred.length,
			items: hundred.slice(Number(qs.offset), Number(qs.offset) + Number(qs.limit)),
		});
		const counted = pagedApi(pages);
		const paging: Paging = { kind: 'offset', pageSize: 50, totalField: 'total_count' };
		expect(await fetchAll(counted.test, paging, true)).toEqual(hundred);
		expect(counted.queries.map((qs) => qs.offset)).toEqual([0, 50]);
		// Without the total, only an empty page tells that the list ended.
		const uncounted = pagedApi(pages);
		await fetchAll(uncounted.test, { kind: 'offset', pageSize: 50 }, true);
		expect(uncounted.queries.map((qs) => qs.offset)).toEqual([0, 50, 100]);
	});

	describe('with the time_offset cursor of messages', () => {
		const timeOffset: Paging = {
			kind: 'cursor',
			pageSize: 50,
			cursorParam: 'time_offset',
			nextCursorField: 'next_time_offset',
			firstCursor: '2025-01-01T00:00:00.000Z',
		};
		// Like OneSignal: a cursor always comes back, short pages do not end the list, an empty
		// page does.
		const cursorPages = (qs: IDataObject) => {
			const start = qs.time_offset === '2025-01-01T00:00:00.000Z' ? 0 : Number(qs.time_offset);
			const pageSize = Math.min(Number(qs.limit), 30);
			return {
				notifications: all.slice(start, start + pageSize),
				next_time_offset: String(Math.min(start + pageSize, all.length)),
			};
		};

		it('starts from the given time, follows next_time_offset and ends on an empty page', async () => {
			const { test, queries } = pagedApi(cursorPages);
			const result = await fetchAll(test, timeOffset, true, 50, 'notifications');
			expect(result).toEqual(all);
			expect(queries[0]).toEqual({ limit: 50, time_offset: '2025-01-01T00:00:00.000Z' });
			expect(queries.slice(1).map((qs) => qs.time_offset)).toEqual([
				'30',
				'60',
				'90',
				'120',
				'130',
			]);
			expect(queries.every((qs) => qs.offset === undefined)).toBe(true);
		});

		it('stops at the Limit without asking for the next page', async () => {
			const { test, queries } = pagedApi(cursorPages);
			const result = await fetchAll(test, timeOffset, false, 45, 'notifications');
			expect(result).toEqual(records(45));
			expect(queries.map((qs) => qs.limit)).toEqual([45, 15]);
		});
	});

	it('follows next_cursor until the API stops returning one (journeys)', async () => {
		const { test, queries } = pagedApi((qs) => {
			const start = qs.cursor ? Number(String(qs.cursor).slice(1)) : 0;
			const page = all.slice(start, start + Number(qs.limit));
			const more = start + page.length < all.length;
			return {
				journeys: page,
				has_more: more,
				...(more ? { next_cursor: `c${start + page.length}` } : {}),
			};
		});
		const paging: Paging = {
			kind: 'cursor',
			pageSize: 50,
			cursorParam: 'cursor',
			nextCursorField: 'next_cursor',
		};
		expect(await fetchAll(test, paging, true, 50, 'journeys')).toEqual(all);
		expect(queries).toEqual([
			{ limit: 50 },
			{ limit: 50, cursor: 'c50' },
			{ limit: 50, cursor: 'c100' },
		]);
	});
});
