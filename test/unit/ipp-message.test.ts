import { describe, expect, it } from 'vitest';
import { printMedia } from '../../electron/core/badges/sizes';
import { ippRefusal, isIppSuccess, printJobRequest, queueStateRequest, unusableQueueError } from '../../electron/core/printing/cups';
import {
  decodeIppResponse,
  encodeIppRequest,
  GROUP,
  IppFormatError,
  ippString,
  ippValues,
  OPERATION,
  TAG,
  type IppOutAttribute,
  type IppResponse,
} from '../../electron/core/printing/ipp-message';
import { localScheduler, type SchedulerLookup } from '../../electron/core/printing/ipp-transport';
import { userDefaultPrinter } from '../../electron/core/printing/user-default-printer';

/** One attribute as RFC 8010 lays it out: tag, name length, name, value length, value. */
function attributeBytes(tag: number, name: string, value: Buffer | string): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const valueBytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  const out = Buffer.alloc(5 + nameBytes.length + valueBytes.length);
  out[0] = tag;
  out.writeUInt16BE(nameBytes.length, 1);
  nameBytes.copy(out, 3);
  out.writeUInt16BE(valueBytes.length, 3 + nameBytes.length);
  valueBytes.copy(out, 5 + nameBytes.length);
  return out;
}

const int32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

/** An answer's header: version 2.0, status, request id. */
function header(status: number, requestId: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt8(2, 0);
  b.writeUInt16BE(status, 2);
  b.writeUInt32BE(requestId, 4);
  return b;
}

const OPERATION_GROUP = Buffer.concat([
  Buffer.from([GROUP.operation]),
  attributeBytes(TAG.charset, 'attributes-charset', 'utf-8'),
  attributeBytes(TAG.naturalLanguage, 'attributes-natural-language', 'en'),
]);

function request(attributes: IppOutAttribute[], data?: Uint8Array): Buffer {
  return encodeIppRequest({ operation: OPERATION.printJob, requestId: 7, groups: [{ tag: GROUP.operation, attributes }], ...(data ? { data } : {}) });
}

