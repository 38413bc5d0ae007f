import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api/context';
import type { ApiClient } from '../api/client';
import { liveReadsOf } from '../api/live-reads';

/**
 * Runs a read against the API, and again whenever the projection changes (a check-in on another
 * screen, or entries from sync) or `key` (the read's inputs) changes. Late answers to stale
 * requests are dropped, so fast typing never shows an older query's results. Reads go through the
 * page's LiveReads: the same read asked by several parts of the screen at once is one request,
 * and a burst of changes is one re-read.
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
    let generation = 0;
    let active = true;
    const refresh = (): void => {
      const mine = ++generation;
      latestRead.current(reads.client).then(
        (value) => {
          if (active && mine === generation) setData(value);
        },
        () => undefined,
      );
    };
    refresh();
    const unsubscribe = reads.onChanged(refresh);
    return () => {
      active = false;
      unsubscribe();
    };
  }, [api, key]);

  return { data };
}
