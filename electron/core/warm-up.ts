import { EMPTY_ATTENDEE_FIELDS, type Attendee } from '../../shared/domain/attendee';
import { badgeWorker } from './badges/badge-worker-client';
import type { Db } from './db/types';
import { searchIndexFor } from './search/attendee-index';
import { readSettings } from './settings/queries';

/** A made-up attendee whose badge exercises every part a real one uses (kana, kanji, QR). */
const WARM_UP_ATTENDEE: Attendee = {
  ...EMPTY_ATTENDEE_FIELDS,
  id: '00000000-0000-4000-8000-00000000ffff',
  name: '結 太郎',
  nameKana: 'むすび たろう',
  company: 'Musubi',
  vcardOptIn: true,
  checkedIn: null,
  conflicts: [],
  badgePrints: 0,
  left: false,
};

/**
 * Loads Node's HTTP client (fetch loads its ~70 ms of modules on first use): the first sync after
 * the hub comes back should not pay for it. A fetch of a data: URL touches no network.
 */
export async function loadHttpClient(): Promise<void> {
  await (await fetch('data:,')).arrayBuffer();
}

/** Badge and HTTP-client warm-ups wait this long after the index, so a first search is not queued behind them. */
const AFTER_INDEX_MS = 250;

/**
 * What a station or the desktop app does right after it starts answering, so that the first
 * keystroke at the door and the first badge do not pay for it: gets the search index ready (from
 * its snapshot in the database, a fraction of a second for 100,000 attendees; with no snapshot, a
 * build on a worker thread whose first stage a search arriving meanwhile waits for), then starts
 * the badge worker and has it load pdfkit, fontkit and both font weights by drawing one throwaway
 * badge (~0.3–0.5 s otherwise paid by the first check-in's badge), and loads the HTTP client for
 * sync. Those two come a moment
 * later, so that the desk's first search, sent as soon as the station answers, is not queued behind
 * them. Scheduled with setImmediate, so the caller's startup messages are out and its server is
 * already listening. Failures are reported, never thrown: the same work happens again on demand.
 */
export function warmUpInBackground(db: Db, onError: (error: Error) => void = () => undefined): void {
  setImmediate(() => {
    // The database may have been closed already (a station stopped right after starting).
    if (!db.open) return;
    try {
      searchIndexFor(db).warm();
    } catch (error) {
      onError(error as Error);
    }
    setTimeout(() => {
      if (!db.open) return;
      try {
        badgeWorker().render(WARM_UP_ATTENDEE, readSettings(db), 'card').catch((error: unknown) => onError(error as Error));
        loadHttpClient().catch((error: unknown) => onError(error as Error));
      } catch (error) {
        onError(error as Error);
      }
    }, AFTER_INDEX_MS);
  });
}
