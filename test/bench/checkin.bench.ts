/** Check-in latency through the full service path (validate, transaction with FULL sync, projection). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../electron/core/db/open';
import { dispatch } from '../../electron/core/service/dispatch';
import { createService } from '../../electron/core/service/service';
import { percentile, report } from './report';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-bench-'));
const db = openDatabase(path.join(dir, 'bench.db'));
const service = createService({ db, stationName: 'Bench' });
const N = 1000;
const ids: string[] = [];
db.transaction(() => {
  for (let i = 0; i < N; i++) ids.push((service.api.addAttendee({ name: `参加者 ${i}`, ticketCode: `B-${i}` }) as { id: string }).id);
})();

const samples: number[] = [];
for (const id of ids) {
  const start = performance.now();
  await dispatch(service.api, 'checkIn', { attendeeId: id }, { role: 'desk', station: 'bench' });
  samples.push(performance.now() - start);
}
report('checkin.p50_ms', percentile(samples, 50), { n: N });
report('checkin.p95_ms', percentile(samples, 95), { n: N });
db.close();
fs.rmSync(dir, { recursive: true, force: true });
