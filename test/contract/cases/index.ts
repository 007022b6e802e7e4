import { messageCases } from './message';
import { organizationCases } from './organization';
import type { ContractCase } from './types';

export type { ContractCase } from './types';

/** Every contract case, by resource. */
export const allContractCases: ContractCase[] = [...messageCases, ...organizationCases];