describe('IPP requests, byte for byte', () => {
  it('lays out the header, the groups, 1setOf values and the document as RFC 8010 says', () => {
    const bytes = encodeIppRequest({
      operation: OPERATION.getPrinterAttributes,
      requestId: 0x01020304,
      groups: [
        {
          tag: GROUP.operation,
          attributes: [
            { tag: TAG.charset, name: 'attributes-charset', values: ['utf-8'] },
            { tag: TAG.keyword, name: 'requested-attributes', values: ['printer-state', 'printer-state-message'] },
          ],
        },
        { tag: GROUP.job, attributes: [{ tag: TAG.integer, name: 'copies', values: [2] }, { tag: TAG.boolean, name: 'b', values: [true, false] }] },
      ],
      data: Buffer.from('%PDF'),
    });
    expect(bytes.toString('hex')).toBe(
      Buffer.concat([
        Buffer.from([2, 0, 0x00, 0x0b, 1, 2, 3, 4, GROUP.operation]),
        attributeBytes(TAG.charset, 'attributes-charset', 'utf-8'),
        attributeBytes(TAG.keyword, 'requested-attributes', 'printer-state'),
        // A further value of the same attribute: an empty name.
        attributeBytes(TAG.keyword, '', 'printer-state-message'),
        Buffer.from([GROUP.job]),
        attributeBytes(TAG.integer, 'copies', int32(2)),
        attributeBytes(TAG.boolean, 'b', Buffer.from([1])),
        attributeBytes(TAG.boolean, '', Buffer.from([0])),
        Buffer.from([GROUP.end]),
        Buffer.from('%PDF'),
      ]).toString('hex'),
    );
  });

  it('writes the badge job as lp asks for it: exact custom media, unscaled, a PDF', () => {
    const pdf = Buffer.from('%PDF-1.7 badge');
    const job = printJobRequest(pdf, { printer: 'QL 820/NWB', copies: 2, media: printMedia('4x3'), title: 'Musubi badge' }, 'desk', 9);
    const decoded = decodeIppResponse(encodeIppRequest(job));
    expect(decoded.statusCode).toBe(OPERATION.printJob);
    const operation = [...decoded.groups[0]!.attributes.keys()];
    // RFC 8011 4.1.4: charset first, natural language second.
    expect(operation.slice(0, 2)).toEqual(['attributes-charset', 'attributes-natural-language']);
    expect(ippString(decoded, GROUP.operation, 'printer-uri')).toBe('ipp://localhost/printers/QL%20820%2FNWB');
    expect(ippString(decoded, GROUP.operation, 'requesting-user-name')).toBe('desk');
    expect(ippString(decoded, GROUP.operation, 'job-name')).toBe('Musubi badge');
    expect(ippValues(decoded, GROUP.operation, 'document-format')).toEqual([{ tag: TAG.mimeMediaType, kind: 'string', value: 'application/pdf' }]);
    expect(ippValues(decoded, GROUP.job, 'copies')).toEqual([{ tag: TAG.integer, kind: 'number', value: 2 }]);
    expect(ippString(decoded, GROUP.job, 'media')).toBe('Custom.101.6x76.2mm');
    expect(ippString(decoded, GROUP.job, 'print-scaling')).toBe('none');
    expect(Buffer.from(decoded.data).toString()).toBe('%PDF-1.7 badge');
    const state = decodeIppResponse(encodeIppRequest(queueStateRequest('QL', 'desk', 1)));
    expect(ippValues(state, GROUP.operation, 'requested-attributes').map((v) => v.kind === 'string' && v.value)).toEqual([
      'printer-state',
      'printer-state-message',
      'printer-is-accepting-jobs',
    ]);
  });

  it('keeps 32-bit integers at their limits and refuses anything past them', () => {
    for (const value of [-0x80000000, 0, 0x7fffffff]) {
      const decoded = decodeIppResponse(request([{ tag: TAG.integer, name: 'n', values: [value] }]));
      expect(ippValues(decoded, GROUP.operation, 'n')).toEqual([{ tag: TAG.integer, kind: 'number', value }]);
    }
    for (const value of [0x80000000, -0x80000001, 1.5, Number.NaN]) {
      expect(() => request([{ tag: TAG.integer, name: 'n', values: [value] }])).toThrow(IppFormatError);
    }
    expect(() => request([{ tag: TAG.enum, name: 'n', values: ['3'] }])).toThrow(/n: 3 is not a 32-bit integer/);
  });

  it('counts lengths in UTF-8 bytes and refuses a value or name longer than a signed short', () => {
    const fits = 'あ'.repeat(10922); // 32,766 bytes
    const decoded = decodeIppResponse(request([{ tag: TAG.text, name: 'job-name', values: [fits] }]));
    expect(ippString(decoded, GROUP.operation, 'job-name')).toBe(fits);
    expect(() => request([{ tag: TAG.text, name: 'job-name', values: ['あ'.repeat(10923)] }])).toThrow(/32769 bytes; IPP allows at most 32767/);
    expect(() => request([{ tag: TAG.text, name: 'x', values: ['a'.repeat(32767)] }])).not.toThrow();
    expect(() => request([{ tag: TAG.text, name: 'x', values: ['a'.repeat(32768)] }])).toThrow(IppFormatError);
    expect(() => request([{ tag: TAG.text, name: 'n'.repeat(32768), values: ['a'] }])).toThrow(IppFormatError);
  });

  it('refuses what IPP cannot carry, naming the attribute', () => {
    expect(() => request([{ tag: TAG.text, name: '', values: ['a'] }])).toThrow(/needs a name/);
    expect(() => request([{ tag: TAG.text, name: 'job-name', values: [] }])).toThrow(/job-name has no value/);
    expect(() => request([{ tag: TAG.text, name: 'job-name', values: [3] }])).toThrow(/job-name: 3 is not a string/);
    expect(() => request([{ tag: TAG.boolean, name: 'flag', values: ['yes'] }])).toThrow(/flag: yes is not a boolean/);
    expect(() => request([{ tag: TAG.resolution, name: 'res', values: ['300dpi'] }])).toThrow(/res: value tag 0x32 cannot be written/);
    expect(() => request([{ tag: GROUP.job, name: 'x', values: ['a'] }])).toThrow(/not a value tag/);
    expect(() => encodeIppRequest({ operation: 2, requestId: 0, groups: [] })).toThrow(/request id 0/);
    expect(() => encodeIppRequest({ operation: 0x10000, requestId: 1, groups: [] })).toThrow(/16-bit/);
    expect(() => encodeIppRequest({ operation: 2, requestId: 1, groups: [{ tag: GROUP.end, attributes: [] }] })).toThrow(/not a group/);
  });
});

