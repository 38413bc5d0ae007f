import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { SliceClock, yieldToEventLoop } from '../db/slices';

/**
 * Reads the bytes of a CSV as text without asking the organizer for the encoding, and without
 * ever holding the whole text: the encoding is found first (`detectEncoding`, which looks at the
 * bytes without decoding the file), then the text is decoded a piece at a time as the reader asks
 * (`decodePieces`), so a 300,000-row file is never one 50 MB string, whatever its encoding.
 *
 * The encoding, in order: a BOM (UTF-8, UTF-16 LE/BE); UTF-16 without a BOM, recognised by its NUL
 * bytes (every ASCII comma and line break has one, on the odd bytes for LE, the even ones for BE);
 * strict UTF-8; else the Japanese legacy encoding whose reading looks most like text — CP932
 * (Windows Shift_JIS, which holds 髙 and 﨑) or EUC-JP (older Unix systems). The two are told apart
 * by what each reading produces: EUC-JP read as CP932 turns into runs of half-width katakana
 * (山田花子 → ｻｳﾅﾄｲﾖｻﾒ), and CP932 read as EUC-JP hits bytes EUC-JP does not have. Only these two
 * candidates are scored, on the file's first lines that are not plain ASCII (`SAMPLE_BYTES` of
 * them), so a short file (a header and a few names) is enough to tell them apart and a long one
 * is not read twice.
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'cp932' | 'euc-jp';

/** Lines in different encodings (UTF-8 lines and CP932 lines pasted together), the first of each kind. */
export interface MixedLines {
  firstLine: number;
  firstEncoding: TextEncoding;
  otherLine: number;
  otherEncoding: TextEncoding;
}

/** How a file's bytes are to be read as text. */
export interface TextReading {
  encoding: TextEncoding;
  /**
   * A U+FFFD in the text stands for bytes that are not valid in the encoding, not for a character
   * the file holds: cells holding one are reported. Always so for CP932 and EUC-JP, which have no
   * U+FFFD of their own (the decoder writes one for each byte it cannot read); for UTF-8 and
   * UTF-16 only when the bytes hold something invalid (a clean file's U+FFFD was there on purpose).
   */
  lossy: boolean;
  /** Set when lines are in different encodings: the file is refused naming the first of each kind. */
  mixed?: MixedLines;
}

export const REPLACEMENT_CHARACTER = '\ufffd';

/** Bytes per piece of `decodePieces`: small enough that a piece's text stays out of V8's large-object space. */
export const PIECE_BYTES = 32 * 1024;
/** Bytes of non-ASCII lines whose readings choose between CP932 and EUC-JP. */
const SAMPLE_BYTES = 64 * 1024;
/** Lines looked at between two looks at the slice's clock while the file is searched for mixed lines. */
const LINES_BETWEEN_CLOCK_CHECKS = 2048;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

const HALF_WIDTH_KATAKANA = /[\uff61-\uff9f]/g;
const REPLACEMENTS = /\ufffd/g;
/** Private use and the rarely used CP932 extension rows: a sign of reading the wrong encoding. */
const UNLIKELY = /[\ue000-\uf8ff\u2160-\u217f\u3231-\u33ff]/g;
/** Characters beyond ASCII that are not U+FFFD. */
const MULTIBYTE = /[^\x00-\x7f\ufffd]/g; // eslint-disable-line no-control-regex

/** Lower is more like text. */
function oddness(text: string): number {
  return count(text, REPLACEMENTS) * 100 + count(text, UNLIKELY) * 5 + count(text, HALF_WIDTH_KATAKANA) * 2;
}

function utf16WithoutBom(bytes: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const sample = Math.min(bytes.length, 8192);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  const pairs = sample / 2;
  if (oddNul > pairs * 0.1 && evenNul * 10 < oddNul) return 'utf-16le';
  if (evenNul > pairs * 0.1 && oddNul * 10 < evenNul) return 'utf-16be';
  return undefined;
}

