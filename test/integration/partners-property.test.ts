import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAttendee } from '../../electron/core/attendees/queries';
import { openDatabase } from '../../electron/core/db/open';
import { appendEntries, readEntries } from '../../electron/core/log/append';
import { partnerRoomFor } from '../../electron/core/partners/station-room';
import type { Entry } from '../../shared/domain/entry';
import { foldEntries } from '../../shared/domain/fold';
import { isCandidate, profileOf, roomFromProjection } from '../../shared/domain/partners/from-log';
import { SUGGESTION_POLICY } from '../../shared/domain/partners/policy';
import { manualClock, openTestStation } from '../helpers/service';
import { tempDir } from '../helpers/temp';

/**
 * The rules of partner suggestions for any sequence of arrivals, undos, departures, consent changes
 * and showings, checked against the reference fold of the log the station wrote.
 */
const INDUSTRIES = ['it', 'healthcare', 'finance', ''];
const GOALS = ['hiring', 'job', 'partners', 'ideas', 'learning', 'network'];
const personArb = fc.record({
  industry: fc.constantFrom(...INDUSTRIES),
  goals: fc.subarray(GOALS, { minLength: 0, maxLength: 2 }),
  lookingFor: fc.subarray(INDUSTRIES.slice(0, 3), { maxLength: 2 }),
  company: fc.constantFrom('', 'Acme', '株式会社Acme', 'Musubi'),
  partnerConsent: fc.boolean(),
});
type Person = typeof personArb extends fc.Arbitrary<infer P> ? P : never;
type Op =
  | { kind: 'checkin' | 'undo' | 'suggest'; who: number }
  | { kind: 'presence'; who: number; state: 'left' | 'back' }
  | { kind: 'consent'; who: number; value: boolean }
  | { kind: 'wait'; minutes: number };
const opArb = (n: number): fc.Arbitrary<Op> => {
  const who = fc.nat(n - 1);
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('checkin' as const), who }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('undo' as const), who }) },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('suggest' as const), who }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('presence' as const), who, state: fc.constantFrom('left' as const, 'back' as const) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('consent' as const), who, value: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 40 }) }) },
  );
};
const scenarioArb = fc.array(personArb, { minLength: 2, maxLength: 9 }).chain((people) => fc.tuple(fc.constant(people), fc.array(opArb(people.length), { minLength: 1, maxLength: 60 })));
/** A crowded room (everyone checked in first, many showings): where the cap is reached. */
const crowdedArb = fc.array(personArb, { minLength: 10, maxLength: 16 }).chain((people) =>
  fc.tuple(fc.constant(people), fc.array(fc.oneof({ weight: 6, arbitrary: opArb(people.length).filter((op) => op.kind !== 'wait') }, { weight: 1, arbitrary: fc.constant<Op>({ kind: 'suggest', who: 0 }) }), { minLength: 20, maxLength: 80 })),
);

/** Runs a scenario on a real station; returns its log and every answer with the log at that moment. */
async function run(people: Person[], ops: Op[], checkInAll = false) {
  const clock = manualClock();
  const station = openTestStation({ wallClock: clock.now });
  const { api } = station.service;
  const ids: string[] = [];
  for (const p of people) ids.push((await api.addAttendee({ name: 'P', ...p })).id);
  if (checkInAll) for (const attendeeId of ids) await api.checkIn({ attendeeId, source: 'search' });
  const answers: { subject: string; suggested: string[]; entries: Entry[] }[] = [];
  for (const op of ops) {
    if (op.kind === 'wait') {
      clock.advance(op.minutes * 60_000);
      continue;
    }
    const attendeeId = ids[op.who] as string;
    const attendee = findAttendee(station.db, attendeeId);
    if (op.kind === 'checkin') await api.checkIn({ attendeeId, source: 'search' });
    else if (op.kind === 'undo' && attendee?.checkedIn) await api.undoCheckIn({ attendeeId, checkinId: attendee.checkedIn.checkinId });
    else if (op.kind === 'presence' && attendee?.checkedIn) await api.setPresence({ attendeeId, state: op.state });
    else if (op.kind === 'consent') await api.setPartnerConsent({ attendeeId, consent: op.value });
    else if (op.kind === 'suggest') {
      const { suggestions } = await api.suggestPartners({ attendeeId });
      answers.push({ subject: attendeeId, suggested: suggestions.map((s) => s.id), entries: readEntries(station.db) });
    }
    clock.advance(7_000);
  }
  const entries = readEntries(station.db);
  station.close();
  return { ids, answers, entries, now: clock.now() };
}

describe('partner suggestions, for any sequence of events', () => {
  it('suggest only consenting people who are checked in and present, never oneself, and never anyone past the cap', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(scenarioArb.map((s) => [...s, false] as const), crowdedArb.map((s) => [...s, true] as const)), async ([people, ops, crowded]) => {
        const { answers, entries } = await run(people, ops, crowded);
        for (const { subject, suggested, entries: logThen } of answers) {
          const room = foldEntries(logThen).attendees;
          expect(suggested).not.toContain(subject);
          expect(suggested.length).toBeLessThanOrEqual(SUGGESTION_POLICY.perPerson);
          for (const id of suggested) {
            const person = room.get(id);
            expect(person && isCandidate(person)).toBe(true);
          }
        }
        // The cap: within any rolling hour ending at a showing, at most `cap` showings name a person.
        const shown = new Map<string, number[]>();
        for (const e of entries) if (e.type === 'partners.suggested') for (const id of e.data.suggested) shown.set(id, [...(shown.get(id) ?? []), Date.parse(e.data.at)]);
        for (const times of shown.values()) {
          for (const t of times) expect(times.filter((u) => u > t - SUGGESTION_POLICY.windowMs && u <= t).length).toBeLessThanOrEqual(SUGGESTION_POLICY.cap);
        }
      }),
      { numRuns: 60, seed: 1818 },
    );
  });

  it('two station files fed the same entries in different orders suggest the same people as the reference fold', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArb.chain(([people, ops]) => fc.tuple(fc.constant(people), fc.constant(ops), fc.nat())),
        async ([people, ops, shuffleSeed]) => {
          const { ids, entries, now } = await run(people, ops);
          const shuffled = [...entries];
          let s = shuffleSeed;
          for (let i = shuffled.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) % 2147483648;
            const j = s % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j] as Entry, shuffled[i] as Entry];
          }
          const dir = tempDir();
          const a = openDatabase(`${dir}/a.db`);
          const b = openDatabase(`${dir}/b.db`);
          try {
            appendEntries(a, entries);
            for (const entry of shuffled) {
              appendEntries(b, [entry]);
              partnerRoomFor(b).current(); // keep B's room incremental, entry by entry
            }
            const reference = roomFromProjection(foldEntries(entries), entries);
            for (const id of ids) {
              const subject = findAttendee(a, id);
              if (!subject) continue;
              const expected = reference.suggest(profileOf(subject), now);
              expect(partnerRoomFor(a).current().suggest(profileOf(subject), now)).toEqual(expected);
              expect(partnerRoomFor(b).current().suggest(profileOf(subject), now)).toEqual(expected);
            }
          } finally {
            a.close();
            b.close();
          }
        },
      ),
      { numRuns: 40, seed: 2018 },
    );
  });
});
