/**
 * IPP messages (RFC 8010, "IPP/1.1: Encoding and Transport"), the small part Musubi speaks to the
 * local CUPS scheduler: a request is a header, attribute groups and the document; an answer is the
 * same shape with a status code. Written by hand (docs/decisions.md, "Badges reach CUPS over
 * IPP"): the encoding is small and fixed, and nothing else here needs a library for it.
 *
 * Layout: version (2 bytes), operation or status (2), request id (4), then groups, each a group tag
 * (1) followed by attributes, each `value-tag (1) name-length (2) name value-length (2) value`
 * (a further value of the same attribute has an empty name), then the end tag (0x03) and the data.
 */

/** Group (delimiter) tags. */
export const GROUP = {
  operation: 0x01,
  job: 0x02,
  end: 0x03,
  printer: 0x04,
  unsupported: 0x05,
} as const;

/** Value tags this code writes or reads as more than bytes. */
export const TAG = {
  unsupported: 0x10,
  unknown: 0x12,
  noValue: 0x13,
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  octetString: 0x30,
  dateTime: 0x31,
  resolution: 0x32,
  rangeOfInteger: 0x33,
  begCollection: 0x34,
  textWithLanguage: 0x35,
  nameWithLanguage: 0x36,
  endCollection: 0x37,
  text: 0x41,
  name: 0x42,
  keyword: 0x44,
  uri: 0x45,
  uriScheme: 0x46,
  charset: 0x47,
  naturalLanguage: 0x48,
  mimeMediaType: 0x49,
  memberAttrName: 0x4a,
} as const;

/** Operation ids used here (RFC 8011 and CUPS's own). */
export const OPERATION = {
  printJob: 0x0002,
  getPrinterAttributes: 0x000b,
  cupsGetDefault: 0x4001,
  cupsGetPrinters: 0x4002,
} as const;

/** A value as it is written: strings for the text-like tags, numbers for integer/enum, a boolean. */
export type IppOutValue = string | number | boolean;

export interface IppOutAttribute {
  tag: number;
  name: string;
  /** One or more values (a "1setOf" when several). */
  values: readonly IppOutValue[];
}

export interface IppRequest {
  operation: number;
  requestId: number;
  /** The operation group comes first and must start with charset and natural language (RFC 8011 4.1.4). */
  groups: readonly { tag: number; attributes: readonly IppOutAttribute[] }[];
  /** The document that follows the attributes (Print-Job's PDF). */
  data?: Uint8Array;
}

/** A value as read: what the tag says it is, or its bytes when this code has no use for its type. */
export type IppValue =
  | { tag: number; kind: 'number'; value: number }
  | { tag: number; kind: 'boolean'; value: boolean }
  | { tag: number; kind: 'string'; value: string }
  | { tag: number; kind: 'out-of-band' }
  | { tag: number; kind: 'collection'; value: Map<string, IppValue[]> }
  | { tag: number; kind: 'bytes'; value: Uint8Array };

export interface IppGroup {
  tag: number;
  attributes: Map<string, IppValue[]>;
}

export interface IppResponse {
  version: { major: number; minor: number };
  statusCode: number;
  requestId: number;
  groups: IppGroup[];
  /** Whatever follows the end tag (empty for the answers read here). */
  data: Uint8Array;
}

/** A message that breaks the encoding (ours to send, or the spooler's answer). */
export class IppFormatError extends Error {
  override name = 'IppFormatError';
}

/** Lengths are signed shorts on the wire (RFC 8010 3.1.1). */
const MAX_LENGTH = 0x7fff;
const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;

/** Tags whose values are UTF-8 (or US-ASCII, a subset) strings. */
const STRING_TAGS: ReadonlySet<number> = new Set([
  TAG.octetString, TAG.text, TAG.name, TAG.keyword, TAG.uri, TAG.uriScheme, TAG.charset, TAG.naturalLanguage, TAG.mimeMediaType, TAG.memberAttrName,
]);
const INTEGER_TAGS: ReadonlySet<number> = new Set([TAG.integer, TAG.enum]);

function isGroupTag(tag: number): boolean {
  return tag >= 0x00 && tag <= 0x0f;
}

function valueBytes(attribute: IppOutAttribute, value: IppOutValue): Buffer {
  const where = `IPP attribute ${attribute.name}`;
  if (INTEGER_TAGS.has(attribute.tag)) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) {
      throw new IppFormatError(`${where}: ${String(value)} is not a 32-bit integer`);
    }
    const bytes = Buffer.alloc(4);
    bytes.writeInt32BE(value);
    return bytes;
  }
  if (attribute.tag === TAG.boolean) {
    if (typeof value !== 'boolean') throw new IppFormatError(`${where}: ${String(value)} is not a boolean`);
    return Buffer.from([value ? 1 : 0]);
  }
  if (STRING_TAGS.has(attribute.tag)) {
    if (typeof value !== 'string') throw new IppFormatError(`${where}: ${String(value)} is not a string`);
    return Buffer.from(value, 'utf8');
  }
  throw new IppFormatError(`${where}: value tag 0x${attribute.tag.toString(16)} cannot be written here`);
}

