import zlib from 'node:zlib';

/**
 * Writes a zip (an XLSX is one) part by part, so tests can build workbooks no spreadsheet program
 * would: parts generated in chunks and deflated as they go (400 MB of repetitive XML is a few
 * hundred KB on disk), and directory entries that lie about their unpacked size (a zip bomb).
 */
export interface ZipPart {
  name: string;
  /** The content, or chunks of it generated on demand. */
  content: string | Buffer | (() => Iterable<string | Buffer>);
  /** The unpacked size to write in the headers instead of the true one. */
  claimedSize?: number;
}

function crc32(crc: number, data: Buffer): number {
  return zlib.crc32(data, crc);
}

export function buildZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const chunks = typeof part.content === 'function' ? part.content() : [part.content];
    const compressed: Buffer[] = [];
    let crc = 0;
    let size = 0;
    // Deflated chunk by chunk, so the unpacked part is never held whole: each chunk ends in a sync
    // flush (byte-aligned, not final), so the pieces join into one deflate stream.
    for (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      crc = crc32(crc, bytes);
      size += bytes.length;
      compressed.push(zlib.deflateRawSync(bytes, { level: 1, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    }
    compressed.push(zlib.deflateRawSync(Buffer.alloc(0)));
    const data = Buffer.concat(compressed);
    const name = Buffer.from(part.name);
    const claimed = part.claimedSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(Math.min(claimed, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(Math.min(claimed, 0xffffffff), 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(parts.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(parts.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
