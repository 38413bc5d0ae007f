import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PartnerRoom } from '../../shared/domain/partners/room';
import type { PartnerProfile } from '../../shared/domain/partners/types';

/**
 * The scoring rules worked out by hand. Score terms, each outweighing the later ones:
 * complementary goal 1e7, sectors sought either way 1e6 each, another industry 1e5, fresh
 * arrival (≤ 20 min) 1e4, then 1000 − times suggested in the last hour.
 */
const at = (hhmm: string): number => Date.parse(`2026-12-01T${hhmm}:00Z`);
let seq = 0;
function person(p: Partial<PartnerProfile> & { industry: string; goals: string[] }): PartnerProfile {
  seq++;
  return { id: `p${String(seq).padStart(3, '0')}`, lookingFor: [], companyKey: '', arrivedAt: at('09:00'), ...p };
}
function roomOf(...people: PartnerProfile[]): PartnerRoom {
  const room = new PartnerRoom();
  for (const p of people) room.put(p);
  return room;
}
const ids = (room: PartnerRoom, subject: PartnerProfile, now: number) => room.suggest(subject, now).suggestions.map((s) => s.id);

describe('partner suggestion scoring (hand-worked tables)', () => {
  const subject = person({ id: 'me', industry: 'it', goals: ['hiring'], lookingFor: ['healthcare'], companyKey: 'musubi' });
  // A 11,111,000: complementary, sought (healthcare), other industry, fresh.
  const a = person({ id: 'a', industry: 'healthcare', goals: ['job'], arrivedAt: at('09:50') });
  // B 11,101,000: complementary, seeks IT, other industry, not fresh (50 min).
  const b = person({ id: 'b', industry: 'finance', goals: ['job'], lookingFor: ['it'], arrivedAt: at('09:10') });
  // C 10,011,000: complementary, same industry, fresh.
  const c = person({ id: 'c', industry: 'it', goals: ['job'], arrivedAt: at('09:55') });
  // D 2,111,000: not complementary (network), sought both ways, other industry, fresh.
  const d = person({ id: 'd', industry: 'healthcare', goals: ['network'], lookingFor: ['it'], arrivedAt: at('09:58') });
  // E: a colleague (same company once legal forms are folded): never suggested.
  const e = person({ id: 'e', industry: 'retail', goals: ['job'], companyKey: 'musubi', lookingFor: ['it'], arrivedAt: at('09:59') });
  // F 10,101,000: complementary, other industry, not fresh (30 min).
  const f = person({ id: 'f', industry: 'education', goals: ['job'], arrivedAt: at('09:30') });
  const now = at('10:00');

  it('ranks complementary goal, then sectors sought, then another industry, then freshness', () => {
    const room = roomOf(a, b, c, d, e, f);
    expect(ids(room, subject, now)).toEqual(['a', 'b', 'f']);
  });

  it('explains each suggestion as reason kinds and ids', () => {
    const room = roomOf(a, b, c, d, e, f);
    expect(room.suggest(subject, now).suggestions).toEqual([
      { id: 'a', reasons: [{ kind: 'goal', yourGoal: 'hiring', theirGoal: 'job' }, { kind: 'sector-you-seek', industry: 'healthcare' }, { kind: 'just-arrived' }] },
      { id: 'b', reasons: [{ kind: 'goal', yourGoal: 'hiring', theirGoal: 'job' }, { kind: 'other-industry', industry: 'finance' }, { kind: 'seeks-your-sector', industry: 'it' }] },
      { id: 'f', reasons: [{ kind: 'goal', yourGoal: 'hiring', theirGoal: 'job' }, { kind: 'other-industry', industry: 'education' }] },
    ]);
  });

  it('never suggests oneself, and falls back to the rest of the room when too few complement', () => {
    const room = roomOf(subject, a, d);
    // A complementary; then D (2,111,000) from the scan of the rest; nobody else is there.
    expect(ids(room, subject, now)).toEqual(['a', 'd']);
  });

  it('leaves out whoever reached the cap (5 in the last hour); older showings age out', () => {
    const room = roomOf(a, b, c, d, f);
    for (let i = 0; i < 5; i++) room.recordShowing({ entryId: `s${i}`, subjectId: `x${i}`, at: at('09:20'), suggested: ['a'] });
    expect(ids(room, subject, now)).toEqual(['b', 'f', 'c']);
    // At 10:21 the showings of 09:20 are more than an hour old.
    expect(ids(room, subject, at('10:21'))[0]).toBe('a');
  });

  it('prefers the one suggested least among otherwise equal people', () => {
    const x = person({ id: 'x', industry: 'finance', goals: ['job'], arrivedAt: at('09:30') });
    const y = person({ id: 'y', industry: 'finance', goals: ['job'], arrivedAt: at('09:30') });
    const room = roomOf(x, y);
    expect(ids(room, subject, now)).toEqual(['x', 'y']); // tie: smaller id
    room.recordShowing({ entryId: 's1', subjectId: 'z', at: at('09:40'), suggested: ['x'] });
    expect(ids(room, subject, now)).toEqual(['y', 'x']); // 10,100,999 vs 10,101,000
  });

  it('keeps one complementary person from another industry among the three when one is eligible', () => {
    const seeker = person({ id: 'me2', industry: 'it', goals: ['partners'], lookingFor: ['it'] });
    // P1–P3 11,001,000 (own industry sought); P4 10,101,000. Later arrival first among P1–P3.
    const p1 = person({ id: 'p1', industry: 'it', goals: ['partners'], arrivedAt: at('09:40') });
    const p2 = person({ id: 'p2', industry: 'it', goals: ['partners'], arrivedAt: at('09:41') });
    const p3 = person({ id: 'p3', industry: 'it', goals: ['partners'], arrivedAt: at('09:42') });
    const p4 = person({ id: 'p4', industry: 'finance', goals: ['partners'], arrivedAt: at('09:00') });
    expect(ids(roomOf(p1, p2, p3, p4), seeker, at('10:30'))).toEqual(['p3', 'p2', 'p4']);
  });

  it('shows the same people again within ten minutes, unless one of them is gone', () => {
    const room = roomOf(a, b, f);
    room.recordShowing({ entryId: 's1', subjectId: 'me', at: at('09:55'), suggested: ['f', 'b'] });
    expect(room.suggest(subject, now)).toMatchObject({ reused: true, suggestions: [{ id: 'f' }, { id: 'b' }] });
    room.remove('f'); // withdrew consent, or left
    expect(room.suggest(subject, now)).toMatchObject({ reused: false });
    expect(ids(room, subject, now)).toEqual(['a', 'b']);
  });
});

