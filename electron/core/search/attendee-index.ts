import { searchKeysOf, searchQueryOf, type SearchQuery, type SearchKeys, type SearchFields } from '../../../shared/text/search-keys';
import type { Statement } from 'better-sqlite3';
import { cachedStatement } from '../db/statements';
import type { Db } from '../db/types';
import { onAttendeeRefreshed } from '../projection/attendee-listeners';
import { GramChannel, union } from './gram-channel';
import { buildInWorker, canBuildInWorker, type WorkerBuild } from './build-in-worker';
import { buildNow, buildSteps, indexOfTickets, ROW_COLUMNS, ticketHash, type BuiltIndex, type SearchLists } from './index-build';
import { journalSince, newestSnapshotSeq } from './journal';
import { firstInOrder } from './first-in-order';
import { ListsAndChanges } from './lists-and-changes';
import { PrefixWalk } from './prefix-walk';
import { PackedStrings } from './packed-strings';
import { loadSnapshot, saveSteps, snapshotDrops } from './snapshot';
import { runInSlices, type SlicedRun } from './slices';

/**
 * The in-memory search index of one database (docs/decisions.md "Search is an in-memory index per
 * database"). Its lists come from a full build (index-build.ts), or from the snapshot of the last
 * build saved in the database (snapshot.ts), which is how a restarted station answers at once.
 * Kept right afterwards without rebuilding:
 * - every change to a searchable column is in the journal (journal.ts, filled by triggers, so it
 *   holds other connections' writes too); before each search the index reads the journal after the
 *   last position it applied. The projection's listeners (projection/attendee-listeners.ts) add
 *   this connection's own changes at once, including those of a transaction still open. Ids are
 *   only noted; rows are re-read before the search, so a rolled-back transaction leaves nothing
 *   wrong behind;
 * - a changed person is dropped from the built lists and kept in an overlay, searched as one text
 *   (overlay-text.ts) and checked one by one where it matches (lists-and-changes.ts);
 * - once the overlay grows, a new build runs (the overlay keeps answering meanwhile), replaces
 *   the lists and is saved as the new snapshot; while a long write runs (a pull, an import's
 *   apply) no new build starts until it ends (`holdBuilds`), and changes made while a build ran
 *   are carried onto it, in slices when there are many, before it replaces the lists.
 * A build runs on a worker thread (build-in-worker.ts) when the event is large enough to be worth
 * a thread and the database is a file; else, or if the worker fails, in slices between requests
 * on this thread (slices.ts). With no lists at all (a first start without a snapshot) the worker's
 * first stage is installed as soon as it comes: every person's keys as text, answered by scanning
 * (scan-channel.ts), until the gram lists follow.
 * Documents are numbered in reading order, so within a rank the first page comes out in order.
 */
interface IndexRow extends SearchFields {
  id: string;
}

/** More changes than this since the build, and a new build is cheaper than the overlay. */
const REBUILD_AFTER = 2000;
/**
 * Below this many people (rowids, an upper bound read in microseconds) a build stays on this
 * thread: it takes ~0.1 s, less than starting a worker thread.
 */
const WORKER_FROM = 2000;
/**
 * Up to this many people changed while a build ran are carried over onto it at once when it
 * arrives (a few ms); more are carried in slices, CARRY_PER_STEP at a time (`carryInSlices`).
 */
const CARRY_AT_ONCE = 500;
const CARRY_PER_STEP = 100;

interface WorkerRun {
  run: WorkerBuild;
  /** Settles once the first stage is installed (or was not needed), or the worker failed. */
  lists: Promise<void>;
  /** Settles once the worker's run is over, whatever its outcome. */
  done: Promise<void>;
  settle(stage: 'lists' | 'done'): void;
}

export interface IndexAnswer {
  ids: string[];
  total: number;
}

const NONE = PackedStrings.of([]);
const NO_DOCS: SearchLists = { ids: NONE, sortKeys: NONE, tickets: NONE, ticketIndex: indexOfTickets([]), main: GramChannel.build([]), romaji: GramChannel.build([]), seq: 0, byId: new Int32Array(0) };