describe('IPP answers', () => {
  it('reads every group, 1setOf values, text with language, out-of-band values, and the data after the end', () => {
    const bytes = Buffer.concat([
      header(0x0001, 42),
      OPERATION_GROUP,
      attributeBytes(TAG.text, 'status-message', 'successful-ok-ignored-or-substituted-attributes'),
      Buffer.from([GROUP.printer]),
      attributeBytes(TAG.name, 'printer-name', 'MusubiPDF'),
      attributeBytes(TAG.enum, 'printer-state', int32(5)),
      // textWithLanguage: language length, language, text length, text.
      attributeBytes(TAG.textWithLanguage, 'printer-state-message', Buffer.concat([Buffer.from([0, 2]), Buffer.from('ja'), Buffer.from([0, 15]), Buffer.from('ラベル切れ', 'utf8')])),
      attributeBytes(TAG.keyword, 'printer-state-reasons', 'media-empty-error'),
      attributeBytes(TAG.keyword, '', 'paused'),
      attributeBytes(TAG.noValue, 'printer-geo-location', ''),
      attributeBytes(TAG.dateTime, 'printer-current-time', Buffer.alloc(11, 1)),
      Buffer.from([GROUP.printer]),
      attributeBytes(TAG.name, 'printer-name', 'Second'),
      Buffer.from([GROUP.end]),
      Buffer.from('tail'),
    ]);
    const answer = decodeIppResponse(bytes);
    expect(answer).toMatchObject({ version: { major: 2, minor: 0 }, statusCode: 1, requestId: 42 });
    expect(isIppSuccess(answer.statusCode)).toBe(true);
    expect(answer.groups.map((g) => g.tag)).toEqual([GROUP.operation, GROUP.printer, GROUP.printer]);
    expect(ippString(answer, GROUP.printer, 'printer-state-message')).toBe('ラベル切れ');
    expect(ippValues(answer, GROUP.printer, 'printer-state-reasons').map((v) => v.kind === 'string' && v.value)).toEqual(['media-empty-error', 'paused']);
    expect(ippValues(answer, GROUP.printer, 'printer-geo-location')).toEqual([{ tag: TAG.noValue, kind: 'out-of-band' }]);
    expect(ippValues(answer, GROUP.printer, 'printer-current-time')[0]).toMatchObject({ kind: 'bytes', value: new Uint8Array(11).fill(1) });
    expect(answer.groups[2]!.attributes.get('printer-name')).toEqual([{ tag: TAG.name, kind: 'string', value: 'Second' }]);
    expect(Buffer.from(answer.data).toString()).toBe('tail');
  });

  it('reads nested collections (media-col) as CUPS sends them', () => {
    const member = (name: string): Buffer => attributeBytes(TAG.memberAttrName, '', name);
    const bytes = Buffer.concat([
      header(0, 1),
      OPERATION_GROUP,
      Buffer.from([GROUP.printer]),
      attributeBytes(TAG.begCollection, 'media-col-default', ''),
      member('media-size'),
      attributeBytes(TAG.begCollection, '', ''),
      member('x-dimension'),
      attributeBytes(TAG.integer, '', int32(9100)),
      member('y-dimension'),
      attributeBytes(TAG.integer, '', int32(5500)),
      attributeBytes(TAG.endCollection, '', ''),
      member('media-source'),
      attributeBytes(TAG.keyword, '', 'main'),
      attributeBytes(TAG.keyword, '', 'manual'),
      attributeBytes(TAG.endCollection, '', ''),
      attributeBytes(TAG.enum, 'printer-state', int32(3)),
      Buffer.from([GROUP.end]),
    ]);
    const answer = decodeIppResponse(bytes);
    const [media] = ippValues(answer, GROUP.printer, 'media-col-default');
    expect(media?.kind).toBe('collection');
    if (media?.kind !== 'collection') return;
    const size = media.value.get('media-size')?.[0];
    expect(size?.kind === 'collection' && Object.fromEntries([...size.value].map(([k, v]) => [k, v.map((x) => x.kind === 'number' && x.value)]))).toEqual({
      'x-dimension': [9100],
      'y-dimension': [5500],
    });
    expect(media.value.get('media-source')?.map((v) => v.kind === 'string' && v.value)).toEqual(['main', 'manual']);
    // The attribute after the collection is read as its own again.
    expect(ippValues(answer, GROUP.printer, 'printer-state')).toEqual([{ tag: TAG.enum, kind: 'number', value: 3 }]);
  });

  it('throws IppFormatError, never reads past the end, for an answer cut short at any byte', () => {
    const whole = Buffer.concat([
      header(0, 3),
      OPERATION_GROUP,
      Buffer.from([GROUP.job]),
      attributeBytes(TAG.integer, 'job-id', int32(12)),
      attributeBytes(TAG.textWithLanguage, 'job-state-message', Buffer.concat([Buffer.from([0, 2]), Buffer.from('en'), Buffer.from([0, 2]), Buffer.from('ok')])),
      attributeBytes(TAG.begCollection, 'c', ''),
      attributeBytes(TAG.memberAttrName, '', 'm'),
      attributeBytes(TAG.integer, '', int32(1)),
      attributeBytes(TAG.endCollection, '', ''),
      Buffer.from([GROUP.end]),
    ]);
    expect(decodeIppResponse(whole).statusCode).toBe(0);
    for (let length = 0; length < whole.length; length++) {
      expect(() => decodeIppResponse(whole.subarray(0, length)), `cut at ${length} of ${whole.length}`).toThrow(IppFormatError);
    }
  });

  it('refuses answers that break the encoding', () => {
    const broken = (...parts: Buffer[]): (() => IppResponse) => () => decodeIppResponse(Buffer.concat([header(0, 1), ...parts, Buffer.from([GROUP.end])]));
    expect(broken(attributeBytes(TAG.integer, 'x', int32(1)))).toThrow(/before any group/);
    expect(broken(Buffer.from([GROUP.job]), attributeBytes(TAG.integer, '', int32(1)))).toThrow(/additional IPP value comes before any attribute/);
    expect(broken(Buffer.from([GROUP.job]), attributeBytes(TAG.integer, 'job-id', Buffer.alloc(2)))).toThrow(/integer must be 4 bytes, not 2/);
    expect(broken(Buffer.from([GROUP.job]), attributeBytes(TAG.boolean, 'b', Buffer.alloc(2)))).toThrow(/boolean must be 1 byte/);
    expect(broken(Buffer.from([GROUP.job]), attributeBytes(TAG.textWithLanguage, 't', Buffer.from([0, 2, 0x65, 0x6e, 0, 1, 0x61, 0x62])))).toThrow(/stray bytes/);
    expect(broken(Buffer.from([GROUP.job]), attributeBytes(TAG.begCollection, 'c', ''), attributeBytes(TAG.integer, '', int32(1)))).toThrow(/before its member name/);
    expect(broken(Buffer.from([GROUP.job]), attributeBytes(0x7f, 'ext', int32(1)))).toThrow(/Extended IPP value tags/);
    // A collection never closed runs into the end of the message.
    expect(broken(Buffer.from([GROUP.job]), attributeBytes(TAG.begCollection, 'c', ''))).toThrow(IppFormatError);
  });
});

