/**
 * Posting lists keyed by small non-negative integers (gram numbers), built in one pass and stored
 * in two flat typed arrays: an open-addressing hash from key to slot, and every list laid end to
 * end. A JS Map of arrays took seconds for 100,000 people; this takes a fraction of that and
 * leaves nothing for the garbage collector to walk. Documents must be added in increasing order
 * (each list comes out sorted); a document is recorded once per key.
 */
const EMPTY = new Int32Array(0);

export class Postings {
  constructor(
    private readonly keys: Int32Array,
    private readonly offsets: Int32Array,
    private readonly docs: Int32Array,
  ) {}

  /** The three arrays, for a snapshot (search/snapshot.ts); `new Postings(...parts)` reads them back. */
  parts(): [Int32Array, Int32Array, Int32Array] {
    return [this.keys, this.offsets, this.docs];
  }

  get(key: number): Int32Array {
    const slot = findSlot(this.keys, key);
    if (slot < 0 || this.keys[slot] !== key) return EMPTY;
    return this.docs.subarray(this.offsets[slot] as number, this.offsets[slot + 1] as number);
  }
}

function hash(key: number, mask: number): number {
  return (Math.imul(key, 0x9e3779b1) >>> 7) & mask;
}

/** The slot holding `key`, or the empty slot where it would go. */
function findSlot(keys: Int32Array, key: number): number {
  const mask = keys.length - 1;
  let slot = hash(key, mask);
  for (;;) {
    const found = keys[slot] as number;
    if (found === key || found === -1) return slot;
    slot = (slot + 1) & mask;
  }
}

export class PostingsBuilder {
  private keys = new Int32Array(1 << 12).fill(-1);
  private lastDoc = new Int32Array(1 << 12).fill(-1);
  private counts = new Int32Array(1 << 12);
  private used = 0;
  /** Every (slot, doc) pair in the order added. */
  private pairSlots: Int32Array<ArrayBuffer>;
  private pairDocs: Int32Array<ArrayBuffer>;
  private pairs = 0;

  /** `expectedPairs`: an upper estimate of the (key, doc) pairs, so the arrays rarely grow. */
  constructor(expectedPairs = 1 << 16) {
    this.pairSlots = new Int32Array(Math.max(16, expectedPairs));
    this.pairDocs = new Int32Array(Math.max(16, expectedPairs));
  }

  add(key: number, doc: number): void {
    let slot = findSlot(this.keys, key);
    if (this.keys[slot] === -1) {
      if ((this.used + 1) * 2 > this.keys.length) {
        this.grow();
        slot = findSlot(this.keys, key);
      }
      this.keys[slot] = key;
      this.used++;
    }
    if (this.lastDoc[slot] === doc) return;
    this.lastDoc[slot] = doc;
    this.counts[slot] = (this.counts[slot] as number) + 1;
    if (this.pairs === this.pairSlots.length) {
      this.pairSlots = enlarge(this.pairSlots);
      this.pairDocs = enlarge(this.pairDocs);
    }
    this.pairSlots[this.pairs] = slot;
    this.pairDocs[this.pairs] = doc;
    this.pairs++;
  }

  /** Doubles the hash table; slots move, so the recorded pairs are renumbered. */
  private grow(): void {
    const oldKeys = this.keys;
    const capacity = oldKeys.length * 2;
    const moved = new Int32Array(oldKeys.length);
    const keys = new Int32Array(capacity).fill(-1);
    const lastDoc = new Int32Array(capacity).fill(-1);
    const counts = new Int32Array(capacity);
    for (let old = 0; old < oldKeys.length; old++) {
      const key = oldKeys[old] as number;
      if (key === -1) continue;
      const slot = findSlot(keys, key);
      keys[slot] = key;
      lastDoc[slot] = this.lastDoc[old] as number;
      counts[slot] = this.counts[old] as number;
      moved[old] = slot;
    }
    for (let i = 0; i < this.pairs; i++) this.pairSlots[i] = moved[this.pairSlots[i] as number] as number;
    this.keys = keys;
    this.lastDoc = lastDoc;
    this.counts = counts;
  }

  finish(): Postings {
    const offsets = new Int32Array(this.keys.length + 1);
    for (let slot = 0; slot < this.keys.length; slot++) offsets[slot + 1] = (offsets[slot] as number) + (this.counts[slot] as number);
    const cursor = offsets.slice(0, this.keys.length);
    const docs = new Int32Array(this.pairs);
    for (let i = 0; i < this.pairs; i++) {
      const slot = this.pairSlots[i] as number;
      docs[cursor[slot] as number] = this.pairDocs[i] as number;
      cursor[slot] = (cursor[slot] as number) + 1;
    }
    return new Postings(this.keys, offsets, docs);
  }
}

function enlarge(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