const lenientUtf8 = new TextDecoder('utf-8');

/**
 * The lines of `bytes` one at a time (split at LF, which is a line feed in every encoding read
 * here except UTF-16), numbered from 1, letting the event loop run between slices of the search.
 * `visit` returns true to stop.
 */
async function eachLine(bytes: Buffer, visit: (line: Buffer, number: number) => boolean): Promise<void> {
  const clock = new SliceClock();
  let number = 0;
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    number++;
    if (visit(bytes.subarray(start, end), number)) return;
    start = end + 1;
    if (number % LINES_BETWEEN_CLOCK_CHECKS === 0 && clock.over()) {
      await yieldToEventLoop();
      clock.restart();
    }
  }
}

/** The first non-ASCII lines, up to `SAMPLE_BYTES` of them: where the encodings differ. */
async function nonAsciiSample(bytes: Buffer): Promise<Buffer> {
  const lines: Buffer[] = [];
  let size = 0;
  await eachLine(bytes, (line) => {
    if (isAscii(line)) return false;
    lines.push(line, Buffer.from([0x0a]));
    size += line.length + 1;
    return size >= SAMPLE_BYTES;
  });
  return Buffer.concat(lines);
}

/**
 * Lines that are clean UTF-8 with Japanese in them next to lines that only a legacy encoding reads:
 * a list pasted together from two exports. Reading it as either garbles half the rows, so it is
 * refused with the first line of each kind. The whole file is searched (a line at a time, the bytes
 * checked before anything is decoded), so a differing line far down is found before any row is
 * imported.
 */
async function findMixedLines(bytes: Buffer, legacy: TextEncoding): Promise<MixedLines | undefined> {
  let firstUtf8 = 0;
  let firstLegacy = 0;
  await eachLine(bytes, (line, number) => {
    if (isUtf8(line)) {
      if (!firstUtf8 && !isAscii(line)) firstUtf8 = number;
    } else if (!firstLegacy) {
      const asUtf8 = lenientUtf8.decode(line);
      // A legacy line read as UTF-8 is mostly broken bytes; a UTF-8 line cut short has one or two.
      if (count(asUtf8, REPLACEMENTS) > count(asUtf8, MULTIBYTE) && !iconv.decode(line, legacy).includes(REPLACEMENT_CHARACTER)) firstLegacy = number;
    }
    return firstUtf8 > 0 && firstLegacy > 0;
  });
  if (!firstUtf8 || !firstLegacy) return undefined;
  return firstUtf8 < firstLegacy
    ? { firstLine: firstUtf8, firstEncoding: 'utf-8', otherLine: firstLegacy, otherEncoding: legacy }
    : { firstLine: firstLegacy, firstEncoding: legacy, otherLine: firstUtf8, otherEncoding: 'utf-8' };
}

/** True when UTF-16 bytes hold a surrogate without its pair or a lone last byte (each decoded as U+FFFD). */
async function utf16Broken(bytes: Buffer, encoding: 'utf-16le' | 'utf-16be'): Promise<boolean> {
  const bom = encoding === 'utf-16le' ? bytes[0] === 0xff && bytes[1] === 0xfe : bytes[0] === 0xfe && bytes[1] === 0xff;
  const start = bom ? 2 : 0;
  if ((bytes.length - start) % 2 !== 0) return true;
  const high = encoding === 'utf-16le' ? 1 : 0;
  const clock = new SliceClock();
  let expectLow = false;
  for (let i = start + high; i < bytes.length; i += 2) {
    const top = (bytes[i] ?? 0) & 0xfc;
    if (expectLow) {
      if (top !== 0xdc) return true;
      expectLow = false;
    } else if (top === 0xd8) expectLow = true;
    else if (top === 0xdc) return true;
    if (i % (1 << 20) === high && clock.over()) {
      await yieldToEventLoop();
      clock.restart();
    }
  }
  return expectLow;
}


