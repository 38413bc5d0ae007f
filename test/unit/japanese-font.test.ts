import { describe, expect, it } from 'vitest';
import { japaneseFont, missingCharacters } from '../../electron/core/pdf/japanese-font';

describe('bundled Japanese font', () => {
  it('is read once and reused', () => {
    expect(japaneseFont('regular')).toBe(japaneseFont('regular'));
    expect(japaneseFont('bold').length).toBeGreaterThan(1_000_000);
  });

  it('covers Japanese and Latin names, including variant kanji', () => {
    expect(missingCharacters('髙橋 﨑山 齋藤 渡邊 Zoë Müller ＡＢＣ ｶﾀｶﾅ')).toEqual([]);
  });

  it('reports characters it cannot draw instead of printing tofu', () => {
    expect(missingCharacters('山田 🦄 太郎 𠀋')).toEqual(expect.arrayContaining(['🦄']));
    expect(missingCharacters('山田 🦄 太郎')).not.toContain('山');
  });
});
