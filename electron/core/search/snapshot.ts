import { searchKeysOf } from '../../../shared/text/search-keys';
import { relaxedTransaction } from '../db/relaxed-transaction';
import type { Db } from '../db/types';
import { GramChannel, type ChannelParts } from './gram-channel';
import type { BuiltIndex } from './index-build';
import { PackedStrings } from './packed-strings';
import { Postings } from './postings';

/**
 * The built search index, saved in the database (migration 010) so that a restarted station
 * answers at once instead of building for seconds. A snapshot is never trusted beyond what it
 * saw: it records the journal position of its build, and the index applies every journaled change
 * after it on load (attendee-index.ts). It is also tied to the code that made it: `FORMAT` names
 * the layout, and the fingerprint of the search normalisation (the keys of a few probe names)
 * changes when a new version folds text differently, so an old snapshot is then ignored and rebuilt.
 *
 * Saving is a generator (one part per step, each its own small transaction) so that it can run in
 * slices; the snapshot counts only once its `search_snapshots` row is in, written last together
 * with the removal of the journal it makes unnecessary.
 */
const FORMAT = 'search-index/6';
const PROBES = ['髙橋 健一', 'タカハシ ケンイチ', 'ｺｳﾉ ｼｮｳﾀ', 'こうの しょうた', 'Taro Kohno', '齋藤', '斉藤', '株式会社みらい', '(株)東京', 'Acme Inc.', 'ＡＢＣ-１２３', 'ちゅうじょう', 'しんいち', 'つばさ'];

/** Changes whenever the normalisation gives different keys for the probes. */
function keysFingerprint(): string {
  const keys = PROBES.map((p) => searchKeysOf({ ticketCode: p, name: p, nameKana: p, company: p, email: p }));
  const text = JSON.stringify(keys);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${FORMAT}:${hash.toString(16)}`;
}

let fingerprint: string | undefined;
function currentFormat(): string {
  fingerprint ??= keysFingerprint();
  return fingerprint;
}

interface SnapshotMeta {
  docs: number;
  nextChar: { main: number; romaji: number };
}

type Part = [name: string, data: Buffer];

/**
 * Text as UTF-16 blobs: SQLite's text functions stop at the separator (NUL), blobs keep it; and
 * UTF-16 is what a JavaScript string holds, so reading it back is a copy, not a decode (UTF-8
 * decoding of the Japanese text took most of a snapshot's load).
 */
function textBytes(text: string): Buffer {
  return Buffer.from(text, 'utf16le');
}

function textOf(data: unknown): string {
  return (data as Buffer).toString('utf16le');
}

function bytesOf(array: Int32Array | Uint16Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/**
 * The parts of `built`, each made into bytes only when its turn to be written comes (a channel's
 * parts join 100,000 strings: that is done once per channel, and its `nextChar` noted in `meta`).
 */
function* partsOf(built: BuiltIndex, meta: SnapshotMeta): Generator<Part> {
  // Attendee ids are lower-case UUIDs (shared/domain/entry.ts): one byte a character.
  yield ['ids', Buffer.from(built.ids.joined, 'latin1')];
  yield ['ids.offsets', bytesOf(built.ids.offsets)];
  yield ['ids.byId', bytesOf(built.byId)];
  yield ['sortKeys', textBytes(built.sortKeys.joined)];
  yield ['sortKeys.offsets', bytesOf(built.sortKeys.offsets)];
  yield ['tickets', textBytes(built.tickets.joined)];
  yield ['tickets.offsets', bytesOf(built.tickets.offsets)];
  for (const [i, array] of built.ticketIndex.parts().entries()) yield [`tickets.index.${i}`, bytesOf(array)];
  for (const [name, channel] of [['main', built.main], ['romaji', built.romaji]] as const) {
    const p = channel.parts();
    meta.nextChar[name] = p.nextChar;
    yield [`${name}.chars`, bytesOf(p.chars)];
    yield [`${name}.haystacks`, textBytes(p.haystacks)];
    yield [`${name}.prefixStacks`, textBytes(p.prefixStacks)];
    for (const [i, array] of p.postings.entries()) yield [`${name}.postings.${i}`, bytesOf(array)];
  }
}

/**
 * A part is stored in pieces of at most this many bytes, one small transaction each (`name#00000`,
 * `name#00001`, …): written whole, the largest parts (tens of MB for 100,000 people) held the
 * station's thread for up to seconds in one insert, and so did removing them.
 */
