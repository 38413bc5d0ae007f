import { openDatabase } from '../../electron/core/db/open';
import { appendNewAttendees } from '../../electron/core/log/append-new-attendees';
import { createService } from '../../electron/core/service/service';
import type { EntryOfType } from '../../shared/domain/entry';
import { newId } from '../../shared/domain/ids';
import { generateAttendees } from './generate-attendees';

/**
 * An event file with `count` generated attendees, written straight into the log (as an import
 * would) and closed, ready for a station process. Answers their ids and names in order.
 */
export function seedGeneratedEvent(dbFile: string, count: number, seed = 7): { ids: string[]; names: string[] } {
  const db = openDatabase(dbFile);
  try {
    const service = createService({ db, stationName: 'Seed' });
    const people = generateAttendees(count, seed);
    const entries = people.map(
      ({ romaji: _romaji, ...fields }) => service.recorder.stamp({ type: 'attendee.upsert', attendeeId: newId(), data: { fields } }) as EntryOfType<'attendee.upsert'>,
    );
    appendNewAttendees(db, entries);
    return { ids: entries.map((e) => e.attendeeId), names: people.map((p) => p.name ?? '') };
  } finally {
    db.close();
  }
}
