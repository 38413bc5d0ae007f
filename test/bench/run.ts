/**
 * `npm run bench`: runs every test/bench/*.bench.ts in its own fresh Node process, one after the
 * other (so "first run" figures are real and benches do not disturb each other), and passes their
 * output through. Each bench prints one JSON line per figure: {"bench": "<name>", "value": <n>, ...}.
 * `npm run bench -- search` runs only the files whose name contains "search".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// On an older Node the benches would time Musubi's own refusal to start (`musubi import` exits at
// once, "needs Node.js 22") and print it as figures: say so instead of printing any.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(`npm run bench needs Node.js 22 or newer, as Musubi does (this is ${process.versions.node}); no figure was measured.`);
  process.exit(1);
}

const dir = import.meta.dirname;
const filter = process.argv[2] ?? '';
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();

let failed = 0;
for (const file of files) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.error(`bench ${file} failed with exit code ${result.status}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
