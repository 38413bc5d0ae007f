import type { Attendee } from '../../../shared/domain/attendee';
import { qrEncoder } from '../pdf/pdf-libraries';

/** Modules of the quiet zone around a QR symbol (ISO/IEC 18004 asks for 4). */
export const QUIET_ZONE = 4;

export interface QrMatrix {
  size: number;
  isDark(row: number, column: number): boolean;
}

/**
 * The module matrix of a QR code for `text`, encoded as UTF-8 bytes (byte mode), so phones read
 * kanji and kana correctly. Medium error correction survives a badge's wear and folds. qrcode picks
 * the data mask itself (the one with the lowest ISO/IEC 18004 penalty: fewest long runs, blocks and
 * finder-like patterns), which is what makes a symbol easiest for a camera to read.
 */
export function qrMatrix(text: string): QrMatrix {
  const code = qrEncoder().create([{ data: new TextEncoder().encode(text), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const { size, data } = code.modules;
  return { size, isDark: (row, column) => data[row * size + column] === 1 };
}

function escapeVcard(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/([,;])/g, '\\$1');
}

function splitName(name: string): [family: string, given: string] {
  const parts = name.trim().split(/[\s\u3000]+/);
  if (parts.length < 2) return [name.trim(), ''];
  // Names written in Japanese put the family name first; Latin-script names put it last.
  const latin = /^[\p{Script=Latin}\s.'’-]+$/u.test(name);
  return latin ? [parts.at(-1)!, parts.slice(0, -1).join(' ')] : [parts[0]!, parts.slice(1).join(' ')];
}

/**
 * A vCard 3.0 for contact exchange, only for attendees who opted in. Every text property
 * declares CHARSET=UTF-8 (phones otherwise guess Shift_JIS or Latin-1 and garble kanji); the kana
 * reading goes in the phonetic fields address books sort Japanese names by.
 */
export function vcardFor(attendee: Attendee): string {
  const utf8 = ';CHARSET=UTF-8';
  const [family, given] = splitName(attendee.name);
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `N${utf8}:${escapeVcard(family)};${escapeVcard(given)};;;`, `FN${utf8}:${escapeVcard(attendee.name)}`];
  if (attendee.nameKana) {
    const [kanaFamily, kanaGiven] = splitName(attendee.nameKana);
    lines.push(`X-PHONETIC-LAST-NAME${utf8}:${escapeVcard(kanaFamily)}`);
    if (kanaGiven) lines.push(`X-PHONETIC-FIRST-NAME${utf8}:${escapeVcard(kanaGiven)}`);
  }
  if (attendee.company) lines.push(`ORG${utf8}:${escapeVcard(attendee.company)}`);
  if (attendee.title) lines.push(`TITLE${utf8}:${escapeVcard(attendee.title)}`);
  if (attendee.email) lines.push(`EMAIL;TYPE=INTERNET:${escapeVcard(attendee.email)}`);
  if (attendee.phone) lines.push(`TEL;TYPE=CELL:${escapeVcard(attendee.phone)}`);
  lines.push('END:VCARD');
  return lines.join('\r\n');
}
