import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startStationProcess } from '../helpers/processes';
import { openTestStation } from '../helpers/service';
import { tempDir } from '../helpers/temp';

/**
 * A real `musubi station` is killed with SIGKILL in the middle of a burst of check-ins and undos
 * sent over HTTP, again and again. Whatever the station acknowledged must be there after each
 * restart (synchronous = FULL and one transaction per request are what this keeps honest);
 * nothing is doubled; the file stays intact. A request in flight at the kill may or may not have
 * landed, so that person's state is read back and taken as it is.
 */
const KILLS = 20;
const PEOPLE = 12;

async function call(url: string, method: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> {
  const response = await fetch(new URL(`api/${method}`, url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  return (await response.json()) as { ok: boolean; value?: unknown };
}

async function checkedIn(url: string, id: string): Promise<boolean> {
  const result = await call(url, 'getAttendee', { id });
  if (!result.ok) throw new Error(`getAttendee failed: ${JSON.stringify(result)}`);
  return (result.value as { checkedIn: unknown }).checkedIn !== null;
}

describe('a station killed during check-ins', () => {
  it(`loses no acknowledged check-in or undo over ${KILLS} SIGKILLs`, async () => {
    const dbFile = path.join(tempDir(), 'event.db');
    const seed = openTestStation({ file: dbFile });
    const ids: string[] = [];
    for (let i = 0; i < PEOPLE; i++) ids.push((await seed.service.api.addAttendee({ name: `来場者 ${i}`, ticketCode: `K-${i}` })).id);
    seed.close();

    /** What the station acknowledged for each person; undefined while a request's fate is unknown. */
    const expected = new Map<string, boolean | undefined>(ids.map((id) => [id, false]));
    let acknowledged = 0;
    let checkInsAcknowledged = 0;
    for (let round = 0; round < KILLS; round++) {
      const station = await startStationProcess(dbFile);
      // After the restart: every acknowledged state is there; unknown ones are read back.
      for (const id of ids) {
        const actual = await checkedIn(station.url, id);
        const known = expected.get(id);
        if (known === undefined) expected.set(id, actual);
        else expect(actual, `round ${round}, ${id}`).toBe(known);
      }
      // One request per person at a time, all people at once; the kill lands after a few answers.
      let answers = 0;
      const killAfter = 8 + ((round * 7) % 17);
      let killed = false;
      const worker = async (id: string): Promise<void> => {
        while (!killed) {
          const want = !expected.get(id);
          expected.set(id, undefined);
          let result: { ok: boolean };
          try {
            result = want ? await call(station.url, 'checkIn', { attendeeId: id, source: 'search' }) : await call(station.url, 'undoCheckIn', { attendeeId: id });
          } catch {
            return; // the connection died with the station: unknown
          }
          if (!result.ok) throw new Error(`${want ? 'checkIn' : 'undoCheckIn'} refused: ${JSON.stringify(result)}`);
          expected.set(id, want);
          acknowledged++;
          if (want) checkInsAcknowledged++;
          if (++answers >= killAfter && !killed) {
            killed = true;
            station.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(ids.map(worker));
      await station.stop('SIGKILL');
    }
    expect(acknowledged).toBeGreaterThan(KILLS * 8);

    const db = new Database(dbFile, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // Nothing doubled: at most one live check-in per person, and no more check-ins than were sent.
      const live = db
        .prepare('SELECT attendee_id, count(*) AS n FROM checkins WHERE id NOT IN (SELECT of_checkin FROM checkin_undos) GROUP BY attendee_id')
        .all() as { attendee_id: string; n: number }[];
      for (const row of live) expect(row.n).toBe(1);
      const all = (db.prepare('SELECT count(*) AS n FROM checkins').get() as { n: number }).n;
      expect(all).toBeGreaterThanOrEqual(checkInsAcknowledged);
      expect(all).toBeLessThanOrEqual(checkInsAcknowledged + PEOPLE * KILLS);
      for (const row of live) expect(expected.get(row.attendee_id)).not.toBe(false);
    } finally {
      db.close();
    }
  }, 600_000);
});
