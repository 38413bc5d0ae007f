import {
  CONFLICT_WORDS,
  EXPORT_HEADERS,
  STATUS_WORDS,
  type AttendanceStatus,
  type ExportColumn,
} from '../../../shared/domain/export-columns';
import type { EventSettings } from '../../../shared/domain/settings';
import type { Attendee, CheckinView } from '../../../shared/domain/attendee';
import { checkinOnList } from '../../../shared/domain/checkin-lists';
import { katakanaToHiragana } from '../../../shared/text/normalize';
import type { AttendeeRow } from '../attendees/queries';
import type { Db } from '../db/types';
import { readSettings } from '../settings/queries';

export type Cell = string | number;

const TICKET_TYPE_HEADER = { ja: 'チケット種別', en: 'Ticket type' } as const;

/** What `checkinOnList` needs of a row: the first arrival (the default list's, when there are no per-list check-ins) and the per-list record. */
function checkinsOfRow(row: Row): Pick<Attendee, 'checkedIn' | 'lists'> {
  const checkedIn = row.checkin_id && row.checked_in_at ? { checkinId: row.checkin_id, at: row.checked_in_at, station: row.checked_in_station ?? '', source: 'search' as const } : null;
  return row.list_checkins === null ? { checkedIn } : { checkedIn, lists: JSON.parse(row.list_checkins) as Record<string, CheckinView> };
}

/**
 * A column of the written table: one of the chosen export columns, or, for an event with check-in
 * lists, the ticket type and one column per list (`list:<id>`, the time of the check-in on it).
 */
export type TableColumn = ExportColumn | 'ticketType' | `list:${string}`;

/** The attendance list ready to be written: headers and rows in the chosen columns. */
export interface AttendanceTable {
  columns: TableColumn[];
  headers: string[];
  rows: Cell[][];
  status: AttendanceStatus[];
}

/** The attendee columns the attendance list reads (the `attendees` row type, in part). */
type Row = Pick<
  AttendeeRow,
  | 'ticket_code'
  | 'name'
  | 'name_kana'
  | 'company'
  | 'title'
  | 'industry'
  | 'goals'
  | 'email'
  | 'walk_in'
  | 'registration_status'
  | 'checked_in_at'
  | 'checked_in_station'
  | 'conflict_count'
  | 'badge_prints'
  | 'ticket_type'
  | 'checkin_id'
  | 'list_checkins'
>;

const collator = new Intl.Collator('ja');

/** The reading used for sorting: kana as hiragana, so アイダ and あいだ sort together. */
function sortKey(row: Row): string {
  return katakanaToHiragana(row.name_kana.normalize('NFKC')).replace(/[\s\u3000]+/g, '');
}

/**
 * Roster order: by reading with a Japanese collator; people without a reading come after, by name
 * (a kanji name alone does not say how it is read, so it cannot be put among the kana).
 */
export function compareByReading(a: Row, b: Row): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (ka && kb) return collator.compare(ka, kb) || collator.compare(a.name, b.name);
  if (ka) return -1;
  if (kb) return 1;
  return collator.compare(a.name, b.name);
}

/** "2026-11-24 18:03" in the station's local time: what an organizer reads in Excel. */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function statusOf(row: Row): AttendanceStatus {
  if (row.walk_in === 1) return 'walk-in';
  return row.checked_in_at ? 'checked-in' : 'not-checked-in';
}

export function labelLookup(settings: EventSettings, language: 'ja' | 'en') {
  const industries = new Map(settings.industries.map((i) => [i.id, i[language]]));
  const goals = new Map(settings.goals.map((g) => [g.id, g[language]]));
  return {
    industry: (id: string): string => industries.get(id) ?? id,
    goal: (id: string): string => goals.get(id) ?? id,
  };
}

