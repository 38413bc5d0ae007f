import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ticketCodeCandidates, ticketCodeFromPayload } from '../../shared/text/ticket-payload';

/** A roster of ticket codes → attendee ids, compared without case like the database does. */
function roster(entries: Record<string, string>): (code: string) => string | undefined {
  const byCode = new Map(Object.entries(entries).map(([code, id]) => [code.toLowerCase(), id]));
  return (code) => byCode.get(code.toLowerCase());
}

const holder = roster({ 'PX-2026-0042': 'hanako', '1234567': 'taro', '98765432101234567001': 'ken' });

describe('ticket code in a scanned payload', () => {
  it.each([
    ['the plain code', 'PX-2026-0042', 'PX-2026-0042'],
    ['full-width from a scanner in the wrong keyboard mode', 'ＰＸ－２０２６－００４２', 'PX-2026-0042'],
    ['surrounding space and a newline', '  px-2026-0042\r\n', 'px-2026-0042'],
    ['a reception-ticket URL ending in the receipt number', 'https://example.connpass.com/event/345678/ticket/1234567/', '1234567'],
    ['a URL with the code in the query', 'https://tickets.example/checkin?event=88&ticket=PX-2026-0042', 'PX-2026-0042'],
    ['a URL with the code in the fragment', 'https://tickets.example/t#PX-2026-0042', 'PX-2026-0042'],
    ['a percent-encoded code', 'https://tickets.example/t/PX%2D2026%2D0042', 'PX-2026-0042'],
    ['a long numeric barcode', '98765432101234567001', '98765432101234567001'],
    ['text around the code', 'Ticket: PX-2026-0042 (General admission)', 'PX-2026-0042'],
    ['a Japanese label', '受付番号：1234567', '1234567'],
    ['a code glued to a prefix', 'EB98765432101234567001', '98765432101234567001'],
    ['a non-web scheme', 'ticket:PX-2026-0042', 'PX-2026-0042'],
  ])('finds %s', (_label, payload, expected) => {
    expect(ticketCodeFromPayload(payload, holder)?.toLowerCase()).toBe(expected.toLowerCase());
  });

  it('finds nobody for a code nobody holds, and for a payload naming two people', () => {
    expect(ticketCodeFromPayload('PX-2026-9999', holder)).toBeUndefined();
    expect(ticketCodeFromPayload('https://tickets.example/x/PX-2026-0042/1234567', holder)).toBeUndefined();
    expect(ticketCodeFromPayload('https://%zz', holder)).toBeUndefined();
  });

  it('never returns a code the roster does not hold', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (payload) => {
        const code = ticketCodeFromPayload(payload, holder);
        expect(code === undefined || holder(code) !== undefined).toBe(true);
      }),
    );
  });

  it('finds any code embedded in the usual payload shapes', () => {
    const code = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{2,30}$/);
    const shape = fc.constantFrom(
      (c: string) => c,
      (c: string) => `https://events.example/e/123/tickets/${encodeURIComponent(c)}`,
      (c: string) => `https://events.example/checkin?code=${encodeURIComponent(c)}&lang=ja`,
      (c: string) => `Your ticket ${c} — see you there`,
    );
    fc.assert(
      fc.property(code, shape, (c, wrap) => {
        expect(ticketCodeCandidates(wrap(c))).toContain(c);
        expect(ticketCodeFromPayload(wrap(c), roster({ [c]: 'one' }))).toBe(c);
      }),
    );
  });

  it('keeps the candidate list short for a long payload', () => {
    expect(ticketCodeCandidates(Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ')).length).toBeLessThanOrEqual(24);
  });
});
