/**
 * UUIDv7 ids in bulk, for imports. `newId()` asks the system for randomness once per id, which
 * costs more than the whole database insert at 100,000 rows; this draws the random bytes in large
 * blocks and formats the ids by table. Same format as `newId()` (RFC 9562 version 7: 48-bit
 * millisecond time, version, 12-bit rand_a, variant, 62 random bits), increasing within one call.
 */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** getRandomValues refuses more than 65,536 bytes at a time. */
const BLOCK_IDS = 4096;

function timeHexOf(ms: number): string {
  const parts: string[] = [];
  for (let i = 0; i < 6; i++) parts.push(HEX[Math.floor(ms / 2 ** (8 * (5 - i))) % 256] ?? '00');
  return `${parts.slice(0, 4).join('')}-${parts.slice(4).join('')}`;
}

export function newIdBatch(count: number, now = Date.now()): string[] {
  const ids: string[] = new Array<string>(count);
  const bytes = new Uint8Array(BLOCK_IDS * 16);
  let head = timeHexOf(now);
  for (let n = 0; n < count; n++) {
    const k = n % BLOCK_IDS;
    if (k === 0) crypto.getRandomValues(bytes);
    // rand_a counts up so the ids of one batch sort in order: 4096 per millisecond step.
    const counter = n % 4096;
    if (counter === 0 && n > 0) head = timeHexOf(now + n / 4096);
    const o = k * 16;
    const b = (i: number): string => HEX[bytes[o + i] ?? 0] ?? '00';
    ids[n] =
      `${head}-${HEX[0x70 | (counter >> 8)] ?? '70'}${HEX[counter & 0xff] ?? '00'}-` +
      `${HEX[0x80 | ((bytes[o] ?? 0) & 0x3f)] ?? '80'}${b(1)}-${b(2)}${b(3)}${b(4)}${b(5)}${b(6)}${b(7)}`;
  }
  return ids;
}
