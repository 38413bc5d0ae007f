import { describe, expect, it } from 'vitest';
import { readEntries } from '../../electron/core/log/append';
import type { ImportInput } from '../../shared/api/methods/import';
import { cp932, decodeAll, ENGLISH_HEADER_LIST, eucJp, JAPANESE_LIST, koi8, mixedUtf8AndCp932, utf16 } from '../helpers/encoded-files';
import { openTestStation } from '../helpers/service';

function input(fileName: string, bytes: Buffer): ImportInput {
  return { fileName, contentBase64: bytes.toString('base64') };
}

describe('reading the encodings organizers bring', () => {
  const cases: [string, Buffer, string][] = [
    ['UTF-16 LE with a BOM', utf16(JAPANESE_LIST, 'le', true), 'utf-16le'],
    ['UTF-16 BE with a BOM', utf16(JAPANESE_LIST, 'be', true), 'utf-16be'],
    ['UTF-16 LE without a BOM', utf16(JAPANESE_LIST, 'le', false), 'utf-16le'],
    ['UTF-16 BE without a BOM', utf16(JAPANESE_LIST, 'be', false), 'utf-16be'],
    ['EUC-JP', eucJp(JAPANESE_LIST), 'euc-jp'],
    ['CP932', cp932(JAPANESE_LIST), 'cp932'],
    ['UTF-8', Buffer.from(JAPANESE_LIST), 'utf-8'],
  ];
  for (const [label, bytes, encoding] of cases) {
    it(`imports ${label} with the names intact`, async () => {
      const station = openTestStation();
      const preview = await station.service.api.previewImport(input('list.csv', bytes));
      expect(preview.encoding).toBe(encoding);
      expect(preview.problems).toEqual([]);
      const summary = await station.service.api.commitImport(input('list.csv', bytes));
      expect(summary.imported).toBe(3);
      const found = (await station.service.api.searchAttendees({ query: 'T-2', limit: 5 })).items[0];
      expect(found).toMatchObject({ name: '髙橋 健一', nameKana: 'タカハシ ケンイチ', company: '東京フード' });
      station.close();
    });
  }

  it('reads EUC-JP with an English header as Japanese, not as half-width katakana', async () => {
    const station = openTestStation();
    await station.service.api.commitImport(input('old-system.csv', eucJp(ENGLISH_HEADER_LIST)));
    const found = (await station.service.api.searchAttendees({ query: 'T-1', limit: 5 })).items[0];
    expect(found?.name).toBe('山田花子');
    station.close();
  });

  it('refuses a file mixing UTF-8 and CP932 lines, naming the first line that differs', async () => {
    const station = openTestStation();
    const preview = await station.service.api.previewImport(input('pasted.csv', mixedUtf8AndCp932()));
    expect(preview.problems[0]).toMatchObject({ code: 'mixed-encoding', severity: 'error', row: 0, value: '3' });
    expect(preview.problems[0]?.message).toMatch(/pasted\.csv mixes encodings: line 1 is UTF-8 but line 3 is Shift_JIS/);
    await expect(station.service.api.commitImport(input('pasted.csv', mixedUtf8AndCp932()))).rejects.toThrow(/line 3/);
    expect(readEntries(station.db)).toHaveLength(0);
    station.close();
  });

  it('says the file is in another encoding when the header reads as mojibake, instead of "no name column"', async () => {
    const station = openTestStation();
    const bytes = koi8('Номер,Имя,Компания\n1,Иван,Ромашка\n2,Пётр,Лютик\n');
    // KOI8-R Cyrillic read as CP932 is half-width katakana throughout.
    expect((await decodeAll(bytes)).text).toMatch(/[\uff61-\uff9f]{3}/);
    const preview = await station.service.api.previewImport(input('russian.csv', bytes));
    expect(preview.problems.map((p) => p.code)).toEqual(['wrong-encoding']);
    expect(preview.problems[0]?.message).toMatch(/^russian\.csv looks like a file in another encoding; the header reads “.+”\. Save it as UTF-8 or Shift_JIS\.$/);
    await expect(station.service.api.commitImport(input('russian.csv', bytes))).rejects.toThrow(/another encoding/);
    station.close();
  });
});

describe('headers and names that would be lost without a word', () => {
  it('reports a repeated header and offers both columns in the mapping', async () => {
    const station = openTestStation();
    const csv = '氏名,メールアドレス,メールアドレス\n山田花子,a@example.com,b@example.com\n';
    const preview = await station.service.api.previewImport(input('dup.csv', Buffer.from(csv)));
    expect(preview.headers).toEqual(['氏名', 'メールアドレス', 'メールアドレス']);
    expect(preview.mapping).toEqual(['name', 'email', 'ignore']);
    expect(preview.problems).toEqual([expect.objectContaining({ code: 'duplicate-header', severity: 'warning', row: 1, column: 'メールアドレス', value: 'B' })]);
    const chosen = await station.service.api.previewImport({ ...input('dup.csv', Buffer.from(csv)), mapping: ['name', 'email', 'note'] });
    expect(chosen.counts.new).toBe(1);
    station.close();
  });

  it('refuses a name made only of invisible characters, with row and column', async () => {
    const station = openTestStation();
    const csv = ['氏名,会社名', '\u200b\u200b,さくら', '\u00a0\u00a0,みらい', '\ufeff\u2060,ひかり', '山田花子,さくら'].join('\n');
    const summary = await station.service.api.commitImport(input('blank.csv', Buffer.from(csv)));
    expect(summary.imported).toBe(1);
    expect(summary.problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ['invisible-name', 2, '氏名'],
      ['invisible-name', 3, '氏名'],
      ['invisible-name', 4, '氏名'],
    ]);
    station.close();
  });
});
