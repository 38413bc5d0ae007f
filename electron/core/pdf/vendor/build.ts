import path from 'node:path';
import { build, type Plugin } from 'vite';

/**
 * Builds the pdf-vendor bundle: pdfkit, fontkit and their dependencies in one minified CommonJS
 * file, which electron/core/pdf/pdf-libraries.ts loads (as `#pdf-vendor`, package.json "imports")
 * from the sources (CLI, station, tests) and from the Electron main bundle alike. Run by every
 * `vite build` (vite.config.ts), so by `npm install` (prepare), `npm test` (pretest), `npm start`
 * and `npm run package`.
 *
 * Why (docs/decisions.md, "pdf-vendor"): loading pdfkit from node_modules meant resolving, reading
 * and evaluating ~40 files on the first badge of a process, three of which do costly set-up that
 * a badge never uses. One file is cheaper to load, and the three are swapped for stand-ins that
 * require the real module on first use (LAZY below; each stand-in says what it skips).
 */
const VENDOR_DIR = import.meta.dirname;

/** Specifier → stand-in, and the package whose imports are swapped (nobody else's are). */
const LAZY: { importer: string; specifier: string; standIn: string }[] = [
  { importer: 'fontkit', specifier: 'brotli/decompress.js', standIn: 'lazy-brotli-decompress.cjs' },
  { importer: 'pdfkit', specifier: '@noble/ciphers/aes', standIn: 'lazy-aes.cjs' },
  { importer: 'pdfkit', specifier: 'linebreak', standIn: 'lazy-linebreak.cjs' },
];

const packageOf = (file: string): string | undefined => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file)?.[1]?.replace(/\\/g, '/');

/**
 * Swaps LAZY's imports for their stand-ins, and points pdfkit's own file lookups (its standard
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
      const lazy = LAZY.find((l) => l.specifier === source && importer !== undefined && packageOf(importer) === l.importer);
      if (!lazy) return null;
      swapped.add(lazy.standIn);
      return path.join(VENDOR_DIR, lazy.standIn);
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
      const missed = LAZY.filter((l) => !swapped.has(l.standIn)).map((l) => `${l.importer} → ${l.specifier}`);
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
      rolldownOptions: { output: { format: 'cjs', entryFileNames: path.basename(outFile) } },
    },
  });
}
