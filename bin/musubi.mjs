#!/usr/bin/env node
// The musubi command. It runs the TypeScript sources through tsx, so the CLI needs no build step
// and always matches the code next to it.
import { register } from 'tsx/esm/api';

const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(`Musubi needs Node.js 22 or newer (this is ${process.versions.node}).`);
  process.exit(1);
}
register();
const { main } = await import(new URL('../electron/cli/main.ts', import.meta.url).href);
await main(process.argv);
