import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { validateMusubiBackup } from '../../electron/core/backup/backup';
import type { JobProgress } from '../../shared/api/methods/jobs';
import { seedGeneratedEvent } from '../helpers/generated-event';
import { pdfText } from '../helpers/pdf-tools';
import { startStationProcess, type RunningProcess } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

/**
 * The heavy work (exports, the PDF roster, badge batches, backups) runs in worker threads of a
 * real `musubi station`: check-ins sent over HTTP meanwhile are answered and committed in order,
 * the file is right, and a SIGKILL in the middle of any of them loses nothing acknowledged and
 * leaves nothing half-written.
 */
const PEOPLE = 5000;

interface Answer {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

async function call(url: string, method: string, input: unknown = {}): Promise<Answer> {
  const response = await fetch(new URL(`api/${method}`, url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  return (await response.json()) as Answer;
}

function seedEvent(): { dbFile: string; ids: string[]; names: string[] } {
  const dbFile = path.join(tempDir(), 'event.db');
  return { dbFile, ...seedGeneratedEvent(dbFile, PEOPLE) };
}

/** Check-ins one after another (as a desk sends them) until `stop()`; what was acknowledged, in order. */
function checkInsMeanwhile(url: string, ids: string[], from: number) {
  const acknowledged: string[] = [];
  const failed: string[] = [];
  let stopped = false;
  const running = (async () => {
    for (let i = from; i < ids.length && !stopped; i++) {
      const id = ids[i] ?? '';
      try {
        const answer = await call(url, 'checkIn', { attendeeId: id, source: 'search' });
        if (answer.ok) acknowledged.push(id);
        else failed.push(`${id}: ${answer.error?.code} ${answer.error?.message}`);
      } catch {
        return; // The station is gone (killed): this request's fate is unknown.
      }
    }
  })();
  return {
    acknowledged,
    failed,
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}

function checkinOrder(dbFile: string): string[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT attendee_id AS id FROM entries WHERE type = 'checkin' ORDER BY seq").all() as { id: string }[]).map((r) => r.id);
  } finally {
    db.close();
  }
}

function integrity(dbFile: string): string {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

async function waitFor(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const until = Date.now() + 240_000;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('background jobs on a running station', () => {
  it('answers and commits every check-in, in order, while an XLSX export and a PDF roster are built, and the files are right', async () => {
    const { dbFile, ids, names } = seedEvent();
    const station = await startStationProcess(dbFile);
    try {
      let next = 0;
      for (const format of ['xlsx', 'pdf'] as const) {
        const desk = checkInsMeanwhile(station.url, ids, next);
        let exportAnswered = false;
        let answeredDuringExport = 0;
        const exported = call(station.url, 'exportAttendance', { format, columns: ['ticketCode', 'name', 'company', 'status'], language: 'ja' }).then((answer) => {
          exportAnswered = true;
          answeredDuringExport = desk.acknowledged.length;
          return answer;
        });
        const answer = await exported;
        // Keep the desk going a little past the export, then stop it.
        await waitFor(() => desk.acknowledged.length >= answeredDuringExport + 3, 'check-ins after the export');
        await desk.stop();
        next += desk.acknowledged.length + desk.failed.length;

        expect(exportAnswered).toBe(true);
        expect(desk.failed).toEqual([]);
        // The door was answered while the file was being built.
        expect(answeredDuringExport, `check-ins answered during the ${format} export`).toBeGreaterThan(0);
        expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
        const file = answer.value as { fileName: string; base64: string; rows: number };
        expect(file.rows).toBe(PEOPLE);
        const written = path.join(tempDir(), file.fileName);
        fs.writeFileSync(written, Buffer.from(file.base64, 'base64'));
        if (format === 'xlsx') {
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.readFile(written);
          const sheet = workbook.worksheets[0];
          const exportedNames = new Set<string>();
          sheet?.eachRow((row, number) => {
            if (number > 1) exportedNames.add(String(row.getCell(2).value));
          });
          expect(exportedNames).toEqual(new Set(names));
        } else {
          const text = pdfText(written).replace(/\s+/g, '');
          expect(text).toContain('参加者名簿');
          // The heading counts as the screens do: 5,000, grouped by thousands.
          expect(text).toContain(`${PEOPLE.toLocaleString('ja-JP')}名`);
        }
      }
      // Every acknowledged check-in is in the log, once each, in the order the desk sent them.
      expect(checkinOrder(dbFile)).toEqual(ids.slice(0, next));
    } finally {
      await station.stop();
    }
    expect(integrity(dbFile)).toBe('ok');
    // A 2-core machine shared with other work builds a 5,000-row file slowly; results, not speed, are checked.
  }, 480_000);

  it('loses nothing acknowledged and leaves no half-written file when killed in the middle of each job', async () => {
    const { dbFile, ids } = seedEvent();
    const folder = path.dirname(dbFile);
    const backups = path.join(folder, 'backups');
    let next = 0;
    const acknowledged: string[] = [];

    /** Starts a job on the station and resolves once it is in the middle of its work. */
    const jobs: Record<string, (station: RunningProcess & { url: string }) => Promise<void>> = {
      xlsx: (station) => midway(station, 'exportAttendance', { format: 'xlsx' }),
      roster: (station) => midway(station, 'exportAttendance', { format: 'pdf' }),
      badges: (station) => midway(station, 'allBadgesPdf', { size: 'a4-sheet' }),
      backup: async (station) => {
        void call(station.url, 'backupNow').catch(() => undefined);
        // The copy is written aside under a temporary name: kill while it is there.
        await waitFor(() => fs.existsSync(backups) && fs.readdirSync(backups).some((name) => name.includes('.partial-')), 'the backup under way');
      },
    };
    async function midway(station: { url: string }, method: string, input: object): Promise<void> {
      const progressId = crypto.randomUUID();
      void call(station.url, method, { ...input, progressId }).catch(() => undefined);
      await waitFor(async () => {
        const progress = (await call(station.url, 'jobProgress', { progressId })).value as JobProgress;
        expect(progress.state).not.toBe('done');
        return progress.step === 'building';
      }, `${method} under way`);
    }

    for (const [name, startMidway] of Object.entries(jobs)) {
      const station = await startStationProcess(dbFile);
      const desk = checkInsMeanwhile(station.url, ids, next);
      await waitFor(() => desk.acknowledged.length >= 2, 'the desk checking people in');
      await startMidway(station);
      await station.stop('SIGKILL');
      await desk.stop();
      expect(desk.failed, name).toEqual([]);
      acknowledged.push(...desk.acknowledged);
      // The one request in flight at the kill may have landed or not; skip past it either way.
      next += desk.acknowledged.length + 1;

      const restarted = await startStationProcess(dbFile);
      try {
        const inLog = new Set(checkinOrder(dbFile));
        for (const id of acknowledged) expect(inLog.has(id), `${name}: acknowledged check-in ${id}`).toBe(true);
        // Nothing where the user looks is half-written: beside the event file, only SQLite's own
        // files, the running station's in-use marker and the backups folder; after the next
        // backup, only whole backups in there.
        expect(fs.readdirSync(folder).filter((f) => !/^event\.db(-wal|-shm|\.in-use-\d+)?$/.test(f) && f !== 'backups'), name).toEqual([]);
        const after = await call(restarted.url, 'backupNow');
        expect(after.ok, JSON.stringify(after.error)).toBe(true);
        for (const file of fs.readdirSync(backups)) {
          // (Reading a backup back, as below, leaves SQLite's shared-memory file beside it.)
          expect(file, name).toMatch(/^event-\d{8}-\d{6}\.db(-shm|-wal)?$/);
          if (file.endsWith('.db')) expect(validateMusubiBackup(path.join(backups, file)).attendees).toBe(PEOPLE);
        }
      } finally {
        await restarted.stop();
      }
      expect(integrity(dbFile), name).toBe('ok');
    }
    // In order too: the log holds the acknowledged check-ins as the desk sent them.
    expect(checkinOrder(dbFile).filter((id) => acknowledged.includes(id))).toEqual(acknowledged);
  }, 900_000);
});
