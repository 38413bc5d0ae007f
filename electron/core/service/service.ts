import type { Db } from '../db/types';
import { loadStationIdentity, type StationIdentity } from '../identity';
import { LocalRecorder, type EntryDraft } from '../log/recorder';
import { createBadgePrinter } from '../badges/badge-printer';
import { systemPrinter, type Printer } from '../printing';
import { createBadgesApi } from './badges-api';
import { ChangeFeed } from './change-feed';
import { SyncController, type SyncControllerOptions } from '../sync/controller';
import { createCheckinApi } from './checkin-api';
import { createDashboardApi } from './dashboard-api';
import { createExportApi } from './export-api';
import type { ServiceContext } from './context';
import { createImportApi } from './import-api';
import { createKioskApi } from './kiosk-api';
import { createSyncApi } from './sync-api';
import type { ServiceImpl } from './types';

export interface ServiceOptions {
  db: Db;
  /** Renames this station (shown in "checked in at <station>"). */
  stationName?: string;
  /** Injected so tests can drive time; defaults to Date.now. */
  wallClock?: () => number;
  /** Sync loop tuning (tests make it fast and seeded). */
  sync?: Partial<Omit<SyncControllerOptions, 'db' | 'identity' | 'recorder' | 'changes'>>;
  /** The OS's printing; defaults to CUPS or Windows by platform. */
  printer?: Printer;
}

export interface MusubiService {
  api: ServiceImpl;
  changes: ChangeFeed;
  identity: StationIdentity;
  recorder: LocalRecorder;
  db: Db;
  context: ServiceContext;
  /** The sync loop; dormant until `sync.start()` (station, desktop app, `musubi sync`). */
  sync: SyncController;
}

/**
 * Builds the core service: one context (database, clock, recorder, change feed) shared by each
 * topic's implementation of the contract. Add a topic: a `<topic>-api.ts` here, one line below.
 */
export function createService(options: ServiceOptions): MusubiService {
  const { db } = options;
  const identity = loadStationIdentity(db, options.stationName);
  const wallClock = options.wallClock ?? Date.now;
  const recorder = new LocalRecorder(db, identity, wallClock);
  const changes = new ChangeFeed();

  const context: ServiceContext = {
    db,
    identity,
    recorder,
    changes,
    wallClock,
    record(drafts: EntryDraft[]) {
      if (drafts.length === 0) return;
      recorder.record(drafts);
      // Listeners re-read the projection; defer so they run after the surrounding transaction commits.
      queueMicrotask(() => changes.emit({ reason: 'local' }));
    },
  };

  const sync = new SyncController({ ...options.sync, db, identity, recorder, changes });
  const badges = createBadgePrinter(context, options.printer ?? systemPrinter());
  const checkin = createCheckinApi(context, badges);
  const api: ServiceImpl = {
    ...checkin,
    ...createKioskApi(context, checkin),
    ...createDashboardApi(context),
    ...createExportApi(context),
    ...createImportApi(context),
    ...createSyncApi(context, sync),
    ...createBadgesApi(context, badges),
  };

  return { api, changes, identity, recorder, db, context, sync };
}
