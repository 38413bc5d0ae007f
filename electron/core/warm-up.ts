import { EMPTY_ATTENDEE_FIELDS, type Attendee } from '../../shared/domain/attendee';
import { renderBadge } from './badges/badge-pdf';
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

/**
 * What a station or the desktop app does right after it starts answering, so that the first
 * keystroke at the door and the first badge do not pay for it: builds the search index (~3 s for
 * 100,000 attendees, otherwise done by the first search) and loads pdfkit, fontkit and both font
 * weights by drawing one throwaway badge (~0.3–0.5 s otherwise paid by the first check-in's
 * badge), and loads the HTTP client for sync. Scheduled with setImmediate, so the caller's startup messages are out and its server is
 * already listening; a request that arrives during the index build waits for it (as a search
 * would have anyway). Failures are reported, never thrown: the same work happens again on demand.
 */
export function warmUpInBackground(db: Db, onError: (error: Error) => void = () => undefined): void {
  setImmediate(() => {
    // The database may have been closed already (a station stopped right after starting).
    if (!db.open) return;
    try {
      searchIndexFor(db).warm();
      renderBadge(WARM_UP_ATTENDEE, readSettings(db), 'card').catch((error: unknown) => onError(error as Error));
      loadHttpClient().catch((error: unknown) => onError(error as Error));
    } catch (error) {
      onError(error as Error);
    }
  });
}
