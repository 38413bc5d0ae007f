import type { dashboardMethods } from '../../../shared/api/methods/dashboard';
import { readDashboard } from '../dashboard/dashboard';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

/** The organizer's live picture of the room: counts and mix only, no personal data. */
export function createDashboardApi(ctx: ServiceContext): TopicImpl<keyof typeof dashboardMethods> {
  return {
    getDashboard: () => readDashboard(ctx.db),
  };
}
