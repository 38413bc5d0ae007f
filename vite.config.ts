import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { PluginOption } from 'vite';
import { defineConfig } from 'vitest/config';
import electron from 'vite-plugin-electron/simple';

/**
 * One Vite config for everything: the renderer (root renderer/ → dist/renderer), the Electron main,
 * the `musubi` command and the preload (→ dist-electron) through vite-plugin-electron, and the
 * vitest settings. The Electron plugin is left out under vitest, where
 * it would try to start Electron.
 */
const isVitest = process.env.VITEST !== undefined;

// Native and Node-only packages stay outside the main bundle: better-sqlite3 must load its own
// binary from node_modules (Vite 8 bundles with Rolldown, which reads rolldownOptions).
// pdfkit, fontkit and qrcode (badges) stay outside too: they load from node_modules on first use
// (electron/core/pdf/pdf-libraries.ts), and pdfkit reads its own data files next to its source.
// pg (the hub's PostgreSQL client) has an optional native add-on it probes for at run time, and
// pdf-to-printer finds its bundled SumatraPDF next to its own source: both stay outside too.
export const mainExternals = ['electron', 'better-sqlite3', 'pdfkit', 'fontkit', 'qrcode', 'pg', 'pdf-to-printer', /^node:/];

function electronPlugins(): PluginOption {
  if (isVitest) return [];
  return electron({
    main: {
      // The Electron main (index.js) and the `musubi` command (cli.js, run by bin/musubi.mjs in
      // plain Node): one Node-targeted build, so they share their chunks of core code. The
      // background jobs' worker thread, the badge worker and the app's core process are further
      // entries of the same build: each sits beside the chunks that start it and shares them.
      entry: {
        index: path.resolve(import.meta.dirname, 'electron/main/index.ts'),
        cli: path.resolve(import.meta.dirname, 'electron/cli/main.ts'),
        'job-worker': path.resolve(import.meta.dirname, 'electron/core/jobs/job-worker.ts'),
        // The desktop app's core process (Electron's utility process; electron/core/host).
        'core-process': path.resolve(import.meta.dirname, 'electron/core/host/process-entry.ts'),
        // The badge worker (electron/core/badges/badge-worker.ts): draws and spools the door's badges.
        'badge-worker': path.resolve(import.meta.dirname, 'electron/core/badges/badge-worker.ts'),
        // The search index's build off the thread (electron/core/search/build-in-worker.ts).
        'index-build-worker': path.resolve(import.meta.dirname, 'electron/core/search/index-build-worker.ts'),
      },
      vite: {
        build: {
          outDir: path.resolve(import.meta.dirname, 'dist-electron'),
          emptyOutDir: false,
          rolldownOptions: { external: mainExternals },
        },
      },
    },
    preload: {
      input: path.resolve(import.meta.dirname, 'electron/preload/index.ts'),
      vite: {
        build: {
          outDir: path.resolve(import.meta.dirname, 'dist-electron'),
          emptyOutDir: false,
          // A sandboxed preload must be CommonJS.
          rolldownOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: 'preload.cjs' } },
        },
      },
    },
  });
}

export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react(), electronPlugins()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
  },
  test: {
    root: import.meta.dirname,
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // One throwaway PostgreSQL cluster per run for the hub's PostgreSQL store (test/helpers/postgres.ts).
    globalSetup: ['test/helpers/postgres-global.ts'],
    testTimeout: 30_000,
    // Background threads at the default priority here: two test files run at once, each keeping a
    // core busy, and a thread at nice 19 beside them all but stops (workers/background-priority.ts;
    // background-priority.test.ts checks the station's own setting).
    env: { MUSUBI_BACKGROUND_NICE: '0' },
    // End-to-end waits poll what a user would see; give a loaded 2-core machine time to get there.
    expect: { poll: { timeout: 15_000, interval: 50 } },
    hookTimeout: 60_000,
    // Integration and e2e tests start real processes and Chromium; two cores, so keep it modest.
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
  },
});
