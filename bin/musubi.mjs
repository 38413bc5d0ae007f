#!/usr/bin/env node
// The musubi command. It runs the TypeScript sources through tsx, so it always matches the code
// next to it; only the PDF libraries come built (dist-electron/pdf-vendor.cjs, written by
// `npm install` / `npm run build`).
import module from 'node:module';
import { register } from 'tsx/esm/api';

const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(`Musubi needs Node.js 22 or newer (this is ${process.versions.node}).`);
  process.exit(1);
}
// V8 keeps compiled code of the modules loaded from here on (pdfkit, fontkit, better-sqlite3, …) in
// a cache directory, so every later run skips compiling them; the cache checks each source's hash.
module.enableCompileCache?.();
register();
const { main } = await import(new URL('../electron/cli/main.ts', import.meta.url).href);
await main(process.argv);
