import { searchKeysOf } from '../../../shared/text/search-keys';
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
const FORMAT = 'search-index/4';
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

function partsOf(built: BuiltIndex): Part[] {
  const parts: Part[] = [
    // Attendee ids are lower-case UUIDs (shared/domain/entry.ts): one byte a character.
    ['ids', Buffer.from(built.ids.joined, 'latin1')],
    ['ids.offsets', bytesOf(built.ids.offsets)],
    ['sortKeys', textBytes(built.sortKeys.joined)],
    ['sortKeys.offsets', bytesOf(built.sortKeys.offsets)],
    ['tickets', textBytes(built.tickets.joined)],
    ['tickets.offsets', bytesOf(built.tickets.offsets)],
  ];
  built.ticketIndex.parts().forEach((array, i) => parts.push([`tickets.index.${i}`, bytesOf(array)]));
  for (const [name, channel] of [['main', built.main], ['romaji', built.romaji]] as const) {
    const p = channel.parts();
    parts.push([`${name}.chars`, bytesOf(p.chars)], [`${name}.haystacks`, textBytes(p.haystacks)], [`${name}.prefixStacks`, textBytes(p.prefixStacks)]);
    p.postings.forEach((array, i) => parts.push([`${name}.postings.${i}`, bytesOf(array)]));
  }
  return parts;
}

/**
 * Saves `built` as the current snapshot, one part per step. Older snapshots go first, so the file
 * holds one snapshot's worth of pages, not two: a crash in the middle of a save then leaves no
 * snapshot (the next start builds in slices), never a wrong one.
 */
export function* saveSteps(db: Db, built: BuiltIndex): Generator<void, void> {
  dropSnapshots(db);
  const dropsAtStart = dropsOf(db);
  yield;
  const id = ((db.prepare('SELECT max(snapshot) FROM search_snapshot_parts').pluck().get() as number | null) ?? 0) + 1;
  const insert = db.prepare('INSERT INTO search_snapshot_parts (snapshot, name, data) VALUES (?, ?, ?)');
  for (const [name, data] of partsOf(built)) {
    insert.run(id, name, data);
    yield;
  }
  const meta: SnapshotMeta = { docs: built.ids.length, nextChar: { main: built.main.parts().nextChar, romaji: built.romaji.parts().nextChar } };
  db.transaction(() => {
    // Snapshots were dropped meanwhile (a purge of personal data): this one holds what was purged.
    if (dropsOf(db) !== dropsAtStart) {
      dropSnapshots(db);
      return;
    }
    db.prepare('INSERT INTO search_snapshots (id, seq, format, meta) VALUES (?, ?, ?, ?)').run(id, built.seq, currentFormat(), JSON.stringify(meta));
    // Parts of saves cut short by a crash or another process, and the journal the snapshot covers.
    db.prepare('DELETE FROM search_snapshot_parts WHERE snapshot <> ?').run(id);
    db.prepare('DELETE FROM search_journal WHERE seq <= ?').run(built.seq);
  })();
}

const drops = new WeakMap<Db, number>();
function dropsOf(db: Db): number {
  return drops.get(db) ?? 0;
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
  const parts = new Map<string, unknown>();
  for (const row of db.prepare('SELECT name, data FROM search_snapshot_parts WHERE snapshot = ?').all(head.id) as { name: string; data: unknown }[]) {
    parts.set(row.name, row.data);
  }
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
  };
  if (built.ids.length !== meta.docs || built.main.size !== meta.docs || built.romaji.size !== meta.docs) return null;
  return built;
}
