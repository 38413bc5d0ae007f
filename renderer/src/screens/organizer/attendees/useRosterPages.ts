import { useCallback, useEffect, useRef, useState } from 'react';
import type { RosterFilter, RosterRow } from '../../../../../shared/api/methods/roster';
import { useApi } from '../../../api/context';

/** Rows per request: a screen shows a dozen; a page covers a few screens of scrolling. */
export const PAGE_SIZE = 100;

interface Pages {
  key: string;
  total: number | undefined;
  /** Each page with the generation of the projection it was read at. */
  pages: Map<number, { generation: number; rows: RosterRow[] }>;
}

/**
 * The attendee list a page at a time: `rowAt(i)` answers from the pages fetched so far and
 * `want(first, last)` fetches the pages of the rows on screen. A new query or filter starts over;
 * a change to the projection (an edit here, a check-in at the door, entries from sync) re-reads
 * the pages on screen and keeps showing the old rows until the new ones arrive, so the list does
 * not jump back to the top every time someone checks in.
 */
export function useRosterPages(query: string, filter: RosterFilter) {
  const api = useApi();
  const key = JSON.stringify([query.trim(), filter]);
  const [state, setState] = useState<Pages>({ key, total: undefined, pages: new Map() });
  const loading = useRef(new Set<string>());
  const visible = useRef<[number, number]>([0, 0]);
  const generation = useRef(0);
  const latestKey = useRef(key);

  const fetchPage = useCallback(
    (page: number) => {
      const gen = generation.current;
      const id = `${key}:${gen}:${page}`;
      if (loading.current.has(id)) return;
      loading.current.add(id);
      const [text, pageFilter] = JSON.parse(key) as [string, RosterFilter];
      const input = { offset: page * PAGE_SIZE, limit: PAGE_SIZE, filter: pageFilter, ...(text ? { query: text } : {}) };
      api.listAttendees(input).then(
        (answer) => {
          loading.current.delete(id);
          // An answer for a query or filter no longer on screen is dropped.
          if (key !== latestKey.current) return;
          setState((current) => {
            if (current.key === key && gen < (current.pages.get(page)?.generation ?? -1)) return current;
            const pages = new Map(current.key === key ? current.pages : []);
            pages.set(page, { generation: gen, rows: answer.items });
            return { key, total: answer.total, pages };
          });
        },
        () => loading.current.delete(id),
      );
    },
    [api, key],
  );

  const want = useCallback(
    (first: number, last: number) => {
      visible.current = [first, last];
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
        const held = state.key === key ? state.pages.get(page) : undefined;
        if (!held || held.generation < generation.current) fetchPage(page);
      }
    },
    [fetchPage, key, state],
  );

  useEffect(() => {
    latestKey.current = key;
    visible.current = [0, 0];
    fetchPage(0);
    return api.onChanged(() => {
      generation.current++;
      const [first, last] = visible.current;
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) fetchPage(page);
    });
  }, [api, key, fetchPage]);

  const current = state.key === key ? state : undefined;
  const rowAt = (index: number): RosterRow | undefined => current?.pages.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE];
  return { total: current?.total, rowAt, want };
}
