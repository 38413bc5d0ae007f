import { searchKeysOf, type SearchFields, type SearchKeys } from '../../../shared/text/search-keys';
import type { Db } from '../db/types';
import { GramChannel, GramChannelBuilder, type SearchChannel } from './gram-channel';
import { journalHighWater } from './journal';
import { PackedStrings } from './packed-strings';
import { Postings, PostingsBuilder } from './postings';

/**
 * A full build of the search index from the `attendees` table, as a generator that yields every
 * few hundred people, so that it can run in slices between the station's requests (attendee-index.ts
 * drives it; run to the end at once when a search cannot wait). Rows are read in pages by rowid; a
 * person changed while the build runs is in the journal after `seq`, which the index reads next.
 */
export interface BuiltIndex {
  /** Documents in reading order. */
  ids: PackedStrings;
  sortKeys: PackedStrings;
  /** Normalised ticket code per document ('' for none). */
  tickets: PackedStrings;
  /** Documents by the hash of their ticket code (ticketHash), to be checked against `tickets`. */
  ticketIndex: Postings;
  main: GramChannel;
  romaji: GramChannel;
  /** The journal position (journal.ts) this build has seen every change up to. */
  seq: number;
  /** The documents sorted by id (docs-by-id.ts): how the index finds a changed person's document. */
  byId: Int32Array;
}

/** Lists a search can be answered from: a build's, or while its gram lists are made, scanned text. */
export type SearchLists = Omit<BuiltIndex, 'main' | 'romaji'> & { main: SearchChannel; romaji: SearchChannel };

export const ROW_COLUMNS = 'id, ticket_code AS ticketCode, name, name_kana AS nameKana, nickname, company, email';
const PAGE = 250;
const DOCS_PER_STEP = 1000;

/** A non-negative 32-bit hash of a ticket code (FNV-1a): the key of `ticketIndex`. */
export function ticketHash(ticket: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < ticket.length; i++) hash = Math.imul(hash ^ ticket.charCodeAt(i), 0x01000193);
  return hash >>> 1;
}

export function indexOfTickets(tickets: readonly string[]): Postings {
  const builder = new PostingsBuilder(tickets.length);
  tickets.forEach((ticket, doc) => {
    if (ticket !== '') builder.add(ticketHash(ticket), doc);
  });
  return builder.finish();
}

export function compareKeys(a: SearchKeys, b: SearchKeys): number {
  return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0;
}

export interface Entry {
  id: string;
  keys: SearchKeys;
}

/** The people of the table with their keys, in reading order, and the journal position read first. */
export interface SortedEntries {
  entries: Entry[];
  seq: number;
}

/** The first stage of a build: every person read and normalised (most of a build's cost), then sorted. */
export function* readSortedSteps(db: Db): Generator<void, SortedEntries> {
  // Read before the first row: whatever changes after this number is journaled after it.
  const seq = journalHighWater(db);
  // By rowid alone: with `removed = 0` in the query, SQLite would walk an index on `removed` and
  // sort the whole table for every page.
  const page = db.prepare<[number, number], SearchFields & { id: string; rowid: number; removed: number }>(
    `SELECT rowid, ${ROW_COLUMNS}, removed FROM attendees WHERE rowid > ? ORDER BY rowid LIMIT ?`,
  );
  const read: Entry[] = [];
  let after = -Infinity;
  for (;;) {
    const rows = page.all(after, PAGE);
    for (const row of rows) if (row.removed === 0) read.push({ id: row.id, keys: searchKeysOf(row) });
    if (rows.length < PAGE) break;
    after = rows.at(-1)?.rowid ?? after;
    yield;
  }
  // Reading order: sort key, then id (what the index's overlay can compare too, keys and ids alone).
  // Sorted in steps: one sort of 100,000 people held the station's thread for ~0.2 s (~1 s loaded).
  const entries = yield* sortInSteps(read, (a, b) => compareKeys(a.keys, b.keys) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries, seq };
}

/** What a build holds besides its gram channels, from the sorted people (cheap: no normalising). */
export function listsOf({ entries, seq }: SortedEntries, byId: Int32Array): Omit<BuiltIndex, 'main' | 'romaji'> {
  const tickets = entries.map((e) => e.keys.ticket);
  return {
    ids: PackedStrings.of(entries.map((e) => e.id)),
    sortKeys: PackedStrings.of(entries.map((e) => e.keys.sortKey)),
    tickets: PackedStrings.of(tickets),
    ticketIndex: indexOfTickets(tickets),
    seq,
    byId,
  };
}

/** The documents of the sorted people in id order, a step at a time. */
export function* orderByIdSteps(entries: readonly Entry[]): Generator<void, Int32Array> {
  const docs = entries.map((_, doc) => doc);
  const sorted = yield* sortInSteps(docs, (a, b) => {
    const x = (entries[a] as Entry).id;
    const y = (entries[b] as Entry).id;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return Int32Array.from(sorted);
}

/** The second stage: the gram channels of the sorted people. */
export function* channelSteps(entries: readonly Entry[]): Generator<void, { main: GramChannel; romaji: GramChannel }> {
  let characters = 0;
  let prefixes = 0;
  for (const { keys } of entries) {
    for (const field of keys.main) characters += field.length;
    prefixes += keys.mainPrefixes.length;
  }
  const main = new GramChannelBuilder(characters, prefixes);
  const romaji = new GramChannelBuilder(characters >> 2, prefixes >> 1);
  for (let doc = 0; doc < entries.length; doc++) {
    const { keys } = entries[doc] as Entry;
    main.add({ fields: keys.main, prefixes: keys.mainPrefixes });
    romaji.add({ fields: keys.romaji, prefixes: keys.romajiPrefixes });
    if (doc % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield;
  }
  const builtMain = main.finish();
  yield;
  return { main: builtMain, romaji: romaji.finish() };
}

export function* buildSteps(db: Db): Generator<void, BuiltIndex> {
  const sorted = yield* readSortedSteps(db);
  const { entries } = sorted;
  const { main, romaji } = yield* channelSteps(entries);
  const byId = yield* orderByIdSteps(entries);
  return { ...listsOf(sorted, byId), main, romaji };
}

/** Items sorted per run in one step, then merged this many moves per step. */
const SORT_RUN = 4096;
const MERGE_PER_STEP = 8192;

/**
 * `items` sorted by `compare` (a total order, so the result is the one `Array.prototype.sort`
 * gives) a step at a time: runs of SORT_RUN sorted in one step each, then merged pairwise.
 */
export function* sortInSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Generator<void, T[]> {
  let from: T[] = [];
  for (let at = 0; at < items.length; at += SORT_RUN) {
    for (const item of items.slice(at, at + SORT_RUN).sort(compare)) from.push(item);
    yield;
  }
  let to = new Array<T>(from.length);
  let moved = 0;
  for (let width = SORT_RUN; width < from.length; width *= 2) {
    for (let lo = 0; lo < from.length; lo += 2 * width) {
      const mid = Math.min(lo + width, from.length);
      const hi = Math.min(lo + 2 * width, from.length);
      let i = lo;
      let j = mid;
      for (let k = lo; k < hi; k++) {
        to[k] = i < mid && (j >= hi || compare(from[i] as T, from[j] as T) <= 0) ? (from[i++] as T) : (from[j++] as T);
        if (++moved % MERGE_PER_STEP === 0) yield;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Runs a build to its end now. */
export function buildNow<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
