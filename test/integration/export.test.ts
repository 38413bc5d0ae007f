import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { exportOptionsSchema } from '../../shared/api/methods/export';
import { exportAttendance, writePrivateFile } from '../../electron/core/export/attendance-export';
import { seedEvent } from '../helpers/attendance';
import { runMusubi } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

const options = (input: object) => exportOptionsSchema.parse(input);

async function exportToFile(format: 'csv' | 'csv-sjis' | 'xlsx' | 'pdf', extra: object = {}) {
  const { station } = await seedEvent();
  const result = await exportAttendance(station.db, options({ format, ...extra }));
  const file = path.join(tempDir(), result.fileName);
  writePrivateFile(file, result.bytes);
  station.close();
  return { file, result };
}

function records(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: false });
}

describe('attendance export, read back from real files', () => {
  it('writes UTF-8 CSV with a BOM that a CSV parser reads back cell for cell', async () => {
    const { file, result } = await exportToFile('csv');
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(result.fileName).toMatch(/\.csv$/);
    const rows = records(bytes.toString('utf8'));
    expect(rows).toHaveLength(6);
    // Default columns: no e-mail.
    expect(Object.keys(rows[0] ?? {})).not.toContain('メールアドレス');
    expect(Object.keys(rows[0] ?? {})).toEqual(expect.arrayContaining(['受付番号', '氏名', 'ふりがな', '受付状況', '重複受付']));
    const byCode = new Map(rows.map((r) => [r['受付番号'], r]));
    expect(byCode.get('TK-002')?.['会社名']).toBe('Acme, "Robotics"\n第二工場');
    expect(byCode.get('TK-001')).toMatchObject({ 氏名: '山田 太郎', 受付状況: '受付済', 受付場所: 'Door A', 名札印刷数: '2', 重複受付: 'あり' });
    expect(byCode.get('TK-001')?.['業種']).toBe('IT・通信');
    expect(byCode.get('TK-001')?.['参加目的']).toBe('アイデア創出、採用');
    expect(byCode.get('TK-005')).toMatchObject({ 受付状況: '未受付', 受付時刻: '' });
    expect(rows.find((r) => r['氏名'] === '飛び込み 花子')?.['受付状況']).toBe('当日参加');
    expect(byCode.get('TK-001')?.['受付時刻']).toMatch(/^2026-11-2\d \d\d:\d\d$/);
  });

  it('writes cells that start like a formula as text (OWASP), in CSV', async () => {
    const { file } = await exportToFile('csv');
    const rows = records(fs.readFileSync(file, 'utf8'));
    const byCode = new Map(rows.map((r) => [r['受付番号'], r]));
    expect(byCode.get('TK-002')?.['氏名']).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(byCode.get('TK-003')?.['会社名']).toBe("'@risk 株式会社");
    expect(byCode.get('TK-004')?.['会社名']).toBe("'+81 Labs");
    for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('sorts by reading (katakana and hiragana together), people without a reading last', async () => {
    const { file } = await exportToFile('csv');
    const names = records(fs.readFileSync(file, 'utf8')).map((r) => r['ふりがな']);
    expect(names).toEqual(['あいだ みつ', 'いとう', 'たかはし さきこ', 'とびこみ はなこ', 'ヤマダ タロウ', '']);
  });

  it('chooses columns and leaves out no-shows when asked', async () => {
    const { file } = await exportToFile('csv', { columns: ['ticketCode', 'name', 'email'], includeNoShows: false });
    const rows = records(fs.readFileSync(file, 'utf8'));
    expect(Object.keys(rows[0] ?? {})).toEqual(['受付番号', '氏名', 'メールアドレス']);
    expect(rows.map((r) => r['受付番号'])).not.toContain('TK-005');
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r['受付番号'] === 'TK-001')?.['メールアドレス']).toBe('taro@example.com');
  });

  it('writes Shift_JIS (CP932): maps 〜 − to their Windows forms, keeps ① 髙 﨑, reports the rest', async () => {
    const { file, result } = await exportToFile('csv-sjis');
    const bytes = fs.readFileSync(file);
    expect(bytes[0]).not.toBe(0xef);
    const text = iconv.decode(bytes, 'cp932');
    expect(text).not.toContain('?');
    const byCode = new Map(records(text).map((r) => [r['受付番号'], r]));
    expect(byCode.get('TK-003')).toMatchObject({ 氏名: '髙橋 﨑子', 役職: '課長～部長代理－補佐' });
    expect(byCode.get('TK-004')?.['役職']).toBe('21世紀室長');
    expect(byCode.get('TK-004')?.['氏名']).toBe('Zo〓 〓 M〓ller');
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ column: '氏名', character: '😀', codePoint: 'U+1F600' }),
        expect.objectContaining({ column: '氏名', character: 'ë' }),
      ]),
    );
    const zoeRow = records(text).findIndex((r) => r['受付番号'] === 'TK-004') + 1;
    expect(result.warnings.every((w) => w.row === zoeRow)).toBe(true);
  });

  it('writes XLSX with an attendee sheet, a check-in sheet and the partner figures; formula-like cells stay text', async () => {
    const { file } = await exportToFile('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['参加者', '受付履歴', '交流相手の紹介']);
    const sheet = workbook.getWorksheet('参加者');
    const headers = (sheet?.getRow(1).values as unknown[]).slice(1);
    const rows: Record<string, unknown>[] = [];
    sheet?.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as unknown[]).slice(1);
      rows.push(Object.fromEntries(headers.map((h, i) => [String(h), values[i]])));
    });
    expect(rows).toHaveLength(6);
    const evil = rows.find((r) => r['受付番号'] === 'TK-002');
    expect(evil?.['氏名']).toBe(`'=HYPERLINK("http://evil.example","click")`);
    sheet?.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    expect(rows.find((r) => r['受付番号'] === 'TK-001')).toMatchObject({ 名札印刷数: 2, 重複受付: 'あり', 受付状況: '受付済' });
    const events = workbook.getWorksheet('受付履歴');
    const states: string[] = [];
    events?.eachRow((row, n) => n > 1 && states.push(String(row.getCell(6).value)));
    expect(states.filter((s) => s === '受付')).toHaveLength(5);
    expect(states).toContain('重複');
    const sources: string[] = [];
    events?.eachRow((row, n) => n > 1 && sources.push(String(row.getCell(5).value)));
    expect(sources).toEqual(expect.arrayContaining(['QRコード', '当日参加']));
  });

  it('writes a PDF roster in the Japanese font, sorted by reading, that pdftotext reads back', async () => {
    const { file, result } = await exportToFile('pdf', { columns: ['ticketCode', 'name', 'nameKana', 'company', 'status', 'station'] });
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('異業種交流会 秋');
    expect(text).toContain('髙橋 﨑子');
    expect(text).toContain('受付済');
    const order = ['相田 みつ', '髙橋 﨑子', '飛び込み 花子', '山田 太郎'].map((n) => text.indexOf(n));
    expect(order.every((pos) => pos >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(result.warnings.map((w) => w.character)).toContain('😀');
  });

  it('musubi export writes a private file in each format from the command line', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'event.db');
    const { station } = await seedEvent(dbFile);
    station.close();
    for (const format of ['csv', 'csv-sjis', 'xlsx', 'pdf']) {
      const out = path.join(dir, `list-${format}`);
      const run = await runMusubi(['export', '--db', dbFile, '--format', format, '--out', out, '--columns', 'ticketCode,name,email']);
      expect(run.code, run.stderr).toBe(0);
      expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    }
    const csv = records(fs.readFileSync(path.join(dir, 'list-csv'), 'utf8'));
    expect(Object.keys(csv[0] ?? {})).toEqual(['受付番号', '氏名', 'メールアドレス']);
    const sjis = await runMusubi(['export', '--db', dbFile, '--format', 'csv-sjis', '--out', path.join(dir, 'x.csv')]);
    expect(sjis.stderr).toMatch(/row \d+, column "氏名": 😀 \(U\+1F600\)/);
    const bad = await runMusubi(['export', '--db', dbFile, '--out', path.join(dir, 'y.csv'), '--columns', 'name,shoeSize']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/unknown column shoeSize/);
    expect(fs.existsSync(path.join(dir, 'y.csv'))).toBe(false);
    const typo = await runMusubi(['export', '--db', path.join(dir, 'evnet.db'), '--out', path.join(dir, 'z.csv')]);
    expect(typo.code).not.toBe(0);
    expect(typo.stderr).toMatch(/There is no database at/);
    expect(fs.existsSync(path.join(dir, 'evnet.db'))).toBe(false);
  }, 180_000);
});
