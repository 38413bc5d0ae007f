import type { Db } from '../db/types';
import type { StationIdentity } from '../identity';
import type { EntryDraft, LocalRecorder } from '../log/recorder';
import type { AccessStatsCounter } from './access-stats';
import type { ChangeFeed } from './change-feed';

/** What every topic's implementation gets: the database, the clock, and how to record changes. */
export interface ServiceContext {
  db: Db;
  identity: StationIdentity;
  recorder: LocalRecorder;
  changes: ChangeFeed;
  wallClock: () => number;
  /** Refused calls, counted for the organizer (dispatch, the kiosk lookups, the station's sessions and PINs). */
  accessStats: AccessStatsCounter;
  /** Stamps, appends and folds local changes in one transaction, then tells the UI (through `write`). */
  record(drafts: EntryDraft[]): void;
  /**
   * The one path of every local write the screens must see, log entries or not (imports, the
   * purge, export and backup bookkeeping in `meta`): runs `change` and, once it has returned (or
   * its promise has settled) and the surrounding transaction has committed, tells the UI.
   */
  write<T>(change: () => T): T;
}
