import type { Db } from '../db/types';

/**
 * Who wants to know that an attendee row was rewritten. The projection is the one place every
 * change passes through (local edits, imports, entries applied by sync), so it tells the listeners
 * registered for its database; the search index uses this to stay right whatever path changed a
 * person. Listeners are called inside the writer's transaction, which may still roll back: they
 * must only note the id and re-read the row later, never trust the moment of the call.
 */
export type AttendeeListener = (attendeeId: string) => void;

const listenersByDb = new WeakMap<Db, Set<AttendeeListener>>();

/** Registers a listener for one database; returns the function that removes it. */
export function onAttendeeRefreshed(db: Db, listener: AttendeeListener): () => void {
  let listeners = listenersByDb.get(db);
  if (!listeners) {
    listeners = new Set();
    listenersByDb.set(db, listeners);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyAttendeeRefreshed(db: Db, attendeeId: string): void {
  const listeners = listenersByDb.get(db);
  if (!listeners) return;
  for (const listener of listeners) listener(attendeeId);
}
