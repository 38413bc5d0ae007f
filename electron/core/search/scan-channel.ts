import { DocTexts, SEPARATOR } from './doc-texts';
import { unjoin, type PrefixCandidates, type SearchChannel } from './gram-channel';

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
  constructor(
    /** Per document: SEPARATOR + fields joined by SEPARATOR. */
    readonly haystacks: DocTexts,
    /** The same for the prefix keys. */
    readonly prefixStacks: DocTexts,
  ) {
    if (haystacks.length !== prefixStacks.length) throw new Error('A scanned channel needs as many prefix stacks as documents.');
  }

  /** From the joined texts alone (each document's pieces joined by DOC_SEPARATOR). */
  static ofJoined(haystacks: string, prefixStacks: string): ScanChannel {
    return new ScanChannel(DocTexts.ofJoined(haystacks), DocTexts.ofJoined(prefixStacks));
  }

  get size(): number {
    return this.haystacks.length;
  }

  matches(query: string): Int32Array {
    return this.haystacks.find(query);
  }

  prefixCandidates(query: string): PrefixCandidates {
    // Every document with a prefix key starting with the query, exactly.
    return { list: this.prefixStacks.find(SEPARATOR + query), exact: true, hasPrefix: () => true };
  }

  fieldsOf(doc: number): string[] {
    return unjoin(this.haystacks.at(doc));
  }

  prefixesOf(doc: number): string[] {
    return unjoin(this.prefixStacks.at(doc));
  }
}
