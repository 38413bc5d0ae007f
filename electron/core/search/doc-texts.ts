/**
 * A channel's text, one piece per document, kept as one string joined by DOC_SEPARATOR and where
 * each piece starts, never as 100,000 separate strings: the index worker joins it once and sends
 * the string with its starts (a typed array, transferred), so the station's thread adopts a built
 * index without splitting anything (splitting two channels' text for 100,000 people held the
 * thread for 30–90 ms, and the garbage made the next collections longer); a snapshot's text is
 * adopted by finding the starts alone. A piece is cut out only when asked for.
 */

/** Between the fields (or prefix keys) of one document; normalised text never holds it. */
export const SEPARATOR = '\u0001';
/** Between documents; normalised text and queries never hold it, so no hit spans two documents. */
export const DOC_SEPARATOR = '\u0000';

export class DocTexts {
  private constructor(
    readonly joined: string,
    /** Where each document's piece starts in `joined`; it ends one before the next starts. */
    readonly starts: Int32Array,
  ) {}

  /** Joins one piece per document (each starts with SEPARATOR, so none is empty). */
  static join(pieces: readonly string[]): DocTexts {
    const starts = new Int32Array(pieces.length);
    let at = 0;
    for (let doc = 0; doc < pieces.length; doc++) {
      starts[doc] = at;
      at += (pieces[doc] as string).length + 1;
    }
    return new DocTexts(pieces.join(DOC_SEPARATOR), starts);
  }

  /** The joined text and the starts computed where it was joined. */
  static fromParts(joined: string, starts: Int32Array): DocTexts {
    return new DocTexts(joined, starts);
  }

  /** The joined text alone (as a snapshot holds it): finds where each document starts. */
  static ofJoined(joined: string): DocTexts {
    if (joined === '') return new DocTexts('', new Int32Array(0));
    let count = 1;
    for (let at = joined.indexOf(DOC_SEPARATOR); at !== -1; at = joined.indexOf(DOC_SEPARATOR, at + 1)) count++;
    const starts = new Int32Array(count);
    let doc = 1;
    for (let at = joined.indexOf(DOC_SEPARATOR); at !== -1; at = joined.indexOf(DOC_SEPARATOR, at + 1)) starts[doc++] = at + 1;
    return new DocTexts(joined, starts);
  }

  get length(): number {
    return this.starts.length;
  }

  /** Document `doc`'s piece; SEPARATOR alone (nothing) for a document it does not hold. */
  at(doc: number): string {
    const start = this.starts[doc];
    if (start === undefined) return SEPARATOR;
    const next = this.starts[doc + 1];
    return this.joined.slice(start, next === undefined ? this.joined.length : next - 1);
  }

  /** The documents (in increasing order) whose piece contains `needle`. */
  find(needle: string): Int32Array {
    const docs: number[] = [];
    for (let at = this.joined.indexOf(needle); at !== -1; ) {
      const doc = lastAtOrBefore(this.starts, at);
      docs.push(doc);
      // The rest of this document can only find it again.
      const next = this.starts[doc + 1];
      at = next === undefined ? -1 : this.joined.indexOf(needle, next);
    }
    return Int32Array.from(docs);
  }
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
