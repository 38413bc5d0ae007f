import type { ExportOptions } from '../../../shared/api/methods/export';
import { readMeta, writeMeta } from '../db/meta';
import type { Db } from '../db/types';

/**
 * Station-local bookkeeping in `meta` (never synced): when the last complete export was made and
 * how far the log was at that moment. "Purge personal data" needs an export that covers every
 * change, so nothing is purged that was never written out.
 */
const LAST_EXPORT_AT = 'last_export_at';
const LAST_EXPORT_SEQ = 'last_export_seq';

export function latestSeq(db: Db): number {
  return (db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM entries').get() as { seq: number }).seq;
}

/**
 * Only an export with everyone and the name column counts as "the list was exported". `seq` is
 * how far the log was when the export read its rows (an export built in a worker is recorded
 * after it answers, and check-ins that arrived meanwhile are not in it).
 */
export function recordExport(db: Db, options: ExportOptions, now: Date, seq?: number): void {
  if (!options.includeNoShows || !options.columns.includes('name')) return;
  db.transaction(() => {
    writeMeta(db, LAST_EXPORT_AT, now.toISOString());
    writeMeta(db, LAST_EXPORT_SEQ, String(seq ?? latestSeq(db)));
  }).immediate();
}

export function lastExport(db: Db): { at: string; seq: number } | null {
  const at = readMeta(db, LAST_EXPORT_AT);
  const seq = readMeta(db, LAST_EXPORT_SEQ);
  return at && seq ? { at, seq: Number(seq) } : null;
}
