/**
 * The organizer's view at event scale: dashboard read, each export format and an online backup, on
 * 5,000 attendees of whom 4,000 are checked in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportOptionsSchema } from '../../shared/api/methods/export';
import { DEFAULT_INDUSTRIES, DEFAULT_GOALS } from '../../shared/domain/defaults';
import { backupDatabase } from '../../electron/core/backup/backup';
import { readDashboard } from '../../electron/core/dashboard/dashboard';
import { openDatabase } from '../../electron/core/db/open';
import { exportAttendance } from '../../electron/core/export/attendance-export';
import { createService } from '../../electron/core/service/service';
import { percentile, report } from './report';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-bench-'));
const db = openDatabase(path.join(dir, 'bench.db'));
let clock = Date.parse('2026-11-24T09:00:00Z');
const service = createService({ db, stationName: 'Bench', wallClock: () => clock });
const N = 5000;
const SURNAMES = ['やまだ', 'たなか', 'すずき', 'さとう', 'たかはし', 'いとう', 'わたなべ', 'なかむら'];
db.transaction(() => {
  for (let i = 0; i < N; i++) {
    const industry = DEFAULT_INDUSTRIES[i % DEFAULT_INDUSTRIES.length]?.id ?? '';
    const goals = [DEFAULT_GOALS[i % DEFAULT_GOALS.length]?.id ?? ''];
    const kana = `${SURNAMES[i % SURNAMES.length]} ${i}`;
    const person = service.api.addAttendee({ name: `参加者 ${i}`, nameKana: kana, company: `会社 ${i % 300}`, ticketCode: `B-${i}`, industry, goals }) as { id: string };
    if (i < 4000) {
      clock += 700;
      // Synchronous in core (inside this transaction); the contract's type allows a promise.
      void service.api.checkIn({ attendeeId: person.id, source: 'qr' });
    }
  }
})();

const samples: number[] = [];
for (let i = 0; i < 30; i++) {
  const start = performance.now();
  readDashboard(db);
  samples.push(performance.now() - start);
}
report('dashboard.read_p50_ms', percentile(samples, 50), { attendees: N });

for (const format of ['csv', 'csv-sjis', 'xlsx', 'pdf'] as const) {
  const start = performance.now();
  const result = await exportAttendance(db, exportOptionsSchema.parse({ format }));
  report(`export.${format}_ms`, performance.now() - start, { attendees: N, bytes: result.bytes.length });
}

const start = performance.now();
const info = await backupDatabase(db, path.join(dir, 'backup.db'));
report('backup.online_ms', performance.now() - start, { bytes: info.bytes });

db.close();
fs.rmSync(dir, { recursive: true, force: true });
