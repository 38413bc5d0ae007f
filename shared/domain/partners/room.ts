import { complementMap } from './complements';
import { SUGGESTION_POLICY, type SuggestionPolicy } from './policy';
import type { PartnerProfile, PartnerSuggestion, SuggestionReason } from './types';

/** One showing of suggestions as the log records it (a `partners.suggested` entry). */
export interface Showing {
  entryId: string;
  subjectId: string;
  at: number;
  suggested: readonly string[];
}

export interface SuggestionAnswer {
  suggestions: PartnerSuggestion[];
  /** The same people as a showing within `reshowMs` (nothing new to record). */
  reused: boolean;
}

interface Ranked {
  profile: PartnerProfile;
  score: number;
  complementary: boolean;
  cross: boolean;
}

function crossIndustry(a: string, b: string): boolean {
  return a !== '' && b !== '' && a !== b;
}

/** Higher score first, then the later arrival, then the smaller id: a total order, so every station agrees. */
function outranks(score: number, profile: PartnerProfile, b: Ranked): boolean {
  if (score !== b.score) return score > b.score;
  if (profile.arrivedAt !== b.profile.arrivedAt) return profile.arrivedAt > b.profile.arrivedAt;
  return profile.id < b.profile.id;
}

function better(a: Ranked, b: Ranked): boolean {
  return outranks(a.score, a.profile, b);
}

/** Index of the first element greater than `value` in a sorted array. */
function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A candidate with what the hot loop needs at hand: their showing times and a visit mark. */
interface Slot {
  profile: PartnerProfile;
  /** Shared with `shownAt` (the same array), so a showing recorded later is seen here too. */
  times: number[];
  /** The query that last looked at this slot (dedupes the union of buckets without a Set). */
  visited: number;
}

function addTo(buckets: Map<string, Set<Slot>>, key: string, slot: Slot): void {
  let bucket = buckets.get(key);
  if (!bucket) buckets.set(key, (bucket = new Set()));
  bucket.add(slot);
}

/**
 * The people one could be introduced to right now (checked in, still present, consented), kept
 * incrementally with buckets by goal, by industry and by sought industry, and the log's record of
 * how often each person was suggested. Pure: the same profiles and showings give the same
 * suggestions on every station, whatever order they were added in.
 */
export class PartnerRoom {
  private readonly candidates = new Map<string, Slot>();
  private readonly byGoal = new Map<string, Set<Slot>>();
  private readonly byIndustry = new Map<string, Set<Slot>>();
  private readonly bySought = new Map<string, Set<Slot>>();
  /** When each person was suggested (sorted ms), from every showing in the log. */
  private readonly shownAt = new Map<string, number[]>();
  private readonly showings = new Set<string>();
  /** The latest showing to each subject, by time then entry id. */
  private readonly latestTo = new Map<string, Showing>();
  private readonly complements: ReadonlyMap<string, readonly string[]>;
  private query = 0;

  constructor(
    readonly policy: SuggestionPolicy = SUGGESTION_POLICY,
    complements: ReadonlyMap<string, readonly string[]> = complementMap(),
  ) {
    this.complements = complements;
  }

  get size(): number {
    return this.candidates.size;
  }

  /** Everyone who could be suggested now. */
  *profiles(): IterableIterator<PartnerProfile> {
    for (const slot of this.candidates.values()) yield slot.profile;
  }

  /** Whether someone who came for `yourGoals` gains from meeting someone who came for `theirGoals`. */
  complementary(yourGoals: readonly string[], theirGoals: readonly string[]): boolean {
    return yourGoals.some((goal) => (this.complements.get(goal) ?? []).some((theirs) => theirGoals.includes(theirs)));
  }

  has(id: string): boolean {
    return this.candidates.has(id);
  }

  candidate(id: string): PartnerProfile | undefined {
    return this.candidates.get(id)?.profile;
  }

