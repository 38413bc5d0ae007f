import { CHANGE_TOPICS, topicsOfEntries, type ChangeTopic } from '../../../shared/api/change-topics';
import { createStationAccess, type StationAccess } from '../access/station-access';
import type { Db } from '../db/types';
import { loadStationIdentity, type StationIdentity } from '../identity';
import { LocalRecorder, type EntryDraft } from '../log/recorder';
import { createBadgePrinter } from '../badges/badge-printer';
import { recoverImports } from '../import/staging';
import { badgeWorker } from '../badges/badge-worker-client';
import type { Printer } from '../printing';
import { createBadgesApi } from './badges-api';
import { ChangeFeed } from './change-feed';
import { SyncController, type SyncControllerOptions } from '../sync/controller';
import { AccessStatsCounter } from './access-stats';
import { createAccessStatsApi } from './access-stats-api';
import { createAttendeesApi } from './attendees-api';
import { createCheckinApi } from './checkin-api';
import { createDashboardApi } from './dashboard-api';
import { createDataSafetyApi } from './data-safety-api';
import { createDevicesApi } from './devices-api';
import { createExportApi } from './export-api';
import type { ServiceContext } from './context';
import { countRefusalsOf } from './dispatch';
import { createImportApi } from './import-api';
import { createJobsApi } from './jobs-api';
import { JobBoard } from '../jobs/job-board';
import { createKioskApi } from './kiosk-api';
import { createRoomApi } from './room-api';
import { createRosterApi } from './roster-api';
import { createSearchApi } from './search-api';
import { createSettingsApi } from './settings-api';
import { createPartnersApi } from './partners-api';
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
  /** The OS's printing; defaults to CUPS or Windows by platform, run from the badge worker thread. */
  printer?: Printer;
}

export interface MusubiService {
  api: ServiceImpl;
  changes: ChangeFeed;
  identity: StationIdentity;
  recorder: LocalRecorder;
  db: Db;
  context: ServiceContext;
  /** Refusals since start; the station's sessions and PIN checks count theirs here too. */
  accessStats: AccessStatsCounter;
  /** The sync loop; dormant until `sync.start()` (station, desktop app, `musubi sync`). */
  sync: SyncController;
  /** Device sessions, pairing codes and PINs (the HTTP station's sessions). */
  access: StationAccess;
}

/**
 * Builds the core service: one context (database, clock, recorder, change feed) shared by each
 * topic's implementation of the contract. Add a topic: a `<topic>-api.ts` here, one line below.
 */
export function createService(options: ServiceOptions): MusubiService {
  const { db } = options;
  // Before the clock reads the log and before anyone reads the projection: an import cut off by a
  // crash is finished (it was wholly staged) or dropped (it was not), never left half-visible.
  recoverImports(db);
  const identity = loadStationIdentity(db, options.stationName);
  const wallClock = options.wallClock ?? Date.now;
  const recorder = new LocalRecorder(db, identity, wallClock);
  const changes = new ChangeFeed();
  const accessStats = new AccessStatsCounter(wallClock);

  const context: ServiceContext = {
    db,
    identity,
    recorder,
    changes,
    wallClock,
    accessStats,
    record(drafts: EntryDraft[]) {
      if (drafts.length === 0) return;
      context.write(() => recorder.record(drafts), topicsOfEntries(drafts.map((draft) => draft.type)));
    },
    write<T>(change: () => T, topics: readonly ChangeTopic[] = CHANGE_TOPICS): T {
      // Listeners re-read the projection: told after the surrounding transaction commits.
      const announce = (): void => changes.announceLocal(topics);
      const result = change();
      if (result instanceof Promise) void result.finally(announce).catch(() => undefined);
      else announce();
      return result;
    },
  };

  const sync = new SyncController({ ...options.sync, db, identity, recorder, changes });
  const access = createStationAccess(db, wallClock);
  const badges = createBadgePrinter(context, options.printer ?? badgeWorker().printer, badgeWorker().render);
  const jobs = new JobBoard(wallClock);
  const api: ServiceImpl = {
    ...createSettingsApi(context),
    ...createAttendeesApi(context),
    ...createSearchApi(context),
    ...createCheckinApi(context, badges),
    ...createKioskApi(context, badges),
    ...createDashboardApi(context),
    ...createRoomApi(context),
    ...createExportApi(context, jobs),
    ...createDataSafetyApi(context),
    ...createImportApi(context),
    ...createSyncApi(context, sync),
    ...createBadgesApi(context, badges, jobs),
    ...createAccessStatsApi(context),
    ...createDevicesApi(access),
    ...createPartnersApi(context),
    ...createRosterApi(context),
    ...createJobsApi(jobs),
  };
  countRefusalsOf(api, accessStats);

  return { api, changes, identity, recorder, db, context, accessStats, sync, access };
}
