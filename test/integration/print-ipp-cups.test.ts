import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { finishPdf } from '../../electron/core/badges/pdf-document';
import { printMedia } from '../../electron/core/badges/sizes';
import { pdfkit } from '../../electron/core/pdf/pdf-libraries';
import { CupsPrinter } from '../../electron/core/printing/cups';
import { encodeIppRequest, GROUP, ippString, ippValues, OPERATION, TAG } from '../../electron/core/printing/ipp-message';
import { localScheduler, postIpp } from '../../electron/core/printing/ipp-transport';
import { printedFile, requireTestQueues, TEST_QUEUE } from '../helpers/cups';
import { pdfInfo, pdfText } from '../helpers/pdf-tools';
import { tempDir } from '../helpers/temp';

/**
 * The badge's way to CUPS without `lp`: IPP to the local scheduler's socket, against the real
 * cups-pdf queues of .ci/setup.d/cups-pdf.sh, and `lp` only when the scheduler cannot be reached.
 */
const STOPPED = `${TEST_QUEUE}Stopped`;
const USER = os.userInfo().username;


/** A card-size PDF with a line of text in a standard font, which cups-pdf's re-distilling keeps as text. */
async function textPdf(text: string): Promise<string> {
  const PDFDocument = pdfkit();
  const doc = new PDFDocument({ size: [(91 * 72) / 25.4, (55 * 72) / 25.4], margin: 12 });
  doc.font('Helvetica').fontSize(14).text(text);
  const file = path.join(tempDir(), 'page.pdf');
  fs.writeFileSync(file, await finishPdf(doc));
  return file;
}

const queued = (queue: string): string => execFileSync('lpstat', ['-o', queue], { encoding: 'utf8' }).trim();

let savedPath: string | undefined;
/** Brings the commands back (poppler's too, which the checks need). */
function restorePath(): void {
  if (savedPath !== undefined) process.env.PATH = savedPath;
  savedPath = undefined;
}
afterEach(restorePath);

/** Hides lp, lpstat and cancel from this process: whatever prints now cannot have started them. */
function withoutCupsCommands(): void {
  savedPath = process.env.PATH ?? '';
  process.env.PATH = tempDir();
}

