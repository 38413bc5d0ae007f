/**
 * Imports one file into a fresh database through the service, as a station's Organizer screen
 * does (the file as base64, `commitImport`), and prints how it ended, how long it took and the
 * process's peak memory. Run by import-corpus.bench.ts, one process per file, so each peak is that
 * file's alone. (The CLI path is measured by running `musubi import` itself.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../electron/core/db/open';
import { createService } from '../../electron/core/service/service';

const file = process.argv[2] ?? '';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-corpus-'));
const db = openDatabase(path.join(dir, 'corpus.db'), { checkpointInBackground: true });
const service = createService({ db, stationName: 'Bench' });
const contentBase64 = fs.readFileSync(file).toString('base64');
const start = performance.now();
let result: string;
try {
  const summary = await service.api.commitImport({ fileName: path.basename(file), contentBase64 });
  result = `imported ${summary.imported}, skipped ${summary.skipped}`;
} catch (error) {
  result = `refused: ${(error as Error).message}`;
}
const seconds = (performance.now() - start) / 1000;
db.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ seconds, peakMb: process.resourceUsage().maxRSS / 1024, result }));
