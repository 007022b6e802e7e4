import { messageCases } from './message';
import { organizationCases } from './organization';
import type { ContractCase } from './types';
import { userCases } from './users';

export type { ContractCase } from './types';

/** Every contract case, by resource. */
export const allContractCases: ContractCase[] = [...messageCases, ...organizationCases, ...userCases];
