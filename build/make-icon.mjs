// Draws build/icon.png, the 1024 px source electron-builder turns into the Windows .ico, the macOS
// .icns and the Linux icons: two linked rings (結び, a tie) in white on the app's indigo, on a
// rounded square. Plain Node (zlib for the PNG), so it needs nothing installed: node build/make-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIZE = 1024;
const BACKGROUND = [0x2b, 0x3a, 0x8c];
const RING = [0xff, 0xff, 0xff];

/** Coverage (0..1) of a pixel by a shape given as a signed distance (negative inside), anti-aliased. */
const cover = (distance) => Math.min(1, Math.max(0, 0.5 - distance));

function roundedSquare(x, y) {
  const half = SIZE / 2 - 40;
  const radius = 200;
  const qx = Math.abs(x - SIZE / 2) - (half - radius);
  const qy = Math.abs(y - SIZE / 2) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

const ring = (cx, cy) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - 190) - 46;
const left = ring(SIZE / 2 - 130, SIZE / 2);
const right = ring(SIZE / 2 + 130, SIZE / 2);

function pixel(x, y) {
  const inside = cover(roundedSquare(x, y));
  if (inside === 0) return [0, 0, 0, 0];
  // The right ring passes under the left one at the top crossing, over it at the bottom: linked.
  const l = cover(left(x, y));
  const r = cover(right(x, y));
  const gap = (d) => cover(d - 26);
  let ink = y < SIZE / 2 ? Math.max(l, r * (1 - gap(left(x, y)))) : Math.max(r, l * (1 - gap(right(x, y))));
  ink = Math.min(1, ink);
  const rgb = BACKGROUND.map((c, i) => Math.round(c * (1 - ink) + RING[i] * ink));
  return [...rgb, Math.round(255 * inside)];
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const [r, g, b, a] = pixel(x + 0.5, y + 0.5);
    raw.set([r, g, b, a], y * (SIZE * 4 + 1) + 1 + x * 4);
  }
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.writeFileSync(path.join(import.meta.dirname, 'icon.png'), png);
console.log(`build/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
