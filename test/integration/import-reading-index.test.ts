import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import type { Db } from '../../electron/core/db/types';
import { commitImport } from '../../electron/core/import/run-import';
import { listAttendees } from '../../electron/core/roster/list';
import { createService } from '../../electron/core/service/service';
import { generateAttendees } from '../helpers/generate-attendees';
import { tempDir } from '../helpers/temp';

/**
 * An import of many new people applies without the list's reading index and builds it again at its
 * end, off the serving thread (roster/reading-index.ts, import/staging.ts). What the organizer
 * relies on: afterwards the list pages in reading order over the same index as before, and an
 * import into an event that already holds more people than it adds never takes the index away.
 */
const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function station(): { db: Db; importCsv: (first: number, count: number) => Promise<{ imported: number; indexSeenMissing: boolean }> } {
  const db = openDatabase(path.join(tempDir(), 'event.db'), { checkpointInBackground: true });
  opened.push(db);
  const service = createService({ db, stationName: 'Desk' });
  const importCsv = async (first: number, count: number): Promise<{ imported: number; indexSeenMissing: boolean }> => {
    const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const lines = ['受付番号,氏名,フリガナ,会社名'];
    for (const [i, p] of generateAttendees(first + count, 7).entries()) {
      if (i >= first) lines.push([`T-${i}`, p.name, p.nameKana, p.company].map((v) => quote(v ?? '')).join(','));
    }
    let done = false;
    const importing = commitImport(db, service.recorder, 'Desk', { fileName: 'list.csv', bytes: Buffer.from(`${lines.join('\n')}\n`) }).finally(() => (done = true));
    // Looks at the schema on every turn the import leaves to others, as a page request would arrive.
    let indexSeenMissing = false;
    while (!done) {
      if (readingIndexSql(db) === undefined) indexSeenMissing = true;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { imported: (await importing).imported, indexSeenMissing };
  };
  return { db, importCsv };
}

function readingIndexSql(db: Db): string | undefined {
  return (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'attendees_by_reading'").get() as { sql: string } | undefined)?.sql;
}

/** Reading order as SQLite's BINARY collation compares: by UTF-8 bytes, reading, then name, then id. */
function expectedOrder(db: Db): string[] {
  const rows = db.prepare("SELECT id, name, name_kana AS kana FROM attendees WHERE removed = 0").all() as { id: string; name: string; kana: string }[];
  const key = (row: { id: string; name: string; kana: string }): Buffer[] => [row.kana === '' ? row.name : row.kana, row.name, row.id].map((t) => Buffer.from(t));
  return rows
    .map((row) => ({ id: row.id, key: key(row) }))
    .sort((a, b) => a.key.reduce((order, part, i) => order || Buffer.compare(part, b.key[i] ?? Buffer.alloc(0)), 0))
    .map((row) => row.id);
}

describe('the list reading index across large imports', () => {
  it('a first import of 12,000 people goes in without it, then the list pages in reading order over the index the migrations made', { timeout: 60_000 }, async () => {
    const { db, importCsv } = station();
    const migrated = openDatabase(':memory:');
    opened.push(migrated);
    const result = await importCsv(0, 12_000);
    expect(result.imported).toBe(12_000);
    expect(result.indexSeenMissing).toBe(true);
    expect(readingIndexSql(db)).toBe(readingIndexSql(migrated));
    expect(readingIndexSql(db)).toBeDefined();

    const order = expectedOrder(db);
    for (const offset of [0, 5_000, 11_950]) {
      const page = listAttendees(db, { offset, limit: 50, filter: {} });
      expect(page.total).toBe(12_000);
      expect(page.items.map((item) => item.id)).toEqual(order.slice(offset, offset + 50));
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('an import adding fewer people than the event holds keeps the index all the way through', { timeout: 60_000 }, async () => {
    const { db, importCsv } = station();
    await importCsv(0, 12_000);
    const more = await importCsv(12_000, 11_000);
    expect(more.imported).toBe(11_000);
    expect(more.indexSeenMissing).toBe(false);
    const page = listAttendees(db, { offset: 22_950, limit: 50, filter: {} });
    expect(page.items.map((item) => item.id)).toEqual(expectedOrder(db).slice(22_950));
  });
});
