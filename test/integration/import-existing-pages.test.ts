import { describe, expect, it } from 'vitest';
import { openTestStation } from '../helpers/service';

/**
 * The plan reads the people already here 2,000 at a time (by rowid). At the page edges every one
 * of them must still be found: a re-import matches them all and sees the change on the last row.
 */
const PAGE = 2000;

function csv(count: number, changedRow?: number): string {
  const lines = ['受付番号,氏名,メールアドレス'];
  for (let i = 1; i <= count; i++) lines.push(`T-${i},${i === changedRow ? '改名 太郎' : `参加者 ${i}`},p${i}@example.jp`);
  return `${lines.join('\r\n')}\r\n`;
}
const input = (text: string) => ({ fileName: 'registrations.csv', contentBase64: Buffer.from(text).toString('base64') });

describe('re-importing against the people already here, page by page', () => {
  for (const n of [1, PAGE - 1, PAGE, PAGE + 1, 2 * PAGE + 1]) {
    it(`matches all ${n} people of an earlier import, and finds the last one changed`, async () => {
      const station = openTestStation();
      const { api } = station.service;
      expect((await api.commitImport(input(csv(n)))).imported).toBe(n);
      const again = await api.commitImport(input(csv(n, n)));
      expect(again).toMatchObject({ imported: 0, updated: 1, unchanged: n - 1, skipped: 0 });
      const count = (station.db.prepare('SELECT count(*) AS n FROM attendees').get() as { n: number }).n;
      expect(count).toBe(n);
      station.close();
    });
  }
});
