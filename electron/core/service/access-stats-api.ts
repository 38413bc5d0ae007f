import type { accessStatsMethods } from '../../../shared/api/methods/access-stats';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

/** The organizer's count of refused calls since the station started. */
export function createAccessStatsApi(ctx: ServiceContext): TopicImpl<keyof typeof accessStatsMethods> {
  return {
    getAccessStats: () => ctx.accessStats.read(),
  };
}
