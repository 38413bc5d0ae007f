/**
 * CLI start-up (issue 11): cli.start_ms, the median wall time from spawning `musubi` to its exit,
 * for `musubi --help` and `musubi search <q> --db <4 attendees>` (value: the slower of the two).
 * Runs the built command (bin/musubi.mjs → dist-electron/cli.js, as after `npm install`) with a
 * compile cache of its own, filled by one run first, as on every launch after the first.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MUSUBI_BIN, REPO_ROOT } from '../helpers/processes';
import { report } from './report';

const RUNS = 7;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-bench-cli-'));
const env = { ...process.env, NODE_COMPILE_CACHE: path.join(dir, 'compile-cache') };
const db = path.join(dir, 'small.db');
execFileSync(process.execPath, [MUSUBI_BIN, 'import', path.join(REPO_ROOT, 'test/fixtures/import/connpass-utf8.csv'), '--db', db], { env });

function medianMs(args: string[]): number {
  spawnSync(process.execPath, [MUSUBI_BIN, ...args], { env });
  const times = Array.from({ length: RUNS }, () => {
    const started = performance.now();
    const run = spawnSync(process.execPath, [MUSUBI_BIN, ...args], { env, encoding: 'utf8' });
    const elapsed = performance.now() - started;
    if (run.status !== 0) throw new Error(`musubi ${args.join(' ')} failed:\n${run.stderr}`);
    return elapsed;
  });
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const helpMs = medianMs(['--help']);
const searchMs = medianMs(['search', '山田', '--db', db]);
fs.rmSync(dir, { recursive: true, force: true });
report('cli.start_ms', Math.max(helpMs, searchMs), {
  note: `median of ${RUNS} runs each (compile cache warm), spawn to exit; value = the slower of the two`,
  help_ms: Math.round(helpMs),
  search_ms: Math.round(searchMs),
});
