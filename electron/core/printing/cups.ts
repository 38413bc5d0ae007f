import fs from 'node:fs/promises';
import os from 'node:os';
import { MusubiError } from '../../../shared/errors';
import { cupsMedia, LpPrinter, lpFailureReason } from './cups-lp';
import { encodeIppRequest, GROUP, ippBoolean, ippNumber, ippString, OPERATION, TAG, type IppOutAttribute, type IppRequest, type IppResponse } from './ipp-message';
import { localScheduler, postIpp, SchedulerUnreachable, type SchedulerAddress } from './ipp-transport';
import { withTempPdf } from './print-bytes';
import { userDefaultPrinter } from './user-default-printer';
import type { Printer, PrinterInfo, PrintJob, PrintResult } from './printer';

/** printer-state (RFC 8011 5.4.11) in the words `lpstat -p` uses. */
const PRINTER_STATES: Record<number, string> = { 3: 'idle', 4: 'printing', 5: 'disabled' };
const STOPPED = 5;

const STATUS = {
  notFound: 0x0406,
  notAcceptingJobs: 0x0506,
} as const;

/** The names of the refusals a spooler gives most (RFC 8011 13.1), for a message without the spooler's own words. */
const STATUS_NAMES: Record<number, string> = {
  0x0400: 'client-error-bad-request',
  0x0401: 'client-error-forbidden',
  0x0402: 'client-error-not-authenticated',
  0x0403: 'client-error-not-authorized',
  0x0404: 'client-error-not-possible',
  0x0405: 'client-error-timeout',
  0x0406: 'client-error-not-found',
  0x0407: 'client-error-gone',
  0x0408: 'client-error-request-entity-too-large',
  0x040a: 'client-error-document-format-not-supported',
  0x040b: 'client-error-attributes-or-values-not-supported',
  0x0500: 'server-error-internal-error',
  0x0501: 'server-error-operation-not-supported',
  0x0502: 'server-error-service-unavailable',
  0x0503: 'server-error-version-not-supported',
  0x0504: 'server-error-device-error',
  0x0505: 'server-error-temporary-error',
  0x0506: 'server-error-not-accepting-jobs',
  0x0507: 'server-error-busy',
};

/** successful-ok and its variants (0x0000–0x00ff: e.g. "ignored or substituted attributes"). */
export function isIppSuccess(statusCode: number): boolean {
  return statusCode <= 0x00ff;
}

/**
 * A refusal as the print failure staff see, classified by the status code as the lp path
 * classifies lp's words: the same reasons, and the spooler's own words as the message.
 */
export function ippRefusal(response: IppResponse, printer: string): MusubiError {
  const { statusCode } = response;
  const said = ippString(response, GROUP.operation, 'status-message')?.trim();
  const where = `printer ${printer}`;
  if (statusCode === STATUS.notFound) {
    return new MusubiError('print-failed', said || 'The printer or class does not exist.', where, { reason: 'printer-missing' });
  }
  if (statusCode === STATUS.notAcceptingJobs) {
    return new MusubiError('print-failed', said || `The printer "${printer}" is not accepting jobs.`, where, { reason: 'printer-not-accepting' });
  }
  const name = STATUS_NAMES[statusCode] ?? `status 0x${statusCode.toString(16).padStart(4, '0')}`;
  const message = said || `The print spooler refused the job (${name}).`;
  return new MusubiError('print-failed', message, where, { reason: lpFailureReason(message) });
}

/** A queue CUPS has stopped or that refuses jobs, from its Get-Printer-Attributes answer. */
export function unusableQueueError(response: IppResponse, printer: string): MusubiError | undefined {
  const where = `printer ${printer}`;
  if (ippNumber(response, GROUP.printer, 'printer-state') === STOPPED) {
    const reason = ippString(response, GROUP.printer, 'printer-state-message')?.replace(/\s+/g, ' ').trim() ?? '';
    return new MusubiError('print-failed', `The printer is stopped${reason ? `: ${reason}` : ''}.`, where, {
      reason: 'printer-stopped',
      detail: reason,
    });
  }
  if (ippBoolean(response, GROUP.printer, 'printer-is-accepting-jobs') === false) {
    return new MusubiError('print-failed', `The printer "${printer}" is not accepting jobs.`, where, { reason: 'printer-not-accepting' });
  }
  return undefined;
}

function userName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER || 'musubi';
  }
}

function printerUri(printer: string): string {
  return `ipp://localhost/printers/${encodeURIComponent(printer)}`;
}

