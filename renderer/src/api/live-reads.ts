import { concerns, joinTopics, topicsOfNotice, type AllTopics, type ChangeTopic } from '../../../shared/api/change-topics';
import { changeTopicsOf, type PushEvents } from '../../../shared/api/contract';
import type { ApiClient } from './client';

type ChangeEvent = PushEvents['changed'];
type ChangeListener = (event: ChangeEvent) => void;

type Changed = ReadonlySet<ChangeTopic> | AllTopics;

/**
 * Change notices that arrive within this long of the first reach the live queries as one: each
 * query re-reads once for a burst (a check-in and the entry it leads to, a sync batch, an import).
 * One frame: what is on screen could not show the in-between state anyway.
 */
export const CHANGE_WINDOW_MS = 16;

/**
 * What the live queries of one page read through (useLiveQuery). Several parts of a screen read
 * the same thing (the header, the desk and the card all read the event's settings and the door's
 * counts), and every change notice makes all of them read again at once; on the station's one
 * thread those identical requests would queue up beside the next check-in. So:
 * - identical reads (same method, same input) in flight at the same time are sent once, and
 *   every caller gets that one answer, or that one error;
 * - a change notice ends the sharing at once for the reads it concerns (its topics and the
 *   method's `changesWith`, shared/api/change-topics.ts): a read asked for after it is sent
 *   afresh, never given the answer of a read that started before the change (and may not have
 *   seen it);
 * - notices within CHANGE_WINDOW_MS of each other reach the listeners as one, their topics
 *   joined (a notice without topics, or with one this build does not know, is "everything").
 * Only reads go through here: a write (a check-in, a print) is never shared, however alike.
 */
export interface LiveReads {
  /** The API as the live queries call it: the same methods, identical calls in flight shared. */
  readonly client: ApiClient;
  /** Hears the station's change notices, coalesced; returns the unsubscribe. */
  onChanged(listener: ChangeListener): () => void;
}

interface Waiting {
  reason: ChangeEvent['reason'];
  changed: Changed;
}

function merged(first: Waiting | null, next: ChangeEvent): Waiting {
  const changed = topicsOfNotice(next);
  if (!first) return { reason: next.reason, changed };
  return { reason: first.reason === 'sync' || next.reason === 'sync' ? 'sync' : 'local', changed: joinTopics(first.changed, changed) };
}

function asEvent({ reason, changed }: Waiting): ChangeEvent {
  return changed === 'all' ? { reason } : { reason, topics: [...changed] };
}

/** Whether a query that called `methods` (its reads through the client) must read again after `event`. */
export function queryConcerned(event: ChangeEvent, methods: Iterable<string>): boolean {
  return concerns(topicsOfNotice(event), changeTopicsOf(methods));
}

export function createLiveReads(api: ApiClient, windowMs = CHANGE_WINDOW_MS): LiveReads {
  /** Reads in flight that no change notice since has concerned, by method and input. */
  const inFlight = new Map<string, { call: Promise<unknown>; topics: Changed }>();
  const listeners = new Set<ChangeListener>();
  let waiting: Waiting | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopListening: (() => void) | undefined;

  const deliver = (): void => {
    timer = undefined;
    const event = waiting && asEvent(waiting);
    waiting = null;
    if (event) for (const listener of [...listeners]) listener(event);
  };

  const onStationChange = (event: ChangeEvent): void => {
    // From now on every read the change concerns goes to the station again, whether or not the
    // listeners have heard yet.
    const changed = topicsOfNotice(event);
    for (const [key, read] of inFlight) if (concerns(changed, read.topics)) inFlight.delete(key);
    waiting = merged(waiting, event);
    timer ??= setTimeout(deliver, windowMs);
  };

  const shared =
    (method: string) =>
    (input?: unknown): Promise<unknown> => {
      const key = `${method}\u0000${input === undefined ? '' : JSON.stringify(input)}`;
      const running = inFlight.get(key);
      if (running) return running.call;
      const call = (api[method as keyof ApiClient] as (input?: unknown) => Promise<unknown>)(input);
      inFlight.set(key, { call, topics: changeTopicsOf([method]) });
      const settled = (): void => {
        if (inFlight.get(key)?.call === call) inFlight.delete(key);
      };
      call.then(settled, settled);
      return call;
    };

  const client = new Proxy(api, {
    get(target, property, receiver) {
      if (property === 'onChanged') return (listener: ChangeListener) => subscribe(listener);
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof property === 'string' && typeof value === 'function' ? shared(property) : value;
    },
  });

  function subscribe(listener: ChangeListener): () => void {
    listeners.add(listener);
    // One subscription to the station for all the page's queries, dropped with the last of them.
    stopListening ??= api.onChanged(onStationChange);
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0 || !stopListening) return;
      stopListening();
      stopListening = undefined;
      clearTimeout(timer);
      timer = undefined;
      waiting = null;
    };
  }

  return { client, onChanged: subscribe };
}

const perClient = new WeakMap<ApiClient, LiveReads>();

/** The one LiveReads of this API client (a page has one client, so its live queries share). */
export function liveReadsOf(api: ApiClient): LiveReads {
  let reads = perClient.get(api);
  if (!reads) {
    reads = createLiveReads(api);
    perClient.set(api, reads);
  }
  return reads;
}
