import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EntryOfType } from '../../shared/domain/entry';
import { newId } from '../../shared/domain/ids';
import { openDatabase } from '../../electron/core/db/open';
import type { Db } from '../../electron/core/db/types';
import { applyStagedChunk, markApplying, openRun, recoverImports, stageEntries, type StagedEntry } from '../../electron/core/import/staging';
import { tempDir } from '../helpers/temp';

/**
 * The edges of the applying step, which copies staged new people into the log by SQL: chunks of
 * 0, 1, exactly the chunk size and one more, and a run cut off while it was still staging.
 */
const CHUNK = 64;

function newPerson(i: number): StagedEntry {
  const entry: EntryOfType<'attendee.upsert'> = {
    id: newId(),
    station: 'Desk',
    hlc: `2026-11-24T09:00:00.000Z-${String(i).padStart(6, '0')}-Desk`,
    type: 'attendee.upsert',
    attendeeId: newId(),
    // A reading, a list and a flag: the stored bytes must be those the bulk path writes.
    data: { fields: { name: `山田 ${i}「"引用"」`, nameKana: 'ヤマダ', goals: ['hiring'], vcardOptIn: i % 2 === 0, ticketCode: `T-${i}` } },
  };
  return { kind: 'new', entry };
}

function openFresh(): { db: Db; file: string } {
  const file = path.join(tempDir(), 'event.db');
  return { db: openDatabase(file), file };
}

/** Runs test/helpers/stage-then-die.ts, which SIGKILLs itself mid-run; returns the staged entry ids. */
function killedMidRun(file: string, people: number, cutAt: 'staging' | 'applying' | 'applying-without-index'): string[] {
  const script = path.join(__dirname, '../helpers/stage-then-die.ts');
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, file, String(people), String(CHUNK), cutAt], { encoding: 'utf8' });
  expect(result.signal).toBe('SIGKILL');
  return JSON.parse(result.stdout.split('\n')[0] ?? '[]') as string[];
}

const count = (db: Db, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

describe('an import run applied chunk by chunk', () => {
  for (const n of [0, 1, CHUNK, CHUNK + 1]) {
    it(`moves ${n} new people into the log in stage order and projects each once`, () => {
      const { db } = openFresh();
      const runId = newId();
      openRun(db, runId, new Date().toISOString());
      const staged = Array.from({ length: n }, (_, i) => newPerson(i));
      stageEntries(db, runId, 0, staged);
      markApplying(db, runId);
      const moved: number[] = [];
      for (let m = applyStagedChunk(db, runId, CHUNK); m > 0; m = applyStagedChunk(db, runId, CHUNK)) moved.push(m);
      expect(moved.reduce((a, b) => a + b, 0)).toBe(n);

      const log = db.prepare("SELECT id, station, hlc, type, attendee_id, data FROM entries WHERE type = 'attendee.upsert' ORDER BY seq").all() as {
        id: string; station: string; hlc: string; type: string; attendee_id: string; data: string;
      }[];
      expect(log).toEqual(staged.map(({ entry }) => ({
        id: entry.id, station: entry.station, hlc: entry.hlc, type: entry.type, attendee_id: entry.attendeeId, data: JSON.stringify(entry.data),
      })));
      const people = db.prepare('SELECT id, name, goals, vcard_opt_in FROM attendees ORDER BY rowid').all();
      expect(people).toEqual(staged.map(({ entry }) => ({
        id: entry.attendeeId, name: entry.data.fields.name, goals: '["hiring"]', vcard_opt_in: entry.data.fields.vcardOptIn ? 1 : 0,
      })));
      expect(count(db, 'SELECT count(*) AS n FROM import_staged')).toBe(0);
      expect(count(db, 'SELECT count(*) AS n FROM import_runs')).toBe(0);
      db.close();
    });
  }

  it('a process killed between staging chunks leaves nobody visible after a restart', () => {
    const file = path.join(tempDir(), 'event.db');
    killedMidRun(file, CHUNK * 2 + 1, 'staging');
    const again = openDatabase(file);
    expect(recoverImports(again)).toEqual({ finished: 0, dropped: 1 });
    expect(count(again, 'SELECT count(*) AS n FROM attendees')).toBe(0);
    expect(count(again, 'SELECT count(*) AS n FROM entries')).toBe(0);
    expect(count(again, 'SELECT count(*) AS n FROM import_staged')).toBe(0);
    again.close();
  });

  it('a process killed between applying chunks has the run finished whole on restart, in stage order', () => {
    const file = path.join(tempDir(), 'event.db');
    const ids = killedMidRun(file, CHUNK + 1, 'applying');
    const seen = openDatabase(file);
    // Before recovery the first chunk is in: the run is past its point of no return.
    expect(count(seen, 'SELECT count(*) AS n FROM attendees')).toBe(CHUNK);
    expect(recoverImports(seen)).toEqual({ finished: 1, dropped: 0 });
    const log = (seen.prepare('SELECT id FROM entries ORDER BY seq').all() as { id: string }[]).map((r) => r.id);
    expect(log).toEqual(ids);
    expect(count(seen, 'SELECT count(*) AS n FROM attendees')).toBe(CHUNK + 1);
    seen.close();
  });

  it('a run killed while it applies without the reading index has the index built again on restart, as the migrations made it', () => {
    const file = path.join(tempDir(), 'event.db');
    killedMidRun(file, CHUNK + 1, 'applying-without-index');
    const seen = openDatabase(file);
    const readingIndex = (db: Db): unknown => db.prepare("SELECT sql FROM sqlite_master WHERE name = 'attendees_by_reading'").get();
    expect(readingIndex(seen)).toBeUndefined();
    expect(recoverImports(seen)).toEqual({ finished: 1, dropped: 0 });
    const migrated = openDatabase(':memory:');
    expect(readingIndex(seen)).toEqual(readingIndex(migrated));
    expect(readingIndex(seen)).toBeDefined();
    expect(count(seen, 'SELECT count(*) AS n FROM attendees')).toBe(CHUNK + 1);
    expect(seen.pragma('integrity_check', { simple: true })).toBe('ok');
    migrated.close();
    seen.close();
  });
});