const PIECE_BYTES = 512 * 1024;
const PIECE_SEPARATOR = '#';
/** Rows of an old snapshot, and of the journal a new one covers, removed per step. */
const PIECES_PER_DELETE = 4;
const JOURNAL_ROWS_PER_DELETE = 2000;

function pieceName(part: string, piece: number): string {
  return `${part}${PIECE_SEPARATOR}${String(piece).padStart(5, '0')}`;
}

/**
 * Saves `built` as the current snapshot in small steps (each its own short transaction, so that
 * `runInSlices` can stop between any two). The old snapshot goes first, so the file holds one
 * snapshot's worth of pages, not two: a crash in the middle of a save then leaves no snapshot (the
 * next start builds in slices), never a wrong one. Every step commits with `synchronous = NORMAL`
 * (a snapshot lost to a power cut only means a build at the next start; the fsyncs are left to the
 * checkpoint thread); the row that makes the snapshot count is written last, and the journal it covers is pruned after it, a step at a time.
 */
export function* saveSteps(db: Db, built: BuiltIndex, dropsAtStart = dropsOf(db)): Generator<void, void> {
  // Without its head row the old snapshot no longer counts; its pieces are removed a few at a time.
  db.prepare('DELETE FROM search_snapshots').run();
  yield;
  yield* deleteInSteps(db, 'DELETE FROM search_snapshot_parts WHERE rowid IN (SELECT rowid FROM search_snapshot_parts LIMIT ?)', PIECES_PER_DELETE);
  const id = ((db.prepare('SELECT max(snapshot) FROM search_snapshot_parts').pluck().get() as number | null) ?? 0) + 1;
  const insert = db.prepare('INSERT INTO search_snapshot_parts (snapshot, name, data) VALUES (?, ?, ?)');
  const meta: SnapshotMeta = { docs: built.ids.length, nextChar: { main: 0, romaji: 0 } };
  for (const [name, data] of partsOf(built, meta)) {
    for (let at = 0, piece = 0; at < data.length || at === 0; at += PIECE_BYTES, piece++) {
      relaxedTransaction(db, () => insert.run(id, pieceName(name, piece), data.subarray(at, at + PIECE_BYTES)));
      yield;
    }
  }
  // Pieces of saves cut short by a crash or another process.
  yield* deleteInSteps(db, 'DELETE FROM search_snapshot_parts WHERE rowid IN (SELECT rowid FROM search_snapshot_parts WHERE snapshot <> ? LIMIT ?)', PIECES_PER_DELETE, id);
  // Relaxed too: a snapshot lost to a power cut only means a build in slices at the next start.
  const saved = relaxedTransaction(db, () => {
    // Snapshots were dropped meanwhile (a purge of personal data): this one holds what was purged.
    if (dropsOf(db) !== dropsAtStart) {
      dropSnapshots(db);
      return false;
    }
    db.prepare('INSERT INTO search_snapshots (id, seq, format, meta) VALUES (?, ?, ?, ?)').run(id, built.seq, currentFormat(), JSON.stringify(meta));
    return true;
  });
  if (!saved) return;
  yield;
  // The journal the snapshot covers (after a large pull, a hundred thousand rows).
  yield* deleteInSteps(db, 'DELETE FROM search_journal WHERE seq IN (SELECT seq FROM search_journal WHERE seq <= ? ORDER BY seq LIMIT ?)', JOURNAL_ROWS_PER_DELETE, built.seq);
}

/** Runs a `DELETE … LIMIT ?` statement (its last parameter) a step at a time until it removes nothing. */
function* deleteInSteps(db: Db, sql: string, perStep: number, ...params: unknown[]): Generator<void, void> {
  const statement = db.prepare(sql);
  while (relaxedTransaction(db, () => statement.run(...params, perStep).changes) > 0) yield;
}

