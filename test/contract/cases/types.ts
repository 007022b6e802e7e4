import type { INodeParameters } from 'n8n-workflow';

import type { ContractExchange, ContractRun } from '../harness';

/**
 * One call of the node against Prism. Every operation of the spec (and the two newer endpoints)
 * needs at least one case; test/unit/coverage.test.ts checks that.
 */
export interface ContractCase {
	/** The spec operationId this case exercises. */
	operationId: string;
	title: string;
	parameters: INodeParameters;
	/** The operation needs the organization key. */
	organization?: boolean;
	items?: Array<Record<string, unknown>>;
	/** Extra checks on the run; the common checks (no violations, right key) always apply. */
	check?(run: ContractRun, exchanges: ContractExchange[]): void | Promise<void>;
	/**
	 * Not in the official spec (the two newer endpoints): Prism cannot check it, so the case checks
	 * the request itself in `check`, against what OneSignal's SDK sends.
	 */
	outsideSpec?: boolean;
}
