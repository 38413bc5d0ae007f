import type { SearchKeys } from '../../../shared/text/search-keys';
import { DocsById } from './docs-by-id';
import type { SearchLists } from './index-build';
import { OverlayText } from './overlay-text';

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameKeys(a: SearchKeys | null, b: SearchKeys | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.ticket === b.ticket &&
    a.sortKey === b.sortKey &&
    sameList(a.main, b.main) &&
    sameList(a.mainPrefixes, b.mainPrefixes) &&
    sameList(a.romaji, b.romaji) &&
    sameList(a.romajiPrefixes, b.romajiPrefixes)
  );
}

/**
 * The lists of one build (or snapshot, or a worker's first stage) and the changes made over them
 * since: what the search index answers from (attendee-index.ts). A new build gets a fresh one, which
 * the index can fill with the changes made while the build ran before it takes over, so that the
 * one answering now is never half filled.
 * - a changed person is dropped from the built lists (`stale`) and kept in the overlay, searched as
 *   one text (overlay-text.ts) and checked one by one where it matches;
 * - a person added since the build is numbered after the built ones.
 */
export class ListsAndChanges {
  /** Ids of documents added since the build (numbered after the built ones). */
  readonly added: string[] = [];
  /** The document of each added id. */
  private readonly addedDocs = new Map<string, number>();
  private readonly byId: DocsById;
  /** Keys of documents changed or added since the build (null once removed); others are the build's. */
  readonly changed = new Map<number, SearchKeys | null>();
  /** Documents whose keys differ from what the lists were built with. */
  readonly overlay = new Set<number>();
  /** The overlay's keys as text searched in one go (overlay-text.ts). */
  readonly overlayText = new OverlayText();
  /** Built documents whose keys changed or which were removed since the build. */
  readonly stale = new Set<number>();

  constructor(readonly base: SearchLists) {
    this.byId = new DocsById(base.ids, base.byId);
  }

  /** Changes since the build, as the count a new build is weighed against. */
  get changes(): number {
    return this.overlay.size + this.stale.size;
  }

  /** A document's keys now (null once removed). */
  keysOf(doc: number): SearchKeys | null {
    const changed = this.changed.get(doc);
    if (changed !== undefined || doc >= this.base.ids.length) return changed ?? null;
    const { main, romaji } = this.base;
    return {
      ticket: this.base.tickets.get(doc),
      main: main.fieldsOf(doc),
      mainPrefixes: main.prefixesOf(doc),
      romaji: romaji.fieldsOf(doc),
      romajiPrefixes: romaji.prefixesOf(doc),
      sortKey: this.base.sortKeys.get(doc),
    };
  }

  sortKeyOf(doc: number): string {
    const changed = this.changed.get(doc);
    return changed !== undefined ? (changed?.sortKey ?? '') : this.base.sortKeys.get(doc);
  }

  idOf(doc: number): string {
    const built = this.base.ids.length;
    return doc < built ? this.base.ids.get(doc) : (this.added[doc - built] ?? '');
  }

  docOf(id: string): number | undefined {
    return this.addedDocs.get(id) ?? this.byId.get(id);
  }

  /** Gives `id` its keys now (null: removed). */
  update(id: string, keys: SearchKeys | null): void {
    let doc = this.docOf(id);
    if (doc === undefined) {
      if (keys === null) return;
      doc = this.base.ids.length + this.added.length;
      this.added.push(id);
      this.addedDocs.set(id, doc);
      this.changed.set(doc, keys);
      this.overlay.add(doc);
      this.overlayText.set(doc, keys);
      return;
    }
    if (sameKeys(this.keysOf(doc), keys)) return;
    this.changed.set(doc, keys);
    if (keys === null) this.overlay.delete(doc);
    else this.overlay.add(doc);
    this.overlayText.set(doc, keys);
    // A document the lists were built with but whose keys changed is no longer answered by them.
    if (doc < this.base.ids.length) this.stale.add(doc);
  }

  /** `list` (built documents) without the stale ones. */
  live(list: Int32Array): Int32Array {
    if (this.stale.size === 0) return list;
    return list.filter((doc) => !this.stale.has(doc));
  }
}
