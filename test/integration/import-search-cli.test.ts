import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMusubi } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

interface SearchHit {
  id: string;
  ticketCode: string;
  name: string;
  nameKana: string;
  company: string;
  email: string;
  checkedInAt: string | null;
}

describe('musubi import and musubi search (real processes)', () => {
  it('imports exports of every kind, then finds people by every kind of query', async () => {
    const db = path.join(tempDir(), 'event.db');
    for (const name of ['peatix-cp932.csv', 'connpass-utf8.csv', 'eventbrite-bom.csv', 'google-forms.xlsx']) {
      const run = await runMusubi(['import', path.join(FIXTURES, name), '--db', db, '--json']);
      expect(run.code, run.stderr).toBe(0);
      const summary = JSON.parse(run.stdout) as { imported: number; skipped: number };
      expect(summary.imported).toBeGreaterThan(0);
      expect(summary.skipped).toBe(0);
    }
    const search = async (query: string): Promise<SearchHit[]> => {
      const run = await runMusubi(['search', query, '--db', db, '--json']);
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as SearchHit[];
    };
    const first = async (query: string): Promise<string | undefined> => (await search(query))[0]?.name;

    // Every variant is covered in import-service.test.ts; here one of each through the real command.
    expect(await first('高橋 健一')).toBe('髙橋 健一');
    expect(await first('ﾔﾏｻﾞｷ')).toBe('山﨑 美咲');
    expect((await search('kohno')).map((h) => h.name)).toEqual(['Taro Kohno', '河野 翔太']);
    expect(await first('株式会社東京フード')).toBe('山﨑 美咲');
    expect(await first('eb-aaa-113')).toBe('Taro Kohno');
    expect(await search('存在しない人')).toEqual([]);
  }, 120_000);

  it('ranks the exact ticket code first, then name prefixes, then other matches', async () => {
    const db = path.join(tempDir(), 'rank.db');
    const csv = path.join(tempDir(), 'rank.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(csv, ['受付番号,氏名,ふりがな,会社名', 'A-1,小山 一郎,こやま いちろう,山本商事', 'YAMA,田中 二郎,たなか じろう,', 'B-2,山本 三郎,やまもと さぶろう,'].join('\n'));
    expect((await runMusubi(['import', csv, '--db', db])).code).toBe(0);
    const run = await runMusubi(['search', 'yama', '--db', db, '--json']);
    expect((JSON.parse(run.stdout) as SearchHit[]).map((h) => h.name)).toEqual(['田中 二郎', '山本 三郎', '小山 一郎']);
  }, 60_000);

  it('exits non-zero with the per-row problems when nothing could be imported', async () => {
    const db = path.join(tempDir(), 'bad.db');
    const pdf = await runMusubi(['import', path.join(FIXTURES, 'not-a-table.pdf'), '--db', db]);
    expect(pdf.code).not.toBe(0);
    expect(pdf.stderr).toMatch(/not a table/);

    const broken = await runMusubi(['import', path.join(FIXTURES, 'broken.csv'), '--db', db, '--json', '--dry-run']);
    expect(broken.code).toBe(0);
    const summary = JSON.parse(broken.stdout) as { imported: number; skipped: number; problems: { row: number; column: string | null }[] };
    expect(summary).toMatchObject({ imported: 2, skipped: 3 });
    expect(summary.problems).toContainEqual(expect.objectContaining({ row: 4, column: '受付番号' }));
    expect(JSON.parse((await runMusubi(['search', '', '--db', db, '--json'])).stdout)).toEqual([]);

    const csv = path.join(tempDir(), 'nameless.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(csv, '受付番号,氏名\nX-1,\nX-2,\n');
    const nameless = await runMusubi(['import', csv, '--db', db, '--json']);
    expect(nameless.code).toBe(1);
    expect((JSON.parse(nameless.stdout) as { problems: unknown[] }).problems).toHaveLength(2);

    const mapped = await runMusubi(['import', csv, '--db', db, '--map', '受付番号=name', '--map', 'B=ignore']);
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(mapped.stdout).toMatch(/Imported 2 new/);
  }, 120_000);
});
