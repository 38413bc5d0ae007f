import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/**
 * Decodes the bytes of a CSV without asking the organizer for the encoding. In order: a BOM
 * (UTF-8, UTF-16 LE/BE); UTF-16 without a BOM, recognised by its NUL bytes (every ASCII comma and
 * line break has one, on the odd bytes for LE, the even ones for BE); strict UTF-8; else the
 * Japanese legacy encoding whose reading looks most like text — CP932 (Windows Shift_JIS, which
 * holds 髙 and 﨑) or EUC-JP (older Unix systems). The two are told apart by what each reading
 * produces: EUC-JP read as CP932 turns into runs of half-width katakana (山田花子 → ｻｳﾅﾄｲﾖｻﾒ), and
 * CP932 read as EUC-JP hits bytes EUC-JP does not have. Only these two candidates are scored, so a
 * short file (a header and a few names) is enough to tell them apart.
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'cp932' | 'euc-jp';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Some bytes were not valid in the encoding and became U+FFFD. */
  lossy: boolean;
  /** Set when lines are in different encodings (UTF-8 lines and CP932 lines pasted together). */
  mixed?: { firstLine: number; firstEncoding: TextEncoding; otherLine: number; otherEncoding: TextEncoding };
}

export const REPLACEMENT_CHARACTER = '\ufffd';

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

const HALF_WIDTH_KATAKANA = /[\uff61-\uff9f]/g;
const REPLACEMENTS = /\ufffd/g;
/** Private use and the rarely used CP932 extension rows: a sign of reading the wrong encoding. */
const UNLIKELY = /[\ue000-\uf8ff\u2160-\u217f\u3231-\u33ff]/g;

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

function decodeUtf16(bytes: Buffer, encoding: 'utf-16le' | 'utf-16be', skip: number): DecodedText {
  const body = bytes.subarray(skip);
  const text = encoding === 'utf-16le' ? new TextDecoder('utf-16le').decode(body) : new TextDecoder('utf-16be').decode(body);
  return { text, encoding, lossy: text.includes(REPLACEMENT_CHARACTER) };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/**
 * Lines that are clean UTF-8 with Japanese in them next to lines that only a legacy encoding reads:
 * a list pasted together from two exports. Reading it as either garbles half the rows, so it is
 * refused with the first line of each kind.
 */
function findMixedLines(bytes: Buffer, legacy: TextEncoding): DecodedText['mixed'] {
  let firstUtf8 = 0;
  let firstLegacy = 0;
  let line = 0;
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    line++;
    const chunk = bytes.subarray(start, end);
    start = end + 1;
    if (!chunk.some((b) => b >= 0x80)) continue;
    const asUtf8 = lenientUtf8.decode(chunk);
    const broken = count(asUtf8, REPLACEMENTS);
    const multibyte = count(asUtf8, /[^\x00-\x7f\ufffd]/g); // eslint-disable-line no-control-regex
    if (broken === 0 && multibyte > 0) firstUtf8 ||= line;
    // A legacy line read as UTF-8 is mostly broken bytes; a UTF-8 line cut short has one or two.
    else if (broken > multibyte && !iconv.decode(chunk, legacy).includes(REPLACEMENT_CHARACTER)) firstLegacy ||= line;
    if (firstUtf8 && firstLegacy) break;
  }
  if (!firstUtf8 || !firstLegacy) return undefined;
  return firstUtf8 < firstLegacy
    ? { firstLine: firstUtf8, firstEncoding: 'utf-8', otherLine: firstLegacy, otherEncoding: legacy }
    : { firstLine: firstLegacy, firstEncoding: legacy, otherLine: firstUtf8, otherEncoding: 'utf-8' };
}

export function decodeText(bytes: Buffer): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = lenientUtf8.decode(bytes.subarray(3));
    return { text, encoding: 'utf-8-bom', lossy: text.includes(REPLACEMENT_CHARACTER) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be', 2);
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return decodeUtf16(bytes, utf16, 0);
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8', lossy: false };
  } catch {
    // Not clean UTF-8: a legacy encoding, unless it is UTF-8 with a few broken bytes (a truncated
    // export), in which case a legacy reading would garble every line instead of the broken cells.
  }
  const readings = (['cp932', 'euc-jp'] as const).map((encoding) => {
    const text = iconv.decode(bytes, encoding);
    return { text, encoding, oddness: oddness(text) };
  });
  const [legacy] = readings.sort((a, b) => a.oddness - b.oddness);
  if (!legacy) throw new Error('unreachable: two readings were made');
  const mixed = findMixedLines(bytes, legacy.encoding);
  const utf8 = lenientUtf8.decode(bytes);
  if (!mixed && count(utf8, REPLACEMENTS) < count(legacy.text, REPLACEMENTS)) return { text: utf8, encoding: 'utf-8', lossy: true };
  return { text: legacy.text, encoding: legacy.encoding, lossy: legacy.text.includes(REPLACEMENT_CHARACTER), ...(mixed ? { mixed } : {}) };
}

/** True when a NUL byte or a PDF signature says the bytes are not text (asked only of non-UTF-16 bytes). */
export function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  return head.subarray(0, 4).toString('latin1') === '%PDF' || head.includes(0);
}

export function isUtf16(encoding: string): boolean {
  return encoding === 'utf-16le' || encoding === 'utf-16be';
}

/** Bytes (UTF-8) or characters (the other encodings) per piece of `decodeInPieces`. */
const PIECE_SIZE = 32 * 1024;

/** A decoded file as pieces of text, so that the whole text need not be held. */
export interface DecodedPieces extends Omit<DecodedText, 'text'> {
  /** The text from its start, a piece at a time (a fresh reading each call). */
  pieces(): Generator<string, void>;
}

/**
 * `decodeText`, without the whole text for the common cases: UTF-8 with or without a BOM is
 * checked at once (`isUtf8`, which allocates nothing) and decoded a piece at a time as the reader
 * asks, so a 300,000-row file is never one 50 MB string. The legacy encodings and UTF-16 are rarer
 * and decoded whole (choosing between CP932 and EUC-JP scores the whole reading), then handed out
 * in pieces all the same.
 */
export function decodeInPieces(bytes: Buffer): DecodedPieces {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf16 = !bom && (bytes[0] === 0xff || bytes[0] === 0xfe || utf16WithoutBom(bytes) !== undefined);
  if (!utf16 && (bom || isUtf8(bytes))) {
    const start = bom ? 3 : 0;
    return {
      encoding: bom ? 'utf-8-bom' : 'utf-8',
      // With a BOM a broken byte is read as U+FFFD (the file says it is UTF-8); without one the
      // file is not taken for UTF-8 at all (the legacy readings below).
      lossy: bom && !isUtf8(bytes.subarray(start)),
      *pieces() {
        const decoder = new TextDecoder('utf-8');
        for (let at = start; at < bytes.length; at += PIECE_SIZE) {
          const end = Math.min(bytes.length, at + PIECE_SIZE);
          const piece = decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
          if (piece !== '') yield piece;
        }
      },
    };
  }
  const { text, ...decoded } = decodeText(bytes);
  return {
    ...decoded,
    *pieces() {
      for (let at = 0; at < text.length; at += PIECE_SIZE) yield text.slice(at, at + PIECE_SIZE);
    },
  };
}
