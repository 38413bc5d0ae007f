import type { CheckinSource, CheckinView } from '../../../shared/domain/attendee';
import { DEFAULT_LIST_ID, resolveListCheckins, type ListCheckinResolution } from '../../../shared/domain/checkin-lists';
import { hasLeft, type PresenceMark } from '../../../shared/domain/presence';
import { cachedStatement } from '../db/statements';
import type { Db } from '../db/types';
import { multiRowValues, statementChunks } from '../log/insert-entries';
import { notifyAttendeeRefreshed } from './attendee-listeners';

export interface CheckinRow {
  attendee_id: string;
  id: string;
  hlc: string;
  station: string;
  source: string;
  scanned_at: string;
  list: string | null;
  undone: number;
}

/** A check-in row as the UI sees it (the list named only when it is not the default one). */
export function checkinViewOfRow(row: Pick<CheckinRow, 'id' | 'scanned_at' | 'station' | 'source' | 'list'>): CheckinView {
  const view: CheckinView = { checkinId: row.id, at: row.scanned_at, station: row.station, source: row.source as CheckinSource };
  if (row.list !== null && row.list !== DEFAULT_LIST_ID) view.list = row.list;
  return view;
}

/** The per-list official check-ins as stored on the row (`attendees.list_checkins`), or null. */
export function listCheckinsColumn(perList: ListCheckinResolution<CheckinRow>['perList']): string | null {
  return perList ? JSON.stringify(Object.fromEntries([...perList].map(([list, row]) => [list, checkinViewOfRow(row)]))) : null;
}

/**
 * The official check-in and the conflicts of each attendee, from the check-in and undo tables,
 * read ROWS_PER_STATEMENT attendees per query (a pull of 10,000 check-ins touches 10,000 people).
 */
export function checkinsOf(db: Db, attendeeIds: readonly string[]): Map<string, ListCheckinResolution<CheckinRow>> {
  const resolved = new Map<string, ListCheckinResolution<CheckinRow>>();
  for (const chunk of statementChunks(attendeeIds)) {
    const rows = cachedStatement(db,
      `SELECT c.attendee_id, c.id, c.hlc, c.station, c.source, c.scanned_at, c.list,
         EXISTS (SELECT 1 FROM checkin_undos u WHERE u.of_checkin = c.id AND u.attendee_id = c.attendee_id) AS undone
       FROM checkins c WHERE c.attendee_id IN (${chunk.map(() => '?').join(', ')})`,
    ).all(chunk) as CheckinRow[];
    const byAttendee = new Map<string, CheckinRow[]>(chunk.map((id) => [id, []]));
    for (const row of rows) byAttendee.get(row.attendee_id)?.push(row);
    for (const [id, checkins] of byAttendee) {
      resolved.set(id, resolveListCheckins(checkins, new Set(checkins.filter((c) => c.undone === 1).map((c) => c.id))));
    }
  }
  return resolved;
}

/** The presence marks of these attendees (most have none), ROWS_PER_STATEMENT attendees per query. */
function presenceMarksOf(db: Db, attendeeIds: readonly string[]): Map<string, PresenceMark[]> {
  const marks = new Map<string, PresenceMark[]>();
  for (const chunk of statementChunks(attendeeIds)) {
    const rows = cachedStatement(db,
      `SELECT attendee_id, id, hlc, state FROM presence_marks WHERE attendee_id IN (${chunk.map(() => '?').join(', ')})`,
    ).all(chunk) as (PresenceMark & { attendee_id: string })[];
    for (const row of rows) {
      const list = marks.get(row.attendee_id) ?? [];
      list.push({ id: row.id, hlc: row.hlc, state: row.state });
      marks.set(row.attendee_id, list);
    }
  }
  return marks;
}

/** Check-ins resolved, and whether each person has left (presence.ts), for these attendees. */
export type CheckinState = ListCheckinResolution<CheckinRow> & { left: boolean };
export const NO_CHECKINS: CheckinState = { official: null, conflicts: [], perList: null, left: false };

export function checkinStateOf(db: Db, attendeeIds: readonly string[]): Map<string, CheckinState> {
  const resolved = checkinsOf(db, attendeeIds);
  const marks = presenceMarksOf(db, attendeeIds);
  const state = new Map<string, CheckinState>();
  for (const [id, { official, conflicts, perList }] of resolved) {
    const live = [...new Set([...(official ? [official] : []), ...(perList?.values() ?? []), ...conflicts])];
    state.set(id, { official, conflicts, perList, left: hasLeft(live, marks.get(id) ?? []) });
  }
  return state;
}

/**
 * Recomputes only the check-in columns of these attendees' rows: what check-ins and undos alone can
 * change (the rest of a row depends on fields, prints and the tombstone), with presence marks,
 * which are decided against the check-ins. A row is written only when its official check-in,
 * conflict count or presence changes, and a person without a row (known only
 * through a check-in so far) gets none: `refreshAttendee` picks the check-in up with their upsert.
 */
export function refreshCheckinColumns(db: Db, attendeeIds: readonly string[]): void {
  const resolved = checkinStateOf(db, attendeeIds);
  const ids = [...resolved.keys()];
  for (const chunk of statementChunks(ids)) {
    const params: unknown[] = [];
    for (const id of chunk) {
      const { official, conflicts, perList, left } = resolved.get(id) ?? NO_CHECKINS;
      params.push(
        id, official?.id ?? null, official?.scanned_at ?? null, official?.station ?? null, official?.source ?? null, conflicts.length, left ? 1 : 0,
        listCheckinsColumn(perList),
      );
    }
    const updated = cachedStatement(db,
      `UPDATE attendees SET checkin_id = v.column2, checked_in_at = v.column3, checked_in_station = v.column4,
         checkin_source = v.column5, conflict_count = v.column6, left_room = v.column7, list_checkins = v.column8
       FROM (VALUES ${multiRowValues(8, chunk.length)}) AS v
       WHERE attendees.id = v.column1
         AND (attendees.checkin_id IS NOT v.column2 OR attendees.conflict_count IS NOT v.column6 OR attendees.left_room IS NOT v.column7
           OR attendees.list_checkins IS NOT v.column8)
       RETURNING attendees.id`,
    ).all(params) as { id: string }[];
    for (const row of updated) notifyAttendeeRefreshed(db, row.id);
  }
}
