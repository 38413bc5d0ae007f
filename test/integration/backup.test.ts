import type { MethodName } from '../../shared/api/contract';
import { apiPath, relative } from '../../shared/api/http-routes';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { validateMusubiBackup } from '../../electron/core/backup/backup';
import { readDashboard } from '../../electron/core/dashboard/dashboard';
import { exportAttendance } from '../../electron/core/export/attendance-export';
import { readEntries } from '../../electron/core/log/append';
import { openRun } from '../../electron/core/import/staging';
import { exportOptionsSchema } from '../../shared/api/methods/export';
import { seedEvent } from '../helpers/attendance';
import { runMusubi, startStationProcess } from '../helpers/processes';
import { openTestStation } from '../helpers/service';
import { tempDir } from '../helpers/temp';

async function call<T>(url: string, method: MethodName, input: unknown = {}): Promise<T> {
  const response = await fetch(new URL(relative(apiPath(method)), url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(result.error?.message);
  return result.value;
}

function checkinsIn(file: string): Set<string> {
  const db = new Database(file, { readonly: true });
  try {
    return new Set((db.prepare('SELECT attendee_id FROM checkins').all() as { attendee_id: string }[]).map((r) => r.attendee_id));
  } finally {
    db.close();
  }
}

describe('backups', () => {
  it('a backup taken during a burst of check-ins opens and holds every check-in committed before it started', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'event.db');
    const seed = openTestStation({ file: dbFile });
    const ids: string[] = [];
    seed.db.transaction(() => {
      for (let i = 0; i < 400; i++) {
        seed.service.context.record([{ type: 'attendee.upsert', attendeeId: crypto.randomUUID(), data: { fields: { name: `Guest ${i}`, ticketCode: `G${i}` } } }]);
      }
    })();
    for (const row of seed.db.prepare('SELECT id FROM attendees').all() as { id: string }[]) ids.push(row.id);
    seed.close();

    const station = await startStationProcess(dbFile, ['--station', 'Door A', '--backup-dir', path.join(dir, 'backups')]);
    try {
      const committed = new Set<string>();
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < ids.length) {
          const id = ids[next++] ?? '';
          await call(station.url, 'checkIn', { attendeeId: id, source: 'qr' });
          committed.add(id);
        }
      };
      const burst = Promise.all([worker(), worker(), worker(), worker()]);
      while (committed.size < 100) await new Promise((r) => setTimeout(r, 5));

      // On demand through the station's own connection ("Back up now") …
      const beforeStationBackup = new Set(committed);
      const stationBackup = await call<{ file: string }>(station.url, 'backupNow');
      // … and from another process while the station keeps writing.
      const beforeCliBackup = new Set(committed);
      const cliFile = path.join(dir, 'cli-backup.db');
      const cli = await runMusubi(['backup', '--db', dbFile, '--out', cliFile]);
      expect(cli.code, cli.stderr).toBe(0);
      await burst;
      expect(committed.size).toBe(ids.length);

      for (const [file, before] of [
        [stationBackup.file, beforeStationBackup],
        [cliFile, beforeCliBackup],
      ] as const) {
        expect(path.dirname(file) === path.join(dir, 'backups') || file === cliFile).toBe(true);
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        expect(validateMusubiBackup(file).attendees).toBe(400);
        const inBackup = checkinsIn(file);
        const missing = [...before].filter((id) => !inBackup.has(id));
        expect(missing).toEqual([]);
      }
    } finally {
      await station.stop();
    }
  }, 180_000);

  it('backs up on a schedule while the station runs', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'event.db');
    const station = await startStationProcess(dbFile, ['--backup-dir', path.join(dir, 'auto'), '--backup-every', '0.01']);
    try {
      // A backup is written under a temporary name and appears under its own name only when complete.
      const complete = (): string[] => (fs.existsSync(path.join(dir, 'auto')) ? fs.readdirSync(path.join(dir, 'auto')) : []).filter((f) => /^event-\d{8}-\d{6}\.db$/.test(f));
      await expect.poll(() => complete().length, { timeout: 10_000 }).toBeGreaterThan(0);
      const [first] = complete();
      expect(validateMusubiBackup(path.join(dir, 'auto', first ?? '')).version).toBeGreaterThan(0);
    } finally {
      await station.stop();
    }
  }, 60_000);

  it('restores a backup only with a confirmation, keeps the replaced database aside, and refuses non-Musubi files', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'event.db');
    const { station, ids } = await seedEvent(dbFile);
    const backupFile = path.join(dir, 'before.db');
    await station.db.backup(backupFile);
    await station.service.api.undoCheckIn({ attendeeId: ids['TK-002'] ?? '' });
    station.close();

    const refused = await runMusubi(['restore', '--db', dbFile, '--from', backupFile]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/--yes/);

    const textFile = path.join(dir, 'notes.db');
    fs.writeFileSync(textFile, 'not a database at all, just text that is long enough to look like a file header');
    const plain = path.join(dir, 'plain.db');
    new Database(plain).exec('CREATE TABLE t (x)');
    for (const bad of [textFile, plain, path.join(dir, 'missing.db')]) {
      const run = await runMusubi(['restore', '--db', dbFile, '--from', bad, '--yes']);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/not a Musubi database|cannot be opened|no backup file/);
    }

    const restored = await runMusubi(['restore', '--db', dbFile, '--from', backupFile, '--yes']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(fs.statSync(dbFile).mode & 0o777).toBe(0o600);
    const reopened = openTestStation({ file: dbFile });
    expect((await reopened.service.api.getAttendee({ id: ids['TK-002'] ?? '' })).checkedIn).not.toBeNull();
    reopened.close();
    const keptAside = restored.stdout.match(/kept at (\S+\.db)/)?.[1] ?? '';
    expect(checkinsIn(keptAside).size).toBeGreaterThan(0);
  }, 120_000);
});

