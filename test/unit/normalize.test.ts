import { describe, expect, it } from 'vitest';
import { katakanaToHiragana, normalizeForSearch } from '../../shared/text/normalize';

describe('search normalisation', () => {
  it.each([
    ['ヤマダ タロウ', 'やまだたろう'],
    ['ﾔﾏﾀﾞ', 'やまだ'],
    ['ＡＢＣ　Ｄｅｆ', 'abcdef'],
    ['Yamada@Example.COM', 'yamada@example.com'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });

  it('leaves kanji and hiragana alone', () => {
    expect(katakanaToHiragana('山田やまだ')).toBe('山田やまだ');
  });
});
