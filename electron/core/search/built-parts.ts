import { DocTexts } from './doc-texts';
import { GramChannel, stackOf, type ChannelParts } from './gram-channel';
import { listsOf, type BuiltIndex, type SearchLists, type SortedEntries } from './index-build';
import { PackedStrings } from './packed-strings';
import { Postings } from './postings';
import { ScanChannel } from './scan-channel';

/**
 * A build made on a worker thread (index-build-worker.ts) as it crosses to the station's thread:
 * typed arrays, whose memory is handed over (transferred, not copied), and long strings (copied
 * once, a few ms; a string cannot be transferred). Two stages: first the lists and the channels'
 * text, from which a search is answered at once by scanning (scan-channel.ts); then the gram
 * lists, which join that text into the full index.
 */
type Packed = [joined: string, offsets: Int32Array];

export interface ListsParts {
  ids: Packed;
  sortKeys: Packed;
  tickets: Packed;
  ticketIndex: [Int32Array, Int32Array, Int32Array];
  seq: number;
  byId: Int32Array;
  main: ChannelText;
  romaji: ChannelText;
}

/** A channel's text joined once on the worker, with where each document starts (DocTexts). */
interface ChannelText {
  haystacks: [joined: string, starts: Int32Array];
  prefixStacks: [joined: string, starts: Int32Array];
}

type ChannelLists = Omit<ChannelParts, 'haystacks' | 'prefixStacks'>;

export interface ChannelsParts {
  main: ChannelLists;
  romaji: ChannelLists;
}

/** The buffers under `arrays`, once each (a transfer list must not name one twice). */
function buffersOf(arrays: readonly (Int32Array | Uint16Array)[]): ArrayBuffer[] {
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

function packed(strings: PackedStrings): Packed {
  return [strings.joined, strings.offsets];
}

/** The first stage's parts, from the sorted people and their documents in id order, and what to transfer. */
export function listsPartsOf(sorted: SortedEntries, byId: Int32Array): { parts: ListsParts; transfer: ArrayBuffer[] } {
  const lists = listsOf(sorted, byId);
  const joined = (texts: DocTexts): [string, Int32Array] => [texts.joined, texts.starts];
  const text = (fields: 'main' | 'romaji', prefixes: 'mainPrefixes' | 'romajiPrefixes'): ChannelText => ({
    haystacks: joined(DocTexts.join(sorted.entries.map((e) => stackOf(e.keys[fields])))),
    prefixStacks: joined(DocTexts.join(sorted.entries.map((e) => stackOf(e.keys[prefixes])))),
  });
  const parts: ListsParts = {
    ids: packed(lists.ids),
    sortKeys: packed(lists.sortKeys),
    tickets: packed(lists.tickets),
    ticketIndex: lists.ticketIndex.parts(),
    seq: lists.seq,
    byId: lists.byId,
    main: text('main', 'mainPrefixes'),
    romaji: text('romaji', 'romajiPrefixes'),
  };
  const starts = [parts.main, parts.romaji].flatMap((t) => [t.haystacks[1], t.prefixStacks[1]]);
  return { parts, transfer: buffersOf([parts.ids[1], parts.sortKeys[1], parts.tickets[1], ...parts.ticketIndex, parts.byId, ...starts]) };
}

function scannedChannel(text: ChannelText): ScanChannel {
  return new ScanChannel(DocTexts.fromParts(...text.haystacks), DocTexts.fromParts(...text.prefixStacks));
}

/** Lists answered by scanning, from the first stage's parts. */
export function scannedListsOf(parts: ListsParts): SearchLists & { main: ScanChannel; romaji: ScanChannel } {
  return {
    ids: new PackedStrings(...parts.ids),
    sortKeys: new PackedStrings(...parts.sortKeys),
    tickets: new PackedStrings(...parts.tickets),
    ticketIndex: new Postings(...parts.ticketIndex),
    seq: parts.seq,
    byId: parts.byId,
    main: scannedChannel(parts.main),
    romaji: scannedChannel(parts.romaji),
  };
}

/** The second stage's parts (the gram lists of both channels), and what to transfer. */
export function channelsPartsOf(channels: { main: GramChannel; romaji: GramChannel }): { parts: ChannelsParts; transfer: ArrayBuffer[] } {
  const parts: ChannelsParts = { main: channels.main.lists(), romaji: channels.romaji.lists() };
  return { parts, transfer: buffersOf([parts.main.chars, ...parts.main.postings, parts.romaji.chars, ...parts.romaji.postings]) };
}

/** The full index: the scanned lists of the first stage with the gram lists of the second. */
export function fullIndexOf(scanned: ReturnType<typeof scannedListsOf>, parts: ChannelsParts): BuiltIndex {
  const channel = (name: 'main' | 'romaji'): GramChannel => {
    // The scanned channel's text, as it is: nothing is split or copied on this thread.
    const { haystacks, prefixStacks } = scanned[name];
    const built = GramChannel.withTexts(parts[name], haystacks, prefixStacks);
    if (built.size !== scanned.ids.length) throw new Error(`The ${name} channel built off the thread has ${built.size} documents, not ${scanned.ids.length}.`);
    return built;
  };
  return { ...scanned, main: channel('main'), romaji: channel('romaji') };
}