describe('what an IPP answer means for the badge', () => {
  const answer = (statusCode: number, message?: string, printer: Buffer[] = []): IppResponse =>
    decodeIppResponse(
      Buffer.concat([
        header(statusCode, 1),
        OPERATION_GROUP,
        ...(message ? [attributeBytes(TAG.text, 'status-message', message)] : []),
        ...(printer.length ? [Buffer.from([GROUP.printer]), ...printer] : []),
        Buffer.from([GROUP.end]),
      ]),
    );

  it('maps the refusals to the reasons the screens explain, as the lp path does', () => {
    expect(ippRefusal(answer(0x0406, 'The printer or class does not exist.'), 'QL').toShape()).toEqual({
      code: 'print-failed',
      message: 'The printer or class does not exist.',
      where: 'printer QL',
      reason: 'printer-missing',
    });
    expect(ippRefusal(answer(0x0406), 'QL').message).toBe('The printer or class does not exist.');
    expect(ippRefusal(answer(0x0506), 'QL')).toMatchObject({ reason: 'printer-not-accepting', message: 'The printer "QL" is not accepting jobs.' });
    expect(ippRefusal(answer(0x040a, 'Unsupported document-format "application/pdf".'), 'QL')).toMatchObject({
      message: 'Unsupported document-format "application/pdf".',
      reason: undefined,
    });
    expect(ippRefusal(answer(0x0502), 'QL').message).toBe('The print spooler refused the job (server-error-service-unavailable).');
    expect(ippRefusal(answer(0x0488), 'QL').message).toBe('The print spooler refused the job (status 0x0488).');
    expect([0x0000, 0x0001, 0x0002, 0x00ff].every(isIppSuccess)).toBe(true);
    expect([0x0100, 0x0400, 0x0506].some(isIppSuccess)).toBe(false);
  });

  it('says a stopped queue with its reason, and a queue that refuses jobs, before any job is sent', () => {
    const stopped = answer(0, undefined, [
      attributeBytes(TAG.enum, 'printer-state', int32(5)),
      attributeBytes(TAG.text, 'printer-state-message', '  Out of\n labels '),
      attributeBytes(TAG.boolean, 'printer-is-accepting-jobs', Buffer.from([1])),
    ]);
    expect(unusableQueueError(stopped, 'QL')?.toShape()).toEqual({
      code: 'print-failed',
      message: 'The printer is stopped: Out of labels.',
      where: 'printer QL',
      reason: 'printer-stopped',
      detail: 'Out of labels',
    });
    const silent = answer(0, undefined, [attributeBytes(TAG.enum, 'printer-state', int32(5))]);
    expect(unusableQueueError(silent, 'QL')?.message).toBe('The printer is stopped.');
    const refusing = answer(0, undefined, [attributeBytes(TAG.enum, 'printer-state', int32(3)), attributeBytes(TAG.boolean, 'printer-is-accepting-jobs', Buffer.from([0]))]);
    expect(unusableQueueError(refusing, 'QL')).toMatchObject({ reason: 'printer-not-accepting' });
    const busy = answer(0, undefined, [attributeBytes(TAG.enum, 'printer-state', int32(4)), attributeBytes(TAG.boolean, 'printer-is-accepting-jobs', Buffer.from([1]))]);
    expect(unusableQueueError(busy, 'QL')).toBeUndefined();
  });
});

