import type { Entry } from '../../../shared/domain/entry';
import { createHybridClock, type HybridClock } from '../../../shared/domain/hlc';
import { newId } from '../../../shared/domain/ids';
import type { Db } from '../db/types';
import type { StationIdentity } from '../identity';
import { appendEntries, latestHlc } from './append';

/** An entry as the service describes it, before it gets its id, station and clock stamp. */
export type EntryDraft = Entry extends infer E ? (E extends Entry ? Omit<E, 'id' | 'station' | 'hlc'> : never) : never;

/**
 * Stamps local changes (id, station, HLC) and appends them. The clock starts after the latest
 * stamp in the file, so stamps keep increasing across restarts even if the wall clock went back.
 */
export class LocalRecorder {
  readonly clock: HybridClock;

  constructor(
    private readonly db: Db,
    private readonly identity: StationIdentity,
    readonly wallClock: () => number,
  ) {
    this.clock = createHybridClock(identity.clockId, wallClock, latestHlc(db));
  }

  stamp(draft: EntryDraft): Entry {
    return { ...draft, id: newId(), station: this.identity.name, hlc: this.clock.now() } as Entry;
  }

  /** Stamps and appends drafts as one transaction. */
  record(drafts: readonly EntryDraft[]): Entry[] {
    const entries = drafts.map((d) => this.stamp(d));
    appendEntries(this.db, entries);
    return entries;
  }
}