function lengthPrefixed(bytes: Buffer, what: string): Buffer {
  if (bytes.length > MAX_LENGTH) throw new IppFormatError(`${what} is ${bytes.length} bytes; IPP allows at most ${MAX_LENGTH}`);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** The request's bytes; throws IppFormatError (naming the attribute) for anything IPP cannot carry. */
export function encodeIppRequest(request: IppRequest): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt8(2, 0); // IPP/2.0, as CUPS's own clients send
  header.writeUInt8(0, 1);
  if (!Number.isInteger(request.operation) || request.operation < 0 || request.operation > 0xffff) {
    throw new IppFormatError(`IPP operation ${request.operation} is not a 16-bit number`);
  }
  header.writeUInt16BE(request.operation, 2);
  if (!Number.isInteger(request.requestId) || request.requestId < 1 || request.requestId > INT32_MAX) {
    throw new IppFormatError(`IPP request id ${request.requestId} must be 1 to ${INT32_MAX}`);
  }
  header.writeUInt32BE(request.requestId, 4);
  const parts: Buffer[] = [header];
  for (const group of request.groups) {
    if (!isGroupTag(group.tag) || group.tag === GROUP.end) throw new IppFormatError(`IPP group tag 0x${group.tag.toString(16)} is not a group`);
    parts.push(Buffer.from([group.tag]));
    for (const attribute of group.attributes) {
      if (!attribute.name) throw new IppFormatError('An IPP attribute needs a name');
      if (attribute.values.length === 0) throw new IppFormatError(`IPP attribute ${attribute.name} has no value`);
      if (isGroupTag(attribute.tag) || attribute.tag > 0xff) throw new IppFormatError(`IPP attribute ${attribute.name}: 0x${attribute.tag.toString(16)} is not a value tag`);
      attribute.values.forEach((value, i) => {
        // Further values of a 1setOf carry an empty name.
        parts.push(Buffer.from([attribute.tag]), lengthPrefixed(Buffer.from(i === 0 ? attribute.name : '', 'utf8'), `IPP attribute name ${attribute.name.slice(0, 40)}`));
        parts.push(lengthPrefixed(valueBytes(attribute, value), `IPP attribute ${attribute.name}'s value`));
      });
    }
  }
  parts.push(Buffer.from([GROUP.end]));
  if (request.data) parts.push(Buffer.from(request.data.buffer, request.data.byteOffset, request.data.byteLength));
  return Buffer.concat(parts);
}

/** Reads fields off the bytes, failing with the offset when the message ends too soon. */
class Reader {
  offset = 0;
  constructor(private readonly bytes: Buffer) {}

  get left(): number {
    return this.bytes.length - this.offset;
  }

  take(count: number, what: string): Buffer {
    if (count > this.left) throw new IppFormatError(`The IPP message ends inside ${what} (byte ${this.offset}, ${count} wanted, ${this.left} left)`);
    const slice = this.bytes.subarray(this.offset, this.offset + count);
    this.offset += count;
    return slice;
  }

  byte(what: string): number {
    return this.take(1, what).readUInt8(0);
  }

  short(what: string): number {
    return this.take(2, what).readUInt16BE(0);
  }

  rest(): Buffer {
    return this.take(this.left, 'data');
  }
}

function readValue(tag: number, bytes: Buffer, name: string): IppValue {
  const where = `the value of ${name || 'an additional value'}`;
  // 0x10-0x1f: "out-of-band" values (unsupported, unknown, no-value, …) that stand for a value.
  if (tag >= 0x10 && tag <= 0x1f) return { tag, kind: 'out-of-band' };
  if (INTEGER_TAGS.has(tag)) {
    if (bytes.length !== 4) throw new IppFormatError(`${where}: an integer must be 4 bytes, not ${bytes.length}`);
    return { tag, kind: 'number', value: bytes.readInt32BE(0) };
  }
  if (tag === TAG.boolean) {
    if (bytes.length !== 1) throw new IppFormatError(`${where}: a boolean must be 1 byte, not ${bytes.length}`);
    return { tag, kind: 'boolean', value: bytes[0] !== 0 };
  }
  if (STRING_TAGS.has(tag)) return { tag, kind: 'string', value: bytes.toString('utf8') };
  if (tag === TAG.textWithLanguage || tag === TAG.nameWithLanguage) {
    // language length, language, text length, text: the text is what a person reads.
    const inner = new Reader(bytes);
    inner.take(inner.short(`${where}'s language`), `${where}'s language`);
    const text = inner.take(inner.short(`${where}'s text`), `${where}'s text`).toString('utf8');
    if (inner.left !== 0) throw new IppFormatError(`${where}: ${inner.left} stray bytes after the text`);
    return { tag, kind: 'string', value: text };
  }
  return { tag, kind: 'bytes', value: Uint8Array.from(bytes) };
}

