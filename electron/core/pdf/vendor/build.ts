import path from 'node:path';
import { build, type Plugin } from 'vite';

/**
 * Builds the pdf-vendor bundle: pdfkit, fontkit, qrcode's encoder and their dependencies in one
 * minified CommonJS file, which electron/core/pdf/pdf-libraries.ts loads (as `#pdf-vendor`,
 * package.json "imports") from the sources (CLI, station, tests) and from the Electron main bundle
 * alike. Run by every `vite build` (vite.config.ts), so by `npm install` (prepare), `npm test`
 * (pretest), `npm start` and `npm run package`.
 *
 * Why (docs/decisions.md, "pdf-vendor"): loading them from node_modules meant resolving, reading
 * and evaluating ~60 files on the first badge of a process, some of which do costly set-up at
 * import that a badge never uses. One file is cheaper to load, and those dependencies are swapped
 * for stand-ins (STAND_INS below).
 */
const VENDOR_DIR = import.meta.dirname;

/**
 * Dependencies swapped for a stand-in (each file says what it saves), and the packages whose
 * imports are swapped (nobody else's are). Three require the real package on first call; two do
 * the same decoding (DEFLATE, base64) with Node's native code.
 */
const STAND_INS: { specifier: string; importers: string[]; standIn: string }[] = [
  { specifier: 'brotli/decompress.js', importers: ['fontkit'], standIn: 'lazy-brotli-decompress.cjs' },
  { specifier: '@noble/ciphers/aes', importers: ['pdfkit'], standIn: 'lazy-aes.cjs' },
  { specifier: 'linebreak', importers: ['pdfkit'], standIn: 'lazy-linebreak.cjs' },
  { specifier: 'tiny-inflate', importers: ['unicode-trie', 'fontkit'], standIn: 'native-inflate.cjs' },
  { specifier: 'base64-js', importers: ['unicode-properties'], standIn: 'native-base64.cjs' },
];

/** The package a file in node_modules belongs to (the innermost one, for nested installs). */
function packageOf(file: string): string | undefined {
  const names = [...file.replace(/\\/g, '/').matchAll(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)];
  return names.at(-1)?.[1];
}

/**
 * Swaps STAND_INS' imports for their stand-ins, and points pdfkit's own file lookups (its standard
 * fonts through `#standard-fonts/…`, its colour profile) at the installed pdfkit instead of the
 * bundle's location. Fails the build when pdfkit or fontkit changed so that one of these no
 * longer applies, rather than leaving a bundle that would break or stop being lazy.
 */
function lazyDependencies(): Plugin {
  const swapped = new Set<string>();
  let pdfkitPatched = false;
  return {
    name: 'musubi-pdf-vendor',
    enforce: 'pre',
    resolveId(source, importer) {
      const from = importer === undefined ? undefined : packageOf(importer);
      const swap = STAND_INS.find((s) => s.specifier === source && from !== undefined && s.importers.includes(from));
      if (!swap || from === undefined) return null;
      swapped.add(`${from} → ${source}`);
      return path.join(VENDOR_DIR, swap.standIn);
    },
    transform(code, id) {
      if (packageOf(id) !== 'pdfkit' || !/[\\/]pdfkit\.js$/.test(id)) return null;
      const uses = code.split('__filename').length - 1;
      if (uses !== 2) this.error(`pdf-vendor: expected pdfkit.js to use __filename twice (standard fonts, colour profile), found ${uses}`);
      pdfkitPatched = true;
      return { code: code.replaceAll('__filename', 'require.resolve("pdfkit")'), map: null };
    },
    buildEnd(error) {
      if (error) return;
      const expected = STAND_INS.flatMap((s) => s.importers.map((importer) => `${importer} → ${s.specifier}`));
      const missed = expected.filter((pair) => !swapped.has(pair));
      if (missed.length) this.error(`pdf-vendor: these imports were not found any more: ${missed.join(', ')}`);
      if (!pdfkitPatched) this.error('pdf-vendor: pdfkit.js was not bundled');
    },
  };
}

/** Writes `outFile` (a CommonJS bundle; see above). */
export async function buildPdfVendor(outFile: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.resolve(VENDOR_DIR, '../../../..'),
    plugins: [lazyDependencies()],
    // Bundle every package (the SSR build would otherwise leave them to node_modules).
    ssr: { noExternal: true },
    build: {
      ssr: path.join(VENDOR_DIR, 'entry.cjs'),
      outDir: path.dirname(outFile),
      emptyOutDir: false,
      // Minified, the file is half the size: less to read and hash (compile cache) per launch.
      minify: true,
      copyPublicDir: false,
      // ASCII only (other characters escaped): V8 keeps it as a compact one-byte string.
      rolldownOptions: { output: { format: 'cjs', entryFileNames: path.basename(outFile), charset: 'ascii' } },
    },
  });
}
