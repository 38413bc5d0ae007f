import { describe, expect, it } from 'vitest';
import { printerReason } from '../../renderer/src/screens/staff/useBadgePrinting';

describe('print failure reasons shown to staff', () => {
  const t = (key: string, values?: Record<string, string>): string => `<${key}${values ? ` ${JSON.stringify(values)}` : ''}>`;

  it("says the spooler's common refusals in the UI language", () => {
    expect(printerReason('The printer or class does not exist.', t)).toBe('<badges.reasons.missing>');
    expect(printerReason('Destination "QL" is not accepting jobs.', t)).toBe('<badges.reasons.notAccepting>');
    expect(printerReason('Unable to connect to server', t)).toBe('<badges.reasons.noSpooler>');
    expect(printerReason('The printer is stopped: Out of labels.', t)).toBe('<badges.reasons.stopped {"detail":"Out of labels"}>');
  });

  it('passes any other reason through as the OS said it', () => {
    expect(printerReason('Printing is not supported yet on Windows.', t)).toBe('Printing is not supported yet on Windows.');
  });
});
