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
function better(a: Ranked, b: Ranked): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.profile.arrivedAt !== b.profile.arrivedAt) return a.profile.arrivedAt > b.profile.arrivedAt;
  return a.profile.id < b.profile.id;
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

function addTo(buckets: Map<string, Set<string>>, key: string, id: string): void {
  let bucket = buckets.get(key);
  if (!bucket) buckets.set(key, (bucket = new Set()));
  bucket.add(id);
}

/**
 * The people one could be introduced to right now (checked in, still present, consented), kept
 * incrementally with buckets by goal and by industry, and the log's record of how often each
 * person was suggested. Pure: the same profiles and showings give the same suggestions on every
 * station, whatever order they were added in.
 */
export class PartnerRoom {
  private readonly candidates = new Map<string, PartnerProfile>();
  private readonly byGoal = new Map<string, Set<string>>();
  private readonly byIndustry = new Map<string, Set<string>>();
  /** When each person was suggested (sorted ms), from every showing in the log. */
  private readonly shownAt = new Map<string, number[]>();
  private readonly showings = new Set<string>();
  /** The latest showing to each subject, by time then entry id. */
  private readonly latestTo = new Map<string, Showing>();
  private readonly complements: ReadonlyMap<string, readonly string[]>;

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
  profiles(): IterableIterator<PartnerProfile> {
    return this.candidates.values();
  }

  /** Whether someone who came for `yourGoals` gains from meeting someone who came for `theirGoals`. */
  complementary(yourGoals: readonly string[], theirGoals: readonly string[]): boolean {
    return yourGoals.some((goal) => (this.complements.get(goal) ?? []).some((theirs) => theirGoals.includes(theirs)));
  }

  has(id: string): boolean {
    return this.candidates.has(id);
  }

  candidate(id: string): PartnerProfile | undefined {
    return this.candidates.get(id);
  }

  /** Adds or replaces a candidate (someone present who consented). */
  put(profile: PartnerProfile): void {
    this.remove(profile.id);
    this.candidates.set(profile.id, profile);
    for (const goal of profile.goals) addTo(this.byGoal, goal, profile.id);
    addTo(this.byIndustry, profile.industry, profile.id);
  }

  /** Takes a person out of everyone's suggestions (left, undone, withdrew consent, removed). */
  remove(id: string): void {
    const old = this.candidates.get(id);
    if (!old) return;
    this.candidates.delete(id);
    for (const goal of old.goals) this.byGoal.get(goal)?.delete(id);
    this.byIndustry.get(old.industry)?.delete(id);
  }

  /** Counts a showing from the log; the same entry twice counts once. */
  recordShowing(showing: Showing): void {
    if (this.showings.has(showing.entryId)) return;
    this.showings.add(showing.entryId);
    for (const id of showing.suggested) {
      const times = this.shownAt.get(id) ?? [];
      times.splice(upperBound(times, showing.at), 0, showing.at);
      this.shownAt.set(id, times);
    }
    const latest = this.latestTo.get(showing.subjectId);
    if (!latest || showing.at > latest.at || (showing.at === latest.at && showing.entryId > latest.entryId)) {
      this.latestTo.set(showing.subjectId, showing);
    }
  }

  /** How often a person was suggested in the window ending at `now` (later showings count too). */
  load(id: string, now: number): number {
    const times = this.shownAt.get(id);
    if (!times) return 0;
    return times.length - upperBound(times, now - this.policy.windowMs);
  }

  /** Every person's total showings, for reports. */
  totalShown(id: string): number {
    return this.shownAt.get(id)?.length ?? 0;
  }

  private rank(subject: PartnerProfile, candidate: PartnerProfile, complementary: boolean, now: number): Ranked {
    const seeks = subject.lookingFor.includes(candidate.industry) ? 1 : 0;
    const sought = candidate.lookingFor.includes(subject.industry) ? 1 : 0;
    const cross = crossIndustry(subject.industry, candidate.industry);
    const fresh = candidate.arrivedAt <= now && now - candidate.arrivedAt <= this.policy.freshMs;
    const load = this.load(candidate.id, now);
    // The order of the rules: complementary goals, sectors sought either way, another industry,
    // a fresh arrival; then the one suggested least. Each term outweighs all the later ones.
    const score = (complementary ? 1 : 0) * 1e7 + (seeks + sought) * 1e6 + (cross ? 1 : 0) * 1e5 + (fresh ? 1 : 0) * 1e4 + (1000 - Math.min(load, 999));
    return { profile: candidate, score, complementary, cross };
  }

  private eligible(subject: PartnerProfile, candidate: PartnerProfile, now: number): boolean {
    if (candidate.id === subject.id) return false;
    if (subject.companyKey !== '' && candidate.companyKey === subject.companyKey) return false;
    return this.load(candidate.id, now) < this.policy.cap;
  }

  private complementaryIds(subject: PartnerProfile): Set<string> {
    const ids = new Set<string>();
    for (const goal of subject.goals) {
      for (const theirs of this.complements.get(goal) ?? []) {
        for (const id of this.byGoal.get(theirs) ?? []) ids.add(id);
      }
    }
    return ids;
  }

  /**
   * Up to `perPerson` people for `subject` to look for at `now`. Complementary candidates are
   * found through the goal buckets; the rest of the room is scanned only when they are too few.
   * At least one complementary person from another industry is included when one is eligible.
   */
  suggest(subject: PartnerProfile, now: number): SuggestionAnswer {
    const latest = this.latestTo.get(subject.id);
    if (latest && latest.at <= now && now - latest.at <= this.policy.reshowMs && latest.suggested.every((id) => this.candidates.has(id))) {
      return { suggestions: latest.suggested.map((id) => this.explain(subject, this.candidates.get(id) as PartnerProfile, now)), reused: true };
    }
    const k = this.policy.perPerson;
    const top: Ranked[] = [];
    let bestCross: Ranked | undefined;
    const consider = (r: Ranked): void => {
      if (r.complementary && r.cross && (!bestCross || better(r, bestCross))) bestCross = r;
      let i = top.length;
      while (i > 0 && better(r, top[i - 1] as Ranked)) i--;
      if (i < k) {
        top.splice(i, 0, r);
        if (top.length > k) top.pop();
      }
    };
    const complementary = this.complementaryIds(subject);
    let eligibleComplementary = 0;
    for (const id of complementary) {
      const candidate = this.candidates.get(id);
      if (!candidate || !this.eligible(subject, candidate, now)) continue;
      eligibleComplementary++;
      consider(this.rank(subject, candidate, true, now));
    }
    if (eligibleComplementary < k) {
      for (const candidate of this.candidates.values()) {
        if (complementary.has(candidate.id) || !this.eligible(subject, candidate, now)) continue;
        consider(this.rank(subject, candidate, false, now));
      }
    }
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
