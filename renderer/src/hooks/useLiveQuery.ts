import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api/context';
import type { ApiClient } from '../api/client';
import { liveReadsOf, queryConcerned } from '../api/live-reads';

/**
 * Runs a read against the API, and again whenever something it read changes (a check-in on
 * another screen, entries from sync, a settings change) or `key` (the read's inputs) changes.
 * Which changes concern it follows from the methods it called: each declares in the contract the
 * topics of change notices that can change its answer (`changesWith`); one that declares none,
 * or a read that has called nothing yet, re-reads on every change. Late answers to stale requests
 * are dropped, so fast typing never shows an older query's results. Reads go through the page's
 * LiveReads: the same read asked by several parts of the screen at once is one request, and a
 * burst of changes is one re-read. A re-read whose answer is the same as the one shown keeps the
 * shown value (the same object), so the screen is not drawn again for it: after a check-in most
 * re-reads (the badge printed, the queue one shorter) leave most reads' answers as they were.
 */
export function useLiveQuery<T>(read: (api: ApiClient) => Promise<T>, key = ''): { data: T | undefined } {
  const api = useApi();
  const [data, setData] = useState<T>();
  const latestRead = useRef(read);
  useEffect(() => {
    latestRead.current = read;
  });

  useEffect(() => {
    const reads = liveReadsOf(api);
    // Every method this query has called (a read may call another one next time, e.g. once a
    // person is chosen): the union, so a change to anything it has shown is heard.
    const methods = new Set<string>();
    const client = new Proxy(reads.client, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof property !== 'string' || typeof value !== 'function' || property === 'onChanged') return value;
        return (...args: unknown[]) => {
          methods.add(property);
          return (value as (...a: unknown[]) => unknown)(...args);
        };
      },
    });
    let generation = 0;
    let active = true;
    /** This read's answer shown, as JSON (answers are JSON from the station or the IPC's structured clone); none yet at first. */
    let shown: { json: string } | null = null;
    const refresh = (): void => {
      const mine = ++generation;
      latestRead.current(client).then(
        (value) => {
          if (!active || mine !== generation) return;
          const json = JSON.stringify(value);
          if (shown?.json === json) return;
          shown = { json };
          setData(value);
        },
        () => undefined,
      );
    };
    refresh();
    const unsubscribe = reads.onChanged((event) => {
      if (queryConcerned(event, methods)) refresh();
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [api, key]);

  return { data };
}
