import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import {
	APP_ID,
	APP_KEY,
	createContext,
	ORG_KEY,
	realHttp,
	type HttpCall,
} from '../support/context';

export { APP_KEY as CONTRACT_APP_KEY, ORG_KEY as CONTRACT_ORG_KEY } from '../support/context';

export interface ContractExchange {
	call: HttpCall;
	status: number;
	/** Prism's list of spec violations for this request; empty when the request is valid. */
	violations: string[];
	/** Violations that any request would get, because of known defects in the spec itself. */
	specDefects: string[];
	body: unknown;
}

export interface ContractRun {
	exchanges: ContractExchange[];
	output?: INodeExecutionData[][];
	error?: Error;
}

interface Violation {
	location?: string[];
	message: string;
	severity?: string;
}

/**
 * Prism lists violations of the request and of its own example response in one header; only the
 * request's are ours (the spec's examples do not always match its own response schemas).
 */
function requestViolations(header: unknown): string[] {
	if (!header) return [];
	return (JSON.parse(String(header)) as Violation[])
		.filter((violation) => (violation.location ?? [])[0] === 'request')
		.map((violation) => `${(violation.location ?? []).join('.')}: ${violation.message}`);
}

/**
 * Defects of the official spec that no request can avoid. `FilterExpression` is a `oneOf` of
 * `Filter` and `Operator`, and neither schema has required properties or forbids extra ones, so
 * every element matches both and "exactly one" always fails. Such violations are kept apart and
 * the tests check the shape of filters themselves (see expectWellFormedFilters).
 */
const KNOWN_SPEC_DEFECTS = [/\.filters\.\d+: .*must match exactly one schema in oneOf$/];

function split(violations: string[]): { violations: string[]; specDefects: string[] } {
	const isDefect = (text: string) => KNOWN_SPEC_DEFECTS.some((pattern) => pattern.test(text));
	return {
		violations: violations.filter((text) => !isDefect(text)),
		specDefects: violations.filter(isDefect),
	};
}

/** What the spec means for a filter list: conditions with field and relation, or a lone operator. */
export function expectWellFormedFilters(filters: unknown): void {
	expect(Array.isArray(filters)).toBe(true);
	for (const entry of filters as Array<Record<string, unknown>>) {
		if ('operator' in entry) {
			expect(entry).toEqual({ operator: expect.stringMatching(/^(OR|AND)$/) });
		} else {
			expect(entry).toEqual(
				expect.objectContaining({ field: expect.any(String), relation: expect.any(String) }),
			);
		}
	}
}

/**
 * Runs one operation of the node, for real, against Prism, and records what Prism thought of
 * every request it made.
 */
export async function runAgainstPrism(
	prismUrl: string,
	parameters: INodeParameters,
	options: { organization?: boolean; items?: IDataObject[] } = {},
): Promise<ContractRun> {
	const exchanges: ContractExchange[] = [];
	const test = createContext({
		parameters,
		items: options.items,
		credentials: {
			oneSignalAppApi: { appId: APP_ID, apiKey: APP_KEY, baseUrl: prismUrl },
			...(options.organization
				? {
						oneSignalOrganizationApi: {
							apiKey: ORG_KEY,
							organizationId: '3c9d8e2f-1a4b-4c6d-8e0f-2a3b4c5d6e7f',
							baseUrl: prismUrl,
						},
					}
				: {}),
		},
		http: async (request, call) => {
			const response = await realHttp(request, call);
			const header = response.headers['sl-violations'];
			exchanges.push({
				call,
				status: response.statusCode,
				...split(requestViolations(header)),
				body: response.body,
			});
			return response;
		},
	});
	try {
		return { exchanges, output: await test.run() };
	} catch (error) {
		return { exchanges, error: error as Error };
	}
}

/** The Authorization header of a request as sent. */
export function authorizationOf(exchange: ContractExchange): string {
	return String((exchange.call.sent.headers as Record<string, string>).Authorization);
}