/** The operation attributes every request starts with (RFC 8011 4.1.4), then the target and the user. */
function operationAttributes(printer: string | undefined, user: string): IppOutAttribute[] {
  return [
    { tag: TAG.charset, name: 'attributes-charset', values: ['utf-8'] },
    // English: the status messages are read as the lp path reads lp's (LANG=C).
    { tag: TAG.naturalLanguage, name: 'attributes-natural-language', values: ['en'] },
    ...(printer === undefined ? [] : [{ tag: TAG.uri, name: 'printer-uri', values: [printerUri(printer)] }]),
    { tag: TAG.name, name: 'requesting-user-name', values: [user] },
  ];
}

/** Print-Job: the PDF at its exact media, unscaled, as `lp -o media=Custom.… -o print-scaling=none` asks. */
export function printJobRequest(pdf: Uint8Array, job: PrintJob, user: string, requestId: number): IppRequest {
  return {
    operation: OPERATION.printJob,
    requestId,
    groups: [
      {
        tag: GROUP.operation,
        attributes: [
          ...operationAttributes(job.printer, user),
          { tag: TAG.name, name: 'job-name', values: [job.title ?? 'Musubi badge'] },
          { tag: TAG.mimeMediaType, name: 'document-format', values: ['application/pdf'] },
        ],
      },
      {
        tag: GROUP.job,
        attributes: [
          { tag: TAG.integer, name: 'copies', values: [job.copies] },
          { tag: TAG.keyword, name: 'media', values: [cupsMedia(job.media)] },
          { tag: TAG.keyword, name: 'print-scaling', values: ['none'] },
        ],
      },
    ],
    data: pdf,
  };
}

/** Get-Printer-Attributes for what decides whether a job would print now. */
export function queueStateRequest(printer: string, user: string, requestId: number): IppRequest {
  return {
    operation: OPERATION.getPrinterAttributes,
    requestId,
    groups: [
      {
        tag: GROUP.operation,
        attributes: [
          ...operationAttributes(printer, user),
          { tag: TAG.keyword, name: 'requested-attributes', values: ['printer-state', 'printer-state-message', 'printer-is-accepting-jobs'] },
        ],
      },
    ],
  };
}

export interface CupsPrinterOptions {
  /** Where the scheduler is (default: found as CUPS's commands find it); undefined means "use lp". */
  scheduler?: () => SchedulerAddress | undefined;
  /** The fallback when the scheduler cannot be asked over IPP. */
  fallback?: Printer;
  timeoutMs?: number;
}

/**
 * Printing through CUPS (Linux, macOS), spoken to over IPP on its local socket: no process is
 * started per badge (a start from the station's large process cost 100–250 ms). The queue's state
 * is asked first (a stopped queue would take the job and hold it), then the job is sent with the
 * PDF. When the scheduler cannot be reached that way (a remote or encrypted server, a socket that
 * is not there, a queue that wants a password), the same job goes through `lp` (cups-lp.ts).
 */
export class CupsPrinter implements Printer {
  private readonly scheduler: () => SchedulerAddress | undefined;
  private readonly fallback: Printer;
  private readonly timeoutMs: number;
  private nextRequestId = 1;
  private warned = false;

