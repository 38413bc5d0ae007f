import path from 'node:path';
import type { Caller } from '../../shared/api/roles';
import { openDatabase } from '../../electron/core/db/open';
import type { Db } from '../../electron/core/db/types';
import { createService, type MusubiService } from '../../electron/core/service/service';
import { tempDir } from './temp';

export interface TestStation {
  file: string;
  db: Db;
  service: MusubiService;
  close(): void;
}

/** A real service on a real SQLite file in a temporary folder. */
export function openTestStation(options: { file?: string; station?: string; wallClock?: () => number } = {}): TestStation {
  const file = options.file ?? path.join(tempDir(), 'musubi.db');
  const db = openDatabase(file);
  const service = createService({ db, stationName: options.station ?? 'Door A', wallClock: options.wallClock });
  return { file, db, service, close: () => db.close() };
}

/** A wall clock the test moves by hand. */
export function manualClock(start = Date.parse('2026-11-24T09:00:00Z')): { now: () => number; advance: (ms: number) => void } {
  let current = start;
  return { now: () => current, advance: (ms) => (current += ms) };
}

/** The callers tests dispatch as: the organizer on this machine, and one device per other role. */
export const callers = {
  organizer: { role: 'organizer', station: 'test-organizer' },
  desk: { role: 'desk', station: 'test-desk' },
  kiosk: { role: 'kiosk', station: 'test-kiosk' },
  room: { role: 'room', station: 'test-room' },
} as const satisfies Record<string, Caller>;
