import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../shared/api/methods/import';
import type { Entry } from '../../shared/domain/entry';
import { formatHlc } from '../../shared/domain/hlc';
import { eventIdForKey } from '../../shared/sync/event-id';
import { HubClient } from '../../shared/sync/hub-client';
import { generateAttendees } from '../helpers/generate-attendees';
import { startMusubi, type RunningProcess } from '../helpers/processes';
import { expectStationAnswersAsFullBuild } from '../helpers/search-reference';
import { tempDir } from '../helpers/temp';

/**
 * Long writes on a real `musubi station` over HTTP (issue 12): an import and a large pull commit in
 * short transactions, so check-ins sent meanwhile are answered between them, in order; and a
 * station killed with SIGKILL in the middle of either shows, after a restart, the import wholly or
 * not at all and the pull up to a committed cursor, losing nothing it acknowledged, and its search
 * answers as a full build of the file once the pull is over. Waits are bounded polls; nothing
 * asserts a timing.
 */
const KEY = 'long-writes-test-key-0123456789';
const running: RunningProcess[] = [];
afterEach(async () => {
  for (const p of running.splice(0)) await p.stop('SIGKILL');
});

interface Answer {
  ok: boolean;
  value?: unknown;
  error?: unknown;
}

/** One API call; a keep-alive connection the station closed just as it was reused (seen under heavy load) is tried once more. */
async function call(url: string, method: string, input: unknown = {}, retried = false): Promise<Answer> {
  try {
    const response = await fetch(new URL(`api/${method}`, url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    return (await response.json()) as Answer;
  } catch (error) {
    if (retried || (error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    return call(url, method, input, true);
  }
}

/** A station process; its start may finish an import cut off by a kill first, so it gets longer than the usual 30 s. */
async function station(dbFile: string): Promise<{ url: string; proc: RunningProcess }> {
  const started = await startMusubi(['station', '--db', dbFile, '--port', '0'], /ready: (http:\/\/\S+)/, 180_000);
  running.push(started);
  return { url: started.match[1] ?? '', proc: started };
}

/** A registration export of `count` people from `first` on; `company` marks the export's version. */
function registrations(first: number, count: number, company = ''): string {
  const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = ['受付番号,氏名,フリガナ,会社名,メールアドレス'];
  for (const [i, p] of generateAttendees(first + count, 5).entries()) {
    if (i < first) continue;
    lines.push([`T-${i}`, p.name, p.nameKana, `${p.company}${company}`, `p${i}@example.com`].map((v) => quote(v ?? '')).join(','));
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`).toString('base64');
}

function readOnly<T>(dbFile: string, read: (db: Database.Database) => T): T {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

async function until(what: string, condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const attendeeCount = (dbFile: string): number => readOnly(dbFile, (db) => (db.prepare('SELECT count(*) AS n FROM attendees').get() as { n: number }).n);
const importState = (dbFile: string): string | undefined =>
  readOnly(dbFile, (db) => (db.prepare('SELECT state FROM import_runs').get() as { state: string } | undefined)?.state);

/** The file is sound, no import is left over, and the list's reading index is there (a large import drops it while it applies). */
function integrity(dbFile: string): { ok: string; readingIndex: boolean; staged: number; runs: number } {
  return readOnly(dbFile, (db) => ({
    ok: db.pragma('integrity_check', { simple: true }) as string,
    readingIndex: db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'attendees_by_reading'").get() !== undefined,
    staged: (db.prepare('SELECT count(*) AS n FROM import_staged').get() as { n: number }).n,
    runs: (db.prepare('SELECT count(*) AS n FROM import_runs').get() as { n: number }).n,
  }));
}

describe('long writes on a running station', () => {
  it('answers check-ins during a 10,000-row re-import, every one committed in order, and completes the import', { timeout: 300_000 }, async () => {
    const dbFile = path.join(tempDir(), 'event.db');
    const { url } = await station(dbFile);
    const first = await call(url, 'commitImport', { fileName: 'list.csv', contentBase64: registrations(0, 10_000) });
    expect((first.value as ImportSummary).imported).toBe(10_000);
    const ids = readOnly(dbFile, (db) => (db.prepare('SELECT id FROM attendees ORDER BY rowid LIMIT 2000').all() as { id: string }[]).map((r) => r.id));

    let importAnswer: Answer | undefined;
    const importing = call(url, 'commitImport', { fileName: 'list-v2.csv', contentBase64: registrations(0, 10_000, ' (v2)') }).then((answer) => (importAnswer = answer));
    const acknowledged: string[] = [];
    let answeredDuringImport = 0;
    for (const id of ids) {
      if (importAnswer && acknowledged.length >= 20) break;
      const result = await call(url, 'checkIn', { attendeeId: id, source: 'search' });
      expect(result.ok, JSON.stringify(result.error)).toBe(true);
      acknowledged.push(id);
      if (!importAnswer) answeredDuringImport++;
    }
    await importing;
    // The door was not held until the import was over: check-ins were answered while it ran.
    expect(answeredDuringImport).toBeGreaterThan(0);
    expect(importAnswer?.ok).toBe(true);
    expect(importAnswer?.value).toMatchObject({ imported: 0, updated: 10_000, skipped: 0 });

    const after = readOnly(dbFile, (db) => ({
      checkins: (db.prepare("SELECT attendee_id FROM entries WHERE type = 'checkin' ORDER BY seq").all() as { attendee_id: string }[]).map((r) => r.attendee_id),
      renamed: (db.prepare("SELECT count(*) AS n FROM attendees WHERE company LIKE '% (v2)'").get() as { n: number }).n,
      checkedIn: (db.prepare('SELECT count(*) AS n FROM checkins').get() as { n: number }).n,
    }));
    expect(after.checkins).toEqual(acknowledged);
    expect(after.checkedIn).toBe(acknowledged.length);
    expect(after.renamed).toBe(10_000);
    expect(integrity(dbFile)).toEqual({ ok: 'ok', readingIndex: true, staged: 0, runs: 0 });
  });

  for (const phase of ['staging', 'applying'] as const) {
    it(`killed while an import is ${phase}, restarts with the import wholly or not at all and every acknowledged check-in`, { timeout: 300_000 }, async () => {
      const dbFile = path.join(tempDir(), 'event.db');
      let { url, proc } = await station(dbFile);
      await call(url, 'commitImport', { fileName: 'first.csv', contentBase64: registrations(0, 2000) });
      const before = attendeeCount(dbFile);
      const ids = readOnly(dbFile, (db) => (db.prepare('SELECT id FROM attendees ORDER BY rowid').all() as { id: string }[]).map((r) => r.id));

      const big = registrations(2000, 30_000);
      const importing = call(url, 'commitImport', { fileName: 'more.csv', contentBase64: big }).catch(() => undefined);
      const acknowledged: string[] = [];
      let killed = false;
      const checkingIn = (async () => {
        for (const id of ids) {
          if (killed) return;
          try {
            if ((await call(url, 'checkIn', { attendeeId: id, source: 'search' })).ok) acknowledged.push(id);
          } catch {
            return; // the connection died with the station: unknown
          }
        }
      })();
      // Killed while the import is in that phase and once the door has had a check-in answered: the
      // first check-in can come back only after the import's body was read and staging had begun.
      await until(`the import to be ${phase} with a check-in answered`, () => acknowledged.length > 0 && importState(dbFile) === phase);
      killed = true;
      await proc.stop('SIGKILL');
      await Promise.all([importing, checkingIn]);
      expect(acknowledged.length).toBeGreaterThan(0);

      ({ url, proc } = await station(dbFile));
      const count = attendeeCount(dbFile);
      expect([before, before + 30_000]).toContain(count);
      // A kill while staging drops the import; once it is applying it is finished on restart.
      if (phase === 'applying') expect(count).toBe(before + 30_000);
      const status = (await call(url, 'getStatus')).value as { expected: number };
      expect(status.expected).toBe(count);
      for (const id of acknowledged) {
        const person = (await call(url, 'getAttendee', { id })).value as { checkedIn: unknown };
        expect(person.checkedIn, id).not.toBeNull();
      }
      await proc.stop('SIGTERM');
      expect(integrity(dbFile)).toEqual({ ok: 'ok', readingIndex: true, staged: 0, runs: 0 });
    });
  }

  it('killed in the middle of a large pull from a hub, keeps every page with its cursor and resumes from it', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const hub = await startMusubi(['hub', '--data', path.join(dir, 'hub'), '--port', '0', '--key', KEY], /ready: (http:\/\/\S+)/);
    running.push(hub);
    const hubUrl = hub.match[1] ?? '';
    const client = new HubClient({ hubUrl, key: KEY, eventId: await eventIdForKey(KEY) });
    const TOTAL = 40_000;
    const onHub: Entry[] = Array.from({ length: TOTAL }, (_, i) => ({
      id: `01900000-0000-7000-a000-${(i + 1).toString(16).padStart(12, '0')}`,
      station: 'Hub door',
      hlc: formatHlc({ ms: Date.now() - 60_000, counter: i + 1, node: 'hubdoor1' }),
      type: 'attendee.upsert',
      attendeeId: `01900000-0000-7000-b000-${(i + 1).toString(16).padStart(12, '0')}`,
      data: { fields: { name: `来場者 ${i}`, ticketCode: `H-${i}` } },
    }));
    for (let i = 0; i < onHub.length; i += 5000) await client.push(onHub.slice(i, i + 5000));

    const dbFile = path.join(dir, 'station.db');
    const first = await station(dbFile);
    const pulledCount = (): number => readOnly(dbFile, (db) => (db.prepare('SELECT count(*) AS n FROM entries WHERE pulled = 1').get() as { n: number }).n);
    expect((await call(first.url, 'pairStation', { hubUrl, key: KEY })).ok).toBe(true);
    await until('the first pulled page', () => pulledCount() > 0);
    await first.proc.stop('SIGKILL');

    const kept = readOnly(dbFile, (db) => ({
      entries: (db.prepare('SELECT count(*) AS n FROM entries WHERE pulled = 1').get() as { n: number }).n,
      attendees: (db.prepare('SELECT count(*) AS n FROM attendees').get() as { n: number }).n,
      cursor: Number((db.prepare("SELECT value FROM meta WHERE key = 'sync.cursor'").get() as { value: string }).value),
    }));
    expect(kept.entries).toBeLessThan(TOTAL);
    // Each page committed with its cursor: the hub numbers this event's entries 1, 2, 3 …
    expect(kept.cursor).toBe(kept.entries);
    expect(kept.attendees).toBe(kept.entries);

    const restarted = await station(dbFile);
    await until('the rest of the pull', () => pulledCount() === TOTAL);
    // The pull held off the search index's builds: its answers, from the overlay or the build the
    // pull's end started, are a full build's of the same file.
    await expectStationAnswersAsFullBuild(restarted.url, dbFile, ['来場者 1', '来場者 39999', '来場者 2000', 'h-0', 'h-25000', '来場者', '']);
    await restarted.proc.stop('SIGTERM');
    const ids = readOnly(dbFile, (db) => (db.prepare('SELECT id FROM entries WHERE pulled = 1').all() as { id: string }[]).map((r) => r.id));
    expect(new Set(ids)).toEqual(new Set(onHub.map((e) => e.id)));
    expect(integrity(dbFile)).toEqual({ ok: 'ok', readingIndex: true, staged: 0, runs: 0 });
  });
});