describe('purge personal data', () => {
  it('needs a current export, then removes names, e-mails and companies and keeps counts and mix', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'event.db');
    const { station } = await seedEvent(dbFile);
    const { api } = station.service;
    await expect(Promise.resolve().then(() => api.purgePersonalData({ confirm: true }))).rejects.toThrow(/Export the attendance list/);
    await exportAttendance(station.db, exportOptionsSchema.parse({ format: 'csv' }));
    const dashboardBefore = readDashboard(station.db);
    const entriesBefore = readEntries(station.db).length;

    const result = await api.purgePersonalData({ confirm: true });
    expect(result.attendees).toBe(6);
    expect(readDashboard(station.db)).toEqual(dashboardBefore);
    // Nothing new in the log: the purge is local and does not sync as a deletion.
    expect(readEntries(station.db)).toHaveLength(entriesBefore);
    const after = await api.searchAttendees({ query: '山田', limit: 10 });
    expect(after.total).toBe(0);
    expect((await api.getDataSafety()).purgedAt).toBe(result.purgedAt);
    station.close();

    const bytes = Buffer.concat(
      [dbFile, `${dbFile}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)),
    );
    for (const secret of ['山田 太郎', 'taro@example.com', '結び商事', '来なかった社', 'ヤマダ']) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    }
    expect(bytes.includes(Buffer.from('TK-001'))).toBe(true);
  });

  it('waits for an import that is still running: its staged rows would bring the names back', async () => {
    const dbFile = path.join(tempDir(), 'event.db');
    const { station } = await seedEvent(dbFile);
    await exportAttendance(station.db, exportOptionsSchema.parse({ format: 'csv' }));
    openRun(station.db, 'run-1', new Date().toISOString());
    const refused = Promise.resolve().then(() => station.service.api.purgePersonalData({ confirm: true }));
    await expect(refused).rejects.toThrow(/import is still running/);
    expect((await station.service.api.searchAttendees({ query: '山田', limit: 10 })).total).toBeGreaterThan(0);
    expect((await station.service.api.getDataSafety()).purgedAt).toBeNull();
    station.close();
  });

  it('also removes the personal data of people added by a bulk import', async () => {
    const dbFile = path.join(tempDir(), 'event.db');
    const station = openTestStation({ file: dbFile });
    const { api } = station.service;
    const csv = path.resolve(import.meta.dirname, '../fixtures/import/connpass-utf8.csv');
    const summary = await api.commitImport({ fileName: 'connpass-utf8.csv', contentBase64: fs.readFileSync(csv).toString('base64') });
    expect(summary.imported).toBeGreaterThan(0);
    expect((await api.searchAttendees({ query: '山田', limit: 10 })).total).toBe(1);
    await exportAttendance(station.db, exportOptionsSchema.parse({ format: 'csv' }));

    await api.purgePersonalData({ confirm: true });
    expect((await api.searchAttendees({ query: '山田', limit: 10 })).total).toBe(0);
    expect((await api.searchAttendees({ query: 'ネットワークス', limit: 10 })).total).toBe(0);
    station.close();
    const bytes = Buffer.concat([dbFile, `${dbFile}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
    for (const secret of ['山田 太郎', '株式会社ネットワークス', '津田 直樹']) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    }
  });

  it('musubi purge asks for confirmation and an export first', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'event.db');
    (await seedEvent(dbFile)).station.close();
    const unconfirmed = await runMusubi(['purge', '--db', dbFile]);
    expect(unconfirmed.code).not.toBe(0);
    expect(unconfirmed.stderr).toMatch(/--yes/);
    const unexported = await runMusubi(['purge', '--db', dbFile, '--yes']);
    expect(unexported.stderr).toMatch(/Export the attendance list/);
    expect((await runMusubi(['export', '--db', dbFile, '--format', 'xlsx', '--out', path.join(dir, 'list.xlsx')])).code).toBe(0);
    const purged = await runMusubi(['purge', '--db', dbFile, '--yes']);
    expect(purged.code, purged.stderr).toBe(0);
    expect(purged.stdout).toMatch(/Removed personal data of 6 attendees/);
    expect(fs.readFileSync(dbFile).includes(Buffer.from('山田 太郎'))).toBe(false);
  }, 120_000);
});
