import { seek, type PrefixCandidates } from './gram-channel';

/**
 * The built matches of a query in reading order (document order), handed out one at a time as
 * the prefix matches (rank 1) first, then the others, so that a page of 50 looks at about 50 of
 * them: a common name matches thousands, and telling a prefix match costs a string search when
 * the query is longer than the prefix lists' grams. Whichever is shorter is walked, the matches
 * or (for one channel) its list of prefix candidates, looking each up in the other.
 */
export class PrefixWalk {
  /** Prefix matches found so far, in order. */
  private readonly found: number[] = [];
  private prefixDone = false;
  /** Mode of the prefix walk: over the candidates of the only channel, or over the matches. */
  private readonly fromCandidates: boolean;
  private position = 0;
  /** Per channel, where its candidate list was last looked at (lists are walked forwards). */
  private readonly cursors: number[];
  private otherPosition = 0;
  private foundCursor = 0;

  constructor(
    private readonly matches: Int32Array,
    private readonly channels: readonly PrefixCandidates[],
  ) {
    const only = channels.length === 1 ? channels[0] : undefined;
    this.fromCandidates = only !== undefined && only.list.length < matches.length;
    this.cursors = channels.map(() => 0);
  }

  /** The next prefix match, or -1 once there is none. */
  nextPrefix(): number {
    if (this.prefixDone) return -1;
    const doc = this.fromCandidates ? this.nextFromCandidates() : this.nextFromMatches();
    if (doc < 0) this.prefixDone = true;
    else this.found.push(doc);
    return doc;
  }

  /** The next match that is not a prefix match, or -1 once there is none. */
  nextOther(): number {
    // Telling the others needs every prefix match known (a page reaches this only once the
    // prefix matches ran out, so this walks nothing more).
    while (this.nextPrefix() >= 0) {
      // (each one is recorded in `found`)
    }
    const { matches, found } = this;
    while (this.otherPosition < matches.length) {
      const doc = matches[this.otherPosition++] as number;
      while (this.foundCursor < found.length && (found[this.foundCursor] as number) < doc) this.foundCursor++;
      if (found[this.foundCursor] !== doc) return doc;
    }
    return -1;
  }

  private nextFromCandidates(): number {
    const { list, exact, hasPrefix } = this.channels[0] as PrefixCandidates;
    const matches = this.matches;
    while (this.position < list.length) {
      const doc = list[this.position++] as number;
      const at = seek(matches, this.cursors[0] as number, doc);
      this.cursors[0] = at;
      if (matches[at] === doc && (exact || hasPrefix(doc))) return doc;
    }
    return -1;
  }

  private nextFromMatches(): number {
    const { matches, channels, cursors } = this;
    while (this.position < matches.length) {
      const doc = matches[this.position++] as number;
      for (let c = 0; c < channels.length; c++) {
        const { list, exact, hasPrefix } = channels[c] as PrefixCandidates;
        const at = seek(list, cursors[c] as number, doc);
        cursors[c] = at;
        if (list[at] === doc && (exact || hasPrefix(doc))) return doc;
      }
    }
    return -1;
  }
}