/** Reads the attendance list from the projection, sorted by reading, in the chosen columns. */
export function readAttendanceTable(
  db: Db,
  options: { columns: readonly ExportColumn[]; includeNoShows: boolean; language: 'ja' | 'en' },
): AttendanceTable {
  const { language } = options;
  const settings = readSettings(db);
  const labels = labelLookup(settings, language);
  const rows = (
    db
      .prepare(
        `SELECT ticket_code, name, name_kana, company, title, industry, goals, email, walk_in, registration_status, checked_in_at,
                checked_in_station, conflict_count, badge_prints, ticket_type, checkin_id, list_checkins
         FROM attendees WHERE removed = 0`,
      )
      .all() as Row[]
  )
    // A cancelled, waitlisted or unpaid registration is not a no-show: listed only if they came anyway.
    .filter((row) => row.walk_in === 1 || row.checked_in_at || (options.includeNoShows && row.registration_status === 'registered'))
    .sort(compareByReading);

  // An event with check-in lists gets the ticket type and one column per list, after the chosen ones.
  const lists = settings.checkinLists;
  const columns: TableColumn[] = [...options.columns, ...(lists.length > 0 ? (['ticketType', ...lists.map((l) => `list:${l.id}` as const)] as const) : [])];
  const listNames = new Map(lists.map((l) => [`list:${l.id}`, l[language]]));
  const status = rows.map(statusOf);
  const cell = (row: Row, index: number, column: TableColumn): Cell => {
    if (column === 'ticketType') return row.ticket_type;
    if (column.startsWith('list:')) {
      const onList = checkinOnList(checkinsOfRow(row), column.slice('list:'.length));
      return onList ? localDateTime(onList.at) : '';
    }
    switch (column as ExportColumn) {
      case 'ticketCode':
        return row.ticket_code;
      case 'name':
        return row.name;
      case 'nameKana':
        return row.name_kana;
      case 'company':
        return row.company;
      case 'title':
        return row.title;
      case 'industry':
        return row.industry ? labels.industry(row.industry) : '';
      case 'goals':
        return (JSON.parse(row.goals) as string[]).map(labels.goal).join(language === 'ja' ? '、' : ', ');
      case 'email':
        return row.email;
      case 'status':
        return STATUS_WORDS[language][status[index] ?? 'not-checked-in'];
      case 'checkedInAt':
        return row.checked_in_at ? localDateTime(row.checked_in_at) : '';
      case 'station':
        return row.checked_in_station ?? '';
      case 'badgePrints':
        return row.badge_prints;
      case 'conflict':
        return row.conflict_count > 0 ? CONFLICT_WORDS[language] : '';
    }
  };
  return {
    columns,
    headers: columns.map((c) => (c === 'ticketType' ? TICKET_TYPE_HEADER[language] : (listNames.get(c) ?? EXPORT_HEADERS[language][c as ExportColumn]))),
    rows: rows.map((row, index) => columns.map((column) => cell(row, index, column))),
    status,
  };
}

export interface CheckinEventRow {
  at: string;
  ticketCode: string;
  name: string;
  station: string;
  source: string;
  state: 'official' | 'conflict' | 'undone';
}

/** Every check-in ever recorded (official, second check-ins at another door, undone), by scan time. */
export function readCheckinEvents(db: Db): CheckinEventRow[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.scanned_at, c.station, c.source, a.ticket_code, a.name, a.checkin_id,
              EXISTS (SELECT 1 FROM checkin_undos u WHERE u.of_checkin = c.id) AS undone
       FROM checkins c JOIN attendees a ON a.id = c.attendee_id AND a.removed = 0
       ORDER BY c.scanned_at, c.hlc`,
    )
    .all() as {
    id: string;
    scanned_at: string;
    station: string;
    source: string;
    ticket_code: string;
    name: string;
    checkin_id: string | null;
    undone: number;
  }[];
  return rows.map((r) => ({
    at: r.scanned_at,
    ticketCode: r.ticket_code,
    name: r.name,
    station: r.station,
    source: r.source,
    state: r.undone ? 'undone' : r.checkin_id === r.id ? 'official' : 'conflict',
  }));
}
