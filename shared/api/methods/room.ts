import { method, noInput, returns } from '../method';
import type { Dashboard } from './dashboard';

/**
 * What the room view on a venue screen shows: how many people are in, when they arrived, and the
 * industry × goal mix. Only counts: a screen paired as `room` can read nothing else.
 */
export type RoomView = Pick<Dashboard, 'checkedIn' | 'arrivals' | 'mix'>;

export const roomMethods = {
  getRoomView: method(noInput, returns<RoomView>(), { roles: ['organizer', 'room'] }),
};