export class AttendeeSearchIndex {
  /** The lists answering now and the changes over them (lists-and-changes.ts). */
  private state = new ListsAndChanges(NO_DOCS);
  private dirty = new Set<string>();
  /** The journal position applied so far. */
  private seq = 0;
  private dataVersion = -1;
  private built = false;
  /** A build running in slices, and a snapshot being saved. */
  private buildRun: SlicedRun<BuiltIndex> | null = null;
  /** A build running on a worker thread. */
  private worker: WorkerRun | null = null;
  /**
   * While a build runs in slices: every person this index updated meanwhile, with the keys it gave
   * them (see `installBuild`).
   */
  private sinceBuild: Map<string, SearchKeys | null> | null = null;
  /**
   * A finished build being filled, in slices, with the changes made while it ran (`sinceBuild`,
   * which keeps collecting meanwhile); it takes over once they are all in.
   */
  private carrying: { next: ListsAndChanges; run: SlicedRun<void> } | null = null;
  /** Long writes running that hold off new full builds (`holdBuilds`). */
  private holds = 0;
  private saving: SlicedRun<void> | null = null;
  /**
   * Changes whenever rows may have changed without this connection's listeners hearing of it
   * (another connection wrote) or the lists were replaced: a cache of rows read for this index
   * must then be dropped.
   */
  generation = 0;
  /** How long the last full build, or snapshot load, took (ms), for the benchmark. */
  lastBuildMs = 0;
  /** Where the current lists came from. */
  source: 'none' | 'build' | 'snapshot' | 'scan' = 'none';
  /** How many builds on a worker thread failed (each followed by a build in slices). */
  workerFailures = 0;
  readonly detach: () => void;

  /** Prepared once: `db.pragma()` would prepare a statement on every search. */
  private readonly dataVersionQuery: Statement<[], number>;

  /** How many full builds have replaced the lists (a snapshot load is not one). */
  fullBuilds = 0;

