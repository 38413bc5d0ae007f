/**
 * `import.max_block_ms`: the longest the station's event loop is held at once while a
 * 50,000-row registration CSV is imported through the service (dispatch, base64, read, plan,
 * stage, apply), i.e. the longest a desk check-in arriving meanwhile waits before it is even looked
 * at. Measured with Node's event-loop delay histogram at 1 ms resolution. Target: 50 ms.
 * `import.block_p99_ms` beside it: 99 % of the loop's turns waited no longer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openDatabase } from '../../electron/core/db/open';
import { dispatch } from '../../electron/core/service/dispatch';
import { createService } from '../../electron/core/service/service';
import { generateAttendees } from '../helpers/generate-attendees';
import { report } from './report';

const N = 50_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-bench-'));
const db = openDatabase(path.join(dir, 'import-block.db'), { checkpointInBackground: true });
const service = createService({ db, stationName: 'Bench' });

const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const lines = ['受付番号,氏名,フリガナ,会社名,役職,業種,メールアドレス'];
for (const p of generateAttendees(N, 13)) {
  lines.push([p.ticketCode, p.name, p.nameKana, p.company, p.title, p.industry, p.email].map((v) => quote(v ?? '')).join(','));
}
const contentBase64 = Buffer.from(`${lines.join('\r\n')}\r\n`).toString('base64');

async function importOnce(): Promise<{ maxMs: number; p99Ms: number; seconds: number; summary: unknown }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const start = performance.now();
  const answer = await dispatch(service.api, 'commitImport', { fileName: 'registrations.csv', contentBase64 }, { role: 'organizer', station: 'bench' });
  const seconds = (performance.now() - start) / 1000;
  histogram.disable();
  if (!answer.ok) throw new Error(answer.error.message);
  return { maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6, seconds, summary: answer.value };
}

const first = await importOnce();
report('import.max_block_ms', first.maxMs, { n: N, phase: 'new people', p99_ms: Number(first.p99Ms.toFixed(2)), seconds: Number(first.seconds.toFixed(2)), target: 50 });
// The first import's search-index rebuild (import-api) runs on a timer right after it; that is the
// search index's cost, measured by its own bench, so it is let finish before the second import.
await new Promise((resolve) => setTimeout(resolve, 100));
const again = await importOnce();
report('import.reimport_max_block_ms', again.maxMs, { n: N, phase: 'every row matched', p99_ms: Number(again.p99Ms.toFixed(2)), seconds: Number(again.seconds.toFixed(2)), target: 50 });
db.close();
fs.rmSync(dir, { recursive: true, force: true });
