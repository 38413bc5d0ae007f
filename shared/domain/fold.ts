import { EMPTY_ATTENDEE_FIELDS, type Attendee, type AttendeeFields, type CheckinView } from './attendee';
import { listOf, resolveListCheckins, DEFAULT_LIST_ID } from './checkin-lists';
import { DEFAULT_EVENT_ASSETS, DEFAULT_EVENT_SETTINGS } from './defaults';
import { compareStamp, type CheckinEntry, type Entry } from './entry';
import { hasLeft, type PresenceMark } from './presence';
import type { StoredEventSettings } from './settings';

/**
 * The reference fold of a log into the projection the UI reads. Core keeps the same projection in
 * SQLite incrementally (electron/core/projection); tests check the two agree. The fold is a pure
 * function of the *set* of entries: order and duplicates do not change the result.
 */
export interface Projection {
  settings: StoredEventSettings;
  attendees: Map<string, Attendee>;
}

interface Stamped {
  value: unknown;
  hlc: string;
  id: string;
}

function lwwSet(fields: Map<string, Stamped>, name: string, candidate: Stamped): void {
  const current = fields.get(name);
  if (!current || compareStamp(candidate, current) > 0) fields.set(name, candidate);
}

export function checkinView(entry: CheckinEntry): CheckinView {
  const view: CheckinView = { checkinId: entry.id, at: entry.data.scannedAt, station: entry.station, source: entry.data.source };
  const list = listOf(entry.data);
  if (list !== DEFAULT_LIST_ID) view.list = list;
  return view;
}

export function foldEntries(entries: Iterable<Entry>): Projection {
  const unique = new Map<string, Entry>();
  for (const entry of entries) unique.set(entry.id, entry);

  const settingsFields = new Map<string, Stamped>();
  const attendeeFields = new Map<string, Map<string, Stamped>>();
  const removals = new Map<string, Stamped>();
  const checkins = new Map<string, CheckinEntry[]>();
  const undone = new Set<string>();
  const prints = new Map<string, number>();
  const presence = new Map<string, PresenceMark[]>();

  for (const entry of unique.values()) {
    switch (entry.type) {
      case 'settings.upsert':
        for (const [name, value] of Object.entries(entry.data.fields)) {
          if (value !== undefined) lwwSet(settingsFields, name, { value, hlc: entry.hlc, id: entry.id });
        }
        break;
      case 'attendee.upsert': {
        let fields = attendeeFields.get(entry.attendeeId);
        if (!fields) attendeeFields.set(entry.attendeeId, (fields = new Map()));
        for (const [name, value] of Object.entries(entry.data.fields)) {
          if (value !== undefined) lwwSet(fields, name, { value, hlc: entry.hlc, id: entry.id });
        }
        break;
      }
      case 'attendee.remove':
      case 'attendee.restore':
        lwwSet(removals, entry.attendeeId, { value: entry.type === 'attendee.remove', hlc: entry.hlc, id: entry.id });
        break;
      case 'checkin': {
        const list = checkins.get(entry.attendeeId) ?? [];
        list.push(entry);
        checkins.set(entry.attendeeId, list);
        break;
      }
      case 'checkin.undo':
        undone.add(entry.data.of);
        break;
      case 'badge.printed':
        prints.set(entry.attendeeId, (prints.get(entry.attendeeId) ?? 0) + entry.data.copies);
        break;
      case 'attendee.presence': {
        const marks = presence.get(entry.attendeeId) ?? [];
        marks.push({ id: entry.id, hlc: entry.hlc, state: entry.data.state });
        presence.set(entry.attendeeId, marks);
        break;
      }
      case 'partners.suggested':
        // Read by the suggestion engine's load counts (shared/domain/partners), not by the row.
        break;
    }
  }

  const settings: StoredEventSettings = { ...DEFAULT_EVENT_SETTINGS, ...DEFAULT_EVENT_ASSETS };
  for (const [name, stamped] of settingsFields) if (Object.hasOwn(settings, name)) Object.assign(settings, { [name]: stamped.value });

  const attendees = new Map<string, Attendee>();
  for (const [id, fields] of attendeeFields) {
    if (removals.get(id)?.value === true) continue;
    const values: AttendeeFields = { ...EMPTY_ATTENDEE_FIELDS };
    for (const [name, stamped] of fields) Object.assign(values, { [name]: stamped.value });
    const listed = (checkins.get(id) ?? []).map((entry) => ({ id: entry.id, hlc: entry.hlc, list: entry.data.list, entry }));
    const { official, conflicts, perList } = resolveListCheckins(listed, undone);
    const live = listed.filter((c) => !undone.has(c.id));
    const attendee: Attendee = {
      ...values,
      id,
      checkedIn: official ? checkinView(official.entry) : null,
      conflicts: conflicts.map((c) => checkinView(c.entry)),
      badgePrints: prints.get(id) ?? 0,
      left: hasLeft(live, presence.get(id) ?? []),
    };
    if (perList) attendee.lists = Object.fromEntries([...perList].map(([list, c]) => [list, checkinView(c.entry)]));
    attendees.set(id, attendee);
  }
  return { settings, attendees };
}
