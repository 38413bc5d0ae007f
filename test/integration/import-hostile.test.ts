import { describe, expect, it } from 'vitest';
import { readEntries } from '../../electron/core/log/append';
import { HOSTILE_WORKBOOKS, ordinaryWorkbook } from '../helpers/hostile-workbooks';
import { openTestStation } from '../helpers/service';

/**
 * Every crafted workbook is imported correctly or refused with a message that says what (the limit
 * by name) and where (the file, and the row and column when there is one), and a refusal writes
 * nothing. How long each takes and how much memory it needs is measured by
 * test/bench/import-corpus.bench.ts (tests do not assert timings).
 */
/** The error a call ends with, or undefined when it succeeds. */
async function refusal(call: () => unknown): Promise<Error | undefined> {
  try {
    await call();
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

describe('workbooks built to hurt', () => {
  for (const file of HOSTILE_WORKBOOKS) {
    it(`${file.name}: ${'imports' in file.outcome ? `imports ${file.outcome.imports}` : 'is refused'}`, async () => {
      const station = openTestStation();
      const input = { fileName: file.name, contentBase64: file.bytes().toString('base64') };
      try {
        if ('imports' in file.outcome) {
          const summary = await station.service.api.commitImport(input);
          expect(summary.imported).toBe(file.outcome.imports);
        } else {
          const error = await refusal(() => station.service.api.commitImport(input));
          expect(error?.message).toMatch(file.outcome.refused);
          expect(error?.message).toContain(file.name);
          expect(readEntries(station.db)).toHaveLength(0);
        }
      } finally {
        station.close();
      }
    }, 60_000);
  }

  it('names the row and column of a cell past a limit', async () => {
    const station = openTestStation();
    const huge = HOSTILE_WORKBOOKS.find((f) => f.name === 'huge-cell-10mb.xlsx');
    const error = await refusal(() => station.service.api.commitImport({ fileName: 'x.xlsx', contentBase64: huge?.bytes().toString('base64') ?? '' }));
    expect(error?.message).toMatch(/^x\.xlsx row 2 column A: more than 32,767 characters in one cell/);
    station.close();
  });

  it('reads an ordinary generated workbook, row numbers and all', async () => {
    const station = openTestStation();
    const preview = await station.service.api.previewImport({ fileName: 'list.xlsx', contentBase64: ordinaryWorkbook(1000).toString('base64') });
    expect(preview.mapping).toEqual(['ticketCode', 'name', 'nameKana', 'company', 'email']);
    expect(preview.counts).toMatchObject({ rows: 1000, new: 1000, skipped: 0 });
    expect(preview.sampleRows[0]).toEqual(['T-1', '山田 花子1', 'ヤマダ ハナコ', '株式会社さくら1', 'guest1@example.com']);
    station.close();
  });
});
