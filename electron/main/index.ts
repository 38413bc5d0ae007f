import module from 'node:module';

/**
 * The Electron main entry. It only turns on Node's compile cache, then loads the app: V8 keeps the
 * compiled code of every module loaded afterwards (the bundle's chunks, better-sqlite3, pdfkit,
 * fontkit, …) in a cache directory, so every launch after the first skips compiling them (for a
 * fresh process printing one badge, about a third of its time). It must come before the app's
 * static imports, which is why the app is a separate module loaded dynamically. The cache checks
 * each source's hash, so an update simply recompiles once.
 */
module.enableCompileCache?.();
await import('./app');
