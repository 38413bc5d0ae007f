import { describe, expect, it } from 'vitest';
import { lpFailureReason } from '../../electron/core/printing/cups-lp';
import { MusubiError } from '../../shared/errors';
import { unwrap } from '../../shared/api/result';
import { printFailureText } from '../../renderer/src/screens/staff/print-failure';

const t = (key: string, values?: Record<string, string>): string => `<${key}${values && Object.keys(values).length ? ` ${JSON.stringify(values)}` : ''}>`;
const fallback = (): string => '<fallback>';

describe('print failure reasons', () => {
  it("classifies the spooler's common refusals in core, from lp's own (LANG=C) words", () => {
    expect(lpFailureReason('The printer or class does not exist.')).toBe('printer-missing');
    expect(lpFailureReason('Destination "QL" is not accepting jobs.')).toBe('printer-not-accepting');
    expect(lpFailureReason('Unable to connect to server')).toBe('no-spooler');
    expect(lpFailureReason('client-error-document-format-not-supported')).toBeUndefined();
  });

  it('keeps the typed reason and the detail across the API boundary', () => {
    const error = new MusubiError('print-failed', 'The printer is stopped: Out of labels.', 'printer QL', { reason: 'printer-stopped', detail: 'Out of labels' });
    let thrown: unknown;
    try {
      unwrap({ ok: false, error: JSON.parse(JSON.stringify(error.toShape())) as ReturnType<MusubiError['toShape']> });
    } catch (caught) {
      thrown = caught;
    }
    expect(thrown).toMatchObject({ code: 'print-failed', reason: 'printer-stopped', detail: 'Out of labels' });
  });

  it('says each reason in the UI language, whatever the message text', () => {
    const failed = (reason: MusubiError['reason'], detail?: string): MusubiError =>
      new MusubiError('print-failed', 'any words at all', 'printer QL', { reason, detail });
    expect(printFailureText(failed('printer-missing'), t, fallback)).toBe('<badges.printFailed {"reason":"<badges.reasons.missing>"}>');
    expect(printFailureText(failed('printer-stopped', 'Out of labels'), t, fallback)).toBe(
      '<badges.printFailed {"reason":"<badges.reasons.stopped {\\"detail\\":\\"Out of labels\\"}>"}>',
    );
    expect(printFailureText(failed('no-printer'), t, fallback)).toBe('<badges.noPrinter>');
  });

  it('passes an unclassified print failure through as the OS said it, and other errors to the fallback', () => {
    expect(printFailureText(new MusubiError('print-failed', 'Paper jam in tray 2'), t, fallback)).toBe('<badges.printFailed {"reason":"Paper jam in tray 2"}>');
    expect(printFailureText(new MusubiError('conflict', 'nope'), t, fallback)).toBe('<fallback>');
    expect(printFailureText(new Error('x'), t, fallback)).toBe('<fallback>');
  });
});
