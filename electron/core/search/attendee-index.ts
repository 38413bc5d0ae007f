import { keysMatch, searchKeysOf, searchQueryOf, type SearchFields, type SearchQuery, type SearchKeys } from '../../../shared/text/search-keys';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/types';
import { onAttendeeRefreshed } from '../projection/attendee-listeners';
import { GramChannel, union } from './gram-channel';

/**
 * The in-memory search index of one database (docs/decisions.md "Search is an in-memory index per database"). Built from the `attendees`
 * table on first use; kept right afterwards without rebuilding:
 * - the projection tells it which attendee rows were rewritten (projection/attendee-listeners.ts),
 *   whatever the path: local edits, imports, sync. Ids are only noted; rows are re-read before the
 *   next search, so a rolled-back transaction leaves nothing wrong behind;
 * - a changed person is dropped from the built lists and kept in a small overlay checked one by one
 *   (the overlay is rebuilt into the lists once it grows);
 * - a write by another connection to the same file (e.g. `musubi import` while the station runs)
 *   changes SQLite's `data_version`, and the index rebuilds.
 * Documents are numbered in reading order, so within a rank the first page comes out in order.
 */
interface IndexRow extends SearchFields {
  id: string;
}

const ROW_COLUMNS = 'id, ticket_code AS ticketCode, name, name_kana AS nameKana, nickname, company, email';
/** More changes than this since the build, and a rebuild is cheaper than the overlay. */
const REBUILD_AFTER = 2000;

export interface IndexAnswer {
  ids: string[];
  total: number;
}