const drops = new WeakMap<Db, number>();
function dropsOf(db: Db): number {
  return drops.get(db) ?? 0;
}

/**
 * How many times this connection dropped its snapshots so far: a build records it when it starts,
 * and its save is dropped if the count moved (the build may hold what a purge removed).
 */
export function snapshotDrops(db: Db): number {
  return dropsOf(db);
}

/**
 * Removes every saved snapshot (they hold names and readings: a purge of personal data must take
 * them too). The journal stays: an index running elsewhere still reads its changes.
 */
export function dropSnapshots(db: Db): void {
  drops.set(db, dropsOf(db) + 1);
  db.transaction(() => {
    db.prepare('DELETE FROM search_snapshots').run();
    db.prepare('DELETE FROM search_snapshot_parts').run();
  })();
}

function int32(data: unknown): Int32Array {
  const buffer = data as Buffer;
  const copy = buffer.byteOffset % 4 === 0 ? buffer : Buffer.from(buffer);
  return new Int32Array(copy.buffer, copy.byteOffset, copy.byteLength / 4);
}

function uint16(data: unknown): Uint16Array {
  const buffer = data as Buffer;
  const copy = buffer.byteOffset % 2 === 0 ? buffer : Buffer.from(buffer);
  return new Uint16Array(copy.buffer, copy.byteOffset, copy.byteLength / 2);
}


/** The newest complete snapshot made by this version's code, or null. */
export function loadSnapshot(db: Db): BuiltIndex | null {
  try {
    return readSnapshot(db);
  } catch {
    // A part missing or cut short: the snapshot is only a shortcut, so build instead.
    return null;
  }
}

function readSnapshot(db: Db): BuiltIndex | null {
  const head = db.prepare('SELECT id, seq, format, meta FROM search_snapshots ORDER BY id DESC LIMIT 1').get() as
    | { id: number; seq: number; format: string; meta: string }
    | undefined;
  if (!head || head.format !== currentFormat()) return null;
  const meta = JSON.parse(head.meta) as SnapshotMeta;
  const pieces = new Map<string, Buffer[]>();
  for (const row of db.prepare('SELECT name, data FROM search_snapshot_parts WHERE snapshot = ? ORDER BY name').all(head.id) as { name: string; data: Buffer }[]) {
    const part = row.name.slice(0, row.name.lastIndexOf(PIECE_SEPARATOR));
    const list = pieces.get(part) ?? [];
    list.push(row.data);
    pieces.set(part, list);
  }
  const parts = new Map<string, unknown>();
  for (const [part, list] of pieces) parts.set(part, list.length === 1 ? list[0] : Buffer.concat(list));
  const channel = (name: 'main' | 'romaji'): GramChannel => {
    const postings: Int32Array[] = [];
    for (let i = 0; i < 12; i++) postings.push(int32(parts.get(`${name}.postings.${i}`)));
    const channelParts: ChannelParts = {
      chars: uint16(parts.get(`${name}.chars`)),
      nextChar: meta.nextChar[name],
      postings,
      haystacks: textOf(parts.get(`${name}.haystacks`)),
      prefixStacks: textOf(parts.get(`${name}.prefixStacks`)),
    };
    return GramChannel.fromParts(channelParts);
  };
  const built: BuiltIndex = {
    ids: new PackedStrings((parts.get('ids') as Buffer).toString('latin1'), int32(parts.get('ids.offsets'))),
    sortKeys: new PackedStrings(textOf(parts.get('sortKeys')), int32(parts.get('sortKeys.offsets'))),
    tickets: new PackedStrings(textOf(parts.get('tickets')), int32(parts.get('tickets.offsets'))),
    ticketIndex: new Postings(int32(parts.get('tickets.index.0')), int32(parts.get('tickets.index.1')), int32(parts.get('tickets.index.2'))),
    main: channel('main'),
    romaji: channel('romaji'),
    seq: head.seq,
    byId: int32(parts.get('ids.byId')),
  };
  if (built.ids.length !== meta.docs || built.byId.length !== meta.docs || built.main.size !== meta.docs || built.romaji.size !== meta.docs) return null;
  return built;
}
