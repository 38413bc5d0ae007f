import type { Db } from '../db/types';
import { DeviceSessions } from './device-sessions';
import { StationPins } from './station-pins';

/** Who may use this station: device sessions, pairing codes, the organizer and staff PINs. */
export interface StationAccess {
  sessions: DeviceSessions;
  pins: StationPins;
  /** The station's addresses a tablet can open (`http://host:port/`), set by the HTTP station when it starts. */
  stationUrls: string[];
}

export function createStationAccess(db: Db, now: () => number): StationAccess {
  return { sessions: new DeviceSessions(db, now), pins: new StationPins(db, now), stationUrls: [] };
}
