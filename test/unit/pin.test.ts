import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { delayAfterFailures, hashPin, pinProblem, PinGuard, verifyPin } from '../../electron/core/access/pin';
import { checkStoredPin, readPinHash, setPin } from '../../electron/core/access/pin-store';
import { manualClock } from '../helpers/service';
import { tempDir } from '../helpers/temp';

describe('PIN hashing', () => {
  it('stores a salted scrypt hash that verifies the right PIN only', async () => {
    const first = await hashPin('2468');
    const second = await hashPin('2468');
    expect(first).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toContain('2468');
    expect(first).not.toBe(second);
    expect(await verifyPin('2468', first)).toBe(true);
    expect(await verifyPin('２４６８', first)).toBe(true);
    expect(await verifyPin('2469', first)).toBe(false);
    expect(await verifyPin('', first)).toBe(false);
  });

  it('never accepts a malformed or tampered hash, nor one that would cost the station minutes', async () => {
    const stored = await hashPin('2468');
    expect(await verifyPin('2468', stored.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).toBe(false);
    expect(await verifyPin('2468', '')).toBe(false);
    expect(await verifyPin('2468', '2468')).toBe(false);
    expect(await verifyPin('2468', stored.replace(/^scrypt\$\d+/, 'scrypt$1073741824'))).toBe(false);
  });

  it('refuses PINs too short or too long to set', async () => {
    expect(pinProblem('123')).toMatch(/at least 4/);
    expect(pinProblem('x'.repeat(65))).toMatch(/at most 64/);
    expect(pinProblem('1234')).toBeNull();
    await expect(hashPin('12')).rejects.toThrow(/at least 4/);
  });
});

describe('PIN tries', () => {
  it('makes a caller wait longer after each wrong try past the first two, and clears on the right PIN', async () => {
    const clock = manualClock();
    const guard = new PinGuard(clock.now);
    const stored = await hashPin('2468');
    expect(await guard.attempt('tablet-1', '0000', stored)).toEqual({ status: 'wrong', retryAfterMs: 0 });
    expect(await guard.attempt('tablet-1', '0001', stored)).toEqual({ status: 'wrong', retryAfterMs: 0 });
    expect(await guard.attempt('tablet-1', '0002', stored)).toEqual({ status: 'wrong', retryAfterMs: 1000 });
    // While waiting, even the right PIN is not checked.
    expect(await guard.attempt('tablet-1', '2468', stored)).toMatchObject({ status: 'wait' });
    // Another device is not slowed by this one.
    expect(await guard.attempt('tablet-2', '2468', stored)).toEqual({ status: 'ok' });
    clock.advance(1000);
    expect(await guard.attempt('tablet-1', '0003', stored)).toEqual({ status: 'wrong', retryAfterMs: 2000 });
    clock.advance(2000);
    expect(await guard.attempt('tablet-1', '2468', stored)).toEqual({ status: 'ok' });
    expect(await guard.attempt('tablet-1', '0004', stored)).toEqual({ status: 'wrong', retryAfterMs: 0 });
  });

  it('lets one try at a time through for a caller', async () => {
    const guard = new PinGuard(manualClock().now);
    const stored = await hashPin('2468');
    const results = await Promise.all([guard.attempt('t', '1111', stored), guard.attempt('t', '2468', stored), guard.attempt('t', '2222', stored)]);
    expect(results.map((r) => r.status)).toEqual(['wrong', 'wait', 'wait']);
  });

  it('grows the delay to a cap', () => {
    const delays = Array.from({ length: 30 }, (_, i) => delayAfterFailures(i + 1));
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] ?? 0);
    expect(delays.at(-1)).toBe(5 * 60_000);
  });
});

describe('PIN storage', () => {
  it('keeps only the hash in the station database, and an unset PIN lets nobody in', async () => {
    const db = openDatabase(path.join(tempDir(), 'musubi.db'));
    expect(await checkStoredPin(db, 'staff', '2468')).toBe(false);
    await setPin(db, 'staff', '2468');
    expect(readPinHash(db, 'staff')).toMatch(/^scrypt\$/);
    expect(await checkStoredPin(db, 'staff', '2468')).toBe(true);
    expect(await checkStoredPin(db, 'organizer', '2468')).toBe(false);
    const rows = db.prepare('SELECT value FROM meta').all() as { value: string }[];
    expect(rows.some((r) => r.value.includes('2468'))).toBe(false);
    db.close();
  });
});
