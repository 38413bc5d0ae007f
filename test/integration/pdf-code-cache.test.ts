import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGE_PEOPLE } from '../fixtures/badges/people';
import { pdfText } from '../helpers/pdf-tools';
import { runMusubi } from '../helpers/processes';
import { openTestStation } from '../helpers/service';

// The PDF libraries load with a code cache of their own inside Node's compile cache directory
// (electron/core/pdf/code-cache.ts). Real `musubi badge` processes: the first writes the cache, the
// next ones use it, and a damaged cache is replaced without harming a badge.
describe('code cache of the PDF libraries', { timeout: 120_000 }, () => {
  let dir: string;
  let dbFile: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-code-cache-'));
    dbFile = path.join(dir, 'event.db');
    const station = openTestStation({ file: dbFile });
    station.service.api.addAttendee(BADGE_PEOPLE.ordinary);
    station.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cacheDir = (): string => path.join(dir, 'compile-cache');
  const cacheFiles = (): string[] =>
    fs.existsSync(cacheDir()) ? (fs.readdirSync(cacheDir(), { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.includes('musubi-code-cache') && f.endsWith('.bin')) : [];
  const badge = async (name: string): Promise<string> => {
    const out = path.join(dir, name);
    const result = await runMusubi(['badge', BADGE_PEOPLE.ordinary.ticketCode, '--db', dbFile, '--out', out], { NODE_COMPILE_CACHE: cacheDir() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return pdfText(out);
  };

  it('is written by the first badge, kept by the next, and replaced when damaged', async () => {
    const first = await badge('first.pdf');
    expect(first).toContain(BADGE_PEOPLE.ordinary.name);
    const [file] = cacheFiles();
    expect(file).toBeDefined();
    const cache = path.join(cacheDir(), file!);
    const written = fs.readFileSync(cache);
    expect(written.length).toBeGreaterThan(10_000);

    expect(await badge('second.pdf')).toBe(first);
    expect(fs.readFileSync(cache).equals(written)).toBe(true);

    fs.writeFileSync(cache, Buffer.alloc(written.length, 7));
    expect(await badge('third.pdf')).toBe(first);
    expect(fs.readFileSync(cache).equals(Buffer.alloc(written.length, 7))).toBe(false);
    expect(cacheFiles()).toHaveLength(1);
  });
});
