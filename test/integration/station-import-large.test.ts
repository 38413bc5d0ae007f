import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../shared/api/methods/import';
import type { StatusSummary } from '../../shared/api/contract';
import { openDatabase } from '../../electron/core/db/open';
import { createService } from '../../electron/core/service/service';
import { MAX_BODY_BYTES, startStation, type RunningStation } from '../../electron/station/server';
import { generateAttendees } from '../helpers/generate-attendees';
import { StationClient } from '../helpers/station-api';
import { tempDir } from '../helpers/temp';

const ROWS = 100_000;

/** A registration export as the organizer's browser sends it: the whole file, base64, in one call. */
function registrationCsv(): Buffer {
  const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = ['受付番号,氏名,フリガナ,会社名,役職,業種,メールアドレス'];
  for (const p of generateAttendees(ROWS, 7)) {
    lines.push([p.ticketCode, p.name, p.nameKana, p.company, p.title, p.industry, p.email].map((v) => quote(v ?? '')).join(','));
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

const db = openDatabase(path.join(tempDir(), 'large-import.db'), { checkpointInBackground: true });
const service = createService({ db, stationName: 'Import' });
let http: RunningStation;

beforeAll(async () => {
  http = await startStation({ service, staticDir: tempDir(), port: 0 });
});
afterAll(async () => {
  await http.close();
  db.close();
});

describe('importing a large registration file over HTTP', () => {
  it(`takes a ${ROWS.toLocaleString('en')}-row file in one request, past the default body limit`, async () => {
    const contentBase64 = registrationCsv().toString('base64');
    const body = JSON.stringify({ fileName: 'registrations.csv', contentBase64 });
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_BODY_BYTES * 4);
    const client = new StationClient(http.url);
    const answer = await client.call('commitImport', { fileName: 'registrations.csv', contentBase64 });
    expect(answer.status).toBe(200);
    expect(answer.body.ok).toBe(true);
    const summary = (answer.body as { value: ImportSummary }).value;
    expect(summary.imported).toBe(ROWS);
    expect(summary.skipped).toBe(0);
    expect((await client.value<StatusSummary>('getStatus')).expected).toBe(ROWS);
    // Any other method keeps the default limit.
    const big = await client.call('addAttendee', { name: 'x'.repeat(MAX_BODY_BYTES + 10) });
    expect(big.status).toBe(413);
  }, 180_000);
});