  constructor(options: CupsPrinterOptions = {}) {
    this.scheduler = options.scheduler ?? (() => localScheduler());
    this.fallback = options.fallback ?? new LpPrinter();
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  private async ask(address: SchedulerAddress, resource: string, request: Omit<IppRequest, 'requestId'>): Promise<IppResponse> {
    const requestId = this.nextRequestId++;
    if (this.nextRequestId > 0x7fffffff) this.nextRequestId = 1;
    try {
      return await postIpp(address, resource, encodeIppRequest({ ...request, requestId }), this.timeoutMs);
    } catch (error) {
      if (error instanceof SchedulerUnreachable) throw error;
      throw new MusubiError('print-failed', `The print spooler (CUPS) did not answer properly: ${(error as Error).message}`, 'CUPS', { reason: 'no-spooler' });
    }
  }

  /** Runs `viaIpp`; when the scheduler cannot be asked over IPP, says so once and runs `viaLp`. */
  private async withFallback<T>(viaIpp: (address: SchedulerAddress) => Promise<T>, viaLp: () => Promise<T>): Promise<T> {
    const address = this.scheduler();
    if (!address) return viaLp();
    try {
      return await viaIpp(address);
    } catch (error) {
      if (!(error instanceof SchedulerUnreachable)) throw error;
      if (!this.warned) {
        this.warned = true;
        console.warn(`[musubi] CUPS over IPP: ${error.message}; printing through lp instead`);
      }
      try {
        return await viaLp();
      } catch (lpError) {
        // lp finds no scheduler either, and says so as "the printer does not exist": say what is wrong.
        const lpLost = lpError instanceof MusubiError && (lpError.reason === undefined || lpError.reason === 'printer-missing' || lpError.reason === 'no-spooler');
        if (error.nothingListens && lpLost) {
          throw new MusubiError('print-failed', `The print service (CUPS) is not running: ${error.message}.`, 'CUPS', { reason: 'no-spooler' });
        }
        throw lpError;
      }
    }
  }

  listPrinters(): Promise<PrinterInfo[]> {
    return this.withFallback(
      async (address) => {
        const user = userName();
        const [printers, fallback] = await Promise.all([
          this.ask(address, '/', {
            operation: OPERATION.cupsGetPrinters,
            groups: [{ tag: GROUP.operation, attributes: [...operationAttributes(undefined, user), { tag: TAG.keyword, name: 'requested-attributes', values: ['printer-name', 'printer-state'] }] }],
          }),
          this.ask(address, '/', {
            operation: OPERATION.cupsGetDefault,
            groups: [{ tag: GROUP.operation, attributes: [...operationAttributes(undefined, user), { tag: TAG.keyword, name: 'requested-attributes', values: ['printer-name'] }] }],
          }),
        ]);
        // "not found" is CUPS's way of saying there is no printer (or no default) at all.
        if (!isIppSuccess(printers.statusCode) && printers.statusCode !== STATUS.notFound) {
          throw new MusubiError('print-failed', `Could not list printers: ${ippRefusal(printers, '').message}`, 'CUPS');
        }
        const list: PrinterInfo[] = [];
        for (const group of printers.groups) {
          const name = group.tag === GROUP.printer ? group.attributes.get('printer-name')?.[0] : undefined;
          if (name?.kind !== 'string') continue;
          const state = group.attributes.get('printer-state')?.[0];
          list.push({ name: name.value, state: (state?.kind === 'number' && PRINTER_STATES[state.value]) || 'unknown', isDefault: false });
        }
        // The default this user's own commands print to (lpoptions, LPDEST) when it is one of these
        // queues, as `lpstat -d` says; else the scheduler's.
        const users = userDefaultPrinter();
        const schedulers = isIppSuccess(fallback.statusCode) ? ippString(fallback, GROUP.printer, 'printer-name') : undefined;
        const defaultName = users !== undefined && list.some((p) => p.name === users) ? users : schedulers;
        for (const printer of list) printer.isDefault = printer.name === defaultName;
        return list;
      },
      () => this.fallback.listPrinters(),
    );
  }

  print(file: string, job: PrintJob): Promise<PrintResult> {
    return this.withFallback(
      (address) => this.viaIpp(address, () => fs.readFile(file), job),
      () => this.fallback.print(file, job),
    );
  }

  /** The badge as bytes: no file at all over IPP (the lp fallback gets a temporary one). */
  printBytes(pdf: Uint8Array, job: PrintJob): Promise<PrintResult> {
    return this.withFallback(
      (address) => this.viaIpp(address, () => Promise.resolve(pdf), job),
      () => withTempPdf(pdf, (file) => this.fallback.print(file, job)),
    );
  }

  private async viaIpp(address: SchedulerAddress, pdf: () => Promise<Uint8Array>, job: PrintJob): Promise<PrintResult> {
    const user = userName();
    const resource = `/printers/${encodeURIComponent(job.printer)}`;
    // Asked first, not beside the job: over the socket it costs a millisecond or two, and a job
    // never lands in a stopped queue (where it would print by surprise once labels are refilled).
    const [state, bytes] = await Promise.all([this.ask(address, resource, queueStateRequest(job.printer, user, 0)), pdf()]);
    if (!isIppSuccess(state.statusCode)) throw ippRefusal(state, job.printer);
    const unusable = unusableQueueError(state, job.printer);
    if (unusable) throw unusable;
    const answer = await this.ask(address, resource, printJobRequest(bytes, job, user, 0));
    if (!isIppSuccess(answer.statusCode)) throw ippRefusal(answer, job.printer);
    const id = ippNumber(answer, GROUP.job, 'job-id');
    return { jobId: id === undefined ? '' : `${job.printer}-${id}` };
  }
}
