import type { PartnerProfile } from '../../shared/domain/partners/types';
import { seededRandom } from './generate-attendees';

/**
 * A seeded 異業種交流会 room for the partner benchmarks: an industry mix weighted like a Tokyo
 * cross-industry evening (IT and manufacturing largest, a few students and public sector), one or
 * two goals each (network and new ideas most common, hiring and job seeking a minority), zero to
 * three sought sectors leaning to IT, healthcare and finance, some colleagues from the same
 * company, and arrivals front-loaded over the first hour. About 70% agree to be suggested.
 */
export interface SimulatedPerson {
  profile: PartnerProfile;
  consent: boolean;
}

const INDUSTRY_WEIGHTS: [string, number][] = [
  ['it', 22], ['manufacturing', 14], ['finance', 9], ['healthcare', 6], ['education', 5], ['public', 3], ['retail', 8],
  ['real-estate', 6], ['energy', 4], ['media', 7], ['food', 5], ['student', 6], ['other', 5],
];
/** Chance that a person names each goal (at least one is kept, at most two). */
const GOAL_CHANCES: [string, number][] = [['network', 0.4], ['ideas', 0.3], ['partners', 0.25], ['learning', 0.2], ['hiring', 0.1], ['job', 0.08]];
const SOUGHT_WEIGHTS: [string, number][] = [...INDUSTRY_WEIGHTS.map(([id, w]): [string, number] => [id, id === 'healthcare' ? 14 : id === 'finance' ? 12 : w])];

function weighted(random: () => number, table: readonly [string, number][]): string {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [id, w] of table) if ((r -= w) < 0) return id;
  return table[table.length - 1]?.[0] ?? '';
}

export function simulatedRoom(n: number, seed: number, start = Date.parse('2026-12-01T10:00:00Z')): SimulatedPerson[] {
  const random = seededRandom(seed);
  const companies = Math.max(1, Math.round(n * 0.6));
  const people: SimulatedPerson[] = [];
  for (let i = 0; i < n; i++) {
    const goals = GOAL_CHANCES.filter(([, p]) => random() < p).map(([id]) => id).slice(0, 2);
    if (goals.length === 0) goals.push(weighted(random, GOAL_CHANCES.map(([id, p]) => [id, p])));
    const sought = new Set<string>();
    const howMany = Math.floor(random() * 4);
    for (let k = 0; k < howMany; k++) sought.add(weighted(random, SOUGHT_WEIGHTS));
    const industry = weighted(random, INDUSTRY_WEIGHTS);
    people.push({
      profile: {
        id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
        industry,
        goals,
        lookingFor: [...sought],
        companyKey: industry === 'student' ? '' : `company-${Math.floor(random() * companies)}`,
        // Front-loaded over an hour: half the room is in within the first ~20 minutes.
        arrivedAt: start + Math.round(60 * 60_000 * random() ** 1.6),
      },
      consent: random() < 0.7,
    });
  }
  return people.sort((a, b) => a.profile.arrivedAt - b.profile.arrivedAt || (a.profile.id < b.profile.id ? -1 : 1));
}
