import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { MusubiError } from '../../shared/errors';
import { inlineCell, workbook } from '../helpers/hostile-workbooks';
import { openTestStation } from '../helpers/service';

/**
 * Whatever bytes an organizer picks, the importer imports them or refuses them with an error that
 * names the file (and the line, row or column where it applies); it never throws anything else,
 * and a refusal writes nothing (the log and the tables are checked, not the return value).
 */
const station = openTestStation();
afterAll(() => station.close());

function counts(): { entries: number; attendees: number } {
  return station.db.prepare('SELECT (SELECT count(*) FROM entries) AS entries, (SELECT count(*) FROM attendees) AS attendees').get() as {
    entries: number;
    attendees: number;
  };
}

const cell = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('氏名', 'お名前', 'Name', 'メールアドレス', '受付番号', '山田 花子', '髙橋', 'ﾔﾏﾀﾞ', '"', ',', '\n', '\u200b', '\ufeff', ''),
);
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 0, maxLength: 8 });
const csvText = fc.tuple(table, fc.constantFrom(',', '\t', ';'), fc.constantFrom('\n', '\r\n')).map(([rows, d, nl]) => rows.map((r) => r.join(d)).join(nl));
const encoded = fc.tuple(csvText, fc.constantFrom('utf8', 'cp932', 'euc-jp', 'utf16le', 'utf16be'), fc.boolean()).map(([text, encoding, bom]) => {
  const body = encoding === 'utf16be' ? Buffer.from(text, 'utf16le').swap16() : iconv.encode(text, encoding);
  const mark = !bom ? [] : encoding === 'utf8' ? [0xef, 0xbb, 0xbf] : encoding === 'utf16le' ? [0xff, 0xfe] : encoding === 'utf16be' ? [0xfe, 0xff] : [];
  return Buffer.concat([Buffer.from(mark), body]);
});
const sheet = fc.tuple(table, fc.nat({ max: 1_100_000 }), fc.option(fc.nat(), { nil: undefined })).map(([rows, offset, cut]) => {
  const xml = rows
    .map((r, i) => `<row r="${i + 1 + (i % 2) * offset}">${r.map((text, c) => inlineCell(`${String.fromCharCode(65 + c)}${i + 1}`, text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''))).join('')}</row>`) // eslint-disable-line no-control-regex
    .join('');
  const bytes = workbook({ rows: xml });
  return cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length);
});
const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 600 }).map((a) => Buffer.from(a)),
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(a)])),
  encoded,
  sheet,
);

describe('any bytes given to the importer', () => {
  it('import, or are refused naming the file, and a refusal writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, fc.constantFrom('list.csv', 'list.xlsx', 'list.txt'), async (bytes, fileName) => {
        const before = counts();
        const input = { fileName, contentBase64: bytes.toString('base64') };
        try {
          const summary = await station.service.api.commitImport(input);
          const after = counts();
          expect(after.attendees - before.attendees).toBe(summary.imported);
          for (const problem of summary.problems) {
            expect(problem.where.startsWith(fileName)).toBe(true);
            if (problem.row > 0) expect(problem.where).toContain(`row ${problem.row}`);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(MusubiError);
          expect((error as MusubiError).code).toBe('import-failed');
          expect((error as MusubiError).message).toContain(fileName);
          expect(counts()).toEqual(before);
        }
      }),
      { numRuns: 300, seed: 15 },
    );
  }, 120_000);
});
