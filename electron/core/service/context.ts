import type { ChangeTopic } from '../../../shared/api/change-topics';
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
  /**
   * Stamps, appends and folds local changes in one transaction, then tells the UI (through
   * `write`) the topics of the entries' types (shared/api/change-topics.ts).
   */
  record(drafts: EntryDraft[]): void;
  /**
   * The one path of every local write the screens must see, log entries or not (imports, the
   * purge, export and backup bookkeeping in `meta`): runs `change` and, once it has returned (or
   * its promise has settled) and the surrounding transaction has committed, tells the UI that
   * `topics` changed. Left out: every topic, so a write that does not say re-reads everything.
   */
  write<T>(change: () => T, topics?: readonly ChangeTopic[]): T;
}
