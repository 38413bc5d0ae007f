import type { SearchKeys, SearchQuery } from '../../../shared/text/search-keys';
import { lastAtOrBefore } from './doc-texts';

/**
 * The search index's overlay (people changed since the lists were built) as text that one
 * `indexOf` searches, instead of checking every overlay person's keys one by one. After a pull of
 * 100,000 new people the overlay holds tens of thousands of them until the next build replaces
 * the lists, and checking each one took ~30 ms a search; a native substring search over the same
 * text takes well under one.
 *
 * The documents sit in blocks; each block joins its documents' fields (main and romaji channels
 * apart) into one string, remade only when one of its documents changed. Fields are joined by
 * FIELD and documents by DOC, control characters that normalised text and queries never hold
 * (gram-channel.ts relies on the same), so a hit never spans two fields: the documents found are
 * exactly those with a field containing the query.
 */
const FIELD = '\u0001';
const DOC = '\u0000';
const BLOCK = 1024;

class Block {
  readonly docs: number[] = [];
  readonly main: string[] = [];
  readonly romaji: string[] = [];
  private joined: { main: string; romaji: string; starts: Int32Array; romajiStarts: Int32Array } | null = null;

  changed(): void {
    this.joined = null;
  }

  /** Documents with a field containing `text` (in the main or the romaji channel), added to `out`. */
  find(text: string, channel: 'main' | 'romaji', out: Set<number>): void {
    const joined = this.join();
    const haystack = joined[channel];
    const starts = channel === 'main' ? joined.starts : joined.romajiStarts;
    for (let at = haystack.indexOf(text); at !== -1; ) {
      const index = lastAtOrBefore(starts, at);
      const doc = this.docs[index] as number;
      if (doc >= 0) out.add(doc);
      // The rest of this document can only find it again.
      const next = starts[index + 1];
      at = next === undefined ? -1 : haystack.indexOf(text, next);
    }
  }

  private join(): { main: string; romaji: string; starts: Int32Array; romajiStarts: Int32Array } {
    if (this.joined) return this.joined;
    const starts = new Int32Array(this.docs.length);
    const romajiStarts = new Int32Array(this.docs.length);
    let at = 0;
    let romajiAt = 0;
    for (let i = 0; i < this.docs.length; i++) {
      starts[i] = at;
      romajiStarts[i] = romajiAt;
      at += (this.main[i] as string).length + 1;
      romajiAt += (this.romaji[i] as string).length + 1;
    }
    this.joined = { main: this.main.join(DOC), romaji: this.romaji.join(DOC), starts, romajiStarts };
    return this.joined;
  }
}

export class OverlayText {
  private readonly blocks: Block[] = [];
  private readonly slots = new Map<number, { block: Block; index: number }>();
  private readonly tickets = new Map<string, Set<number>>();
  private readonly ticketOf = new Map<number, string>();

  /** Sets a document's keys (null: it leaves the overlay). */
  set(doc: number, keys: SearchKeys | null): void {
    this.setTicket(doc, keys?.ticket ?? '');
    let slot = this.slots.get(doc);
    if (!slot) {
      if (keys === null) return;
      let block = this.blocks.at(-1);
      if (!block || block.docs.length >= BLOCK) {
        block = new Block();
        this.blocks.push(block);
      }
      slot = { block, index: block.docs.length };
      block.docs.push(doc);
      block.main.push('');
      block.romaji.push('');
      this.slots.set(doc, slot);
    }
    const { block, index } = slot;
    // A document that left keeps its place (empty, never found) so the others' places hold.
    block.docs[index] = keys === null ? -1 : doc;
    block.main[index] = keys === null ? '' : keys.main.join(FIELD);
    block.romaji[index] = keys === null ? '' : keys.romaji.join(FIELD);
    if (keys === null) this.slots.delete(doc);
    block.changed();
  }

  /** The documents with a field containing the query's text (not empty) or its romaji. */
  matching(query: SearchQuery): Set<number> {
    const found = new Set<number>();
    for (const block of this.blocks) {
      block.find(query.text, 'main', found);
      if (query.romaji !== null) block.find(query.romaji, 'romaji', found);
    }
    return found;
  }

  /** The documents whose ticket code is `ticket`. */
  withTicket(ticket: string): Iterable<number> {
    return this.tickets.get(ticket) ?? [];
  }

  private setTicket(doc: number, ticket: string): void {
    const before = this.ticketOf.get(doc);
    if (before === ticket) return;
    if (before !== undefined) {
      this.tickets.get(before)?.delete(doc);
      this.ticketOf.delete(doc);
    }
    if (ticket === '') return;
    this.ticketOf.set(doc, ticket);
    let docs = this.tickets.get(ticket);
    if (!docs) {
      docs = new Set();
      this.tickets.set(ticket, docs);
    }
    docs.add(doc);
  }
}
