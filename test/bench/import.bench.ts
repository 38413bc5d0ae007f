/**
 * `import.100k_s`: a 100,000-row registration CSV (UTF-8, the usual Japanese headers) imported into
 * an empty event through the same path as the CLI and the Organizer screen (decode, parse, map,
 * plan, one transaction), then the same file again (every row matched, nothing changed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../electron/core/db/open';
import { commitImport } from '../../electron/core/import/run-import';
import { createService } from '../../electron/core/service/service';
import { generateAttendees } from '../helpers/generate-attendees';
import { report } from './report';

const N = 100_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-bench-'));
// Opened as the app and `musubi station` open it (the Organizer screen imports there): WAL
// checkpoints in a background thread, not inside the import's commit.
const db = openDatabase(path.join(dir, 'import.db'), { checkpointInBackground: true });
const service = createService({ db, stationName: 'Bench' });

const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const lines = ['受付番号,氏名,フリガナ,会社名,役職,業種,メールアドレス'];
for (const p of generateAttendees(N, 11)) {
  lines.push([p.ticketCode, p.name, p.nameKana, p.company, p.title, p.industry, p.email].map((v) => quote(v ?? '')).join(','));
}
const bytes = Buffer.from(`${lines.join('\r\n')}\r\n`);

let start = performance.now();
let cpu = process.cpuUsage();
const first = await commitImport(db, service.recorder, 'Bench', { fileName: 'registrations.csv', bytes });
const seconds = (performance.now() - start) / 1000;
// CPU seconds too: on a machine shared with other work the wall time says more about the neighbours.
const cpuSeconds = (usage: NodeJS.CpuUsage): number => Number(((usage.user + usage.system) / 1e6).toFixed(3));
report('import.100k_s', seconds, { n: N, imported: first.imported, bytes: bytes.length, cpu_s: cpuSeconds(process.cpuUsage(cpu)) });

start = performance.now();
cpu = process.cpuUsage();
const again = await commitImport(db, service.recorder, 'Bench', { fileName: 'registrations.csv', bytes });
report('import.100k_reimport_s', (performance.now() - start) / 1000, { n: N, unchanged: again.unchanged, cpu_s: cpuSeconds(process.cpuUsage(cpu)) });
db.close();
fs.rmSync(dir, { recursive: true, force: true });
