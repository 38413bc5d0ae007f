import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupIntoFolder } from '../../electron/core/backup/backup';
import { databaseUsers } from '../../electron/core/backup/database-in-use';
import { seedEvent } from '../helpers/attendance';
import { runMusubi, startStationProcess } from '../helpers/processes';
import { openTestStation } from '../helpers/service';
import { tempDir } from '../helpers/temp';

describe('restore never replaces a database a process is using', () => {
  it('refuses while a station serves the database, naming it, and goes ahead once it is gone, even after SIGKILL', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'event.db');
    const { station: seeded } = await seedEvent(dbFile);
    const backupFile = path.join(dir, 'before.db');
    await seeded.db.backup(backupFile);
    seeded.close();

    const station = await startStationProcess(dbFile);
    const pid = station.child.pid ?? 0;
    try {
      const refused = await runMusubi(['restore', '--db', dbFile, '--from', backupFile, '--yes']);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain(`is open in a Musubi station (musubi station), process ${pid}`);
      expect(refused.stderr).toMatch(/Stop it first/);
    } finally {
      await station.stop('SIGKILL');
    }
    // The killed station's marker is still on disk; its pid is gone, so it no longer counts.
    expect(fs.readdirSync(dir)).toContain(`event.db.in-use-${pid}`);
    expect(databaseUsers(dbFile)).toEqual([]);
    const restored = await runMusubi(['restore', '--db', dbFile, '--from', backupFile, '--yes']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.in-use-'))).toEqual([]);
  }, 120_000);

  it('a station stopped normally leaves no marker behind', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'event.db');
    const station = await startStationProcess(dbFile);
    expect(databaseUsers(dbFile).map((u) => u.kind)).toEqual(['station']);
    // Once it answers a request its start-up (and its Ctrl+C handling) is complete.
    await fetch(new URL('api/getStatus', station.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await station.stop();
    expect(station.child.exitCode).toBe(0);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.in-use-'))).toEqual([]);
  }, 60_000);
});

describe('backups left broken by a killed station', () => {
  it('are removed and do not count towards the backups kept', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'backups');
    fs.mkdirSync(folder);
    const station = openTestStation({ file: path.join(dir, 'event.db') });
    // What an interrupted backup leaves: an empty file, a journal, a temporary copy of a dead process.
    fs.writeFileSync(path.join(folder, 'event-20261124-190000.db'), ''); // newer than every real one
    fs.writeFileSync(path.join(folder, 'event-20261124-170000.db-journal'), 'x');
    fs.writeFileSync(path.join(folder, 'event-20261124-171000.db.partial-999999'), 'half');
    const times = [1, 2, 3].map((minute) => new Date(Date.UTC(2026, 10, 24, 18, minute)));
    for (const now of times) await backupIntoFolder(station.db, folder, 2, now);
    station.close();
    expect(fs.readdirSync(folder).sort()).toEqual(['event-20261124-180200.db', 'event-20261124-180300.db']);
  });
});
