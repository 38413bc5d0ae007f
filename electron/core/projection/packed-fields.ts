import { cachedStatement } from '../db/statements';
import type { Db } from '../db/types';

/**
 * Packed field state for people created by a bulk import. Normally `attendee_fields` holds one row
 * per field with the stamp of the entry that last wrote it (per-field last-writer-wins). A person
 * the log has never seen before, created by one `attendee.upsert`, would get one row per field all
 * carrying the same stamp; the bulk path (log/append-new-attendees.ts) writes them as ONE row under
 * the field name PACKED whose value is the JSON object of those fields (an import of 100,000 people
 * writes 100,000 rows here instead of 700,000).
 *
 * Meaning: a field's state is its own row if there is one, else the packed row's value and stamp.
 * The first later upsert of that person unpacks the row into ordinary per-field rows
 * (`unpackFields`), so the LWW code never sees it; `refreshAttendee` reads it as the base layer.
 */
export const PACKED = '*';

export function unpackFields(db: Db, attendeeId: string): void {
  const packed = cachedStatement(db, 'SELECT value, hlc, entry_id FROM attendee_fields WHERE attendee_id = ? AND field = ?')
    .get(attendeeId, PACKED) as { value: string; hlc: string; entry_id: string } | undefined;
  if (!packed) return;
  const insert = cachedStatement(db,
    'INSERT OR IGNORE INTO attendee_fields (attendee_id, field, value, hlc, entry_id) VALUES (?, ?, ?, ?, ?)',
  );
  for (const [field, value] of Object.entries(JSON.parse(packed.value) as Record<string, unknown>)) {
    if (value !== undefined) insert.run(attendeeId, field, JSON.stringify(value), packed.hlc, packed.entry_id);
  }
  cachedStatement(db, 'DELETE FROM attendee_fields WHERE attendee_id = ? AND field = ?').run(attendeeId, PACKED);
}
