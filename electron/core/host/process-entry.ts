import module from 'node:module';

/**
 * The core process's entry, built to dist-electron/core-process.js. Like the Electron main entry
 * it only turns on Node's compile cache before anything else loads (the core loads better-sqlite3,
 * pdfkit and fontkit, whose compiled code the cache keeps across launches), then starts the core.
 */
module.enableCompileCache?.();
await import('./process-main');