describe('the bucketed search finds the exact top of the whole room', () => {
  const INDUSTRIES = ['it', 'healthcare', 'finance', 'food', ''];
  const GOALS = ['hiring', 'job', 'partners', 'ideas', 'learning', 'network'];
  const profileArb = fc.record({
    industry: fc.constantFrom(...INDUSTRIES),
    goals: fc.subarray(GOALS, { maxLength: 2 }),
    lookingFor: fc.subarray(INDUSTRIES.slice(0, 4), { maxLength: 2 }),
    companyKey: fc.constantFrom('', 'a', 'b'),
    minutesAgo: fc.integer({ min: 0, max: 90 }),
    shown: fc.integer({ min: 0, max: 6 }),
  });

  /** Every rule written out plainly over every candidate, sorted: the reference. */
  function bruteForce(room: PartnerRoom, subject: PartnerProfile, people: PartnerProfile[], now: number): string[] {
    const cross = (p: PartnerProfile) => subject.industry !== '' && p.industry !== '' && subject.industry !== p.industry;
    const ranked = people
      .filter((p) => p.id !== subject.id && !(subject.companyKey !== '' && p.companyKey === subject.companyKey) && room.load(p.id, now) < 5)
      .map((p) => {
        const comp = room.complementary(subject.goals, p.goals);
        const lf = (subject.lookingFor.includes(p.industry) ? 1 : 0) + (p.lookingFor.includes(subject.industry) ? 1 : 0);
        const fresh = now - p.arrivedAt <= 20 * 60_000;
        return { p, comp, cross: cross(p), key: [comp ? 1 : 0, lf, cross(p) ? 1 : 0, fresh ? 1 : 0, -room.load(p.id, now), p.arrivedAt] };
      })
      .sort((a, b) => {
        for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return (b.key[i] as number) - (a.key[i] as number);
        return a.p.id < b.p.id ? -1 : 1;
      });
    const top = ranked.slice(0, 3);
    const bestCross = ranked.find((r) => r.comp && r.cross);
    if (bestCross && !top.some((r) => r.comp && r.cross)) top[top.length - 1] = bestCross;
    return top.map((r) => r.p.id);
  }

  it('equals a brute-force ranking of every candidate', () => {
    fc.assert(
      fc.property(fc.array(profileArb, { minLength: 1, maxLength: 40 }), fc.nat(39), (drawn, pick) => {
        const now = at('11:00');
        const room = new PartnerRoom();
        const people = drawn.map((d, i): PartnerProfile => ({
          id: `c${String(i).padStart(2, '0')}`,
          industry: d.industry,
          goals: d.goals,
          lookingFor: d.lookingFor,
          companyKey: d.companyKey,
          arrivedAt: now - d.minutesAgo * 60_000,
        }));
        people.forEach((p, i) => {
          room.put(p);
          for (let s = 0; s < (drawn[i]?.shown ?? 0); s++) room.recordShowing({ entryId: `${p.id}-${s}`, subjectId: 'someone', at: now - s * 60_000, suggested: [p.id] });
        });
        const subject = people[pick % people.length] as PartnerProfile;
        expect(room.suggest(subject, now).suggestions.map((s) => s.id)).toEqual(bruteForce(room, subject, people, now));
      }),
      { numRuns: 400, seed: 42 },
    );
  });
});
