import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The pdf-vendor bundle's stand-ins (electron/core/pdf/vendor/build.ts). It decodes fontkit's and
// unicode-properties' Unicode tables with Node's zlib instead of tiny-inflate
// (electron/core/pdf/vendor/native-inflate.cjs): it must give the same bytes in the same shape for
// every input tiny-inflate accepts.
const require = createRequire(import.meta.url);
type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;
const tinyInflate = require('tiny-inflate') as Inflate;
const nativeInflate = require('../../electron/core/pdf/vendor/native-inflate.cjs') as Inflate;

function sample(length: number, seed: number): Uint8Array {
  // Text-like bytes with repeats, so DEFLATE uses both literals and back-references.
  const words = ['badge', '名刺', 'Musubi', '異業種交流会', '\u0000\u0001', 'QR'].map((w) => Buffer.from(w));
  const out: number[] = [];
  let state = seed;
  while (out.length < length) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    out.push(...words[state % words.length]!, state & 0xff);
  }
  return Uint8Array.from(out.slice(0, length));
}

describe('native inflate for the pdf-vendor bundle', () => {
  it.each([0, 1, 100, 14_336, 97_520])('decodes %i bytes exactly as tiny-inflate does', (length) => {
    const original = sample(length, length + 7);
    for (const level of [0, 1, 9]) {
      const deflated = zlib.deflateRawSync(original, { level });
      const expected = tinyInflate(deflated, new Uint8Array(length));
      const actual = nativeInflate(deflated, new Uint8Array(length));
      expect(actual).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(actual).equals(Buffer.from(expected))).toBe(true);
      expect(Buffer.from(actual).equals(Buffer.from(original))).toBe(true);
    }
  });

  it('returns the decoded part only when the destination is larger, like tiny-inflate', () => {
    const original = sample(500, 3);
    const deflated = zlib.deflateRawSync(original);
    expect(nativeInflate(deflated, new Uint8Array(800)).length).toBe(tinyInflate(deflated, new Uint8Array(800)).length);
    expect(nativeInflate(deflated, new Uint8Array(800)).length).toBe(500);
  });

  it('refuses corrupt data', () => {
    expect(() => nativeInflate(Uint8Array.from([0xff, 0xff, 0xff, 0xff]), new Uint8Array(10))).toThrow();
  });
});

// fontkit's Brotli decoder (WOFF2 fonts) is a stand-in that requires brotli on first call
// (electron/core/pdf/vendor/lazy-brotli-decompress.cjs): it must decode like brotli itself.
describe('lazy Brotli decoder for the pdf-vendor bundle', () => {
  it('decodes Brotli data as fontkit asks it to (input, expected size)', () => {
    const decompress = require('../../electron/core/pdf/vendor/lazy-brotli-decompress.cjs') as (buffer: Uint8Array, size: number) => Uint8Array;
    const original = sample(20_000, 11);
    const compressed = zlib.brotliCompressSync(original);
    expect(Buffer.from(decompress(compressed, original.length)).equals(Buffer.from(original))).toBe(true);
  });
});

// unicode-properties' base64-js is Node's base64 (electron/core/pdf/vendor/native-base64.cjs).
describe('native base64 for the pdf-vendor bundle', () => {
  const base64js = require('base64-js') as Base64;
  const native = require('../../electron/core/pdf/vendor/native-base64.cjs') as Base64;
  interface Base64 {
    byteLength(b64: string): number;
    toByteArray(b64: string): Uint8Array;
    fromByteArray(bytes: Uint8Array): string;
  }

  it.each([0, 1, 2, 3, 4, 1000, 25_001])('agrees with base64-js on %i bytes', (length) => {
    const bytes = sample(length, length + 1);
    const b64 = base64js.fromByteArray(bytes);
    expect(native.fromByteArray(bytes)).toBe(b64);
    expect(native.byteLength(b64)).toBe(base64js.byteLength(b64));
    const decoded = native.toByteArray(b64);
    expect(Buffer.from(decoded).equals(Buffer.from(base64js.toByteArray(b64)))).toBe(true);
    // unicode-trie reads the array's buffer from its start: it must be the array's own.
    expect(decoded.byteOffset).toBe(0);
    expect(decoded.buffer.byteLength).toBe(decoded.length);
  });

  it('refuses a string whose length is not a multiple of 4, like base64-js', () => {
    expect(() => base64js.toByteArray('abc')).toThrow();
    expect(() => native.toByteArray('abc')).toThrow();
  });
});
