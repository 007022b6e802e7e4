import { exportRoutes } from './routes/exports';
import { journeyRoutes } from './routes/journeys';
import { liveActivityRoutes } from './routes/liveActivities';
import { messageExtraRoutes } from './routes/messageExtras';
import { messageRoutes } from './routes/messages';
import { orgRoutes } from './routes/org';
import { userRoutes } from './routes/users';
import { segmentRoutes } from './routes/segments';
import { templateRoutes } from './routes/templates';
import type { Route, StandInOptions } from './server';
import { StandIn } from './server';

export { StandIn } from './server';
export type { FaultPlan, FaultRule, RecordedRequest, StandInOptions } from './server';
export { DEMO_APP_ID, DEMO_PEOPLE, DEMO_TEMPLATE_ID } from './seed';
export { customEventLog, deltaApplications, unsubscribeTokenFor } from './routes/users';

/**
 * Every route the stand-in serves; features add their route lists here. Fixed paths come before
 * the patterns that would also match them (count-unsaved before /notifications/:id).
 */
export const allRoutes: Route[] = [
	...messageExtraRoutes,
	...messageRoutes,
	...segmentRoutes,
	...templateRoutes,
	...journeyRoutes,
	...liveActivityRoutes,
	...exportRoutes,
	...orgRoutes,
	...userRoutes,
];

/** Starts a stand-in on 127.0.0.1 (a free port unless one is given). */
export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
	return await new StandIn(allRoutes, options).listen();
}
