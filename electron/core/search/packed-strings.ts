/**
 * A long list of short strings (ids, sort keys, ticket codes) kept as one string and the offsets
 * of its pieces: a snapshot loads it as two allocations instead of 100,000 strings (splitting them
 * and collecting that garbage took much of a restart). A piece is cut out only when asked for.
 */
export class PackedStrings {
  constructor(
    readonly joined: string,
    /** length + 1 offsets: piece i is joined[offsets[i], offsets[i + 1]). */
    readonly offsets: Int32Array,
  ) {}

  static of(list: readonly string[]): PackedStrings {
    const offsets = new Int32Array(list.length + 1);
    for (let i = 0; i < list.length; i++) offsets[i + 1] = (offsets[i] as number) + (list[i] as string).length;
    return new PackedStrings(list.join(''), offsets);
  }

  get length(): number {
    return this.offsets.length - 1;
  }

  get(i: number): string {
    return this.joined.slice(this.offsets[i], this.offsets[i + 1]);
  }
}
