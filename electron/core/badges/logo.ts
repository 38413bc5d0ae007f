import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { MAX_LOGO_BYTES, MAX_LOGO_SIDE, MIN_LOGO_SIDE, type BadgeLogo } from '../../../shared/domain/badge-design';
import type { StoredEventSettings } from '../../../shared/domain/settings';
import { MusubiError, type ErrorReason } from '../../../shared/errors';

/**
 * The organizer's event logo: checked here before it is stored, so every station can print it.
 * pdfkit embeds PNG and JPEG as they are (a JPEG is not even decoded until a viewer or printer
 * opens the PDF), so a damaged file would only show up as a broken badge at the door; the checks
 * below decode what can be decoded and walk the structure of the rest.
 */

const WHERE = 'logo';

function refuse(reason: ErrorReason, message: string, detail?: string): never {
  throw new MusubiError('invalid-input', message, WHERE, detail === undefined ? { reason } : { reason, detail });
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What a file that is not PNG or JPEG most likely is, to say so in the refusal. */
function otherFormat(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 512).toString('latin1');
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head) || /<svg[\s>]/i.test(head)) return 'svg';
  if (head.startsWith('GIF8')) return 'gif';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'webp';
  if (head.slice(4, 12) === 'ftypheic' || head.slice(4, 12) === 'ftypmif1' || head.slice(4, 12) === 'ftypavif') return 'heic/avif';
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('BM')) return 'bmp';
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'tiff';
  return undefined;
}

function checkSide(width: number, height: number): void {
  if (width < MIN_LOGO_SIDE || height < MIN_LOGO_SIDE || width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE) {
    refuse(
      'logo-dimensions',
      `The logo is ${width}×${height} pixels; each side must be between ${MIN_LOGO_SIDE} and ${MAX_LOGO_SIDE} pixels.`,
      `${width}×${height}`,
    );
  }
}

/** Channels per pixel for each PNG colour type, and the bit depths the standard allows for it. */
const PNG_COLOUR_TYPES: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

/**
 * A PNG read to the end: every chunk's CRC, the header's fields, and the image data inflated and
 * its rows counted (each row starts with a valid filter byte), which is as far as a decoder goes
 * before it turns filtered rows into pixels. The inflated size is known from the header, so a
 * file that inflates to more stops there.
 */
function inspectPng(bytes: Buffer): { width: number; height: number } {
  const damaged = (what: string): never => refuse('logo-damaged', `The PNG logo is damaged (${what}). Export it again from the original.`, what);
  let offset = PNG_SIGNATURE.length;
  let header: { width: number; height: number; depth: number; colourType: number; interlace: number } | undefined;
  let palette = false;
  let ended = false;
  const idat: Buffer[] = [];
  while (offset < bytes.length && !ended) {
    if (offset + 12 > bytes.length) damaged('cut short');
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (offset + 12 + length > bytes.length) damaged(`the ${type} chunk is cut short`);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    const crc = bytes.readUInt32BE(offset + 8 + length);
    if (zlib.crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== crc) damaged(`checksum of the ${type} chunk`);
    if (!header && type !== 'IHDR') damaged('no header');
    switch (type) {
      case 'IHDR': {
        if (length !== 13) damaged('header length');
        header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8]!, colourType: body[9]!, interlace: body[12]! };
        const kind = PNG_COLOUR_TYPES[header.colourType];
        if (!kind || !kind.depths.includes(header.depth) || body[10] !== 0 || body[11] !== 0 || header.interlace > 1) damaged('header values');
        checkSide(header.width, header.height);
        break;
      }
      case 'PLTE':
        palette = true;
        break;
      case 'IDAT':
        idat.push(body);
        break;
      case 'IEND':
        ended = true;
        break;
    }
    offset += 12 + length;
  }
  if (!header) return damaged('no header');
  if (!ended) damaged('cut short');
  if (header.colourType === 3 && !palette) damaged('no palette');
  if (idat.length === 0) damaged('no image data');

  // Bytes per filtered row (plus its filter byte), for each pass of an interlaced image.
  const { width, height, depth, colourType, interlace } = header;
  const bitsPerPixel = PNG_COLOUR_TYPES[colourType]!.channels * depth;
  const passes =
    interlace === 1
      ? [
          [0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2],
        ].map(([x0, y0, dx, dy]) => ({ w: Math.ceil((width - x0!) / dx!), h: Math.ceil((height - y0!) / dy!) }))
      : [{ w: width, h: height }];
  const rows = passes.filter((p) => p.w > 0 && p.h > 0).flatMap((p) => Array<number>(p.h).fill(1 + Math.ceil((p.w * bitsPerPixel) / 8)));
  const expected = rows.reduce((sum, n) => sum + n, 0);
  let raw: Buffer;
  try {
    raw = zlib.inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 });
  } catch {
    return damaged('the image data does not decompress');
  }
  if (raw.length !== expected) damaged('the image data has the wrong length');
  let at = 0;
  for (const rowBytes of rows) {
    if (raw[at]! > 4) damaged('a row has an unknown filter');
    at += rowBytes;
  }
  return { width, height };
}

