import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportPreview } from '../../shared/api/methods/import';
import type { AnswerMap } from '../../shared/domain/settings';
import { openDatabase } from '../../electron/core/db/open';
import { createService } from '../../electron/core/service/service';

export interface WarningCounts {
  /** Data rows. */
  rows: number;
  /**
   * What a row-by-row report came to: one warning per row and answer that is not literally one of
   * the event's labels (how imports reported them before answer mapping).
   */
  perRowUnlisted: number;
  /** The first preview of a new event: suggestions applied, nothing chosen yet. */
  first: number;
  /** The first preview's warnings about answers (one per distinct unmapped value). */
  firstAnswerWarnings: number;
  /** The re-import's, after the organizer mapped what was left (the map saved with the event). */
  afterMapping: number;
  /** The first preview, for the caller to look into. */
  preview: ImportPreview;
}

/**
 * Imports `bytes` into a new event as an organizer would: previews it, maps each answer left
 * unmapped (an industry to その他, a goal to "no category", kept in the note), imports, and
 * previews the same file again. Real service, real SQLite file.
 */
export async function measureImportWarnings(fileName: string, bytes: Buffer): Promise<WarningCounts> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-warnings-'));
  const db = openDatabase(path.join(dir, 'event.db'));
  try {
    const { api } = createService({ db, stationName: 'Warnings' });
    const contentBase64 = bytes.toString('base64');
    const preview = await api.previewImport({ fileName, contentBase64 });
    const answerMap: AnswerMap = { industries: {}, goals: {} };
    for (const answer of preview.answers) {
      if (answer.how === 'none') answerMap[answer.catalogue][answer.value] = answer.catalogue === 'industries' ? 'other' : '';
    }
    await api.commitImport({ fileName, contentBase64, answerMap });
    const again = await api.previewImport({ fileName, contentBase64 });
    return {
      rows: preview.counts.rows,
      perRowUnlisted: preview.answers.filter((a) => a.how !== 'listed').reduce((n, a) => n + a.rows, 0),
      first: preview.problemCount,
      firstAnswerWarnings: preview.problems.filter((p) => p.code === 'unknown-industry' || p.code === 'unknown-goal').length,
      afterMapping: again.problemCount,
      preview,
    };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
