import type { ContractCase } from './types';

export const exportCases: ContractCase[] = [
	{
		operationId: 'export_subscriptions',
		title: 'Export the subscriptions of a segment with extra columns (address only)',
		parameters: {
			resource: 'export',
			operation: 'subscriptions',
			additionalFields: {
				extraFields: ['country', 'external_user_id'],
				segmentName: 'VIP',
				lastActiveSince: '2025-01-01T00:00:00Z',
			},
		},
		check: (run, exchanges) => {
			const sent = exchanges[0].call.sent;
			// The spec writes `?app_id=` into the path; the request carries it as a query parameter.
			expect(sent.url).toMatch(/\/players\/csv_export$/);
			expect(sent.qs).toEqual({ app_id: expect.any(String) });
			expect(sent.body).toEqual({
				extra_fields: ['country', 'external_user_id'],
				segment_name: 'VIP',
				last_active_since: '1735689600',
			});
			expect(run.output?.[0][0].json).toHaveProperty('csv_file_url');
		},
	},
];
