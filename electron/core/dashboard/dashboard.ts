import type { ArrivalBucket, Dashboard, MixMatrix } from '../../../shared/api/methods/dashboard';
import { attendanceCounts } from '../attendees/counts';
import type { Db } from '../db/types';
import { readSettings } from '../settings/queries';
import { listCounts } from '../checkin-lists/list-counts';

export const ARRIVAL_WINDOW_MS = 5 * 60 * 1000;

/**
 * Official check-ins per 5-minute window, from the first arrival to the last, empty windows
 * included so the chart's time axis is even.
 */
export function arrivalBuckets(times: readonly string[]): ArrivalBucket[] {
  const starts = times.map((t) => Math.floor(Date.parse(t) / ARRIVAL_WINDOW_MS) * ARRIVAL_WINDOW_MS).filter(Number.isFinite);
  if (starts.length === 0) return [];
  const counts = new Map<number, number>();
  for (const s of starts) counts.set(s, (counts.get(s) ?? 0) + 1);
  const first = Math.min(...starts);
  const last = Math.max(...starts);
  const buckets: ArrivalBucket[] = [];
  for (let s = first; s <= last; s += ARRIVAL_WINDOW_MS) buckets.push({ start: new Date(s).toISOString(), count: counts.get(s) ?? 0 });
  return buckets;
}

/** Industry × goal counts of the people present, rows and columns in the event's own order. */
export function mixMatrix(
  present: readonly { industry: string; goals: string[] }[],
  industryOrder: readonly string[],
  goalOrder: readonly string[],
): MixMatrix {
  const industries = [...industryOrder];
  const goals = [...goalOrder];
  // Ids that are not in the settings (renamed or imported as-is) still count, after the known ones;
  // '' (not given) comes last.
  for (const p of present) {
    if (p.industry && !industries.includes(p.industry)) industries.push(p.industry);
    for (const g of p.goals) if (!goals.includes(g)) goals.push(g);
  }
  if (present.some((p) => !p.industry)) industries.push('');
  if (present.some((p) => p.goals.length === 0)) goals.push('');
  const cells = industries.map(() => goals.map(() => 0));
  const industryTotals = industries.map(() => 0);
  const goalTotals = goals.map(() => 0);
  for (const p of present) {
    const row = industries.indexOf(p.industry);
    industryTotals[row] = (industryTotals[row] ?? 0) + 1;
    for (const g of p.goals.length > 0 ? p.goals : ['']) {
      const column = goals.indexOf(g);
      const cellRow = cells[row];
      if (cellRow) cellRow[column] = (cellRow[column] ?? 0) + 1;
      goalTotals[column] = (goalTotals[column] ?? 0) + 1;
    }
  }
  return { industries, goals, cells, industryTotals, goalTotals };
}

/** The dashboard's numbers, read in one transaction so they agree with each other. No personal data. */
export function readDashboard(db: Db): Dashboard {
  return db.transaction((): Dashboard => {
    const settings = readSettings(db);
    const counts = attendanceCounts(db);
    const present = db
      .prepare('SELECT industry, goals, checked_in_at FROM attendees WHERE removed = 0 AND checkin_id IS NOT NULL')
      .all() as { industry: string; goals: string; checked_in_at: string }[];
    const stations = db
      .prepare(
        `SELECT checked_in_station AS station, count(*) AS count FROM attendees
         WHERE removed = 0 AND checkin_id IS NOT NULL GROUP BY checked_in_station ORDER BY count DESC, station`,
      )
      .all() as { station: string; count: number }[];
    return {
      ...counts,
      noShows: counts.expected - counts.registeredCheckedIn,
      arrivals: arrivalBuckets(present.map((p) => p.checked_in_at)),
      mix: mixMatrix(
        present.map((p) => ({ industry: p.industry, goals: JSON.parse(p.goals) as string[] })),
        settings.industries.map((i) => i.id),
        settings.goals.map((g) => g.id),
      ),
      stations,
      lists: settings.checkinLists.length > 0 ? listCounts(db, settings) : [],
      ticketTypes: db
        .prepare("SELECT ticket_type AS ticketType, count(*) AS count FROM attendees WHERE removed = 0 AND ticket_type <> '' GROUP BY ticket_type ORDER BY count DESC, ticket_type")
        .all() as { ticketType: string; count: number }[],
    };
  })();
}
