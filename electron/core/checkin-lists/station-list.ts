import { DEFAULT_LIST_ID, eventLists } from '../../../shared/domain/checkin-lists';
import type { CheckinList, EventSettings } from '../../../shared/domain/settings';
import { MusubiError } from '../../../shared/errors';
import { readMeta, writeMeta } from '../db/meta';
import type { Db } from '../db/types';

/** The `meta` key of the list this station checks people in to (station-local: each door has its own). */
const STATION_LIST_KEY = 'checkin.list';

/**
 * The list this station checks people in to: the one it chose, else the event's first list (the
 * implicit default list of a simple event). A choice whose list the organizer has since removed
 * falls back the same way, so a door never checks people in to a list nobody can see.
 */
export function stationList(db: Db, settings: Pick<EventSettings, 'checkinLists'>): CheckinList {
  const lists = eventLists(settings);
  const chosen = readMeta(db, STATION_LIST_KEY);
  return lists.find((l) => l.id === chosen) ?? (lists[0] as CheckinList);
}

/** Chooses this station's list; refuses an id the event does not have. */
export function chooseStationList(db: Db, settings: Pick<EventSettings, 'checkinLists'>, listId: string): CheckinList {
  const list = eventLists(settings).find((l) => l.id === listId);
  if (!list) throw new MusubiError('not-found', `The event has no check-in list "${listId}".`, 'list');
  writeMeta(db, STATION_LIST_KEY, list.id);
  return list;
}

/** The list id as a check-in entry carries it: none for the default list. */
export function entryListId(list: Pick<CheckinList, 'id'>): string | undefined {
  return list.id === DEFAULT_LIST_ID ? undefined : list.id;
}
