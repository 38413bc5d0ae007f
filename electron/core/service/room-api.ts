import type { roomMethods } from '../../../shared/api/methods/room';
import { readDashboard } from '../dashboard/dashboard';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

/** The room view: the dashboard's counts and mix, without the organizer's station and no-show figures. */
export function createRoomApi(ctx: ServiceContext): TopicImpl<keyof typeof roomMethods> {
  return {
    getRoomView: () => {
      const { checkedIn, arrivals, mix } = readDashboard(ctx.db);
      return { checkedIn, arrivals, mix };
    },
  };
}
