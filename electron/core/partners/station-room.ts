import type { Statement } from 'better-sqlite3';
import { isCandidate, profileOf } from '../../../shared/domain/partners/from-log';
import { PartnerRoom } from '../../../shared/domain/partners/room';
import type { PartnerProfile } from '../../../shared/domain/partners/types';
import type { PublicPartner } from '../../../shared/api/methods/partners';
import { cachedStatement } from '../db/statements';
import type { Db } from '../db/types';
import { statementChunks } from '../log/insert-entries';
import { onAttendeeRefreshed } from '../projection/attendee-listeners';

/** The columns the room needs of a person (no e-mail, phone, title or note). */
export interface RoomRow {
  id: string;
  name: string;
  company: string;
  industry: string;
  goals: string;
  looking_for: string;
  checkin_id: string | null;
  checked_in_at: string | null;
  partner_consent: number;
  left_room: number;
  removed: number;
}
export const ROOM_COLUMNS = 'id, name, company, industry, goals, looking_for, checkin_id, checked_in_at, partner_consent, left_room, removed';

export function personOfRow(row: RoomRow) {
  return {
    id: row.id,
    company: row.company,
    industry: row.industry,
    goals: JSON.parse(row.goals) as string[],
    lookingFor: JSON.parse(row.looking_for) as string[],
    checkedIn: row.checkin_id && row.checked_in_at ? { at: row.checked_in_at } : null,
    left: row.left_room === 1,
    partnerConsent: row.partner_consent === 1 && row.removed === 0,
  };
}

export function profileOfRow(row: RoomRow): PartnerProfile {
  return profileOf(personOfRow(row));
}

/**
 * The station's partner room: built from the `attendees` and `partner_suggestions` tables on first
 * use, then kept right incrementally like the search index — the projection reports each
 * rewritten attendee (consent withdrawn, left, undone, removed: taken out at once), rows are
 * re-read before the next question (so a rolled-back transaction leaves nothing behind), new
 * showings are read by rowid, and a write by another connection (`data_version`) rebuilds.
 */
export class StationPartnerRoom {
  private room = new PartnerRoom();
  private readonly dirty = new Set<string>();
  private lastShowingRow = 0;
  private dataVersion = -1;
  private built = false;
  private readonly dataVersionQuery: Statement<[], number>;
  readonly detach: () => void;

  constructor(private readonly db: Db) {
    this.detach = onAttendeeRefreshed(db, (id) => this.dirty.add(id));
    this.dataVersionQuery = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  /** The room as of the last committed change. */
  current(): PartnerRoom {
    const version = this.dataVersionQuery.get() ?? 0;
    if (!this.built || version !== this.dataVersion) this.rebuild();
    else this.catchUp();
    this.dataVersion = version;
    return this.room;
  }

  private rebuild(): void {
    this.room = new PartnerRoom();
    this.dirty.clear();
    this.lastShowingRow = 0;
    const rows = this.db
      .prepare(`SELECT ${ROOM_COLUMNS} FROM attendees WHERE removed = 0 AND partner_consent = 1 AND left_room = 0 AND checkin_id IS NOT NULL`)
      .all() as RoomRow[];
    for (const row of rows) this.room.put(profileOfRow(row));
    this.readShowings();
    this.built = true;
  }

  private catchUp(): void {
    if (this.dirty.size > 0) {
      const ids = [...this.dirty];
      this.dirty.clear();
      const seen = new Set<string>();
      for (const chunk of statementChunks(ids)) {
        const rows = cachedStatement(this.db, `SELECT ${ROOM_COLUMNS} FROM attendees WHERE id IN (${chunk.map(() => '?').join(', ')})`).all(chunk) as RoomRow[];
        for (const row of rows) {
          seen.add(row.id);
          if (isCandidate(personOfRow(row))) this.room.put(profileOfRow(row));
          else this.room.remove(row.id);
        }
      }
      for (const id of ids) if (!seen.has(id)) this.room.remove(id);
    }
    this.readShowings();
  }

  private readShowings(): void {
    const rows = cachedStatement(this.db, 'SELECT rowid, id, attendee_id, at, suggested FROM partner_suggestions WHERE rowid > ? ORDER BY rowid')
      .all(this.lastShowingRow) as { rowid: number; id: string; attendee_id: string; at: string; suggested: string }[];
    for (const row of rows) {
      this.room.recordShowing({ entryId: row.id, subjectId: row.attendee_id, at: Date.parse(row.at), suggested: JSON.parse(row.suggested) as string[] });
      this.lastShowingRow = row.rowid;
    }
  }
}

const rooms = new WeakMap<Db, StationPartnerRoom>();

/** The one partner room of a database connection. */
export function partnerRoomFor(db: Db): StationPartnerRoom {
  let room = rooms.get(db);
  if (!room) rooms.set(db, (room = new StationPartnerRoom(db)));
  return room;
}

/** What a suggested person shows to others: name, company, industry, goals, and never more. */
export function publicPartners(db: Db, ids: readonly string[]): Map<string, PublicPartner> {
  const people = new Map<string, PublicPartner>();
  for (const chunk of statementChunks(ids)) {
    const rows = cachedStatement(db, `SELECT ${ROOM_COLUMNS} FROM attendees WHERE id IN (${chunk.map(() => '?').join(', ')})`).all(chunk) as RoomRow[];
    for (const row of rows) {
      // A last check at the source: only someone present who consents is ever shown.
      if (!isCandidate(personOfRow(row))) continue;
      people.set(row.id, { id: row.id, name: row.name, company: row.company, industry: row.industry, goals: JSON.parse(row.goals) as string[] });
    }
  }
  return people;
}
