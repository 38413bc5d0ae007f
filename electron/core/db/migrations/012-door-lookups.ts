import type { Migration } from './migration';

/**
 * The door's per-scan reads, made independent of the event's size (at 100,000 attendees each was a
 * scan of the whole table, on the station's one thread, between a scan and its confirmation):
 * - a scanned code is compared without case; the ticket index is binary, so that comparison could
 *   not use it. This index can.
 * - the header's counts (every screen asks after every change) are kept in a one-row table by
 *   triggers on `attendees`, whatever writes the projection (check-in, import, sync, purge), with
 *   exactly the expressions of the query they replace (electron/core/attendees/counts.ts).
 * - the sync indicator (also asked after every change) counts the entries not yet pushed; on an
 *   unpaired station that is every entry. Counted over this small index instead of the entries.
 */
const contribution = (row: 'NEW' | 'OLD'): Record<string, string> => ({
  expected: `(${row}.removed = 0 AND ${row}.walk_in = 0 AND ${row}.registration_status = 'registered')`,
  not_expected: `(${row}.removed = 0 AND ${row}.walk_in = 0 AND ${row}.registration_status <> 'registered')`,
  checked_in: `(${row}.removed = 0 AND ${row}.checkin_id IS NOT NULL)`,
  registered_in: `(${row}.removed = 0 AND ${row}.walk_in = 0 AND ${row}.registration_status = 'registered' AND ${row}.checkin_id IS NOT NULL)`,
  walk_ins: `(${row}.removed = 0 AND ${row}.walk_in = 1)`,
  conflicts: `(${row}.removed = 0 AND ${row}.conflict_count > 0)`,
});
const COLUMNS = Object.keys(contribution('NEW'));
const plus = (row: 'NEW' | 'OLD'): string => COLUMNS.map((c) => `${c} = ${c} + ${contribution(row)[c]}`).join(', ');
const minus = (row: 'NEW' | 'OLD'): string => COLUMNS.map((c) => `${c} = ${c} - ${contribution(row)[c]}`).join(', ');
const change = COLUMNS.map((c) => `${c} = ${c} + ${contribution('NEW')[c]} - ${contribution('OLD')[c]}`).join(', ');

export const migration012: Migration = {
  version: 12,
  name: 'door lookups without table scans',
  sql: `
    CREATE INDEX attendees_by_ticket_nocase ON attendees (ticket_code COLLATE NOCASE) WHERE ticket_code <> '';
    CREATE INDEX entries_not_pulled ON entries (seq) WHERE pulled = 0;

    CREATE TABLE attendance_counts (
      only          INTEGER PRIMARY KEY CHECK (only = 1),
      expected      INTEGER NOT NULL,
      not_expected  INTEGER NOT NULL,
      checked_in    INTEGER NOT NULL,
      registered_in INTEGER NOT NULL,
      walk_ins      INTEGER NOT NULL,
      conflicts     INTEGER NOT NULL
    );
    INSERT INTO attendance_counts (only, ${COLUMNS.join(', ')})
      SELECT 1, ${COLUMNS.map((c) => `coalesce(sum(${contribution('NEW')[c]!.replaceAll('NEW.', '')}), 0)`).join(', ')} FROM attendees;

    CREATE TRIGGER attendance_counts_insert AFTER INSERT ON attendees
      BEGIN UPDATE attendance_counts SET ${plus('NEW')}; END;
    CREATE TRIGGER attendance_counts_delete AFTER DELETE ON attendees
      BEGIN UPDATE attendance_counts SET ${minus('OLD')}; END;
    CREATE TRIGGER attendance_counts_update AFTER UPDATE OF removed, walk_in, registration_status, checkin_id, conflict_count ON attendees
      BEGIN UPDATE attendance_counts SET ${change}; END;
  `,
};