/** JPEG start-of-frame markers pdfkit and PDF viewers handle: baseline, extended and progressive (Huffman). */
const JPEG_FRAMES = new Set([0xc0, 0xc1, 0xc2]);

/**
 * A JPEG walked marker by marker from SOI to EOI: a frame header with 8-bit samples and one
 * (grey) or three (colour) components, at least one scan, and the end marker. (Decoding the
 * compressed pixels would need a JPEG decoder; the PDF carries them as they are.)
 */
function inspectJpeg(bytes: Buffer): { width: number; height: number } {
  const damaged = (what: string): never => refuse('logo-damaged', `The JPEG logo is damaged (${what}). Export it again from the original.`, what);
  let offset = 2;
  let frame: { width: number; height: number } | undefined;
  let scans = 0;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) {
      // Inside compressed scan data: skip to the next marker (0xFF not followed by 0x00 or a restart).
      if (scans === 0) damaged('a segment is cut short');
      const next = bytes.indexOf(0xff, offset);
      if (next < 0) break;
      offset = next;
      continue;
    }
    const marker = bytes[offset + 1];
    if (marker === undefined) break;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0x00 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9) {
      if (!frame) damaged('no frame header');
      if (scans === 0) damaged('no image data');
      return frame!;
    }
    if (offset + 4 > bytes.length) damaged('cut short');
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) damaged('a segment is cut short');
    const body = bytes.subarray(offset + 4, offset + 2 + length);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (!JPEG_FRAMES.has(marker)) damaged('an unsupported JPEG kind (lossless or arithmetic coding)');
      if (body.length < 6) damaged('frame header');
      const precision = body[0]!;
      const height = body.readUInt16BE(1);
      const width = body.readUInt16BE(3);
      const components = body[5]!;
      if (precision !== 8) damaged(`${precision}-bit samples`);
      if (components === 4) refuse('logo-cmyk', 'The logo is a CMYK JPEG, which prints with wrong colours. Save it as RGB (or as PNG).');
      if (components !== 1 && components !== 3) damaged(`${components} colour components`);
      if (height === 0) damaged('no height in the frame header');
      checkSide(width, height);
      frame = { width, height };
    }
    if (marker === 0xda) {
      if (!frame) damaged('image data before the frame header');
      scans++;
    }
    offset += 2 + length;
  }
  return damaged('cut short (no end marker)');
}

export interface CheckedLogo {
  logo: BadgeLogo;
  /** The file as base64, as it is stored and synced. */
  imageBase64: string;
}

/**
 * Checks an uploaded logo and describes it, or refuses it with a reason the organizer can act on
 * (format, file size, damage, pixel size). Only PNG and JPEG: SVG can carry scripts and external
 * references and pdfkit cannot draw it; everything else would need converting anyway.
 */
export function checkLogo(bytes: Buffer): CheckedLogo {
  if (bytes.length === 0) refuse('logo-damaged', 'The logo file is empty.', 'empty');
  const isPng = bytes.subarray(0, 8).equals(PNG_SIGNATURE);
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!isPng && !isJpeg) {
    const format = otherFormat(bytes);
    if (format === 'svg') refuse('logo-format', 'SVG logos cannot be printed on badges. Export the logo as PNG (or JPEG) and upload that.', 'svg');
    refuse('logo-format', `The logo must be a PNG or JPEG image${format ? `; this file is ${format.toUpperCase()}` : ''}.`, format);
  }
  if (bytes.length > MAX_LOGO_BYTES) {
    const kb = (n: number): string => `${Math.ceil(n / 1024)} KB`;
    refuse('logo-too-large', `The logo file is ${kb(bytes.length)}; the limit is ${kb(MAX_LOGO_BYTES)}. About 600×300 pixels is plenty for a badge.`, String(bytes.length));
  }
  const { width, height } = isPng ? inspectPng(bytes) : inspectJpeg(bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { logo: { mime: isPng ? 'image/png' : 'image/jpeg', width, height, bytes: bytes.length, sha256 }, imageBase64: bytes.toString('base64') };
}

/** The logo to print, if the event has one: its bytes and its pixel size (for its aspect ratio). */
export interface LogoImage {
  data: Buffer;
  width: number;
  height: number;
}

/** Cached per stored string: a batch of a thousand badges decodes the base64 once. */
let lastLogo: { base64: string; image: LogoImage } | undefined;

export function logoImageOf(settings: Pick<StoredEventSettings, 'badgeLogo'> & Partial<Pick<StoredEventSettings, 'badgeLogoImage'>>): LogoImage | null {
  const { badgeLogo, badgeLogoImage } = settings;
  if (!badgeLogo || !badgeLogoImage) return null;
  if (lastLogo?.base64 !== badgeLogoImage) {
    lastLogo = { base64: badgeLogoImage, image: { data: Buffer.from(badgeLogoImage, 'base64'), width: badgeLogo.width, height: badgeLogo.height } };
  }
  return lastLogo.image;
}