describe('which scheduler the badges go to', () => {
  const lookup = (env: NodeJS.ProcessEnv, files: Record<string, string> = {}, sockets: string[] = []): SchedulerLookup => ({
    env,
    read: (file) => files[file],
    exists: (file) => sockets.includes(file),
    home: '/home/desk',
  });

  it("uses CUPS's domain socket when it is there, else localhost:631", () => {
    expect(localScheduler(lookup({}, {}, ['/run/cups/cups.sock']))).toEqual({ socketPath: '/run/cups/cups.sock' });
    expect(localScheduler(lookup({}, {}, ['/private/var/run/cupsd']))).toEqual({ socketPath: '/private/var/run/cupsd' });
    expect(localScheduler(lookup({}))).toEqual({ host: 'localhost', port: 631 });
    expect(localScheduler(lookup({ IPP_PORT: '8631' }))).toEqual({ host: 'localhost', port: 8631 });
  });

  it('follows CUPS_SERVER and client.conf to a local server, and leaves a remote one to lp', () => {
    expect(localScheduler(lookup({ CUPS_SERVER: '/tmp/cups.sock' }))).toEqual({ socketPath: '/tmp/cups.sock' });
    expect(localScheduler(lookup({ CUPS_SERVER: '127.0.0.1:8631' }))).toEqual({ host: '127.0.0.1', port: 8631 });
    expect(localScheduler(lookup({ CUPS_SERVER: '[::1]:631' }))).toEqual({ host: '::1', port: 631 });
    expect(localScheduler(lookup({ CUPS_SERVER: 'print.venue.example' }))).toBeUndefined();
    expect(localScheduler(lookup({ CUPS_SERVER: 'localhost/version=1.1' }))).toBeUndefined();
    expect(localScheduler(lookup({}, { '/etc/cups/client.conf': '# venue\nServerName printhost:631\n' }, ['/run/cups/cups.sock']))).toBeUndefined();
    expect(localScheduler(lookup({}, { '/home/desk/.cups/client.conf': 'ServerName localhost\n', '/etc/cups/client.conf': 'ServerName far' }))).toEqual({
      host: 'localhost',
      port: 631,
    });
  });
});

