import { describe, expect, it } from 'vitest';
import { PIECE_BYTES } from '../../electron/core/import/decode';
import { readCsv } from '../../electron/core/import/read-csv';
import { allBatches } from '../../electron/core/import/table-stream';
import { readEntries } from '../../electron/core/log/append';
import type { ImportInput } from '../../shared/api/methods/import';
import { cp932, decodeAll, eucJp, JAPANESE_LIST, utf16 } from '../helpers/encoded-files';
import { openTestStation } from '../helpers/service';

/**
 * Every encoding is decoded a piece at a time (decode.ts): a character, a CRLF or a BOM cut by a
 * piece's end must read as if the file had been decoded whole, and a mixed file's differing line
 * must be found however far down it is.
 */

const ENCODINGS: [string, (text: string) => Buffer][] = [
  ['UTF-8', (text) => Buffer.from(text)],
  ['UTF-8 with a BOM', (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
  ['UTF-16 LE with a BOM', (text) => utf16(text, 'le', true)],
  ['UTF-16 BE with a BOM', (text) => utf16(text, 'be', true)],
  ['UTF-16 LE without a BOM', (text) => utf16(text, 'le', false)],
  ['UTF-16 BE without a BOM', (text) => utf16(text, 'be', false)],
  ['CP932', cp932],
  ['EUC-JP', eucJp],
];

// 1 to 9 bytes: every way a 2-, 3- and 4-byte character, a CRLF and a 2- or 3-byte BOM can be cut
// (a piece of 2 or 3 bytes is the BOM alone); 64 and 333: a few pieces per line.
const PIECE_SIZES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 64, 333];

function input(fileName: string, bytes: Buffer): ImportInput {
  return { fileName, contentBase64: bytes.toString('base64') };
}

async function records(bytes: Buffer, pieceBytes: number): Promise<string[][]> {
  const table = await readCsv('list.csv', bytes, pieceBytes);
  const all: string[][] = [];
  for await (const batch of allBatches(table)) all.push(...batch.records);
  await table.close();
  return all;
}

describe('decoding a piece at a time', () => {
  // A character outside the BMP (a surrogate pair in UTF-16, 4 bytes in UTF-8) where the encoding has one.
  const withEmoji = `${JAPANESE_LIST}\r\nT-4,𠮷野 家,ヨシノ ヤ,🍣商事,yoshino@example.com\r\n`;
  for (const [label, encode] of ENCODINGS) {
    const text = label === 'CP932' || label === 'EUC-JP' ? `${JAPANESE_LIST}\r\n` : withEmoji;
    it(`reads ${label} the same whatever the piece size`, async () => {
      const bytes = encode(text);
      for (const size of PIECE_SIZES) {
        const decoded = await decodeAll(bytes, size);
        expect(decoded.text, `pieces of ${size} bytes`).toBe(text);
        expect(await records(bytes, size), `pieces of ${size} bytes`).toEqual(text.trimEnd().split('\r\n').map((line) => line.split(',')));
      }
    });
  }

  it('reads a file whose every field is quoted, whatever piece ends after a closing quote', async () => {
    // Papa Parse calls a chunk ending in a closing quote and a lone CR an invalid quote.
    const text = '"氏名","会社名"\r\n"山田 花子","さくら"\r\n"佐藤 翼","みらい"\r\n';
    for (const size of PIECE_SIZES) {
      expect(await records(Buffer.from(text), size), `pieces of ${size} bytes`).toEqual([
        ['氏名', '会社名'],
        ['山田 花子', 'さくら'],
        ['佐藤 翼', 'みらい'],
      ]);
    }
  });

  it('keeps a quoted line break that a piece ends inside', async () => {
    const text = '氏名,メモ\r\n山田 花子,"一行目\r\n二行目"\r\n佐藤 翼,なし\r\n';
    for (const size of PIECE_SIZES) {
      expect(await records(cp932(text), size)).toEqual([
        ['氏名', 'メモ'],
        ['山田 花子', '一行目\r\n二行目'],
        ['佐藤 翼', 'なし'],
      ]);
    }
  });
});

/** A registration list of `n` people in Japanese, long enough to span many pieces. */
function longList(n: number): string[] {
  const lines = ['受付番号,氏名,フリガナ,会社名,メールアドレス'];
  for (let i = 1; i <= n; i++) lines.push(`T-${i},髙橋 健一${i},タカハシ ケンイチ,東京フード${i % 7},p${i}@example.com`);
  return lines;
}

describe('long files in the legacy encodings and UTF-16', () => {
  for (const [label, encode, encoding] of [
    ['CP932', cp932, 'cp932'],
    ['EUC-JP', eucJp, 'euc-jp'],
    ['UTF-16 BE without a BOM', (text: string) => utf16(text, 'be', false), 'utf-16be'],
  ] as const) {
    it(`imports 3,000 people from ${label}, over many pieces, with every name intact`, async () => {
      const bytes = encode(`${longList(3000).join('\r\n')}\r\n`);
      expect(bytes.length).toBeGreaterThan(4 * PIECE_BYTES);
      const station = openTestStation();
      const summary = await station.service.api.commitImport(input('long.csv', bytes));
      expect(summary).toMatchObject({ imported: 3000, skipped: 0, problems: [] });
      const last = (await station.service.api.searchAttendees({ query: 'T-3000', limit: 5 })).items[0];
      expect(last).toMatchObject({ name: '髙橋 健一3000', company: '東京フード4' });
      const preview = await station.service.api.previewImport(input('long.csv', bytes));
      expect(preview.encoding).toBe(encoding);
      station.close();
    });
  }

  it('reports only the cell whose CP932 bytes cannot be read, far down a long file', async () => {
    const lines = longList(2000);
    const before = cp932(`${lines.slice(0, 1800).join('\r\n')}\r\nT-X,`);
    // 0x81 0x20 is a lead byte followed by a space: no CP932 character.
    const broken = Buffer.concat([before, Buffer.from([0x81, 0x20]), cp932(`,ヤマダ,さくら,x@example.com\r\n${lines.slice(1800).join('\r\n')}\r\n`)]);
    const station = openTestStation();
    const summary = await station.service.api.commitImport(input('broken.csv', broken));
    expect(summary.imported).toBe(2000); // 2,000 people and the broken row
    expect(summary.problems.map((p) => [p.code, p.row, p.column])).toEqual([['undecodable', 1801, '氏名']]);
    station.close();
  });
});

describe('a mixed file whose differing line is far down', () => {
  it('is refused naming the first CP932 line, past the first pieces, and nothing is written', async () => {
    const lines = longList(4000);
    const bytes = Buffer.concat([Buffer.from(`${lines.slice(0, 3001).join('\r\n')}\r\n`), cp932(`${lines.slice(3001).join('\r\n')}\r\n`)]);
    expect(Buffer.byteLength(lines.slice(0, 3001).join('\r\n'))).toBeGreaterThan(4 * PIECE_BYTES);
    const station = openTestStation();
    const preview = await station.service.api.previewImport(input('pasted.csv', bytes));
    expect(preview.problems[0]).toMatchObject({ code: 'mixed-encoding', severity: 'error', row: 0, value: '3002' });
    expect(preview.problems[0]?.message).toMatch(/^pasted\.csv mixes encodings: line 1 is UTF-8 but line 3002 is Shift_JIS/);
    await expect(station.service.api.commitImport(input('pasted.csv', bytes))).rejects.toThrow(/pasted\.csv mixes encodings: line 1 is UTF-8 but line 3002/);
    expect(readEntries(station.db)).toHaveLength(0);
    station.close();
  });

  it('names the first UTF-8 line when a CP932 file has UTF-8 lines appended', async () => {
    const lines = longList(4000);
    const bytes = Buffer.concat([cp932(`${lines.slice(0, 3500).join('\r\n')}\r\n`), Buffer.from(`${lines.slice(3500).join('\r\n')}\r\n`)]);
    const station = openTestStation();
    const preview = await station.service.api.previewImport(input('pasted.csv', bytes));
    expect(preview.problems[0]?.message).toMatch(/line 1 is Shift_JIS \(CP932\) but line 3501 is UTF-8/);
    station.close();
  });
});
