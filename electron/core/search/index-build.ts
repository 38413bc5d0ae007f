import { searchKeysOf, type SearchFields, type SearchKeys } from '../../../shared/text/search-keys';
import type { Db } from '../db/types';
import { GramChannel, GramChannelBuilder } from './gram-channel';
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
  /**
   * Each id's document, made in the build's steps (a loaded snapshot has none: the index makes it
   * on the first change, tens of ms a restart need not pay).
   */
  docs?: Map<string, number>;
}

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

interface Entry {
  id: string;
  keys: SearchKeys;
}

export function* buildSteps(db: Db): Generator<void, BuiltIndex> {
  // Read before the first row: whatever changes after this number is journaled after it.
  const seq = journalHighWater(db);
  // By rowid alone: with `removed = 0` in the query, SQLite would walk an index on `removed` and
  // sort the whole table for every page.
  const read = db.prepare<[number, number], SearchFields & { id: string; rowid: number; removed: number }>(
    `SELECT rowid, ${ROW_COLUMNS}, removed FROM attendees WHERE rowid > ? ORDER BY rowid LIMIT ?`,
  );
  const entries: Entry[] = [];
  let after = -Infinity;
  for (;;) {
    const rows = read.all(after, PAGE);
    for (const row of rows) if (row.removed === 0) entries.push({ id: row.id, keys: searchKeysOf(row) });
    if (rows.length < PAGE) break;
    after = rows.at(-1)?.rowid ?? after;
    yield;
  }
  // Reading order: sort key, then id (what the index's overlay can compare too, keys and ids alone).
  entries.sort((a, b) => compareKeys(a.keys, b.keys) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  yield;
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
  // The index needs it at the first change after the build, which after a long write is at once.
  const docs = new Map<string, number>();
  for (let doc = 0; doc < entries.length; doc++) {
    docs.set((entries[doc] as Entry).id, doc);
    if (doc % (DOCS_PER_STEP * 10) === DOCS_PER_STEP * 10 - 1) yield;
  }
  const tickets = entries.map((e) => e.keys.ticket);
  return {
    ids: PackedStrings.of(entries.map((e) => e.id)),
    sortKeys: PackedStrings.of(entries.map((e) => e.keys.sortKey)),
    tickets: PackedStrings.of(tickets),
    ticketIndex: indexOfTickets(tickets),
    main: builtMain,
    romaji: romaji.finish(),
    seq,
    docs,
  };
}

/** Runs a build to its end now. */
export function buildNow(steps: Generator<void, BuiltIndex>): BuiltIndex {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
