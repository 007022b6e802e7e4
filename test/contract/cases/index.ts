import { emailCases } from './email';
import { exportCases } from './export';
import { journeyCases } from './journey';
import { liveActivityCases } from './liveActivity';
import { messageCases } from './message';
import { organizationCases } from './organization';
import { segmentCases } from './segment';
import { templateCases } from './template';
import type { ContractCase } from './types';
import { userCases } from './users';

export type { ContractCase } from './types';

/** Every contract case, by resource. */
export const allContractCases: ContractCase[] = [
	...messageCases,
	...organizationCases,
	...userCases,
	...segmentCases,
	...templateCases,
	...liveActivityCases,
	...journeyCases,
	...exportCases,
	...emailCases,
];
