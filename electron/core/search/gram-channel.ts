/**
 * Posting lists of 1- and 2-character grams over a set of documents (docs/decisions.md "Search is an in-memory index per database": FTS5's
 * trigrams find nothing shorter than 3 characters, and 1–2 characters is the common Japanese
 * query). A query of 1 or 2 characters is answered by one posting list, exactly; a longer query
 * intersects the lists of its bigrams (`narrowed`: the shortest, then whichever removes most, while
 * that pays) and checks the candidates left with a plain `includes`. Grams never span two fields.
 * Each document also has prefix keys (name, reading, each word of them) with their own lists of
 * leading grams, for "starts with" ranking (asked only of the matches a page needs, prefix-walk.ts).
 *
 * Documents are numbered 0…n-1 and every list is sorted, so results merge in linear time.
 * Characters are UTF-16 code units: the query is cut the same way, so matching is unaffected.
 */
import { DocTexts, DOC_SEPARATOR, SEPARATOR } from './doc-texts';
import { Postings, PostingsBuilder } from './postings';

export { DOC_SEPARATOR, SEPARATOR };
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

/** One document's fields (or prefix keys) as a channel keeps them: SEPARATOR before each. */
export function stackOf(list: readonly string[]): string {
  return SEPARATOR + list.join(SEPARATOR);
}

/**
 * What the search index asks of a channel: the gram lists below, or, while they are being built
 * off the thread, a plain scan of the same text (scan-channel.ts).
 */
export interface SearchChannel {
  readonly size: number;
  matches(query: string): Int32Array;
  prefixCandidates(query: string): PrefixCandidates;
  fieldsOf(doc: number): string[];
  prefixesOf(doc: number): string[];
}

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
    this.haystacks.push(stackOf(doc.fields));
    this.prefixStacks.push(stackOf(doc.prefixes));
  }

  finish(): GramChannel {
    return new GramChannel(this.chars, this.uni.finish(), this.bi.finish(), this.startUni.finish(), this.startBi.finish(), DocTexts.join(this.haystacks), DocTexts.join(this.prefixStacks));
  }
}

export class GramChannel implements SearchChannel {
  constructor(
    private readonly chars: CharNumbers,
    private readonly unigrams: Postings,
    private readonly bigrams: Postings,
    private readonly startUnigrams: Postings,
    private readonly startBigrams: Postings,
    /** Per document: SEPARATOR + fields joined by SEPARATOR. */
    private readonly haystacks: DocTexts,
    /** Per document: SEPARATOR + prefix keys joined by SEPARATOR. */
    private readonly prefixStacks: DocTexts,
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
      ...this.lists(),
      haystacks: this.haystacks.joined,
      prefixStacks: this.prefixStacks.joined,
    };
  }

  /** The parts without the text (a worker's build sends the text once, with its first stage). */
  lists(): Omit<ChannelParts, 'haystacks' | 'prefixStacks'> {
    return {
      chars: this.chars.numbers,
      nextChar: this.chars.next,
      postings: [this.unigrams, this.bigrams, this.startUnigrams, this.startBigrams].flatMap((p) => p.parts()),
    };
  }

  /** From a snapshot's parts: the text is adopted as it is, only where each document starts is found. */
  static fromParts(parts: ChannelParts): GramChannel {
    return GramChannel.withTexts(parts, DocTexts.ofJoined(parts.haystacks), DocTexts.ofJoined(parts.prefixStacks));
  }

  /** From the gram lists and the text a scanned channel already holds (a build off the thread). */
  static withTexts(lists: Omit<ChannelParts, 'haystacks' | 'prefixStacks'>, haystacks: DocTexts, prefixStacks: DocTexts): GramChannel {
    const p = lists.postings;
    const postings = (i: number): Postings => new Postings(p[i * 3] as Int32Array, p[i * 3 + 1] as Int32Array, p[i * 3 + 2] as Int32Array);
    return new GramChannel(new CharNumbers(lists.chars, lists.nextChar), postings(0), postings(1), postings(2), postings(3), haystacks, prefixStacks);
  }

  /** The fields document `doc` was built with (as `ChannelDocument.fields`). */
  fieldsOf(doc: number): string[] {
    return unjoin(this.haystacks.at(doc));
  }

  /** The prefix keys document `doc` was built with. */
  prefixesOf(doc: number): string[] {
    return unjoin(this.prefixStacks.at(doc));
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
      return shared ? this.verified(list, query) : list;
    }
    const lists: Int32Array[] = [];
    for (let i = 0; i + 1 < query.length; i++) {
      const list = this.bigrams.get(this.bigram(query, i).key);
      if (list.length === 0) return EMPTY;
      lists.push(list);
    }
    return this.verified(narrowed(lists), query);
  }

  /** The candidates whose fields contain `query`. */
  private verified(candidates: Int32Array, query: string): Int32Array {
    const out = new Int32Array(candidates.length);
    const haystacks = this.haystacks;
    let n = 0;
    for (let i = 0; i < candidates.length; i++) {
      const doc = candidates[i] as number;
      if (haystacks.at(doc).includes(query)) out[n++] = doc;
    }
    return n === out.length ? candidates : out.subarray(0, n);
  }

  /**
   * Where to look for documents with a prefix key starting with `query`: `list` holds every one
   * of them (those with a key starting with the query's first gram), all of them exactly when
   * `exact`; otherwise `hasPrefix` tells. A page asks this only of the documents it needs
   * (prefix-walk.ts): a common name has thousands.
   */
  prefixCandidates(query: string): PrefixCandidates {
    let list: Int32Array;
    let exact: boolean;
    if (query.length === 1) {
      list = this.startUnigrams.get(query.charCodeAt(0));
      exact = true;
    } else {
      const { key, shared } = this.bigram(query, 0);
      list = this.startBigrams.get(key);
      exact = query.length === 2 && !shared;
    }
    const needle = SEPARATOR + query;
    const prefixStacks = this.prefixStacks;
    return { list, exact, hasPrefix: (doc) => prefixStacks.at(doc).includes(needle) };
  }
}

