import path from 'node:path';
import { build } from 'vite';
import { mainExternals } from '../../../vite.config';

/**
 * Bundles entry.ts into `outDir` the way vite.config.ts bundles the Electron main: Rolldown, ES
 * modules, the same externals (so pdfkit, fontkit and qrcode load at run time from node_modules).
 * Returns the path of the bundle to run with plain `node`.
 */
export async function buildBadgeFirstBundle(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.resolve(import.meta.dirname, '../../..'),
    // Bundle every other package, as the main bundle does (vite-plugin-electron builds a library, not SSR).
    ssr: { noExternal: true },
    build: {
      ssr: path.resolve(import.meta.dirname, 'entry.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { external: mainExternals, output: { format: 'es', entryFileNames: 'badge-first.mjs' } },
    },
  });
  return path.join(outDir, 'badge-first.mjs');
}
