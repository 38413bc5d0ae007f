import { buildZip, type ZipPart } from './zip-writer';

/**
 * Workbooks an organizer could be sent (or an attacker could craft), generated on the fly so no
 * binary is committed. `workbook()` builds a minimal valid XLSX around a sheet's `<sheetData>`;
 * the hostile ones bend one thing each.
 */
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const SHEET_OPEN = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_CLOSE = `</sheetData></worksheet>`;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
}

export function inlineCell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;
}

export function row(r: number, cells: readonly string[]): string {
  return `<row r="${r}">${cells.map((text, i) => inlineCell(`${String.fromCharCode(65 + i)}${r}`, text)).join('')}</row>`;
}

interface WorkbookParts {
  /** The `<sheetData>` content, whole or in chunks. */
  rows: string | (() => Iterable<string>);
  sharedStrings?: ZipPart['content'];
  /** Extra parts or a prolog before the sheet (a DTD). */
  sheetProlog?: string;
  sheetClaimedSize?: number;
  sharedStringsClaimedSize?: number;
  extra?: ZipPart[];
}

export function workbook(parts: WorkbookParts): Buffer {
  const rows = parts.rows;
  const prolog = parts.sheetProlog;
  const sheet: ZipPart['content'] =
    typeof rows === 'string' && !prolog
      ? `${SHEET_OPEN}${rows}${SHEET_CLOSE}`
      : function* () {
          yield prolog ? `${prolog}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` : SHEET_OPEN;
          if (typeof rows === 'string') yield rows;
          else yield* rows();
          yield SHEET_CLOSE;
        };
  return buildZip([
    { name: '[Content_Types].xml', content: CONTENT_TYPES },
    { name: '_rels/.rels', content: ROOT_RELS },
    { name: 'xl/workbook.xml', content: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', content: WORKBOOK_RELS },
    ...(parts.sharedStrings ? [{ name: 'xl/sharedStrings.xml', content: parts.sharedStrings, claimedSize: parts.sharedStringsClaimedSize }] : []),
    { name: 'xl/worksheets/sheet1.xml', content: sheet, claimedSize: parts.sheetClaimedSize },
    ...(parts.extra ?? []),
  ]);
}

const HEADER = ['受付番号', '氏名', 'フリガナ', '会社名', 'メールアドレス'];

/** An ordinary registration list of `n` people. */
export function ordinaryWorkbook(n: number): Buffer {
  return workbook({
    rows: function* () {
      yield row(1, HEADER);
      let chunk = '';
      for (let i = 1; i <= n; i++) {
        chunk += row(i + 1, [`T-${i}`, `山田 花子${i}`, 'ヤマダ ハナコ', `株式会社さくら${i % 97}`, `guest${i}@example.com`]);
        if (chunk.length > 1_000_000) {
          yield chunk;
          chunk = '';
        }
      }
      yield chunk;
    },
  });
}

/** Shared strings of about `megabytes` MB of repetitive text (each `<si>` 1,000 characters). */
function* manySharedStrings(megabytes: number): Iterable<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`;
  const si = `<si><t>${'あ'.repeat(333)}</t></si>`; // ~1 KB in UTF-8
  const block = si.repeat(1000);
  for (let i = 0; i < megabytes; i++) yield block;
  yield '</sst>';
}

/** The header, then `count` small rows without numbers (each one after the last), in 1 MB chunks. */
function* repeatedRows(count: number): Iterable<string> {
  yield row(1, HEADER);
  const perChunk = 10_000;
  const chunk = '<row><c t="inlineStr"><is><t>T</t></is></c><c t="inlineStr"><is><t>N</t></is></c></row>'.repeat(perChunk);
  for (let done = 0; done < count; done += perChunk) yield chunk;
}

export interface HostileFile {
  name: string;
  bytes: () => Buffer;
  /** What must happen: imported (with this many people) or refused with a message matching. */
  outcome: { imports: number } | { refused: RegExp };
}

const LIMIT = (name: string): RegExp => new RegExp(`the import limit \\(${name}\\)`);

export const HOSTILE_WORKBOOKS: HostileFile[] = [
  {
    name: 'absurd-row-numbers.xlsx',
    bytes: () => workbook({ rows: row(1, HEADER) + row(1_048_576, ['T-1', '山田 花子']) + `<row r="99999999999999"><c r="B99999999999999" t="inlineStr"><is><t>林 修</t></is></c></row>` }),
    outcome: { imports: 2 },
  },
  {
    name: 'shared-strings-400mb.xlsx',
    bytes: () => workbook({ rows: row(1, HEADER), sharedStrings: () => manySharedStrings(400) }),
    outcome: { refused: LIMIT('sharedStringBytes') },
  },
  {
    name: 'shared-strings-400mb-size-lies.xlsx',
    bytes: () => workbook({ rows: row(1, HEADER), sharedStrings: () => manySharedStrings(400), sharedStringsClaimedSize: 2_000 }),
    outcome: { refused: /could not be opened/ },
  },
  {
    name: 'zip-bomb-1gb.xlsx',
    bytes: () => workbook({ rows: row(1, HEADER), extra: [{ name: 'xl/media/bomb.bin', content: function* () { const mb = Buffer.alloc(1 << 20); for (let i = 0; i < 1024; i++) yield mb; } }] }),
    outcome: { refused: LIMIT('unpackedBytes') },
  },
  {
    name: 'zip-20000-parts.xlsx',
    bytes: () => workbook({ rows: row(1, HEADER), extra: Array.from({ length: 20_000 }, (_, i) => ({ name: `xl/media/p${i}.bin`, content: '' })) }),
    outcome: { refused: LIMIT('zipEntries') },
  },
  {
    name: 'many-columns.xlsx',
    bytes: () => workbook({ rows: row(1, HEADER) + `<row r="2">${Array.from({ length: 2000 }, (_, i) => `<c t="inlineStr"><is><t>${i}</t></is></c>`).join('')}</row>` }),
    outcome: { refused: LIMIT('columns') },
  },
  {
    name: 'column-xfd.xlsx',
    bytes: () => workbook({ rows: row(1, HEADER) + `<row r="2"><c r="XFD2" t="inlineStr"><is><t>far</t></is></c></row>` }),
    outcome: { refused: LIMIT('columns') },
  },
  {
    name: 'huge-cell-10mb.xlsx',
    bytes: () => workbook({ rows: row(1, HEADER) + `<row r="2">${inlineCell('A2', 'x'.repeat(10_000_000))}</row>` }),
    outcome: { refused: LIMIT('cellCharacters') },
  },
  {
    name: 'rows-600k.xlsx',
    bytes: () => workbook({ rows: () => repeatedRows(600_000) }),
    outcome: { refused: LIMIT('rows') },
  },
  {
    name: 'sheet-800mb-size-lies.xlsx',
    bytes: () => workbook({ rows: () => repeatedRows(10_000_000), sheetClaimedSize: 50_000 }),
    outcome: { refused: /could not be opened/ },
  },
  {
    name: 'xxe.xlsx',
    bytes: () => workbook({ rows: `<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>`, sheetProlog: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` }),
    outcome: { refused: /holds a DTD/ },
  },
  {
    name: 'billion-laughs.xlsx',
    bytes: () =>
      workbook({
        rows: `<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>`,
        sheetProlog: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>`,
      }),
    outcome: { refused: /holds a DTD/ },
  },
  {
    name: 'not-xml-sheet.xlsx',
    bytes: () => buildZip([{ name: 'xl/worksheets/sheet1.xml', content: '\u0000\u0001 not xml <<<' }]),
    outcome: { refused: /could not be opened/ },
  },
];