  private timesOf(id: string): number[] {
    let times = this.shownAt.get(id);
    if (!times) this.shownAt.set(id, (times = []));
    return times;
  }

  /** Adds or replaces a candidate (someone present who consented). */
  put(profile: PartnerProfile): void {
    this.remove(profile.id);
    const slot: Slot = { profile, times: this.timesOf(profile.id), visited: 0 };
    this.candidates.set(profile.id, slot);
    for (const goal of profile.goals) addTo(this.byGoal, goal, slot);
    addTo(this.byIndustry, profile.industry, slot);
    for (const sought of profile.lookingFor) addTo(this.bySought, sought, slot);
  }

  /** Takes a person out of everyone's suggestions (left, undone, withdrew consent, removed). */
  remove(id: string): void {
    const slot = this.candidates.get(id);
    if (!slot) return;
    this.candidates.delete(id);
    for (const goal of slot.profile.goals) this.byGoal.get(goal)?.delete(slot);
    this.byIndustry.get(slot.profile.industry)?.delete(slot);
    for (const sought of slot.profile.lookingFor) this.bySought.get(sought)?.delete(slot);
  }

  /** Counts a showing from the log; the same entry twice counts once. */
  recordShowing(showing: Showing): void {
    if (this.showings.has(showing.entryId)) return;
    this.showings.add(showing.entryId);
    for (const id of showing.suggested) {
      const times = this.timesOf(id);
      times.splice(upperBound(times, showing.at), 0, showing.at);
    }
    const latest = this.latestTo.get(showing.subjectId);
    if (!latest || showing.at > latest.at || (showing.at === latest.at && showing.entryId > latest.entryId)) {
      this.latestTo.set(showing.subjectId, showing);
    }
  }

  private loadIn(times: readonly number[], now: number): number {
    return times.length === 0 ? 0 : times.length - upperBound(times, now - this.policy.windowMs);
  }

  /** How often a person was suggested in the window ending at `now` (later showings count too). */
  load(id: string, now: number): number {
    return this.loadIn(this.shownAt.get(id) ?? [], now);
  }

  /** Every person's total showings, for reports. */
  totalShown(id: string): number {
    return this.shownAt.get(id)?.length ?? 0;
  }

