import fs from 'node:fs';
import module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

/**
 * Loads one CommonJS file with a V8 code cache that also holds the functions the process went on
 * to run, not only the ones compiled at load.
 *
 * Node's compile cache (module.enableCompileCache, on in bin/musubi.mjs and the Electron main)
 * saves a file's code right after compiling it, when V8 has compiled little more than its top
 * level: every function is compiled again on its first call in every process. For the pdf-vendor
 * bundle that is most of pdfkit and fontkit on the first badge (~25 ms of a fresh process). Here
 * the cache is written once the caller says the file has done its typical work (`saveCodeCache`,
 * after the first PDF), so it holds those functions too.
 *
 * The cache lives next to Node's (inside module.getCompileCacheDir(), which is per Node version
 * and architecture; nothing is cached when that is off), named after the file's length and
 * checksum. V8 checks it again (V8 version, flags) and a cache it rejects is simply replaced. It
 * holds compiled code only, never data.
 */
export interface CachedModule<T> {
  exports: T;
  /** Writes the code cache if it was missing or stale; call once the module has done its usual work. */
  saveCodeCache(): void;
}

export function requireWithCodeCache<T>(file: string): CachedModule<T> {
  const bytes = fs.readFileSync(file);
  const source = bytes.toString('utf8');
  const cacheFile = codeCacheFile(file, bytes);
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  const loaded = { exports: {} as T };
  wrapper.call(loaded.exports, loaded.exports as object, createRequire(file), loaded, file, path.dirname(file));
  let stale = cacheFile !== undefined && (!cachedData || script.cachedDataRejected === true);
  return {
    exports: loaded.exports,
    saveCodeCache() {
      if (!stale || !cacheFile) return;
      stale = false;
      try {
        // Private to the user, like Node's own cache: a code cache is code this process will run.
        fs.mkdirSync(path.dirname(cacheFile), { recursive: true, mode: 0o700 });
        // Written aside and renamed, so a process starting meanwhile never reads half a cache.
        const partial = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(partial, cacheFile);
      } catch {
        // A cache that cannot be written only costs the next launch some compiling.
      }
    },
  };
}

function codeCacheFile(file: string, bytes: Buffer): string | undefined {
  const dir = module.getCompileCacheDir?.();
  if (!dir) return undefined;
  // Node's compile cache directory is already per Node version and architecture; the checksum
  // tells sources apart (V8's own check of a cache compares only the source's length). Over the
  // bytes, which is ~20 times faster than over the decoded string.
  const key = `${bytes.length}-${zlib.crc32(bytes).toString(16)}`;
  return path.join(dir, 'musubi-code-cache', `${path.basename(file)}-${key}.bin`);
}
