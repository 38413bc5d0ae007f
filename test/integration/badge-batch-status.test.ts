import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdf-tools';
import { runMusubi } from '../helpers/processes';
import { openTestStation, type TestStation } from '../helpers/service';
import { tempDir } from '../helpers/temp';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

async function importFixture(station: TestStation, name: string): Promise<void> {
  const summary = await station.service.api.commitImport({ fileName: name, contentBase64: fs.readFileSync(path.join(FIXTURES, name)).toString('base64') });
  expect(summary.skipped).toBe(0);
}

/** Who is on a batch, read back from the PDF's text (spaces inside a name vary with the layout). */
function namesIn(pdf: string, names: readonly string[]): string[] {
  const text = pdfText(pdf).replace(/\s+/g, '');
  return names.filter((name) => text.includes(name.replace(/\s+/g, '')));
}

// The people of the two fixtures, by what their export says of them.
const COMING = ['青木 一郎', '石田 二葉', '岡本 五月', '加藤 六花', '久保 八雲', '山田 太郎', '髙橋 結衣'];
const NOT_COMING = [
  '上野 三郎', // Peatix キャンセル済み
  '江口 四季', // Peatix 支払い待ち
  '木村 七海', // Peatix 期限切れ
  '佐藤 花子', // connpass 補欠
  '鈴木 健二', // connpass キャンセル
];
const EVERYONE = [...COMING, ...NOT_COMING];

describe('a badge batch after importing real-shaped exports with status columns', { timeout: 120_000 }, () => {
  it('holds only the people who are coming (Peatix UTF-8 and connpass Shift_JIS)', async () => {
    const station = openTestStation();
    await importFixture(station, 'peatix-status.csv');
    await importFixture(station, 'connpass-sjis.csv');
    const { pdfBase64, count } = await station.service.api.allBadgesPdf({ size: 'a4-sheet' });
    const file = path.join(tempDir(), 'batch.pdf');
    fs.writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
    expect(namesIn(file, EVERYONE)).toEqual(COMING);
    expect(count).toBe(COMING.length);

    // A selection (a reprint) that names everyone skips them too.
    const ids = (station.db.prepare('SELECT id FROM attendees').all() as { id: string }[]).map((row) => row.id);
    expect(ids).toHaveLength(EVERYONE.length);
    const selection = await station.service.api.allBadgesPdf({ size: 'a4-sheet', attendeeIds: ids });
    fs.writeFileSync(file, Buffer.from(selection.pdfBase64, 'base64'));
    expect(namesIn(file, EVERYONE)).toEqual(COMING);
    station.close();
  });

  it('prints the badge of someone staff let in despite the status, and `musubi badges` agrees', async () => {
    const station = openTestStation();
    await importFixture(station, 'peatix-status.csv');
    await importFixture(station, 'connpass-sjis.csv');
    const { api } = station.service;
    const waitlisted = await api.findByTicketCode({ ticketCode: 'CN-0002' });
    expect((await api.checkIn({ attendeeId: waitlisted!.id, source: 'search', override: true })).status).toBe('checked-in');
    station.close();

    const file = path.join(tempDir(), 'cli-batch.pdf');
    const result = await runMusubi(['badges', '--db', station.file, '--out', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${COMING.length + 1} badge`);
    expect(namesIn(file, EVERYONE)).toEqual([...COMING, '佐藤 花子']);
  });
});