  /**
   * `saveSnapshots: false` for an index that must leave the file alone (a reference in tests);
   * `buildInWorker: false` keeps every build on this thread.
   */
  constructor(
    private readonly db: Db,
    private readonly options: { saveSnapshots?: boolean; buildInWorker?: boolean } = {},
  ) {
    this.detach = onAttendeeRefreshed(db, (id) => this.dirty.add(id));
    this.dataVersionQuery = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  /** Builds from the table now, in one go (a build running in slices is finished instead). */
  rebuild(): void {
    const started = performance.now();
    this.stopWorker();
    this.stopCarrying();
    const drops = snapshotDrops(this.db);
    const built = this.buildRun ? this.buildRun.finishNow() : buildNow(buildSteps(this.db));
    this.buildRun = null;
    this.installBuild(built, true);
    this.lastBuildMs = performance.now() - started;
    this.save(built, drops);
  }

  /** Replaces the lists with a build or a snapshot; changes after its journal position are read next. */
  private install(built: SearchLists, source: 'build' | 'snapshot' | 'scan'): void {
    this.state = new ListsAndChanges(built);
    // Inside an open transaction the position read may count rows that roll back (their numbers
    // are then handed out again): start from the beginning of the journal instead, which is safe.
    this.seq = this.db.inTransaction ? 0 : built.seq;
    // Everything this connection changed up to the build is in it; later changes are journaled
    // after `seq`. Inside an open transaction the build may hold rows that roll back: keep the ids.
    if (!this.db.inTransaction) this.dirty.clear();
    this.dataVersion = this.currentDataVersion();
    this.built = true;
    this.source = source;
    if (source === 'build') this.fullBuilds++;
    this.generation++;
  }

  /**
   * Installs a build, carrying over what this index learnt while the build ran: the build has
   * seen the journal up to its `seq` (read at its first step), and the rows it read later may or
   * may not hold later changes. Rather than re-reading and normalising every person changed since
   * (after a 100,000-entry pull, seconds of the station's thread at once), the keys this index
   * already gave them are applied on top of the new lists, and the journal is read from where
   * this index had got to. Inside an open transaction `install` starts from the journal's
   * beginning instead, which is safe; the carried keys are then only a head start.
   * Many carried keys (more than CARRY_AT_ONCE) are applied in slices to lists of their own while
   * the current ones answer (`carryInSlices`), unless the caller needs the build `now`.
   */
  private installBuild(built: BuiltIndex, now = false): void {
    const carried = this.sinceBuild;
    if (carried && carried.size > CARRY_AT_ONCE && !now) {
      this.carryInSlices(built, carried);
      return;
    }
    const applied = this.seq;
    this.sinceBuild = null;
    this.install(built, 'build');
    if (!carried) return;
    if (!this.db.inTransaction) this.seq = applied;
    for (const [id, keys] of carried) this.update(id, keys);
  }

  /**
   * Fills lists of the build's own with the carried keys a slice at a time (re-applying thousands
   * held the station's thread ~0.3-1 s per build during a pull), while the current lists answer:
   * they know every change, so answers stay right. Updates meanwhile go on being noted in
   * `carried` (an id noted again is visited again) and the new lists take over in the step that
   * finds it empty, with this index's journal position and unread ids as they are (the old lists
   * applied the same changes).
   */
  private carryInSlices(built: BuiltIndex, carried: Map<string, SearchKeys | null>): void {
    const next = new ListsAndChanges(built);
    function* steps(): Generator<void, void> {
      let applied = 0;
      while (carried.size > 0) {
        for (const [id, keys] of carried) {
          carried.delete(id);
          next.update(id, keys);
          if (++applied % CARRY_PER_STEP === 0) yield;
        }
      }
    }
    const run = runInSlices(this.db, steps(), {
      onDone: () => {
        if (this.carrying?.run !== run) return;
        this.carrying = null;
        this.sinceBuild = null;
        this.state = next;
        this.built = true;
        this.source = 'build';
        this.fullBuilds++;
        this.generation++;
      },
      onError: () => {
        if (this.carrying?.run !== run) return;
        this.carrying = null;
        this.sinceBuild = null;
      },
    });
    this.carrying = { next, run };
  }

  /** Drops lists being filled with carried keys (what replaces them is no older). */
  private stopCarrying(): void {
    const carrying = this.carrying;
    if (!carrying) return;
    this.carrying = null;
    this.sinceBuild = null;
    carrying.run.cancel();
  }

  /**
   * Saves a fresh build as the snapshot, in slices after the current request; `drops` is the
   * count of snapshot drops when the build began (a purge since then: the build may hold what it purged).
   */
  private save(built: BuiltIndex, drops: number): void {
    if (this.options.saveSnapshots === false) return;
    this.saving?.cancel();
    this.saving = runInSlices(this.db, saveSteps(this.db, built, drops), {
      onDone: () => (this.saving = null),
      onError: () => (this.saving = null),
    });
  }

  private currentDataVersion(): number {
    return this.dataVersionQuery.get() ?? 0;
  }

  /**
   * Gets the index ready without making anyone wait: loads the snapshot if there is one (and
   * applies the changes after it), else starts a build in slices. A search arriving before that
   * build ends finishes it at once.
   */
  warm(): void {
    if (!this.built && !this.buildRun && !this.worker && !this.loadSnapshot()) {
      this.startBuild();
      return;
    }
    if (this.built) this.catchUp();
  }

  /**
   * Whether a build is running, in slices or on a worker, or its lists are being filled with the
   * changes made while it ran (the current lists and overlay answer meanwhile).
   */
  get building(): boolean {
    return this.buildRun !== null || this.worker !== null || this.carrying !== null;
  }

  /** Whether a search is answered now, without building first. */
  get ready(): boolean {
    return this.built;
  }

  /** The worker thread of a build running on one (for tests that stop it as a crash would). */
  get buildWorker(): WorkerBuild['worker'] | null {
    return this.worker?.run.worker ?? null;
  }

  /**
   * Null when a search is answered at once; else a promise that settles when one is, without
   * holding this thread meanwhile: the first stage of a build on a worker (warm() starts it if
   * nothing runs yet). A search after it may still build in one go if the worker failed (and the
   * build in slices that replaces it has not ended): the answer never waits on a broken thread.
   */
  whenReady(): Promise<void> | null {
    if (this.built || !this.db.open) return null;
    if (!this.worker && !this.buildRun) this.warm();
    if (this.built || !this.worker) return null;
    return this.worker.lists;
  }

  /** Resolves once no build or save is running (for tests and benchmarks). */
  async idle(): Promise<void> {
    while (this.buildRun || this.saving || this.worker || this.carrying) {
      if (this.worker) await this.worker.done;
      else await (this.buildRun ?? this.carrying?.run ?? this.saving)?.done.catch(() => undefined);
    }
  }

  private loadSnapshot(): boolean {
    const started = performance.now();
    const snapshot = loadSnapshot(this.db);
    if (!snapshot) return false;
    // A build still running started before this snapshot: what it and the keys carried beside it
    // would install is no newer.
    this.buildRun?.cancel();
    this.buildRun = null;
    this.stopWorker();
    this.stopCarrying();
    this.sinceBuild = null;
    this.install(snapshot, 'snapshot');
    this.lastBuildMs = performance.now() - started;
    return true;
  }

  private startBuild(): void {
    if (this.building) return;
    if (this.options.buildInWorker !== false && canBuildInWorker(this.db) && this.rowsAtMost() >= WORKER_FROM) this.startWorkerBuild();
    else this.startSlicedBuild();
  }

  /** An upper bound on the people in the table (rowids are never reused below the largest). */
  private rowsAtMost(): number {
    return (this.db.prepare('SELECT coalesce(max(rowid), 0) FROM attendees').pluck().get() as number | null) ?? 0;
  }

  private startWorkerBuild(): void {
    const drops = snapshotDrops(this.db);
    const settled = { lists: () => undefined as void, done: () => undefined as void };
    const lists = new Promise<void>((resolve) => (settled.lists = resolve));
    const done = new Promise<void>((resolve) => (settled.done = resolve));
    const current = (): boolean => this.worker?.run === run && this.db.open;
    const run = buildInWorker(this.db, {
      onLists: (scanned) => {
        if (!current()) return;
        // Lists to answer from meanwhile, if there are none yet; the full index has the same
        // documents and journal position, so what this index learns from now on carries over.
        if (!this.built) {
          this.install(scanned, 'scan');
          this.sinceBuild = new Map();
        }
        settled.lists();
      },
      onIndex: (built) => {
        if (!current()) return;
        this.worker = null;
        this.installBuild(built);
        this.save(built, drops);
        settled.lists();
        settled.done();
      },
      onError: () => {
        if (!current()) return;
        this.worker = null;
        this.sinceBuild = null;
        this.workerFailures++;
        // The build this thread can always do: in slices, the current lists answering meanwhile.
        this.startSlicedBuild();
        settled.lists();
        settled.done();
      },
      // With no lists yet the desk's searches wait for the first stage: it keeps its priority.
    }, { firstStageAwaited: !this.built });
    this.worker = { run, lists, done, settle: (stage) => settled[stage]() };
    this.sinceBuild = this.built ? new Map() : null;
  }

  /** Stops a build running on a worker (its result would be no newer than what replaces it). */
  private stopWorker(): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    this.sinceBuild = null;
    worker.run.cancel();
    worker.settle('lists');
    worker.settle('done');
  }

