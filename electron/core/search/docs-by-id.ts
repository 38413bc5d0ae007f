import type { PackedStrings } from './packed-strings';

/**
 * Each id's document in a build's lists, found by binary search over the documents in id order
 * (one Int32Array made with the build, on the worker for a build there, and saved with the
 * snapshot). It replaces a Map of 100,000 ids that the station's thread made in one go at the first
 * change after every build (tens of ms; ~0.1 s on a loaded machine, during a pull after each build).
 */
export class DocsById {
  constructor(
    private readonly ids: PackedStrings,
    /** The documents sorted by their id (each id once). */
    readonly order: Int32Array,
  ) {}

  get(id: string): number | undefined {
    let lo = 0;
    let hi = this.order.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const doc = this.order[mid] as number;
      const at = this.ids.get(doc);
      if (at === id) return doc;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}
