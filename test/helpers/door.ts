import Database from 'better-sqlite3';
import type { CDPSession, Page } from 'playwright-core';

/** Calls a station's API directly, as another screen would; returns the value or throws the error. */
export async function callStation(url: string, method: string, input?: unknown): Promise<unknown> {
  const response = await fetch(new URL(`api/${method}`, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: input === undefined ? '' : JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value;
}

const sessions = new WeakMap<Page, CDPSession>();

/**
 * A USB scanner: the whole code and Enter at 0 ms per key. A scanner does not wait for the page
 * to handle one key before sending the next (the OS stamps each key as it arrives), so the keys
 * are all handed to Chromium at once, not one round trip each as `keyboard.type` does.
 */
export async function scan(page: Page, code: string): Promise<void> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  const sent: Promise<unknown>[] = [];
  // Stamped as the scanner's keyboard would be: all within a millisecond or two.
  const start = Date.now() / 1000;
  let index = 0;
  const send = (event: {
    type: 'keyDown' | 'keyUp';
    key: string;
    code?: string;
    text?: string;
    unmodifiedText?: string;
    windowsVirtualKeyCode?: number;
    nativeVirtualKeyCode?: number;
  }): void => {
    sent.push(session.send('Input.dispatchKeyEvent', { ...event, timestamp: start + index++ * 0.0001 }));
  };
  for (const key of [...code]) {
    send({ type: 'keyDown', key, text: key, unmodifiedText: key });
    send({ type: 'keyUp', key });
  }
  const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 };
  send({ type: 'keyDown', ...enter, text: '\r' });
  send({ type: 'keyUp', ...enter });
  await Promise.all(sent);
}

export interface CheckinRow {
  ticketCode: string;
  name: string;
  company: string;
  walkIn: number;
  checkedIn: number;
  source: string | null;
}

/** What the station's database file says, read beside the running station (read-only). */
export function readCheckins(dbFile: string): CheckinRow[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT ticket_code AS ticketCode, name, company, walk_in AS walkIn, checkin_id IS NOT NULL AS checkedIn, checkin_source AS source
         FROM attendees WHERE removed = 0 ORDER BY ticket_code`,
      )
      .all() as CheckinRow[];
  } finally {
    db.close();
  }
}