  /**
   * Up to `perPerson` people for `subject` to look for at `now`. Complementary candidates come
   * from the goal buckets; only when they are too few are the sector buckets (their industry
   * sought, or seeking yours) and then the rest of the room scanned. Each stage holds every
   * candidate that can outrank the next one, so the answer is the exact top of the whole room.
   * At least one complementary person from another industry is included when one is eligible.
   */
  suggest(subject: PartnerProfile, now: number): SuggestionAnswer {
    const latest = this.latestTo.get(subject.id);
    if (latest && latest.at <= now && now - latest.at <= this.policy.reshowMs && latest.suggested.every((id) => this.candidates.has(id))) {
      return {
        suggestions: latest.suggested.map((id) => this.explain(subject, (this.candidates.get(id) as Slot).profile, now)),
        reused: true,
      };
    }
    const { perPerson: k, cap, freshMs } = this.policy;
    const visit = ++this.query;
    const top: Ranked[] = [];
    let bestCross: Ranked | undefined;
    let eligibleSeen = 0;
    const consider = (slot: Slot, complementary: boolean): void => {
      if (slot.visited === visit) return;
      slot.visited = visit;
      const candidate = slot.profile;
      if (candidate.id === subject.id || (subject.companyKey !== '' && candidate.companyKey === subject.companyKey)) return;
      const load = this.loadIn(slot.times, now);
      if (load >= cap) return;
      eligibleSeen++;
      const seeks = subject.lookingFor.includes(candidate.industry) ? 1 : 0;
      const sought = candidate.lookingFor.includes(subject.industry) ? 1 : 0;
      const cross = crossIndustry(subject.industry, candidate.industry);
      const fresh = candidate.arrivedAt <= now && now - candidate.arrivedAt <= freshMs;
      // The order of the rules: complementary goals, sectors sought either way, another industry,
      // a fresh arrival; then the one suggested least. Each term outweighs all the later ones.
      const score = (complementary ? 1e7 : 0) + (seeks + sought) * 1e6 + (cross ? 1e5 : 0) + (fresh ? 1e4 : 0) + (1000 - Math.min(load, 999));
      const wantsCross = complementary && cross && (!bestCross || outranks(score, candidate, bestCross));
      const last = top.length < k ? undefined : top[k - 1];
      // Most candidates rank below the current third: decided on numbers, nothing allocated.
      if (!wantsCross && last && !outranks(score, candidate, last)) return;
      const r: Ranked = { profile: candidate, score, complementary, cross };
      if (wantsCross) bestCross = r;
      let i = top.length;
      while (i > 0 && better(r, top[i - 1] as Ranked)) i--;
      if (i < k) {
        top.splice(i, 0, r);
        if (top.length > k) top.pop();
      }
    };
    // First the complementary people in a sector either side seeks: when three of them (and a
    // cross-industry one) are found, no other complementary person can outrank them (their score
    // is at most 1e7 + 1e5 + 1e4 + 1000), so the rest of the goal buckets is skipped.
    const isComplementary = (slot: Slot) => this.complementary(subject.goals, slot.profile.goals);
    for (const industry of subject.lookingFor) for (const slot of this.byIndustry.get(industry) ?? []) if (isComplementary(slot)) consider(slot, true);
    for (const slot of this.bySought.get(subject.industry) ?? []) if (isComplementary(slot)) consider(slot, true);
    const bound = 1e7 + 1e5 + 1e4 + 1000;
    const settled = top.length === k && (top[k - 1] as Ranked).score > bound && bestCross !== undefined && bestCross.score > bound;
    if (!settled) {
      for (const goal of subject.goals) {
        for (const theirs of this.complements.get(goal) ?? []) for (const slot of this.byGoal.get(theirs) ?? []) consider(slot, true);
      }
    }
    if (eligibleSeen < k) {
      // Not complementary (those were all visited), so a sought sector is what ranks next.
      for (const industry of subject.lookingFor) for (const slot of this.byIndustry.get(industry) ?? []) consider(slot, false);
      for (const slot of this.bySought.get(subject.industry) ?? []) consider(slot, false);
    }
    if (eligibleSeen < k) for (const slot of this.candidates.values()) consider(slot, false);
    if (bestCross && !top.some((r) => r.complementary && r.cross)) top[top.length - 1] = bestCross;
    return { suggestions: top.map((r) => this.explain(subject, r.profile, now)), reused: false };
  }

  /** The few words of why, as data. */
  explain(subject: PartnerProfile, candidate: PartnerProfile, now: number): PartnerSuggestion {
    const reasons: SuggestionReason[] = [];
    outer: for (const yourGoal of subject.goals) {
      for (const theirGoal of this.complements.get(yourGoal) ?? []) {
        if (candidate.goals.includes(theirGoal)) {
          reasons.push({ kind: 'goal', yourGoal, theirGoal });
          break outer;
        }
      }
    }
    if (candidate.industry !== '' && subject.lookingFor.includes(candidate.industry)) reasons.push({ kind: 'sector-you-seek', industry: candidate.industry });
    else if (crossIndustry(subject.industry, candidate.industry)) reasons.push({ kind: 'other-industry', industry: candidate.industry });
    if (subject.industry !== '' && candidate.lookingFor.includes(subject.industry)) reasons.push({ kind: 'seeks-your-sector', industry: subject.industry });
    if (candidate.arrivedAt <= now && now - candidate.arrivedAt <= this.policy.freshMs) reasons.push({ kind: 'just-arrived' });
    return { id: candidate.id, reasons };
  }
}
