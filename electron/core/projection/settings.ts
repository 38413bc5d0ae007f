import type { EntryOfType } from '../../../shared/domain/entry';
import type { Db } from '../db/types';
import { winsOver, type FieldStamp } from './lww';
import { cachedStatement } from '../db/statements';

export function applySettingsUpsert(db: Db, entry: EntryOfType<'settings.upsert'>): void {
  const read = cachedStatement(db, 'SELECT hlc, entry_id FROM settings_fields WHERE field = ?');
  const write = cachedStatement(db, 
    `INSERT INTO settings_fields (field, value, hlc, entry_id) VALUES (?, ?, ?, ?)
     ON CONFLICT (field) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, entry_id = excluded.entry_id`,
  );
  for (const [field, value] of Object.entries(entry.data.fields)) {
    if (value === undefined) continue;
    if (winsOver(entry, read.get(field) as FieldStamp | undefined)) {
      write.run(field, JSON.stringify(value), entry.hlc, entry.id);
    }
  }
}