  private startSlicedBuild(): void {
    if (this.buildRun) return;
    const drops = snapshotDrops(this.db);
    const run = runInSlices(this.db, buildSteps(this.db), {
      onDone: (built) => {
        if (this.buildRun !== run) return;
        this.buildRun = null;
        this.installBuild(built);
        this.save(built, drops);
      },
      onError: () => {
        if (this.buildRun !== run) return;
        this.buildRun = null;
        this.sinceBuild = null;
      },
    });
    this.buildRun = run;
    // Only lists being kept up to date learn anything worth carrying over; a first build (nothing
    // applied yet, journal position 0) installs as it is.
    this.sinceBuild = this.built ? new Map() : null;
  }

  /**
   * Applies this connection's changes now, when the lists are there (never builds): a long write
   * (an import's chunks, a pull's pages) calls it after each chunk, inside the time it measures,
   * so that re-reading and normalising the people it changed is paid a chunk at a time and sizes
   * the chunks, instead of landing on the next search all at once.
   */
  keepUp(): void {
    if (this.built && !this.db.inTransaction) this.catchUp();
  }

  /**
   * Holds off new full builds while a long write runs (a pull's run of pages, an import's apply
   * chunks); returns the release, to call once it is over (in `finally`). Meanwhile the index keeps
   * up as usual and the overlay answers for everyone changed (searched as text, overlay-text.ts),
   * however many: a build started in the middle of a 100,000-entry pull is out of date before it
   * ends, and every build cost the station's thread its install and its snapshot save (five of each
   * in one pull). On the last release, one build starts if the changes are past REBUILD_AFTER.
   * A first build (no lists yet) and a forced one are never held.
   */
  holdBuilds(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      if (this.holds === 0 && this.built && this.db.open && this.state.changes > REBUILD_AFTER) this.startBuild();
    };
  }

  /** Whether a long write holds off new builds now (for tests). */
  get holdingBuilds(): boolean {
    return this.holds > 0;
  }

  /** How many changes are still to be carried onto a finished build before it answers (for tests). */
  get changesToCarry(): number {
    return this.carrying ? (this.sinceBuild?.size ?? 0) : 0;
  }

  /** Brings the index up to date with the table (see the class comment). */
  private catchUp(): void {
    if (!this.built) {
      if (this.buildRun || this.worker || !this.loadSnapshot()) this.rebuild();
    }
    const version = this.currentDataVersion();
    if (version !== this.dataVersion) {
      // Another connection wrote: rows (check-ins too) may have changed unheard of.
      this.generation++;
      // A snapshot saved by another connection prunes the journal it covers: if that is past what
      // was applied here, those changes are gone from the journal, so start from the snapshot.
      if (newestSnapshotSeq(this.db) > this.seq && !this.loadSnapshot()) {
        this.rebuild();
        return;
      }
      this.dataVersion = version;
    }
    const delta = journalSince(this.db, this.seq);
    for (const id of delta.ids) this.dirty.add(id);
    // Inside an open transaction the journal holds rows that may still roll back (and whose
    // numbers would then be handed out again): read them again next time.
    if (!this.db.inTransaction) this.seq = delta.last;
    if (this.dirty.size === 0) return;
    // Prepared once per database (db/statements.ts): a desk search after each check-in comes here.
    const read = cachedStatement(this.db, `SELECT ${ROW_COLUMNS}, removed FROM attendees WHERE id = ?`);
    for (const id of this.dirty) {
      const row = read.get(id) as (IndexRow & { removed: number }) | undefined;
      this.update(id, row && row.removed === 0 ? searchKeysOf(row) : null);
    }
    if (!this.db.inTransaction) this.dirty.clear();
    if (this.holds === 0 && this.state.changes > REBUILD_AFTER) this.startBuild();
  }

  private update(id: string, keys: SearchKeys | null): void {
    this.sinceBuild?.set(id, keys);
    this.state.update(id, keys);
  }

  search(rawQuery: string, limit: number): IndexAnswer {
    this.catchUp();
    const query = searchQueryOf(rawQuery);
    if (query.text === '') return this.everyone(limit);

    const { changed, base } = this.state;
    const exact = this.exactTicket(query.ticket).sort(this.inReadingOrder);
    const exactSet = new Set(exact);
    // Exact ticket matches the overlay's text found too (they count once in the total).
    const exactInOverlay = new Set<number>();
    let overlayCount = 0;
    const overlayPrefix: number[] = [];
    const overlayOther: number[] = [];
    for (const doc of this.state.overlayText.matching(query)) {
      const keys = changed.get(doc);
      // The overlay's text finds exactly the people whose keys match (test/unit/search-overlay-text):
      // checking each again cost ~50-80 ms with 100,000 of them matching, in a long pull.
      if (!keys) continue;
      overlayCount++;
      if (exactSet.has(doc)) exactInOverlay.add(doc);
      (this.isPrefixMatch(keys, query) ? overlayPrefix : overlayOther).push(doc);
    }
    const { main, romaji } = base;

    let matches = this.state.live(main.matches(query.text));
    if (query.romaji !== null) matches = union(matches, this.state.live(romaji.matches(query.romaji)));
    const walk = new PrefixWalk(matches, query.romaji === null ? [main.prefixCandidates(query.text)] : [main.prefixCandidates(query.text), romaji.prefixCandidates(query.romaji)]);

    const taken = new Set(exact);
    let room = limit - exact.length;
    // Each merge takes at most `limit` of the changed ones (`room` plus the exact ones it skips).
    const prefixPage = this.merge(() => walk.nextPrefix(), firstInOrder(overlayPrefix, limit, this.inReadingOrder), room, (doc) => taken.has(doc));
    for (const doc of prefixPage) taken.add(doc);
    room -= prefixPage.length;
    const otherPage = this.merge(() => walk.nextOther(), firstInOrder(overlayOther, limit, this.inReadingOrder), room, (doc) => taken.has(doc));
    const extraExact = exact.filter((doc) => !(this.inSorted(matches, doc) || exactInOverlay.has(doc))).length;
    const page = [...exact, ...prefixPage, ...otherPage].slice(0, limit);
    return { ids: page.map((doc) => this.state.idOf(doc)), total: matches.length + overlayCount + extraExact };
  }

  /** Reading order: by sort key, then id, as the full build numbers its documents. */
  private readonly inReadingOrder = (a: number, b: number): number => {
    const ka = this.state.sortKeyOf(a);
    const kb = this.state.sortKeyOf(b);
    if (ka !== kb) return ka < kb ? -1 : 1;
    const ia = this.state.idOf(a);
    const ib = this.state.idOf(b);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };

  /**
   * Up to `room` documents in reading order from built documents, which `next` hands out in
   * document order (reading order; -1 once none is left) and is asked no further than needed, and
   * changed ones (already in reading order), leaving out those `skip` names.
   */
  private merge(next: () => number, changed: readonly number[], room: number, skip: (doc: number) => boolean): number[] {
    const out: number[] = [];
    let j = 0;
    let built: number | null = null;
    while (out.length < room) {
      built ??= next();
      let doc: number;
      if (built >= 0 && (j >= changed.length || this.inReadingOrder(built, changed[j] as number) <= 0)) {
        doc = built;
        built = null;
      } else if (j < changed.length) doc = changed[j++] as number;
      else break;
      if (!skip(doc)) out.push(doc);
    }
    return out;
  }

  private isPrefixMatch(keys: SearchKeys, query: SearchQuery): boolean {
    return (
      keys.mainPrefixes.some((k) => k.startsWith(query.text)) ||
      (query.romaji !== null && keys.romajiPrefixes.some((k) => k.startsWith(query.romaji ?? '')))
    );
  }

  private inSorted(list: Int32Array, doc: number): boolean {
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const value = list[mid] as number;
      if (value === doc) return true;
      if (value < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  private exactTicket(ticket: string): number[] {
    if (ticket === '') return [];
    const { base, stale, changed, overlayText } = this.state;
    const docs = Array.from(base.ticketIndex.get(ticketHash(ticket))).filter((doc) => !stale.has(doc) && base.tickets.get(doc) === ticket);
    for (const doc of overlayText.withTicket(ticket)) if (changed.get(doc)?.ticket === ticket) docs.push(doc);
    return docs;
  }

  /** Everyone in reading order (an empty query). */
  private everyone(limit: number): IndexAnswer {
    const { base, overlay, stale } = this.state;
    const built = base.ids.length;
    const changed = firstInOrder(overlay, limit, this.inReadingOrder);
    const total = built - stale.size + overlay.size;
    // Built documents in order, without the stale ones (their new keys are in the overlay).
    const firstBuilt: number[] = [];
    for (let doc = 0; doc < built && firstBuilt.length < limit; doc++) if (!stale.has(doc)) firstBuilt.push(doc);
    let k = 0;
    const page = this.merge(() => (k < firstBuilt.length ? (firstBuilt[k++] as number) : -1), changed, limit, () => false);
    return { ids: page.map((doc) => this.state.idOf(doc)), total };
  }
}

const indexes = new WeakMap<Db, AttendeeSearchIndex>();

/** The search index of a database, created (and registered with the projection) on first use. */
export function searchIndexFor(db: Db): AttendeeSearchIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new AttendeeSearchIndex(db);
    indexes.set(db, index);
  }
  return index;
}

/**
 * `answer()` as soon as the search index of `db` answers at once: now, or once the first stage of
 * a build on its worker has come (the thread stays free for check-ins meanwhile).
 */
export function whenSearchReady<T>(db: Db, answer: () => T): T | Promise<T> {
  const waiting = searchIndexFor(db).whenReady();
  return waiting ? waiting.then(answer) : answer();
}
