import type { IntroducedPerson, Introduction, PartnerReport, PartnerRoomView, PublicPartner, SectorDemand } from '../../../shared/api/methods/partners';
import { PartnerRoom } from '../../../shared/domain/partners/room';
import type { Db } from '../db/types';
import { readSettings } from '../settings/queries';
import { publicPartners } from './station-room';

/** Arrivals this recent are the ones the room view proposes introductions for. */
const INTRODUCE_NEWEST = 24;
const MAX_INTRODUCTIONS = 6;

/**
 * Seekers and people per sector among `where` attendees, most unmet first (then the event's order
 * of industries). Counts only: this goes on a venue screen.
 */
function sectorDemand(db: Db, where: string): SectorDemand[] {
  const seeking = db
    .prepare(`SELECT j.value AS industry, count(*) AS n FROM attendees a, json_each(a.looking_for) j WHERE ${where} GROUP BY j.value`)
    .all() as { industry: string; n: number }[];
  const present = new Map(
    (db.prepare(`SELECT a.industry, count(*) AS n FROM attendees a WHERE ${where} GROUP BY a.industry`).all() as { industry: string; n: number }[]).map(
      (r) => [r.industry, r.n],
    ),
  );
  const order = new Map(readSettings(db).industries.map((industry, i) => [industry.id, i]));
  return seeking
    .map((r) => ({ industry: r.industry, seeking: r.n, present: present.get(r.industry) ?? 0 }))
    .sort((x, y) => y.seeking - y.present - (x.seeking - x.present) || (order.get(x.industry) ?? 999) - (order.get(y.industry) ?? 999) || (x.industry < y.industry ? -1 : 1));
}

const PRESENT = 'a.removed = 0 AND a.checkin_id IS NOT NULL AND a.left_room = 0';
const ARRIVED = 'a.removed = 0 AND a.checkin_id IS NOT NULL';

/**
 * The venue screen: unmet demand, and pairs worth introducing among the newest consenting arrivals
 * (each one's best complementary match; nothing is recorded, the room only proposes).
 */
export function readPartnerRoomView(db: Db, room: PartnerRoom, now: number): PartnerRoomView {
  const newest = [...room.profiles()].sort((a, b) => b.arrivedAt - a.arrivedAt || (a.id < b.id ? -1 : 1)).slice(0, INTRODUCE_NEWEST);
  const pairs: { a: string; b: string; reasons: Introduction['reasons'] }[] = [];
  const paired = new Set<string>();
  for (const person of newest) {
    if (pairs.length >= MAX_INTRODUCTIONS) break;
    if (paired.has(person.id)) continue;
    const best = room.suggest(person, now).suggestions.find((s) => s.reasons.some((r) => r.kind === 'goal') && !paired.has(s.id));
    if (!best) continue;
    pairs.push({ a: person.id, b: best.id, reasons: best.reasons });
    paired.add(person.id).add(best.id);
  }
  const people = publicPartners(db, [...paired]);
  const shown = ({ id, name, industry }: PublicPartner): IntroducedPerson => ({ id, name, industry });
  const introductions = pairs.flatMap(({ a, b, reasons }): Introduction[] => {
    const first = people.get(a);
    const second = people.get(b);
    return first && second ? [{ a: shown(first), b: shown(second), reasons }] : [];
  });
  return { demand: sectorDemand(db, PRESENT), introductions };
}

/** After the event: who was shown whom, read from the recorded showings. */
export function readPartnerReport(db: Db): PartnerReport {
  const people = new Map(
    (db.prepare('SELECT id, industry, goals FROM attendees').all() as { id: string; industry: string; goals: string }[]).map((r) => [
      r.id,
      { industry: r.industry, goals: JSON.parse(r.goals) as string[] },
    ]),
  );
  const shown = new Map<string, Set<string>>();
  for (const row of db.prepare('SELECT attendee_id, suggested FROM partner_suggestions').all() as { attendee_id: string; suggested: string }[]) {
    const set = shown.get(row.attendee_id) ?? new Set<string>();
    for (const id of JSON.parse(row.suggested) as string[]) set.add(id);
    shown.set(row.attendee_id, set);
  }
  const rules = new PartnerRoom();
  let crossIndustry = 0;
  let complementaryCrossIndustry = 0;
  for (const [subjectId, suggested] of shown) {
    const subject = people.get(subjectId);
    if (!subject) continue;
    const others = [...suggested].flatMap((id) => {
      const other = people.get(id);
      return other && other.industry !== '' && subject.industry !== '' && other.industry !== subject.industry ? [other] : [];
    });
    if (others.length > 0) crossIndustry++;
    if (others.some((other) => rules.complementary(subject.goals, other.goals))) complementaryCrossIndustry++;
  }
  const consenting = (db.prepare('SELECT count(*) AS n FROM attendees WHERE removed = 0 AND partner_consent = 1').get() as { n: number }).n;
  return { shownTo: shown.size, crossIndustry, complementaryCrossIndustry, consenting, demand: sectorDemand(db, ARRIVED) };
}
