/**
 * Imports one file into a fresh database, as `musubi import` does, and prints how it ended, how
 * long it took and the process's peak memory. Run by import-corpus.bench.ts, one process per file,
 * so each peak is that file's alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../electron/core/db/open';
import { commitImport } from '../../electron/core/import/run-import';
import { createService } from '../../electron/core/service/service';

const file = process.argv[2] ?? '';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-corpus-'));
const db = openDatabase(path.join(dir, 'corpus.db'));
const service = createService({ db, stationName: 'Bench' });
const bytes = fs.readFileSync(file);
const rssBefore = process.resourceUsage().maxRSS;
const start = performance.now();
let result: string;
try {
  const summary = await commitImport(db, service.recorder, 'Bench', { fileName: path.basename(file), bytes });
  result = `imported ${summary.imported}, skipped ${summary.skipped}`;
} catch (error) {
  result = `refused: ${(error as Error).message}`;
}
const seconds = (performance.now() - start) / 1000;
db.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ seconds, peakMb: process.resourceUsage().maxRSS / 1024, startMb: rssBefore / 1024, result }));
