/**
 * Posting lists of 1- and 2-character grams over a set of documents (docs/decisions.md "Search is an in-memory index per database": FTS5's
 * trigrams find nothing shorter than 3 characters, and 1–2 characters is the common Japanese
 * query). A query of 1 or 2 characters is answered by one posting list, exactly; a longer query
 * intersects the lists of its bigrams, rarest first, and checks the few candidates left with a
 * plain `includes`. Grams never span two fields. Each document also has prefix keys (name,
 * reading, each word of them) with their own lists of leading grams, for "starts with" ranking.
 *
 * Documents are numbered 0…n-1 and every list is sorted, so results merge in linear time.
 * Characters are UTF-16 code units: the query is cut the same way, so matching is unaffected.
 */
import { Postings, PostingsBuilder } from './postings';

const SEPARATOR = '\u0001';
const EMPTY = new Int32Array(0);
/** Below this many candidates, checking each beats intersecting another list. */
const VERIFY_BELOW = 48;

export interface ChannelDocument {
  fields: readonly string[];
  prefixes: readonly string[];
}

/**
 * Bigram keys must stay small integers (V8 keeps those unboxed; a Map keyed by larger numbers was
 * ten times slower to build), so each code unit seen gets a compact number first. After
 * OVERFLOW distinct characters the rest share one number: their lists may then hold false
 * candidates, which is why a query touching them is checked with `includes`.
 */
const OVERFLOW = 16383;

class CharNumbers {
  constructor(
    readonly numbers: Uint16Array = new Uint16Array(65536),
    public next = 1,
  ) {}

  assign(code: number): number {
    let n = this.numbers[code] as number;
    if (n === 0) {
      n = this.next < OVERFLOW ? this.next++ : OVERFLOW;
      this.numbers[code] = n;
    }
    return n;
  }

  /** 0 for a character never indexed. */
  lookup(code: number): number {
    return this.numbers[code] as number;
  }
}

/** Everything a channel is made of, as flat arrays and strings: what a snapshot stores. */
export interface ChannelParts {
  chars: Uint16Array;
  nextChar: number;
  postings: Int32Array[];
  /** Per document, joined by DOC_SEPARATOR (normalised text never holds a control character). */
  haystacks: string;
  prefixStacks: string;
}

const DOC_SEPARATOR = '\u0000';

/**
 * Builds a channel one document at a time (documents in increasing order), so that a build can
 * yield between slices (search/index-build.ts).
 */
export class GramChannelBuilder {
  private readonly chars = new CharNumbers();
  private readonly uni: PostingsBuilder;
  private readonly bi: PostingsBuilder;
  private readonly startUni: PostingsBuilder;
  private readonly startBi: PostingsBuilder;
  private readonly haystacks: string[] = [];
  private readonly prefixStacks: string[] = [];

  /** `expectedCharacters`, `expectedPrefixes`: upper estimates, so the arrays rarely grow. */
  constructor(expectedCharacters = 1 << 16, expectedPrefixes = 1 << 16) {
    this.uni = new PostingsBuilder(expectedCharacters);
    this.bi = new PostingsBuilder(expectedCharacters);
    this.startUni = new PostingsBuilder(expectedPrefixes);
    this.startBi = new PostingsBuilder(expectedPrefixes);
  }

  add(doc: ChannelDocument): void {
    const d = this.haystacks.length;
    const chars = this.chars;
    for (const field of doc.fields) {
      let previous = 0;
      for (let i = 0; i < field.length; i++) {
        const code = field.charCodeAt(i);
        const n = chars.assign(code);
        this.uni.add(code, d);
        if (i > 0) this.bi.add(previous * 16384 + n, d);
        previous = n;
      }
    }
    for (const key of doc.prefixes) {
      if (key.length > 0) this.startUni.add(key.charCodeAt(0), d);
      if (key.length > 1) this.startBi.add(chars.assign(key.charCodeAt(0)) * 16384 + chars.assign(key.charCodeAt(1)), d);
    }
    this.haystacks.push(SEPARATOR + doc.fields.join(SEPARATOR));
    this.prefixStacks.push(SEPARATOR + doc.prefixes.join(SEPARATOR));
  }

  finish(): GramChannel {
    return new GramChannel(this.chars, this.uni.finish(), this.bi.finish(), this.startUni.finish(), this.startBi.finish(), this.haystacks, this.prefixStacks);
  }
}

export class GramChannel {
  constructor(
    private readonly chars: CharNumbers,
    private readonly unigrams: Postings,
    private readonly bigrams: Postings,
    private readonly startUnigrams: Postings,
    private readonly startBigrams: Postings,
    /** Per document: SEPARATOR + fields joined by SEPARATOR. */
    private readonly haystacks: string[],
    /** Per document: SEPARATOR + prefix keys joined by SEPARATOR. */
    private readonly prefixStacks: string[],
  ) {}