function sameKeys(a: SearchKeys | null, b: SearchKeys | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function compareKeys(a: SearchKeys, b: SearchKeys): number {
  return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0;
}

export class AttendeeSearchIndex {
  private ids: string[] = [];
  private docOf = new Map<string, number>();
  /** Current keys per document; null once removed. */
  private keys: (SearchKeys | null)[] = [];
  /** Documents whose keys differ from what the lists were built with. */
  private overlay = new Set<number>();
  private baseSize = 0;
  private main = GramChannel.build([]);
  private romaji = GramChannel.build([]);
  private tickets = new Map<string, number[]>();
  private dirty = new Set<string>();
  private dataVersion = -1;
  private built = false;
  /** Counts full rebuilds: a cache of rows read for this index must be dropped when it changes. */
  generation = 0;
  /** How long the last full build took (ms), for the benchmark. */
  lastBuildMs = 0;
  readonly detach: () => void;

  /** Prepared once: `db.pragma()` would prepare a statement on every search. */
  private readonly dataVersionQuery: Statement<[], number>;

  constructor(private readonly db: Db) {
    this.detach = onAttendeeRefreshed(db, (id) => this.dirty.add(id));
    this.dataVersionQuery = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  /** Rebuilds from the table: reading order, then the gram lists of both channels. */
  rebuild(): void {
    const started = performance.now();
    const rows = this.db.prepare(`SELECT ${ROW_COLUMNS} FROM attendees WHERE removed = 0`).all() as IndexRow[];
    const entries = rows.map((row) => ({ id: row.id, keys: searchKeysOf(row), name: row.name }));
    entries.sort((a, b) => compareKeys(a.keys, b.keys) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : 1));
    this.ids = entries.map((e) => e.id);
    this.keys = entries.map((e) => e.keys);
    this.docOf = new Map(this.ids.map((id, doc) => [id, doc]));
    this.baseSize = entries.length;
    this.overlay = new Set();
    this.stale = new Set();
    this.tickets = new Map();
    entries.forEach((e, doc) => {
      if (e.keys.ticket === '') return;
      const holders = this.tickets.get(e.keys.ticket);
      if (holders) holders.push(doc);
      else this.tickets.set(e.keys.ticket, [doc]);
    });
    this.main = GramChannel.build(entries.map((e) => ({ fields: e.keys.main, prefixes: e.keys.mainPrefixes })));
    this.romaji = GramChannel.build(entries.map((e) => ({ fields: e.keys.romaji, prefixes: e.keys.romajiPrefixes })));
    this.dirty.clear();
    this.dataVersion = this.currentDataVersion();
    this.built = true;
    this.generation++;
    this.lastBuildMs = performance.now() - started;
  }

  private currentDataVersion(): number {
    return this.dataVersionQuery.get() ?? 0;
  }

  /** Brings the index up to date now (e.g. right after a large import) rather than at the next search. */
  warm(): void {
    this.catchUp();
  }

  /** Brings the index up to date with the table (see the class comment). */
  private catchUp(): void {
    if (!this.built || this.currentDataVersion() !== this.dataVersion || this.dirty.size > REBUILD_AFTER) {
      this.rebuild();
      return;
    }
    if (this.dirty.size === 0) return;
    const read = this.db.prepare(`SELECT ${ROW_COLUMNS}, removed FROM attendees WHERE id = ?`);
    for (const id of this.dirty) {
      const row = read.get(id) as (IndexRow & { removed: number }) | undefined;
      this.update(id, row && row.removed === 0 ? searchKeysOf(row) : null);
    }
    // Inside an open transaction the rows may still roll back: read them again next time.
    if (!this.db.inTransaction) this.dirty.clear();
    if (this.overlay.size > REBUILD_AFTER) this.rebuild();
  }

  private update(id: string, keys: SearchKeys | null): void {
    let doc = this.docOf.get(id);
    if (doc === undefined) {
      if (keys === null) return;
      doc = this.ids.length;
      this.ids.push(id);
      this.keys.push(keys);
      this.docOf.set(id, doc);
      this.overlay.add(doc);
      return;
    }
    if (sameKeys(this.keys[doc] ?? null, keys)) return;
    this.keys[doc] = keys;
    if (keys === null) this.overlay.delete(doc);
    else this.overlay.add(doc);
    // A document the lists were built with but whose keys changed is no longer answered by them.
    if (doc < this.baseSize) this.stale.add(doc);
  }

  /** Built documents whose keys changed or which were removed since the build. */
  private stale = new Set<number>();

  private live(list: Int32Array): Int32Array {
    if (this.stale.size === 0) return list;
    return list.filter((doc) => !this.stale.has(doc));
  }

  search(rawQuery: string, limit: number): IndexAnswer {
    this.catchUp();
    const query = searchQueryOf(rawQuery);
    if (query.text === '') return this.everyone(limit);

    const overlayMatches: number[] = [];
    const overlayPrefix: number[] = [];
    for (const doc of this.overlay) {
      const keys = this.keys[doc];
      if (!keys || !keysMatch(keys, query)) continue;
      overlayMatches.push(doc);
      if (this.isPrefixMatch(keys, query)) overlayPrefix.push(doc);
    }
    const sortedOverlay = (docs: number[]): Int32Array => Int32Array.from(docs.sort((a, b) => a - b));

    const mainMatches = this.main.matches(query.text);
    let matches = this.live(mainMatches);
    let prefix = this.live(this.main.prefixMatches(query.text, mainMatches));
    if (query.romaji !== null) {
      const romajiMatches = this.romaji.matches(query.romaji);
      matches = union(matches, this.live(romajiMatches));
      prefix = union(prefix, this.live(this.romaji.prefixMatches(query.romaji, romajiMatches)));
    }
    matches = union(matches, sortedOverlay(overlayMatches));
    prefix = union(prefix, sortedOverlay(overlayPrefix));

    const exact = this.exactTicket(query.ticket);
    const page: number[][] = [exact, [], []];
    const taken = new Set(exact);
    let room = limit - exact.length;
    for (let i = 0; i < prefix.length && room > 0; i++) {
      const doc = prefix[i] as number;
      if (taken.has(doc)) continue;
      page[1]?.push(doc);
      taken.add(doc);
      room--;
    }
    for (let i = 0; i < matches.length && room > 0; i++) {
      const doc = matches[i] as number;
      if (taken.has(doc) || this.inSorted(prefix, doc)) continue;
      page[2]?.push(doc);
      room--;
    }
    const extraExact = exact.filter((doc) => !this.inSorted(matches, doc)).length;
    return { ids: this.ordered(page).slice(0, limit), total: matches.length + extraExact };
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
    const docs = (this.tickets.get(ticket) ?? []).filter((doc) => !this.stale.has(doc));
    for (const doc of this.overlay) if (this.keys[doc]?.ticket === ticket) docs.push(doc);
    return docs;
  }

  /** Each rank in reading order (changed people are not in document order, so sort the page). */
  private ordered(page: number[][]): string[] {
    return page.flatMap((docs) =>
      docs
        .map((doc) => ({ doc, keys: this.keys[doc] }))
        .sort((a, b) => (a.keys && b.keys ? compareKeys(a.keys, b.keys) : 0) || a.doc - b.doc)
        .map(({ doc }) => this.ids[doc] ?? ''),
    );
  }

  private everyone(limit: number): IndexAnswer {
    const docs: number[] = [];
    let total = 0;
    for (let doc = 0; doc < this.keys.length; doc++) {
      if (!this.keys[doc]) continue;
      total++;
      if (docs.length < limit) docs.push(doc);
    }
    return { ids: this.ordered([docs]), total };
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
