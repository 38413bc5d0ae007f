import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { printMedia } from '../../electron/core/badges/sizes';
import { systemPrinter } from '../../electron/core/printing';
import { lpArguments } from '../../electron/core/printing/cups-lp';
import { printBytes } from '../../electron/core/printing/print-bytes';
import type { Printer } from '../../electron/core/printing';
import { missingPrinterMessage, storedPrinterWarning, writePrintSettings } from '../../electron/core/printing/station-print-settings';
import { openTestStation } from '../helpers/service';
import { findSumatraPdf, outsideAsar, sumatraPrintOptions, WindowsPrinter, type PdfToPrinter, type SumatraPrintOptions } from '../../electron/core/printing/windows';
import { BADGE_SIZES } from '../../shared/domain/settings';

const require = createRequire(import.meta.url);
const SUMATRA = 'C:\\Program Files\\Musubi\\resources\\app.asar.unpacked\\node_modules\\pdf-to-printer\\dist\\SumatraPDF-3.4.6-32.exe';

describe('CUPS lp arguments for each badge size', () => {
  it.each([
    ['card', 'media=Custom.91x55mm'],
    ['4x3', 'media=Custom.101.6x76.2mm'],
    ['a6', 'media=Custom.148x105mm'],
    // The 62 mm roll is fed 62 mm across the head; CUPS turns the landscape badge onto it.
    ['62mm', 'media=Custom.62x100mm'],
    ['a4-sheet', 'media=Custom.91x55mm'],
  ] as const)('%s asks for %s, unscaled', (size, media) => {
    expect(lpArguments('/tmp/b.pdf', { printer: 'QL-820NWB', copies: 2, media: printMedia(size) })).toEqual([
      '-d', 'QL-820NWB', '-n', '2', '-t', 'Musubi badge', '-o', media, '-o', 'print-scaling=none', '--', '/tmp/b.pdf',
    ]);
  });

  it('passes a printer or file name that starts with "-" as data, not as an option', () => {
    const args = lpArguments('-rf.pdf', { printer: 'QL', copies: 1, media: printMedia('card') });
    expect(args.slice(-2)).toEqual(['--', '-rf.pdf']);
  });
});

describe('pdf-to-printer (SumatraPDF) options for each badge size', () => {
  it.each([
    ['card', undefined],
    ['4x3', undefined],
    ['62mm', undefined],
    ['a6', 'A6'],
  ] as const)('%s: no scaling, paper %s', (size, paperSize) => {
    const options = sumatraPrintOptions({ printer: 'Brother QL-820NWB', copies: 3, media: printMedia(size) }, SUMATRA);
    const expected: SumatraPrintOptions = { printer: 'Brother QL-820NWB', copies: 3, scale: 'noscale', silent: true, sumatraPdfPath: SUMATRA };
    expect(options).toEqual(paperSize ? { ...expected, paperSize } : expected);
  });

  it('covers every badge size', () => {
    for (const size of BADGE_SIZES) expect(sumatraPrintOptions({ printer: 'P', copies: 1, media: printMedia(size) }, SUMATRA).scale).toBe('noscale');
  });

  it('runs SumatraPDF from outside the asar archive', () => {
    expect(outsideAsar('C:\\Musubi\\resources\\app.asar\\node_modules\\pdf-to-printer')).toBe('C:\\Musubi\\resources\\app.asar.unpacked\\node_modules\\pdf-to-printer');
    expect(outsideAsar('/opt/Musubi/resources/app.asar/node_modules/x')).toBe('/opt/Musubi/resources/app.asar.unpacked/node_modules/x');
    expect(outsideAsar('/work/musubi/node_modules/x')).toBe('/work/musubi/node_modules/x');
    expect(findSumatraPdf('/app.asar/node_modules/pdf-to-printer', () => ['bundle.js', 'SumatraPDF-3.5.0-64.exe'])).toBe(
      path.join('/app.asar.unpacked/node_modules/pdf-to-printer/dist', 'SumatraPDF-3.5.0-64.exe'),
    );
    expect(() => findSumatraPdf('/x', () => ['bundle.js'])).toThrow(/SumatraPDF/);
  });

  it('finds the binary the installed package really ships', () => {
    const dir = path.dirname(require.resolve('pdf-to-printer/package.json'));
    expect(findSumatraPdf(dir)).toMatch(/SumatraPDF.*\.exe$/);
  });
});

/** pdf-to-printer's shape, recording calls: Windows itself cannot run here. */
function fakeDriver(printers: string[]): PdfToPrinter & { jobs: { pdf: string; options: SumatraPrintOptions }[] } {
  const jobs: { pdf: string; options: SumatraPrintOptions }[] = [];
  return {
    jobs,
    print: (pdf, options) => {
      jobs.push({ pdf, options });
      return Promise.resolve();
    },
    getPrinters: () => Promise.resolve(printers.map((name) => ({ name }))),
    getDefaultPrinter: () => Promise.resolve(printers[0] ? { name: printers[0] } : null),
  };
}