/**
 * Finds how to read the bytes without decoding them whole: the BOM and UTF-16's NUL bytes are
 * looked for at the start, UTF-8 is checked with `isUtf8` (which allocates nothing), the legacy
 * encodings are told apart on a sample, and a legacy file is searched for lines in UTF-8 a line at
 * a time, letting the event loop run between slices.
 */
export async function detectEncoding(bytes: Buffer): Promise<TextReading> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8-bom', lossy: !isUtf8(bytes.subarray(3)) };
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, lossy: await utf16Broken(bytes, utf16) };
  // Not UTF-8 means a legacy encoding, unless it is UTF-8 with a few broken bytes (a truncated
  // export), in which case a legacy reading would garble every line instead of the broken cells.
  if (isUtf8(bytes)) return { encoding: 'utf-8', lossy: false };
  const sample = await nonAsciiSample(bytes);
  const readings = (['cp932', 'euc-jp'] as const).map((encoding) => {
    const text = iconv.decode(sample, encoding);
    return { text, encoding, oddness: oddness(text) };
  });
  const [legacy] = readings.sort((a, b) => a.oddness - b.oddness);
  if (!legacy) throw new Error('unreachable: two readings were made');
  const mixed = await findMixedLines(bytes, legacy.encoding);
  // Every sampled line clean UTF-8 (the broken bytes further down), or fewer broken than the legacy reading has.
  const brokenAsUtf8 = count(lenientUtf8.decode(sample), REPLACEMENTS);
  if (!mixed && (brokenAsUtf8 === 0 || brokenAsUtf8 < count(legacy.text, REPLACEMENTS))) return { encoding: 'utf-8', lossy: true };
  return { encoding: legacy.encoding, lossy: true, ...(mixed ? { mixed } : {}) };
}

/** A decoder that is given the bytes a piece at a time: a character cut by a piece's end is completed by the next. */
interface PieceDecoder {
  write(piece: Buffer): string;
  end(): string;
}

function pieceDecoder(encoding: TextEncoding): PieceDecoder {
  if (encoding === 'cp932' || encoding === 'euc-jp') {
    const decoder = iconv.getDecoder(encoding);
    return { write: (piece) => decoder.write(piece), end: () => decoder.end() ?? '' };
  }
  // TextDecoder skips a BOM at the start of the text (`ignoreBOM` false), whichever piece it ends in.
  const decoder = new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding);
  return { write: (piece) => decoder.decode(piece, { stream: true }), end: () => decoder.decode() };
}

/**
 * The text of `bytes` from its start, a piece at a time (a fresh reading each call): each piece of
 * `pieceBytes` bytes is decoded only when asked for, and nothing but the current piece is held.
 * A BOM is not part of the text.
 */
export function* decodePieces(bytes: Buffer, encoding: TextEncoding, pieceBytes = PIECE_BYTES): Generator<string, void> {
  const decoder = pieceDecoder(encoding);
  // UTF-16 pieces are kept to an even length so that a piece holds whole code units where it can.
  const size = encoding === 'utf-16le' || encoding === 'utf-16be' ? Math.max(2, pieceBytes - (pieceBytes % 2)) : Math.max(1, pieceBytes);
  for (let at = 0; at < bytes.length; at += size) {
    const piece = decoder.write(bytes.subarray(at, Math.min(bytes.length, at + size)));
    if (piece !== '') yield piece;
  }
  const last = decoder.end();
  if (last !== '') yield last;
}

/** True when a NUL byte or a PDF signature says the bytes are not text (asked only of non-UTF-16 bytes). */
export function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  return head.subarray(0, 4).toString('latin1') === '%PDF' || head.includes(0);
}

export function isUtf16(encoding: string): boolean {
  return encoding === 'utf-16le' || encoding === 'utf-16be';
}