describe("which printer is this user's default", () => {
  const lookup = (env: NodeJS.ProcessEnv, files: Record<string, string> = {}): SchedulerLookup => ({ env, read: (file) => files[file], exists: () => false, home: '/home/desk' });
  const mine = '/home/desk/.cups/lpoptions';
  const system = '/etc/cups/lpoptions';

  it('takes LPDEST, then PRINTER unless it is "lp", as lp does', () => {
    expect(userDefaultPrinter(lookup({ LPDEST: 'QL-820', PRINTER: 'Office' }, { [mine]: 'Default Other\n' }))).toBe('QL-820');
    expect(userDefaultPrinter(lookup({ PRINTER: 'Office' }, { [mine]: 'Default Other\n' }))).toBe('Office');
    expect(userDefaultPrinter(lookup({ PRINTER: 'lp' }, { [mine]: 'Default Other\n' }))).toBe('Other');
  });

  it("reads the Default line of the user's lpoptions before the system's, without the instance or options", () => {
    const files = { [mine]: 'Dest QL-820 media=Custom.62x100mm\nDefault Brother_QL/labels sides=one-sided\n', [system]: 'Default Office\n' };
    expect(userDefaultPrinter(lookup({}, files))).toBe('Brother_QL');
    expect(userDefaultPrinter(lookup({}, { [system]: 'default Office\n' }))).toBe('Office');
    expect(userDefaultPrinter(lookup({ CUPS_SERVERROOT: '/opt/cups' }, { '/opt/cups/lpoptions': 'Default Venue\n', [system]: 'Default Office\n' }))).toBe('Venue');
  });

  it('says nothing when no variable or file names one, so the scheduler\'s default applies', () => {
    expect(userDefaultPrinter(lookup({}))).toBeUndefined();
    expect(userDefaultPrinter(lookup({ LPDEST: '  ' }, { [mine]: 'Dest QL-820\n' }))).toBeUndefined();
  });
});
