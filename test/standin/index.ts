import { catalogRoutes } from './routes/catalog';
import { messageRoutes } from './routes/messages';
import { orgRoutes } from './routes/org';
import { userRoutes } from './routes/users';
import type { Route, StandInOptions } from './server';
import { StandIn } from './server';

export { StandIn } from './server';
export type { FaultPlan, FaultRule, RecordedRequest, StandInOptions } from './server';
export { DEMO_APP_ID, DEMO_PEOPLE, DEMO_TEMPLATE_ID } from './seed';
export { customEventLog, deltaApplications, unsubscribeTokenFor } from './routes/users';

/** Every route the stand-in serves; features add their route lists here. */
export const allRoutes: Route[] = [...messageRoutes, ...catalogRoutes, ...orgRoutes, ...userRoutes];

/** Starts a stand-in on 127.0.0.1 (a free port unless one is given). */
export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
	return await new StandIn(allRoutes, options).listen();
}
