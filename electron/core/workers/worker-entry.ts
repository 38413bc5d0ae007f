import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where a worker thread's entry `name` is, for the module at `callerUrl` (its import.meta.url):
 * `<name>.js` beside the bundle's chunks once built (the one Vite build emits each worker as an
 * entry of its own, vite.config.ts), else the TypeScript source `<name>.ts` beside the caller, run
 * through tsx (tests and benches run from source). Built as a plain path: Vite would rewrite a
 * `new URL('./…', import.meta.url)` into an inlined asset.
 */
export function workerEntry(callerUrl: string, name: string): { file: string; execArgv?: string[] } {
  const here = path.dirname(fileURLToPath(callerUrl));
  const built = path.join(here, `${name}.js`);
  if (fs.existsSync(built)) return { file: built };
  const hasTsx = process.execArgv.some((arg) => arg.includes('tsx'));
  return { file: path.join(here, `${name}.ts`), execArgv: hasTsx ? process.execArgv : [...process.execArgv, '--import', 'tsx'] };
}
