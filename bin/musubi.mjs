#!/usr/bin/env node
// The musubi command: runs the built CLI (dist-electron/cli.js), which `npm install` (prepare) and
// `npm run build` write from electron/cli/ with the app's one Vite config.
import fs from 'node:fs';
import module from 'node:module';

const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(`Musubi needs Node.js 22 or newer (this is ${process.versions.node}).`);
  process.exit(1);
}
const cli = new URL('../dist-electron/cli.js', import.meta.url);
if (!fs.existsSync(cli)) {
  console.error('musubi: the command is not built yet (dist-electron/cli.js is missing). Run `npm run build` in the Musubi folder.');
  process.exit(1);
}
// V8 keeps the compiled code of the bundle and of the packages it loads (better-sqlite3, pdfkit, …)
// in a cache directory, so every later run skips compiling them; the cache checks each source.
module.enableCompileCache?.();
const { main } = await import(cli.href);
await main(process.argv);