describe('printing on Windows', () => {
  const packageDir = path.dirname(require.resolve('pdf-to-printer/package.json'));

  it('lists the OS printers with the default marked', async () => {
    const printer = new WindowsPrinter(() => ({ driver: fakeDriver(['Brother QL-820NWB', 'Microsoft Print to PDF']), packageDir }));
    expect(await printer.listPrinters()).toEqual([
      { name: 'Brother QL-820NWB', isDefault: true, state: 'ready' },
      { name: 'Microsoft Print to PDF', isDefault: false, state: 'ready' },
    ]);
  });

  it('sends the badge to the chosen printer at its size, through the shipped SumatraPDF', async () => {
    const driver = fakeDriver(['Brother QL-820NWB']);
    const printer = new WindowsPrinter(() => ({ driver, packageDir }));
    await printer.print('C:\\Temp\\badge.pdf', { printer: 'Brother QL-820NWB', copies: 1, media: printMedia('a6') });
    expect(driver.jobs).toEqual([
      { pdf: 'C:\\Temp\\badge.pdf', options: expect.objectContaining({ printer: 'Brother QL-820NWB', scale: 'noscale', paperSize: 'A6', copies: 1 }) },
    ]);
    expect(driver.jobs[0]!.options.sumatraPdfPath).toMatch(/SumatraPDF.*\.exe$/);
  });

  it('refuses a printer that has disappeared instead of printing somewhere else', async () => {
    const driver = fakeDriver(['Microsoft Print to PDF']);
    const printer = new WindowsPrinter(() => ({ driver, packageDir }));
    await expect(printer.print('C:\\Temp\\badge.pdf', { printer: 'Brother QL-820NWB', copies: 1, media: printMedia('card') })).rejects.toMatchObject({
      code: 'print-failed',
      message: expect.stringMatching(/"Brother QL-820NWB" does not exist/),
    });
    expect(driver.jobs).toEqual([]);
  });

  it('is the printer the app uses on Windows', () => {
    expect(systemPrinter('win32')).toBeInstanceOf(WindowsPrinter);
  });
});

describe('the stored printer', () => {
  it('warns only when the chosen printer is gone', () => {
    expect(missingPrinterMessage('', [])).toBeUndefined();
    expect(missingPrinterMessage('QL', [{ name: 'QL' }])).toBeUndefined();
    expect(missingPrinterMessage('QL', [{ name: 'ql' }])).toMatch(/"QL" does not exist on this computer any more/);
  });
});

describe('the stored printer, checked when the app starts', () => {
  it('warns when the printer chosen for this station is no longer installed', async () => {
    const station = openTestStation();
    try {
      const printers = (names: string[]) => ({ listPrinters: () => Promise.resolve(names.map((name) => ({ name, isDefault: false, state: 'idle' }))) });
      expect(await storedPrinterWarning(station.db, printers([]))).toBeUndefined();
      writePrintSettings(station.db, { printer: 'Brother QL-820NWB' });
      expect(await storedPrinterWarning(station.db, printers(['Brother QL-820NWB']))).toBeUndefined();
      expect(await storedPrinterWarning(station.db, printers(['Microsoft Print to PDF']))).toMatch(/プリンター「Brother QL-820NWB」が見つかりません[\s\S]*"Brother QL-820NWB" does not exist/);
      expect(await storedPrinterWarning(station.db, { listPrinters: () => Promise.reject(new Error('no spooler')) })).toBeUndefined();
    } finally {
      station.close();
    }
  });
});

describe('a badge held in memory', () => {
  const job = { printer: 'QL', copies: 1, media: printMedia('card') };

  it('goes as bytes to a printer that takes them, and as a private file, removed afterwards, to one that does not', async () => {
    const pdf = Buffer.from('%PDF-1.7 badge');
    const taken: Uint8Array[] = [];
    const bytes: Printer = { listPrinters: () => Promise.resolve([]), print: () => Promise.reject(new Error('no file wanted')), printBytes: (data) => (taken.push(data), Promise.resolve({ jobId: 'QL-1' })) };
    expect(await printBytes(bytes, pdf, job)).toEqual({ jobId: 'QL-1' });
    expect(taken).toEqual([pdf]);

    const seen: { file: string; text: string; mode: number }[] = [];
    const files: Printer = {
      listPrinters: () => Promise.resolve([]),
      print: (file) => {
        seen.push({ file, text: fs.readFileSync(file, 'utf8'), mode: fs.statSync(file).mode & 0o777 });
        return Promise.resolve({ jobId: 'QL-2' });
      },
    };
    expect(await printBytes(files, pdf, job)).toEqual({ jobId: 'QL-2' });
    expect(seen).toEqual([{ file: expect.stringMatching(/musubi-print-.*badge\.pdf$/), text: '%PDF-1.7 badge', mode: 0o600 }]);
    expect(fs.existsSync(path.dirname(seen[0]!.file))).toBe(false);
  });

  it('removes the file when the printer refuses', async () => {
    let used = '';
    const refusing: Printer = { listPrinters: () => Promise.resolve([]), print: (file) => ((used = file), Promise.reject(new Error('refused'))) };
    await expect(printBytes(refusing, Buffer.from('%PDF'), job)).rejects.toThrow('refused');
    expect(used).not.toBe('');
    expect(fs.existsSync(path.dirname(used))).toBe(false);
  });
});
