import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { areaFromHash } from '../../renderer/src/areas';
import { textColourOn } from '../../shared/domain/colour';
import { neutralizeFormula } from '../../electron/core/export/formula-guard';
import { encodeCp932, mapForShiftJis } from '../../electron/core/export/shift-jis';

describe('formula injection guard (OWASP)', () => {
  it.each(['=1+1', '+81 3 1234', '-2', '@SUM(A1)', '\tx', '\rx'])('quotes %j', (value) => {
    expect(neutralizeFormula(value)).toBe(`'${value}`);
  });
  it.each(['山田', 'a=b', ' =x', '', '81-3'])('leaves %j alone', (value) => {
    expect(neutralizeFormula(value)).toBe(value);
  });
});

describe('Shift_JIS (CP932) mapping', () => {
  it('maps the JIS/Microsoft look-alikes to what CP932 holds, round-trip exact', () => {
    const { text, unmappable } = mapForShiftJis('〜−—‖¢£¬');
    expect(unmappable).toEqual([]);
    expect(iconv.decode(encodeCp932(text), 'cp932')).toBe('～－―∥￠￡￢');
  });

  it('keeps what CP932 has (①, Ⅰ, ㈱, 髙, 﨑, half-width kana) unchanged', () => {
    const sample = '①Ⅰ㈱髙﨑ｶﾅ';
    expect(mapForShiftJis(sample)).toEqual({ text: sample, unmappable: [] });
  });

  it('uses compatibility forms, and reports the rest as 〓 instead of "?"', () => {
    expect(mapForShiftJis('㉑').text).toBe('21');
    expect(mapForShiftJis('𠮷野家').text).toBe('吉野家');
    const { text, unmappable } = mapForShiftJis('Zoë 🎉');
    expect(text).toBe('Zo〓 〓');
    expect(unmappable).toEqual(['ë', '🎉']);
    expect(iconv.decode(encodeCp932(text), 'cp932')).not.toContain('?');
  });
});

describe('room view and chart helpers', () => {
  it('opens the room view from #/room', () => {
    expect(areaFromHash('#/room')).toBe('room');
  });
  it('writes dark text on light badge colours and white on dark ones', () => {
    expect(textColourOn('#F0E442')).toBe('#000000');
    expect(textColourOn('#000000')).toBe('#FFFFFF');
    // Mid-tones, where a brightness rule and WCAG contrast disagree: contrast decides.
    expect(textColourOn('#D55E00')).toBe('#000000');
    expect(textColourOn('#0072B2')).toBe('#FFFFFF');
  });
});