export interface PrefixCandidates {
  list: Int32Array;
  exact: boolean;
  /** For a document of `list`: whether one of its prefix keys starts with the query. */
  hasPrefix(doc: number): boolean;
}

/** Fields or keys are never empty (search-keys.ts drops empty ones), so SEPARATOR alone is none. */
export function unjoin(stack: string): string[] {
  return stack === SEPARATOR ? [] : stack.slice(1).split(SEPARATOR);
}

/** How many candidates are looked up in each list to estimate what intersecting it would remove. */
const SAMPLE = 8;
/** A list is intersected only if it removed at least this many of the sample (a quarter)... */
const MUST_REMOVE = 2;
/** ...and one that removed half of it at once (no need to look further). */
const REMOVES_MANY = SAMPLE / 2;

/**
 * The documents of the shortest list that are in the others, or a superset of them: a list is
 * intersected only while it pays. The bigrams of one word mostly come together (every "takahashi"
 * has "ka" and "ha"), so after a few lists the others seldom remove anyone, while a false
 * candidate left in costs a string search. So each round looks a few candidates up in the lists
 * left and intersects the one that removes the most, until none removes enough.
 */
function narrowed(lists: Int32Array[]): Int32Array {
  lists.sort((a, b) => a.length - b.length);
  let candidates = lists[0] ?? EMPTY;
  const left = lists.slice(1);
  while (left.length > 0 && candidates.length > VERIFY_BELOW) {
    let best = -1;
    let bestKept = SAMPLE - MUST_REMOVE + 1;
    const step = candidates.length / SAMPLE;
    for (let l = 0; l < left.length && bestKept > REMOVES_MANY; l++) {
      const list = left[l] as Int32Array;
      let kept = 0;
      let at = 0;
      for (let k = 0; k < SAMPLE && kept < bestKept; k++) {
        const doc = candidates[Math.floor(k * step)] as number;
        at = seek(list, at, doc);
        if (list[at] === doc) kept++;
      }
      if (kept < bestKept) {
        bestKept = kept;
        best = l;
      }
    }
    if (best < 0) break;
    candidates = intersect(candidates, left[best] as Int32Array);
    left.splice(best, 1);
  }
  return candidates;
}

/** Past this length ratio, searching the longer list beats walking it. */
const SEARCH_FROM_RATIO = 8;

export function intersect(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length > b.length) return intersect(b, a);
  if (b.length > a.length * SEARCH_FROM_RATIO) return intersectBySearch(a, b);
  const out = new Int32Array(a.length);
  const aLength = a.length;
  const bLength = b.length;
  let i = 0;
  let j = 0;
  let n = 0;
  // Without branches on the comparison (counters move by 0 or 1): the outcome of comparing two
  // posting lists is a coin toss the processor cannot predict, and this ran twice as fast.
  while (i < aLength && j < bLength) {
    const x = a[i] as number;
    const y = b[j] as number;
    out[n] = x;
    n += +(x === y);
    i += +(x <= y);
    j += +(y <= x);
  }
  return out.subarray(0, n);
}

/** `a` much shorter than `b`: each of a's documents is looked for in b, from where the last one was. */
function intersectBySearch(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length);
  let n = 0;
  let at = 0;
  for (let i = 0; i < a.length && at < b.length; i++) {
    const x = a[i] as number;
    at = seek(b, at, x);
    if (b[at] === x) {
      out[n++] = x;
      at++;
    }
  }
  return out.subarray(0, n);
}

/** The first position from `from` on where `list` (sorted) holds `x` or more (its length if none): galloping, then halving. */
export function seek(list: Int32Array, from: number, x: number): number {
  const length = list.length;
  let lo = from;
  let hi = from;
  let step = 1;
  while (hi < length && (list[hi] as number) < x) {
    lo = hi + 1;
    hi += step;
    step <<= 1;
  }
  if (hi > length) hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
