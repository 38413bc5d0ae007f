import type { AttendeeFieldName } from '../../../shared/domain/attendee';
import { MusubiError } from '../../../shared/errors';
import type { Db } from '../db/types';
import { readMeta, writeMeta } from '../db/meta';
import { lastExport, latestSeq } from '../export/export-record';
import { refreshAttendee } from '../projection/attendees';
import { dropSnapshots } from '../search/snapshot';

/**
 * The fields that identify or contact a person. Industry, goals, "looking for", walk-in and every
 * check-in stay, so the counts and the mix survive the purge.
 */
export const PERSONAL_FIELDS: readonly AttendeeFieldName[] = ['name', 'nameKana', 'company', 'title', 'email', 'phone', 'note'];

const PURGED_AT = 'personal_data_purged_at';

export function purgedAt(db: Db): string | null {
  return readMeta(db, PURGED_AT) ?? null;
}

/**
 * "Purge personal data" after the event, on this station only. It is deliberately NOT an entry in
 * the log: a log entry would sync and erase the data on every other station and the hub, and each
 * of those is purged by its own owner. Instead the personal fields are cut out of the stored
 * `attendee.upsert` entries and out of the projection, then VACUUM rewrites the file and the WAL is
 * truncated so the old bytes are gone from disk, not merely unlinked.
 *
 * Entries pulled from a hub later (sync) can bring personal data back; purge after the last sync.
 * Refused unless a complete export was made after the latest change, so nothing is lost unexported.
 */
export function purgePersonalData(db: Db, now = new Date()): { attendees: number; purgedAt: string } {
  const exported = lastExport(db);
  if (!exported || exported.seq < latestSeq(db)) {
    throw new MusubiError(
      'conflict',
      exported
        ? 'There are changes since the last export. Export the attendance list again before purging.'
        : 'Export the attendance list (all attendees, with names) before purging personal data.',
      'export',
    );
  }
  const personal = new Set<string>(PERSONAL_FIELDS);
  const at = now.toISOString();
  const attendees = db.transaction(() => {
    const upserts = db.prepare("SELECT seq, attendee_id, data FROM entries WHERE type = 'attendee.upsert'").all() as {
      seq: number;
      attendee_id: string;
      data: string;
    }[];
    const rewrite = db.prepare('UPDATE entries SET data = ? WHERE seq = ?');
    const touched = new Set<string>();
    for (const row of upserts) {
      const data = JSON.parse(row.data) as { fields: Record<string, unknown> };
      const kept = Object.fromEntries(Object.entries(data.fields).filter(([field]) => !personal.has(field)));
      rewrite.run(JSON.stringify({ ...data, fields: kept }), row.seq);
      touched.add(row.attendee_id);
    }
    const placeholders = PERSONAL_FIELDS.map(() => '?').join(', ');
    db.prepare(`DELETE FROM attendee_fields WHERE field IN (${placeholders})`).run(...PERSONAL_FIELDS);
    // Blank the readable rows directly too, so that no name survives even in a row nobody refreshes.
    db.exec(`UPDATE attendees SET name = '', name_kana = '', company = '', title = '', email = '', phone = '', note = ''`);
    for (const id of touched) refreshAttendee(db, id);
    // The saved search index holds names and readings too.
    dropSnapshots(db);
    writeMeta(db, PURGED_AT, at);
    return touched.size;
  }).immediate();
  // Outside the transaction (VACUUM cannot run inside one): rebuild the file without the freed
  // pages, then fold the WAL back and truncate it.
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { attendees, purgedAt: at };
}
