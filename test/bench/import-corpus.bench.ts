/**
 * `import.corpus.<file>_s` and `_peak_mb`: every hostile workbook of the test corpus, the encodings
 * organizers bring and 300,000 ordinary rows, each imported in its own process (peak memory is the
 * process's, a Node process with the modules loaded included). Every file must be refused or
 * imported within 10 s and a few hundred MB.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cp932, eucJp, JAPANESE_LIST, mixedUtf8AndCp932, utf16 } from '../helpers/encoded-files';
import { HOSTILE_WORKBOOKS, ordinaryWorkbook } from '../helpers/hostile-workbooks';
import { report } from './report';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-corpus-'));
const files: [string, () => Buffer][] = [
  ...HOSTILE_WORKBOOKS.map((f): [string, () => Buffer] => [f.name, f.bytes]),
  ['ordinary-300k.xlsx', () => ordinaryWorkbook(300_000)],
  ['utf16le-no-bom.csv', () => utf16(JAPANESE_LIST, 'le', false)],
  ['utf16be-bom.csv', () => utf16(JAPANESE_LIST, 'be', true)],
  ['euc-jp.csv', () => eucJp(JAPANESE_LIST)],
  ['cp932.csv', () => cp932(JAPANESE_LIST)],
  ['mixed-utf8-cp932.csv', mixedUtf8AndCp932],
];
const worker = path.join(import.meta.dirname, 'import-corpus-worker.ts');
for (const [name, make] of files) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, make());
  const run = spawnSync(process.execPath, ['--import', 'tsx', worker, file], { encoding: 'utf8' });
  const line = run.stdout.trim().split('\n').at(-1) ?? '{}';
  const { seconds, peakMb, result } = JSON.parse(line) as { seconds: number; peakMb: number; result: string };
  report(`import.corpus.${name}_s`, seconds, { peak_mb: Math.round(peakMb), bytes: fs.statSync(file).size, result: result.slice(0, 160) });
  fs.rmSync(file);
}
fs.rmSync(dir, { recursive: true, force: true });
