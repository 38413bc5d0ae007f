import { DOC_SEPARATOR, SEPARATOR, unjoin, type PrefixCandidates, type SearchChannel } from './gram-channel';

/**
 * A channel answered by scanning its text, for the seconds while the gram lists are built off the
 * thread (build-in-worker.ts): every document's fields joined into one string, as a channel's
 * snapshot part holds them (`ChannelParts.haystacks`), searched with `indexOf`. Slower than the
 * lists (~10–50 ms a query for 100,000 people instead of ~1 ms), but it answers exactly the same:
 * fields are joined by SEPARATOR and documents by DOC_SEPARATOR, control characters that
 * normalised text and queries never hold, so a hit always lies inside one field, and a prefix key
 * starting with the query is a hit of SEPARATOR + query in the prefix keys' text.
 */
export class ScanChannel implements SearchChannel {
  private readonly starts: Int32Array;
  private readonly prefixStarts: Int32Array;

  constructor(
    /** Per document: SEPARATOR + fields joined by SEPARATOR; documents joined by DOC_SEPARATOR. */
    readonly haystacks: string,
    /** The same for the prefix keys. */
    readonly prefixStacks: string,
  ) {
    this.starts = startsOf(haystacks);
    this.prefixStarts = startsOf(prefixStacks);
    if (this.starts.length !== this.prefixStarts.length) throw new Error('A scanned channel needs as many prefix stacks as documents.');
  }

  get size(): number {
    return this.starts.length;
  }

  matches(query: string): Int32Array {
    return found(this.haystacks, this.starts, query);
  }

  prefixCandidates(query: string): PrefixCandidates {
    // Every document with a prefix key starting with the query, exactly.
    return { list: found(this.prefixStacks, this.prefixStarts, SEPARATOR + query), exact: true, hasPrefix: () => true };
  }

  fieldsOf(doc: number): string[] {
    return unjoin(pieceOf(this.haystacks, this.starts, doc));
  }

  prefixesOf(doc: number): string[] {
    return unjoin(pieceOf(this.prefixStacks, this.prefixStarts, doc));
  }
}

/** Where each document starts in `joined` (none for an empty string: no documents). */
function startsOf(joined: string): Int32Array {
  if (joined === '') return new Int32Array(0);
  const starts: number[] = [0];
  for (let at = joined.indexOf(DOC_SEPARATOR); at !== -1; at = joined.indexOf(DOC_SEPARATOR, at + 1)) starts.push(at + 1);
  return Int32Array.from(starts);
}

function pieceOf(joined: string, starts: Int32Array, doc: number): string {
  const start = starts[doc];
  if (start === undefined) return SEPARATOR;
  const next = starts[doc + 1];
  return joined.slice(start, next === undefined ? joined.length : next - 1);
}

/** The documents (in increasing order) whose piece of `joined` contains `needle`. */
function found(joined: string, starts: Int32Array, needle: string): Int32Array {
  const docs: number[] = [];
  for (let at = joined.indexOf(needle); at !== -1; ) {
    const doc = lastAtOrBefore(starts, at);
    docs.push(doc);
    // The rest of this document can only find it again.
    const next = starts[doc + 1];
    at = next === undefined ? -1 : joined.indexOf(needle, next);
  }
  return Int32Array.from(docs);
}

/** The index of the last value ≤ `at` in the increasing `starts`. */
export function lastAtOrBefore(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
