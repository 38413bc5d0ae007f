import { describe, expect, it } from 'vitest';
import { stripCompanyForms } from '../../shared/text/company';
import { foldKanjiVariants } from '../../shared/text/kanji-variants';
import { normalizeForSearch } from '../../shared/text/normalize';
import { kanaWordToLooseRomaji, looseRomaji } from '../../shared/text/romaji';
import { keysMatch, rankOf, searchKeysOf, searchQueryOf } from '../../shared/text/search-keys';

const kohno = searchKeysOf({ ticketCode: 'MU-000123-KX', name: '河野 翔太', nameKana: 'コウノ ショウタ', company: '株式会社みらいテック', email: 'shota.kono@example.jp' });
const matches = (query: string, keys = kohno): boolean => keysMatch(keys, searchQueryOf(query));

describe('search text', () => {
  it('folds variant kanji to the common form', () => {
    expect(foldKanjiVariants('髙橋 山﨑 齋藤 渡邉 澤田 濱口 廣田 德川 𠮷田')).toBe('高橋 山崎 斎藤 渡辺 沢田 浜口 広田 徳川 吉田');
  });

  it('ignores width, case, spaces and the hyphens of ticket codes', () => {
    expect(normalizeForSearch('ＭＵ－000123－ｋｘ')).toBe('mu000123kx');
    expect(normalizeForSearch('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe('やまだたろう');
  });

  it.each([
    ['kouno', 'kono'],
    ['kohno', 'kono'],
    ['kōno', 'kono'],
    ['shimizu', 'simizu'],
    ['tsuda', 'tuda'],
    ['oono', 'ono'],
    ['ohno', 'ono'],
    ['shouta', 'syota'],
    ["ken'ichi", 'keniti'],
    ['homma', 'honma'],
    ['hattori', 'hatori'],
  ])('loose romaji of %s is %s', (typed, key) => {
    expect(looseRomaji(typed)).toBe(key);
  });

  it('gives kana readings the same loose key as the spellings people type', () => {
    expect(kanaWordToLooseRomaji('こうの')).toBe(looseRomaji('kohno'));
    expect(kanaWordToLooseRomaji('おおの')).toBe(looseRomaji('ohno'));
    expect(kanaWordToLooseRomaji('つじ')).toBe(looseRomaji('tuji'));
    expect(kanaWordToLooseRomaji('しみず')).toBe(looseRomaji('simizu'));
  });

  it('strips company legal forms', () => {
    expect(stripCompanyForms('株式会社ABC').trim()).toBe('abc');
    expect(stripCompanyForms('ABC㈱').trim()).toBe('abc');
    expect(stripCompanyForms('Blue Ocean Foods Co., Ltd.').replace(/\s+/g, ' ').trim()).toBe('blue ocean foods');
  });

  it.each(['河野翔太', '河野 翔太', '河野', '河', 'こうの', 'コウノ', 'ｺｳﾉ', 'kono', 'kouno', 'kohno', 'kōno', 'Kono Shota', 'syouta', 'みらいテック', '株式会社みらいテック', '(株)みらいテック', 'shota.kono@', 'example.jp', 'mu-000123-kx', 'MU000123KX'])(
    'finds 河野 翔太 by %s',
    (query) => {
      expect(matches(query)).toBe(true);
    },
  );

  it('finds nothing for a name that is not there', () => {
    expect(matches('佐藤')).toBe(false);
    expect(matches('tanaka')).toBe(false);
  });

  it('ranks an exact ticket code first, then a name or reading prefix, then other matches', () => {
    expect(rankOf(kohno, searchQueryOf('mu-000123-KX'))).toBe(0);
    expect(rankOf(kohno, searchQueryOf('河野'))).toBe(1);
    expect(rankOf(kohno, searchQueryOf('翔太'))).toBe(1);
    expect(rankOf(kohno, searchQueryOf('kouno'))).toBe(1);
    expect(rankOf(kohno, searchQueryOf('みらい'))).toBe(2);
  });
});
