import fs from 'node:fs';
import path from 'node:path';
import { entryWithoutPersonalFields, PERSONAL_FIELDS } from '../../../shared/domain/personal-fields';
import { MusubiError } from '../../../shared/errors';
import type { Db } from '../db/types';
import { readMeta, writeMeta } from '../db/meta';
import { lastExport, latestSeq } from '../export/export-record';
import { refreshAttendee } from '../projection/attendees';
import { dropSnapshots } from '../search/snapshot';
import { defaultBackupDir, lastBackup } from './backup';
import { backupFolder } from './schedule';

export { PERSONAL_FIELDS };

const PURGED_AT = 'personal_data_purged_at';

export function purgedAt(db: Db): string | null {
  return readMeta(db, PURGED_AT) ?? null;
}

/**
 * Every copy of this database the station holds besides itself: the backups in its backup folder
 * (and in the default one and the folder of the last backup, should the folder have been changed),
 * with their leftovers (partial copies, -wal, -shm, -journal), and the copies a restore kept aside
 * (`<name>.before-restore-<time>.db`). Each holds the names and e-mails the purge removes.
 */
export function stationCopies(db: Db): string[] {
  if (db.memory) return [];
  const stem = path.basename(db.name, path.extname(db.name)) || 'musubi';
  const copies = new Set<string>();
  const folders = new Set([backupFolder(db), defaultBackupDir(db.name)].map((f) => path.resolve(f)));
  const last = lastBackup(db);
  if (last) folders.add(path.dirname(path.resolve(last.file)));
  // A backup written with --out to a name of its own.
  for (const suffix of last ? ['', '-wal', '-shm', '-journal'] : []) {
    const file = path.resolve(`${last?.file ?? ''}${suffix}`);
    if (fs.existsSync(file)) copies.add(file);
  }
  const live = path.resolve(db.name);
  const look = (folder: string, matches: (name: string) => boolean): void => {
    if (!fs.existsSync(folder)) return;
    for (const name of fs.readdirSync(folder)) {
      const file = path.join(folder, name);
      if (matches(name) && !file.startsWith(live) && fs.statSync(file).isFile()) copies.add(file);
    }
  };
  const backup = new RegExp(`^${escapeRegExp(stem)}-\\d{8}-\\d{6}\\.db`);
  for (const folder of folders) look(folder, (name) => backup.test(name));
  look(path.dirname(live), (name) => name.startsWith(`${stem}.before-restore-`));
  return [...copies].sort();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface PurgeOptions {
  /** Delete the station's other copies (stationCopies) too; without it the purge refuses while any exist, naming them. */
  deleteCopies?: boolean;
}

export interface PurgeResult {
  attendees: number;
  purgedAt: string;
  /** The backups and kept-aside copies that were deleted. */
  deleted: string[];
}

/**
 * "Purge personal data" after the event, on this station only. It is deliberately NOT an entry in
 * the log: a log entry would sync and erase the data on every other station and the hub, and each
 * of those is purged by its own owner. Instead the personal fields are cut out of the stored
 * `attendee.upsert` entries and out of the projection, then VACUUM rewrites the file and the WAL is
 * truncated so the old bytes are gone from disk, not merely unlinked.
 *
 * Entries pulled from a hub later (sync) can bring personal data back; purge after the last sync,
 * and purge the hub's store too (`musubi purge --hub-data`/`--hub-database`).
 * Refused unless a complete export was made after the latest change, so nothing is lost unexported,
 * and, while the station holds backups or kept-aside copies (which hold the same names), unless
 * the organizer agreed to delete them with it: they are deleted once the database is purged.
 */
export function purgePersonalData(db: Db, now = new Date(), options: PurgeOptions = {}): PurgeResult {
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
  const copies = stationCopies(db);
  if (copies.length > 0 && !options.deleteCopies) {
    throw new MusubiError(
      'conflict',
      `This station still holds ${copies.length} backup copies with personal data: ${copies.join(', ')}. Confirm that they are deleted with the purge, or remove them first.`,
      'backups',
    );
  }
  const at = now.toISOString();
  const attendees = db.transaction(() => {
    // An import commits in slices (import/staging.ts); its staged rows hold the file's names and
    // would land in the log after the purge. Checked inside the purge's transaction, between slices.
    if (db.prepare('SELECT 1 FROM import_runs LIMIT 1').get() !== undefined) {
      throw new MusubiError('conflict', 'An import is still running. Purge personal data when it has finished.', 'import');
    }
    const upserts = db.prepare("SELECT seq, attendee_id, data FROM entries WHERE type = 'attendee.upsert'").all() as {
      seq: number;
      attendee_id: string;
      data: string;
    }[];
    const rewrite = db.prepare('UPDATE entries SET data = ? WHERE seq = ?');
    const touched = new Set<string>();
    for (const row of upserts) {
      // The stored data is the entry's `data`; the rule reads whole entries.
      const purged = entryWithoutPersonalFields(JSON.stringify({ type: 'attendee.upsert', data: JSON.parse(row.data) as unknown }));
      if (purged !== null) rewrite.run(JSON.stringify((JSON.parse(purged) as { data: unknown }).data), row.seq);
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
  // Then the other copies: a backup left behind would hold every name the purge just removed.
  for (const file of copies) fs.rmSync(file, { force: true });
  return { attendees, purgedAt: at, deleted: copies };
}