  static build(docs: readonly ChannelDocument[]): GramChannel {
    let characters = 0;
    let prefixes = 0;
    for (const doc of docs) {
      for (const field of doc.fields) characters += field.length;
      prefixes += doc.prefixes.length;
    }
    const builder = new GramChannelBuilder(characters, prefixes);
    for (const doc of docs) builder.add(doc);
    return builder.finish();
  }

  parts(): ChannelParts {
    return {
      chars: this.chars.numbers,
      nextChar: this.chars.next,
      postings: [this.unigrams, this.bigrams, this.startUnigrams, this.startBigrams].flatMap((p) => p.parts()),
      haystacks: this.haystacks.join(DOC_SEPARATOR),
      prefixStacks: this.prefixStacks.join(DOC_SEPARATOR),
    };
  }

  static fromParts(parts: ChannelParts): GramChannel {
    const p = parts.postings;
    const postings = (i: number): Postings => new Postings(p[i * 3] as Int32Array, p[i * 3 + 1] as Int32Array, p[i * 3 + 2] as Int32Array);
    const split = (joined: string): string[] => (joined === '' ? [] : joined.split(DOC_SEPARATOR));
    return new GramChannel(new CharNumbers(parts.chars, parts.nextChar), postings(0), postings(1), postings(2), postings(3), split(parts.haystacks), split(parts.prefixStacks));
  }

  /** The fields document `doc` was built with (as `ChannelDocument.fields`). */
  fieldsOf(doc: number): string[] {
    return unjoin(this.haystacks[doc] ?? SEPARATOR);
  }

  /** The prefix keys document `doc` was built with. */
  prefixesOf(doc: number): string[] {
    return unjoin(this.prefixStacks[doc] ?? SEPARATOR);
  }

  get size(): number {
    return this.haystacks.length;
  }

  /** The bigram key at position i, -1 if a character was never indexed; `shared` when overflowed. */
  private bigram(text: string, i: number): { key: number; shared: boolean } {
    const a = this.chars.lookup(text.charCodeAt(i));
    const b = this.chars.lookup(text.charCodeAt(i + 1));
    if (a === 0 || b === 0) return { key: -1, shared: false };
    return { key: a * 16384 + b, shared: a === OVERFLOW || b === OVERFLOW };
  }

  /** Every document with a field containing `query` (sorted). */
  matches(query: string): Int32Array {
    if (query.length === 1) return this.unigrams.get(query.charCodeAt(0));
    if (query.length === 2) {
      const { key, shared } = this.bigram(query, 0);
      const list = this.bigrams.get(key);
      return shared ? list.filter((d) => (this.haystacks[d] ?? '').includes(query)) : list;
    }
    const lists: Int32Array[] = [];
    for (let i = 0; i + 1 < query.length; i++) {
      const list = this.bigrams.get(this.bigram(query, i).key);
      if (list.length === 0) return EMPTY;
      lists.push(list);
    }
    lists.sort((a, b) => a.length - b.length);
    let candidates = lists[0] ?? EMPTY;
    for (let i = 1; i < lists.length && candidates.length > VERIFY_BELOW; i++) candidates = intersect(candidates, lists[i] ?? EMPTY);
    return candidates.filter((d) => (this.haystacks[d] ?? '').includes(query));
  }

  /**
   * Every document with a prefix key starting with `query` (sorted). `within`: the documents already
   * known to match the query anywhere (a prefix match is one of them), to narrow the check.
   */
  prefixMatches(query: string, within?: Int32Array): Int32Array {
    if (query.length === 1) return this.startUnigrams.get(query.charCodeAt(0));
    const { key, shared } = this.bigram(query, 0);
    let list = this.startBigrams.get(key);
    if (query.length === 2 && !shared) return list;
    if (within) list = intersect(list, within);
    const needle = SEPARATOR + query;
    return list.filter((d) => (this.prefixStacks[d] ?? '').includes(needle));
  }
}

/** Fields or keys are never empty (search-keys.ts drops empty ones), so SEPARATOR alone is none. */
function unjoin(stack: string): string[] {
  return stack === SEPARATOR ? [] : stack.slice(1).split(SEPARATOR);
}

export function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, n);
}

export function union(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) {
      out[n++] = x;
      i++;
    } else {
      out[n++] = y;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++] as number;
  while (j < b.length) out[n++] = b[j++] as number;
  return out.subarray(0, n);
}
