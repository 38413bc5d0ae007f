/**
 * `import.corpus.<file>.<path>_s`, one JSON line per file with its result and peak memory: every
 * hostile workbook of the test corpus, the encodings organizers bring and ordinary lists of
 * 100,000 and 300,000 people as CSV and XLSX. Each import runs in its own process (its peak is the
 * process's, Node and the loaded modules included), through `musubi import` (the CLI, `cli`) and,
 * for the ordinary lists, through the service as the station's Organizer screen calls it
 * (`service`, the file as base64). A hostile workbook must be refused or imported within 10 s
 * (`within_10s`); the last line counts those that were not. `npm run bench -- import-corpus`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { cp932, eucJp, JAPANESE_LIST, mixedUtf8AndCp932, utf16 } from '../helpers/encoded-files';
import { generateAttendees } from '../helpers/generate-attendees';
import { HOSTILE_WORKBOOKS, ordinaryWorkbook } from '../helpers/hostile-workbooks';
import { report } from './report';

function ordinaryCsv(n: number): Buffer {
  const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = ['受付番号,氏名,フリガナ,会社名,役職,業種,メールアドレス'];
  for (const p of generateAttendees(n, 11)) {
    lines.push([p.ticketCode, p.name, p.nameKana, p.company, p.title, p.industry, p.email].map((v) => quote(v ?? '')).join(','));
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

type Via = 'cli' | 'service';
interface CorpusFile {
  name: string;
  bytes: () => Buffer;
  hostile: boolean;
  via: Via[];
}
const filter = process.env.MUSUBI_CORPUS_FILTER ?? '';
const corpus: CorpusFile[] = [
  ...HOSTILE_WORKBOOKS.map((f): CorpusFile => ({ name: f.name, bytes: f.bytes, hostile: true, via: ['cli'] })),
  { name: 'utf16le-no-bom.csv', bytes: () => utf16(JAPANESE_LIST, 'le', false), hostile: false, via: ['cli'] },
  { name: 'utf16be-bom.csv', bytes: () => utf16(JAPANESE_LIST, 'be', true), hostile: false, via: ['cli'] },
  { name: 'euc-jp.csv', bytes: () => eucJp(JAPANESE_LIST), hostile: false, via: ['cli'] },
  { name: 'cp932.csv', bytes: () => cp932(JAPANESE_LIST), hostile: false, via: ['cli'] },
  { name: 'mixed-utf8-cp932.csv', bytes: mixedUtf8AndCp932, hostile: false, via: ['cli'] },
  { name: 'ordinary-100k.csv', bytes: () => ordinaryCsv(100_000), hostile: false, via: ['cli', 'service'] },
  { name: 'ordinary-300k.csv', bytes: () => ordinaryCsv(300_000), hostile: false, via: ['cli', 'service'] },
  { name: 'ordinary-100k.xlsx', bytes: () => ordinaryWorkbook(100_000), hostile: false, via: ['cli', 'service'] },
  { name: 'ordinary-300k.xlsx', bytes: () => ordinaryWorkbook(300_000), hostile: false, via: ['cli', 'service'] },
];
const files = corpus.filter((f) => f.name.includes(filter));

const root = path.join(import.meta.dirname, '..', '..');
const worker = path.join(import.meta.dirname, 'import-corpus-worker.ts');
const peakAtExit = path.join(import.meta.dirname, 'peak-at-exit.mjs');

/** `musubi import --json` on a fresh database, timed from the outside (Node's start included). */
function throughCli(file: string, dir: string): { seconds: number; peakMb: number; result: string } {
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--import', peakAtExit, path.join(root, 'bin', 'musubi.mjs'), 'import', file, '--db', path.join(dir, 'cli.db'), '--json'], {
    encoding: 'utf8',
    env: { ...process.env, MUSUBI_LANG: 'en' },
  });
  const seconds = (performance.now() - start) / 1000;
  const peakKb = Number(/MUSUBI_PEAK_KB (\d+)/.exec(run.stderr)?.[1] ?? Number.NaN);
  let result: string;
  try {
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as { imported: number; skipped: number };
    result = `imported ${summary.imported}, skipped ${summary.skipped}`;
  } catch {
    const message = run.stderr.replace(/MUSUBI_PEAK_KB \d+/, '').trim().split('\n')[0] ?? '';
    result = `refused: ${message}`;
  }
  return { seconds, peakMb: peakKb / 1024, result };
}

function throughService(file: string): { seconds: number; peakMb: number; result: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', worker, file], { encoding: 'utf8' });
  const line = run.stdout.trim().split('\n').at(-1) ?? '{}';
  try {
    return JSON.parse(line) as { seconds: number; peakMb: number; result: string };
  } catch {
    return { seconds: Number.NaN, peakMb: Number.NaN, result: `worker failed: ${run.stderr.trim().split('\n').at(-1) ?? ''}` };
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-corpus-'));
let hostileTooSlow = 0;
let hostileSlowest = 0;
for (const entry of files) {
  const file = path.join(dir, entry.name);
  fs.writeFileSync(file, entry.bytes());
  for (const via of entry.via) {
    fs.rmSync(path.join(dir, 'cli.db'), { force: true });
    const { seconds, peakMb, result } = via === 'cli' ? throughCli(file, dir) : throughService(file);
    const extra: Record<string, unknown> = { via, peak_mb: Math.round(peakMb), bytes: fs.statSync(file).size, result: result.slice(0, 200), load: os.loadavg()[0]?.toFixed(1) };
    if (entry.hostile) {
      extra.within_10s = seconds <= 10;
      if (seconds > 10) hostileTooSlow++;
      hostileSlowest = Math.max(hostileSlowest, seconds);
    }
    report(`import.corpus.${entry.name}.${via}_s`, seconds, extra);
  }
  fs.rmSync(file);
}
fs.rmSync(dir, { recursive: true, force: true });
if (files.some((f) => f.hostile)) report('import.corpus.hostile_over_10s', hostileTooSlow, { slowest_s: Number(hostileSlowest.toFixed(2)) });
