import { ParameterError } from './validation';

/**
 * The query of GET /apps/{app_id}/outcomes. The spec declares `outcome_names` as ONE string with
 * the names joined by commas (`os__click.count,Purchase.sum`); a name that itself holds a comma
 * would be split there, so OneSignal takes such names one per `outcome_names[]` parameter instead.
 */

export const BUILT_IN_OUTCOMES = {
	clicks: 'os__click',
	sessionDuration: 'os__session_duration',
	confirmedDeliveries: 'os__confirmed_delivery',
} as const;

export type OutcomeKind = keyof typeof BUILT_IN_OUTCOMES | 'custom';

export interface OutcomeRow {
	outcome?: OutcomeKind;
	customName?: unknown;
	aggregation?: 'count' | 'sum';
}

export const TIME_RANGES = ['1h', '1d', '1mo'] as const;
export const ATTRIBUTIONS = ['total', 'direct', 'influenced', 'unattributed'] as const;

/** OneSignal's device types, used by `outcome_platforms`. */
export const PLATFORMS = [
	{ name: 'iOS', value: 0 },
	{ name: 'Android', value: 1 },
	{ name: 'Amazon Fire', value: 2 },
	{ name: 'Chrome Apps and Extensions', value: 4 },
	{ name: 'Chrome Web Push', value: 5 },
	{ name: 'Windows', value: 6 },
	{ name: 'Safari (Legacy)', value: 7 },
	{ name: 'Firefox', value: 8 },
	{ name: 'macOS', value: 9 },
	{ name: 'Email', value: 11 },
	{ name: 'Huawei', value: 13 },
	{ name: 'SMS', value: 14 },
	{ name: 'Safari', value: 17 },
];

export interface OutcomeQueryInput {
	outcomes: OutcomeRow[];
	timeRange?: string;
	platforms?: number[];
	attribution?: string;
}

export interface OutcomeQuery {
	/** Query values for the transport's `qs`. */
	qs: Record<string, string>;
	/** Names holding a comma, sent one per `outcome_names[]` parameter (already encoded). */
	bracketed: string;
	/** Every requested `name.aggregation`, in order. */
	names: string[];
}

export function outcomeName(row: OutcomeRow, position: number): string {
	const where = `Outcomes (row ${position + 1})`;
	const kind = row.outcome ?? 'custom';
	const aggregation = row.aggregation ?? 'count';
	if (aggregation !== 'count' && aggregation !== 'sum') {
		throw new ParameterError(
			`${where} → Aggregation`,
			`"${String(aggregation)}" is not count or sum`,
			'Choose Count or Sum.',
		);
	}
	let base: string;
	if (kind === 'custom') {
		base = String(row.customName ?? '').trim();
		if (base === '') {
			throw new ParameterError(
				`${where} → Outcome Name`,
				'is empty',
				'Enter the name of the outcome as your app reports it (OneSignal: Analytics → Outcomes).',
			);
		}
		if (/\.(count|sum)$/.test(base)) {
			throw new ParameterError(
				`${where} → Outcome Name`,
				`"${base}" already ends in .count or .sum`,
				'Enter the name alone and choose the aggregation in its own field.',
			);
		}
	} else {
		base = BUILT_IN_OUTCOMES[kind];
		if (kind === 'clicks' && aggregation === 'sum') {
			throw new ParameterError(
				`${where} → Aggregation`,
				'clicks can only be counted',
				'Choose Count for clicks.',
			);
		}
	}
	return `${base}.${aggregation}`;
}

export function buildOutcomeQuery(input: OutcomeQueryInput): OutcomeQuery {
	if (input.outcomes.length === 0) {
		throw new ParameterError(
			'Outcomes',
			'none chosen',
			'Add at least one outcome, such as Clicks.',
		);
	}
	const names = [...new Set(input.outcomes.map(outcomeName))];
	const plain = names.filter((name) => !name.includes(','));
	const withComma = names.filter((name) => name.includes(','));
	const qs: Record<string, string> = {};
	// The spec requires `outcome_names`; it is left out only when every name holds a comma, which
	// OneSignal documents as the case for the bracket form alone.
	if (plain.length) qs.outcome_names = plain.join(',');
	if (input.timeRange) {
		if (!(TIME_RANGES as readonly string[]).includes(input.timeRange)) {
			throw new ParameterError(
				'Time Range',
				`"${input.timeRange}" is not 1h, 1d or 1mo`,
				'Choose a time range from the list.',
			);
		}
		qs.outcome_time_range = input.timeRange;
	}
	if (input.platforms?.length) qs.outcome_platforms = [...new Set(input.platforms)].join(',');
	if (input.attribution && input.attribution !== 'total') {
		if (!(ATTRIBUTIONS as readonly string[]).includes(input.attribution)) {
			throw new ParameterError(
				'Attribution',
				`"${input.attribution}" is not direct, influenced or unattributed`,
				'Choose an attribution from the list.',
			);
		}
		qs.outcome_attribution = input.attribution;
	}
	const bracketed = withComma
		.map((name) => `${encodeURIComponent('outcome_names[]')}=${encodeURIComponent(name)}`)
		.join('&');
	return { qs, bracketed, names };
}
