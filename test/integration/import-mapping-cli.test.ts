import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMusubi } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

interface JsonSummary {
  imported: number;
  updated: number;
  cancelled: number;
  problemCount: number;
  problems: { code: string; rows: number }[];
  answers: { value: string; categoryId: string | null; how: string }[];
}

describe('musubi import with answer mapping and status (real processes)', () => {
  it('takes --value-map as a JSON file and as field:answer=id, saves it, and reuses it on the next import', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'event.db');
    const file = path.join(FIXTURES, 'peatix-status.csv');
    const map = path.join(dir, 'answers.json');
    fs.writeFileSync(map, JSON.stringify({ industry: { 宇宙: 'other' } }));
    const first = await runMusubi(['import', file, '--db', db, '--json', '--value-map', map, '--value-map', 'goals:世界平和=']);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout) as JsonSummary;
    expect(summary).toMatchObject({ imported: 8, problemCount: 0 });
    expect(summary.answers).toEqual(expect.arrayContaining([expect.objectContaining({ value: '宇宙', categoryId: 'other', how: 'chosen' })]));

    const again = JSON.parse((await runMusubi(['import', file, '--db', db, '--json'])).stdout) as JsonSummary;
    expect(again).toMatchObject({ imported: 0, updated: 0, problemCount: 0 });
    expect(again.answers).toEqual(expect.arrayContaining([expect.objectContaining({ value: '宇宙', categoryId: 'other', how: 'saved' })]));
  });

  it('tells which answers it mapped by suggestion, counting rows in the right number', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'list.csv');
    fs.writeFileSync(file, '受付番号,氏名,業種\nT-1,一 太郎,製造業\nT-2,二 次郎,金融\nT-3,三 三郎,金融\n');
    const run = await runMusubi(['import', file, '--db', path.join(dir, 'event.db'), '--dry-run']);
    expect(run.stderr).toContain('note: “製造業” (1 row) mapped to manufacturing as suggested');
    expect(run.stderr).toContain('note: “金融” (2 rows) mapped to finance as suggested');
  });

  it('writes counts grouped by thousands, in English and in Japanese', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'list.csv');
    fs.writeFileSync(file, `受付番号,氏名\n${Array.from({ length: 1200 }, (_, i) => `T-${i},参加者 ${i}`).join('\n')}\n`);
    const db = path.join(dir, 'event.db');
    expect((await runMusubi(['--lang', 'en', 'import', file, '--db', db, '--dry-run'])).stdout).toContain('Would import 1,200 new, 0 updated');
    expect((await runMusubi(['--lang', 'ja', 'import', file, '--db', db, '--dry-run'])).stdout).toContain('新規 1,200 人');
  });

  it('names a bad --value-map choice and writes nothing', async () => {
    const db = path.join(tempDir(), 'event.db');
    const run = await runMusubi(['import', path.join(FIXTURES, 'peatix-status.csv'), '--db', db, '--value-map', 'industry:宇宙=space']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/“宇宙” is mapped to "space"/);
    const unknownField = await runMusubi(['import', path.join(FIXTURES, 'peatix-status.csv'), '--db', db, '--value-map', 'company:宇宙=other']);
    expect(unknownField.stderr).toMatch(/Unknown field "company"/);
  });

  it('marks people missing from a newer export as cancelled with --cancel-missing, and refuses them at musubi checkin', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'event.db');
    const v1 = path.join(dir, 'v1.csv');
    const v2 = path.join(dir, 'v2.csv');
    fs.writeFileSync(v1, '受付番号,氏名\nT-1,一 太郎\nT-2,二 次郎\n');
    fs.writeFileSync(v2, '受付番号,氏名\nT-1,一 太郎\n');
    expect((await runMusubi(['import', v1, '--db', db])).code).toBe(0);
    const dry = JSON.parse((await runMusubi(['import', v2, '--db', db, '--json', '--dry-run', '--cancel-missing'])).stdout) as JsonSummary;
    expect(dry.cancelled).toBe(1);
    const done = await runMusubi(['import', v2, '--db', db, '--cancel-missing']);
    expect(done.stdout).toContain('Marked 1 person who is not in v2.csv as cancelled.');
    const refused = await runMusubi(['checkin', 'T-2', '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('T-2: not checked in: the registration is cancelled');
    const overridden = await runMusubi(['checkin', 'T-2', '--db', db, '--override']);
    expect(overridden).toMatchObject({ code: 0 });
    expect(overridden.stdout).toContain('T-2: checked in');
  });
});