describe('badges to CUPS over IPP', { timeout: 90_000 }, () => {
  beforeEach(requireTestQueues);

  it('prints the PDF on the queue with its job name and user, with no lp on the PATH', async () => {
    const file = await textPdf('Musubi IPP check 7Q4');
    withoutCupsCommands();
    const printer = new CupsPrinter();
    const { jobId } = await printer.print(file, { printer: TEST_QUEUE, copies: 1, media: printMedia('card'), title: 'Musubi IPP test' });
    restorePath();
    expect(jobId).toMatch(new RegExp(`^${TEST_QUEUE}-\\d+$`));
    const printed = await printedFile(jobId);
    expect(pdfText(printed)).toContain('Musubi IPP check 7Q4');
    // cups-pdf names the file after the job and writes the job's name and user into it.
    expect(path.basename(printed)).toMatch(/^Musubi_IPP_test/);
    const info = execFileSync('pdfinfo', [printed], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+\(?Musubi IPP test\)?$/m);
    expect(info).toMatch(new RegExp(`^Author:\\s+\\(?${USER}\\)?$`, 'm'));
    expect(pdfInfo(printed)).toMatchObject({ pages: 1 });
  });

  it("sends a badge held in memory as it is, with no file of Musubi's on the way", async () => {
    const pdf = fs.readFileSync(await textPdf('Musubi bytes check 5W2'));
    const before = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('musubi-print-'));
    withoutCupsCommands();
    const { jobId } = await new CupsPrinter().printBytes(pdf, { printer: TEST_QUEUE, copies: 1, media: printMedia('card'), title: 'Musubi bytes test' });
    restorePath();
    expect(fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('musubi-print-'))).toEqual(before);
    expect(pdfText(await printedFile(jobId))).toContain('Musubi bytes check 5W2');
  });

  it('refuses a stopped queue with its reason before sending anything, and a missing one', async () => {
    const file = await textPdf('never printed');
    withoutCupsCommands();
    const printer = new CupsPrinter();
    await expect(printer.print(file, { printer: STOPPED, copies: 1, media: printMedia('card') })).rejects.toMatchObject({
      code: 'print-failed',
      reason: 'printer-stopped',
      detail: 'Out of labels',
      message: 'The printer is stopped: Out of labels.',
    });
    await expect(printer.print(file, { printer: 'NoSuchPrinter', copies: 1, media: printMedia('card') })).rejects.toMatchObject({
      code: 'print-failed',
      reason: 'printer-missing',
      message: expect.stringMatching(/does not exist/),
    });
    restorePath();
    expect(queued(STOPPED)).toBe('');
  });

  it('lists the queues as lpstat does', async () => {
    // Other test files print to the same queue at the same time, so it may be printing right now.
    withoutCupsCommands();
    const listed = await new CupsPrinter().listPrinters();
    restorePath();
    expect(listed).toEqual(expect.arrayContaining([expect.objectContaining({ name: TEST_QUEUE, state: expect.stringMatching(/^(idle|printing)$/) }), expect.objectContaining({ name: STOPPED, state: 'disabled' })]));
    const lpstatNames = [...execFileSync('lpstat', ['-p'], { encoding: 'utf8' }).matchAll(/^printer (\S+)/gm)].map((m) => m[1]);
    expect(listed.map((p) => p.name).sort()).toEqual(lpstatNames.sort());
  });

  it("marks this user's default as lpstat -d does (LPDEST, lpoptions), over the scheduler's", async () => {
    const before = process.env.LPDEST;
    process.env.LPDEST = STOPPED;
    try {
      const listed = await new CupsPrinter().listPrinters();
      expect(listed.filter((p) => p.isDefault).map((p) => p.name)).toEqual([STOPPED]);
      expect(execFileSync('lpstat', ['-d'], { encoding: 'utf8' })).toContain(STOPPED);
      // A default naming no queue here leaves the scheduler's in place.
      process.env.LPDEST = 'NoSuchQueueHere';
      const schedulers = (await new CupsPrinter().listPrinters()).filter((p) => p.isDefault).map((p) => p.name);
      expect(schedulers).not.toContain(STOPPED);
      expect(schedulers.length).toBeLessThanOrEqual(1);
    } finally {
      if (before === undefined) delete process.env.LPDEST;
      else process.env.LPDEST = before;
    }
  });

  it("reads the scheduler's whole description of a queue, collections included", async () => {
    const address = localScheduler();
    expect(address).toBeDefined();
    const body = encodeIppRequest({
      operation: OPERATION.getPrinterAttributes,
      requestId: 5,
      groups: [
        {
          tag: GROUP.operation,
          attributes: [
            { tag: TAG.charset, name: 'attributes-charset', values: ['utf-8'] },
            { tag: TAG.naturalLanguage, name: 'attributes-natural-language', values: ['en'] },
            { tag: TAG.uri, name: 'printer-uri', values: [`ipp://localhost/printers/${STOPPED}`] },
            { tag: TAG.keyword, name: 'requested-attributes', values: ['all'] },
          ],
        },
      ],
    });
    const answer = await postIpp(address!, `/printers/${STOPPED}`, body);
    expect(answer).toMatchObject({ statusCode: 0, requestId: 5 });
    expect(ippString(answer, GROUP.printer, 'printer-name')).toBe(STOPPED);
    expect(ippString(answer, GROUP.printer, 'printer-state-message')).toBe('Out of labels');
    // media-col-default is a collection holding a collection: its size in hundredths of a millimetre.
    const [media] = ippValues(answer, GROUP.printer, 'media-col-default');
    expect(media?.kind).toBe('collection');
    const size = media?.kind === 'collection' ? media.value.get('media-size')?.[0] : undefined;
    const x = size?.kind === 'collection' ? size.value.get('x-dimension')?.[0] : undefined;
    expect(x?.kind === 'number' && x.value).toBeGreaterThan(1000);
    expect(ippValues(answer, GROUP.printer, 'document-format-supported').map((v) => v.kind === 'string' && v.value)).toContain('application/pdf');
  });

  it('falls back to lp when the scheduler cannot be reached over IPP, and prints all the same', async () => {
    const file = await textPdf('Musubi lp fallback 3K9');
    const printer = new CupsPrinter({ scheduler: () => ({ socketPath: path.join(tempDir(), 'no-cups.sock') }) });
    const { jobId } = await printer.print(file, { printer: TEST_QUEUE, copies: 1, media: printMedia('card'), title: 'Musubi lp test' });
    expect(pdfText(await printedFile(jobId))).toContain('Musubi lp fallback 3K9');
    // Bytes too: lp is given a temporary file for them.
    const fromBytes = await printer.printBytes(fs.readFileSync(file), { printer: TEST_QUEUE, copies: 1, media: printMedia('card'), title: 'Musubi lp bytes' });
    expect(pdfText(await printedFile(fromBytes.jobId))).toContain('Musubi lp fallback 3K9');
    // The stopped-queue check of the lp path still holds.
    await expect(printer.print(file, { printer: STOPPED, copies: 1, media: printMedia('card') })).rejects.toMatchObject({ reason: 'printer-stopped', detail: 'Out of labels' });
    expect(queued(STOPPED)).toBe('');
  });

  it('says the print service is not running when neither IPP nor lp reaches it (lp alone would say "no such printer")', async () => {
    const file = await textPdf('x');
    const missing = path.join(tempDir(), 'no-cups.sock');
    const printer = new CupsPrinter({ scheduler: () => ({ socketPath: missing }) });
    // lp pointed at the same missing server.
    const saved = process.env.CUPS_SERVER;
    process.env.CUPS_SERVER = missing;
    try {
      await expect(printer.print(file, { printer: TEST_QUEUE, copies: 1, media: printMedia('card') })).rejects.toMatchObject({
        code: 'print-failed',
        reason: 'no-spooler',
        message: expect.stringContaining(missing),
      });
      await expect(printer.listPrinters()).rejects.toMatchObject({ code: 'print-failed', reason: 'no-spooler' });
    } finally {
      if (saved === undefined) delete process.env.CUPS_SERVER;
      else process.env.CUPS_SERVER = saved;
    }
  });
});
