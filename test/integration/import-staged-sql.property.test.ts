import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { applyStagedChunk, markApplying, openRun, stageEntries } from '../../electron/core/import/staging';
import { appendNewAttendees } from '../../electron/core/log/append-new-attendees';
import { onAttendeeRefreshed } from '../../electron/core/projection/attendee-listeners';
import type { PartialAttendeeFields } from '../../shared/domain/attendee';
import type { Db } from '../../electron/core/db/types';

/**
 * A staged import moves its new people into the log and the projection by SQL over the stored
 * `{"fields":…}` text (staging.ts, `insertNewAttendeesSql`); the bulk path binds them from JS
 * (`appendNewAttendees`). Whatever the fields and however the run is cut into chunks, the two must
 * write the same log, the same rows, the same search journal and the same header counts, and tell
 * the search index about the same people in the same order.
 */
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('', "O'Brien", '"q"', '\\', '\u2028', '\ud800', '株式会社'));
const list = fc.array(text, { maxLength: 4 });
const fieldsArb: fc.Arbitrary<PartialAttendeeFields> = fc.record(
  {
    ticketCode: text,
    ticketType: text,
    name: text,
    nameKana: text,
    nickname: text,
    company: text,
    title: text,
    industry: text,
    goals: list,
    lookingFor: list,
    email: text,
    phone: text,
    walkIn: fc.boolean(),
    vcardOptIn: fc.boolean(),
    partnerConsent: fc.boolean(),
    note: text,
    registrationStatus: fc.constantFrom('registered' as const, 'cancelled' as const, 'waitlisted' as const),
  },
  { requiredKeys: [] },
);

/** Projects `fields` as new people, by a staged run applied in chunks of the given sizes or by the bulk path. */
function project(fields: PartialAttendeeFields[], chunkSizes: number[] | undefined) {
  const db: Db = openDatabase(':memory:');
  try {
    const told: string[] = [];
    onAttendeeRefreshed(db, (id) => told.push(id));
    const entries = fields.map((f, i) => ({
      id: `e${String(i).padStart(3, '0')}`,
      station: 'S',
      hlc: `h${String(i).padStart(3, '0')}`,
      type: 'attendee.upsert' as const,
      attendeeId: `a${String(i).padStart(3, '0')}`,
      data: { fields: f },
    }));
    if (chunkSizes) {
      openRun(db, 'run', '2026-12-03T00:00:00.000Z');
      stageEntries(db, 'run', 0, entries.map((entry) => ({ kind: 'new' as const, entry })));
      markApplying(db, 'run');
      for (let n = 0; applyStagedChunk(db, 'run', chunkSizes[n % chunkSizes.length] ?? 1) > 0; n++);
    } else {
      appendNewAttendees(db, entries, { freshIds: true });
    }
    return {
      rows: db.prepare('SELECT * FROM attendees ORDER BY rowid').all(),
      log: db.prepare('SELECT seq, id, station, hlc, type, attendee_id, data, pulled FROM entries ORDER BY seq').all(),
      journal: db.prepare('SELECT seq, attendee_id FROM search_journal ORDER BY seq').all(),
      counts: db.prepare('SELECT * FROM attendance_counts').get(),
      told,
    };
  } finally {
    db.close();
  }
}

describe('new people moved by SQL from a staged import', () => {
  it('write the same log, rows, journal and counts as the bulk path from JS, chunk by chunk', () => {
    fc.assert(
      fc.property(fc.array(fieldsArb, { maxLength: 12 }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }), (fields, sizes) => {
        expect(project(fields, sizes)).toEqual(project(fields, undefined));
      }),
      { numRuns: 150, seed: 20261203 },
    );
  });
});