/** One attribute's header and value: tag, name, value (the tag already read). */
function readAttribute(reader: Reader, tag: number): { name: string; bytes: Buffer } {
  if (tag === 0x7f) throw new IppFormatError('Extended IPP value tags are not supported');
  const name = reader.take(reader.short('an attribute name length'), 'an attribute name').toString('utf8');
  const bytes = reader.take(reader.short(`the value length of ${name || 'an additional value'}`), `the value of ${name || 'an additional value'}`);
  return { name, bytes };
}

/** A collection's members up to its endCollection (RFC 8010 3.1.6), nested collections included. */
function readCollection(reader: Reader, depth: number): Map<string, IppValue[]> {
  if (depth > 16) throw new IppFormatError('IPP collections nested more than 16 deep');
  const members = new Map<string, IppValue[]>();
  let current: IppValue[] | undefined;
  for (;;) {
    const tag = reader.byte('a collection');
    const { name, bytes } = readAttribute(reader, tag);
    if (tag === TAG.endCollection) return members;
    if (tag === TAG.memberAttrName) {
      if (name) throw new IppFormatError('An IPP collection member name must sit in the value, not the name');
      const member = bytes.toString('utf8');
      if (!member) throw new IppFormatError('An IPP collection member has an empty name');
      current = [];
      members.set(member, current);
      continue;
    }
    if (!current) throw new IppFormatError('An IPP collection value comes before its member name');
    current.push(tag === TAG.begCollection ? { tag, kind: 'collection', value: readCollection(reader, depth + 1) } : readValue(tag, bytes, name));
  }
}

/** An IPP answer; throws IppFormatError when the bytes are not one (truncated, values of the wrong size). */
export function decodeIppResponse(input: Uint8Array): IppResponse {
  const reader = new Reader(Buffer.from(input.buffer, input.byteOffset, input.byteLength));
  const version = { major: reader.byte('the version'), minor: reader.byte('the version') };
  const statusCode = reader.short('the status code');
  const requestId = reader.take(4, 'the request id').readUInt32BE(0);
  const groups: IppGroup[] = [];
  let group: IppGroup | undefined;
  let current: IppValue[] | undefined;
  for (;;) {
    const tag = reader.byte('the attributes (no end tag)');
    if (tag === GROUP.end) break;
    if (isGroupTag(tag)) {
      group = { tag, attributes: new Map() };
      groups.push(group);
      current = undefined;
      continue;
    }
    if (!group) throw new IppFormatError(`An IPP attribute (tag 0x${tag.toString(16)}) comes before any group`);
    const { name, bytes } = readAttribute(reader, tag);
    if (name) {
      current = [];
      // A repeated name in a group is a broken answer; the first one stands.
      if (!group.attributes.has(name)) group.attributes.set(name, current);
    } else if (!current) {
      throw new IppFormatError('An additional IPP value comes before any attribute');
    }
    current.push(tag === TAG.begCollection ? { tag, kind: 'collection', value: readCollection(reader, 0) } : readValue(tag, bytes, name));
  }
  return { version, statusCode, requestId, groups, data: Uint8Array.from(reader.rest()) };
}

/** The values of `name` in the first group with `groupTag` that has it (empty when none has). */
export function ippValues(response: IppResponse, groupTag: number, name: string): IppValue[] {
  for (const group of response.groups) {
    if (group.tag !== groupTag) continue;
    const values = group.attributes.get(name);
    if (values) return values;
  }
  return [];
}

/** The first value of `name` as a string or number, when it is one. */
export function ippString(response: IppResponse, groupTag: number, name: string): string | undefined {
  const value = ippValues(response, groupTag, name)[0];
  return value?.kind === 'string' ? value.value : undefined;
}

export function ippNumber(response: IppResponse, groupTag: number, name: string): number | undefined {
  const value = ippValues(response, groupTag, name)[0];
  return value?.kind === 'number' ? value.value : undefined;
}

export function ippBoolean(response: IppResponse, groupTag: number, name: string): boolean | undefined {
  const value = ippValues(response, groupTag, name)[0];
  return value?.kind === 'boolean' ? value.value : undefined;
}
