import { afterEach, describe, expect, it } from 'vitest';
import { readEntries } from '../../electron/core/log/append';
import { writePushedSeq } from '../../electron/core/sync/config';
import { applyPulled, countWaiting } from '../../electron/core/sync/engine';
import type { Db } from '../../electron/core/db/types';
import { openTestStation, type TestStation } from '../helpers/service';

const open: TestStation[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** The count as the whole log says it: what the remembered count must always equal. */
const counted = (db: Db, pushedSeq: number): number =>
  (db.prepare('SELECT count(*) AS n FROM entries WHERE seq > ? AND pulled = 0').get(pushedSeq) as { n: number }).n;

describe('the number of entries waiting to be pushed', () => {
  it('follows local writes, pulled entries and pushes exactly, counting on from the last count', async () => {
    const a = openTestStation({ station: 'Door A' });
    const b = openTestStation({ station: 'Door B' });
    open.push(a, b);
    let pushed = 0;
    let pulledFromB = 0;
    let cursor = 0;
    // A fixed walk through every kind of change, several times over.
    const steps = ['local', 'local', 'pull', 'count', 'push', 'local', 'pull', 'pull', 'push-all', 'local', 'count', 'local', 'pull', 'local'];
    for (let round = 0; round < 3; round++) {
      for (const step of steps) {
        if (step === 'local') await a.service.api.addAttendee({ name: `A ${round}` });
        if (step === 'pull') {
          await b.service.api.addAttendee({ name: `B ${round}` });
          const fresh = readEntries(b.db).slice(pulledFromB);
          pulledFromB += fresh.length;
          applyPulled(a.db, a.service.recorder.clock, fresh, ++cursor);
        }
        if (step === 'push' || step === 'push-all') {
          const local = a.db.prepare('SELECT seq FROM entries WHERE seq > ? AND pulled = 0 ORDER BY seq').all(pushed) as { seq: number }[];
          // Half of what waits, as a push cut short would leave it; or all of it.
          const upTo = step === 'push-all' ? local.at(-1) : local[Math.floor(local.length / 2)];
          if (upTo) writePushedSeq(a.db, (pushed = upTo.seq));
        }
        expect(countWaiting(a.db), `${step} in round ${round}`).toBe(counted(a.db, pushed));
      }
    }
    expect(counted(a.db, pushed)).toBeGreaterThan(0);
    // The sync indicator says the same.
    expect(a.service.sync.status().waiting).toBe(counted(a.db, pushed));
  });

  it('counts each connection on its own', async () => {
    const a = openTestStation({ station: 'Door A' });
    const b = openTestStation({ station: 'Door B' });
    open.push(a, b);
    await a.service.api.addAttendee({ name: 'One' });
    expect(countWaiting(a.db)).toBe(1);
    expect(countWaiting(b.db)).toBe(0);
    await b.service.api.addAttendee({ name: 'Two' });
    await b.service.api.addAttendee({ name: 'Three' });
    expect([countWaiting(a.db), countWaiting(b.db)]).toEqual([1, 2]);
  });
});
