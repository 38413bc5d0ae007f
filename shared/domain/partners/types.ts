/** What the suggestion engine knows of a person: no name, company text or contact, only what it scores. */
export interface PartnerProfile {
  id: string;
  industry: string;
  goals: readonly string[];
  lookingFor: readonly string[];
  /** Company with legal forms folded (stripCompanyForms), '' when not given: colleagues are not suggested. */
  companyKey: string;
  /** When their official check-in was scanned (ms since the epoch). */
  arrivedAt: number;
}

/**
 * Why someone is suggested, as data; the renderer words it in the reader's language
 * ("採用を考えている医療・ヘルスケアの方" / "hiring, healthcare").
 */
export type SuggestionReason =
  /** They came for `theirGoal`, which complements your `yourGoal`. */
  | { kind: 'goal'; yourGoal: string; theirGoal: string }
  /** Their industry is one you are looking for. */
  | { kind: 'sector-you-seek'; industry: string }
  /** They are looking for your industry. */
  | { kind: 'seeks-your-sector'; industry: string }
  /** A different industry from yours. */
  | { kind: 'other-industry'; industry: string }
  /** Arrived a few minutes ago. */
  | { kind: 'just-arrived' };

export interface PartnerSuggestion {
  id: string;
  reasons: SuggestionReason[];
}
