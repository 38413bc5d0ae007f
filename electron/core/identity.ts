import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { readMeta, writeMeta } from './db/meta';
import type { Db } from './db/types';

export interface StationIdentity {
  /** Stable random id, the node part of this station's clock stamps. */
  clockId: string;
  /** What staff see: "checked in at Door B". */
  name: string;
}

/** A station name staff can read; the host name until someone names the station. */
export function defaultStationName(): string {
  return (os.hostname() || 'station').slice(0, 64);
}

/**
 * Reads this database's station identity, creating it on first open. `name` (from `--station` or
 * the settings) renames the station from now on; earlier entries keep the name they were made with.
 */
export function loadStationIdentity(db: Db, name?: string): StationIdentity {
  return db.transaction(() => {
    let clockId = readMeta(db, 'station_clock_id');
    if (!clockId) {
      clockId = randomBytes(6).toString('hex');
      writeMeta(db, 'station_clock_id', clockId);
    }
    let stationName = readMeta(db, 'station_name');
    const wanted = name?.trim().slice(0, 64);
    if (wanted && wanted !== stationName) {
      writeMeta(db, 'station_name', wanted);
      stationName = wanted;
    }
    if (!stationName) {
      stationName = defaultStationName();
      writeMeta(db, 'station_name', stationName);
    }
    return { clockId, name: stationName };
  }).immediate();
}
