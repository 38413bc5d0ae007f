import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, channelFor } from '../../shared/api/contract';
import { unwrap } from '../../shared/api/result';
import { MusubiError } from '../../shared/errors';
import { dispatch } from '../../electron/core/service/dispatch';
import type { ServiceImpl } from '../../electron/core/service/types';

/** An implementation that echoes what it received, to see what validation let through. */
const echo = new Proxy({} as ServiceImpl, { get: (_t, name) => (input: unknown) => ({ method: name, input }) });

describe('API contract', () => {
  it('derives one distinct channel per method', () => {
    const channels = METHOD_NAMES.map(channelFor);
    expect(new Set(channels).size).toBe(METHOD_NAMES.length);
    expect(channels).toContain('musubi:checkIn');
  });

  it('fills defaults before the implementation sees the input', async () => {
    const result = await dispatch(echo, 'searchAttendees', { query: 'やまだ' });
    expect(unwrap(result)).toEqual({ method: 'searchAttendees', input: { query: 'やまだ', limit: 50 } });
  });

  it('refuses bad input with the field that was wrong', async () => {
    const result = await dispatch(echo, 'checkIn', { attendeeId: 'not-a-uuid' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', where: 'attendeeId' } });
    const tooLong = await dispatch(echo, 'addAttendee', { name: 'x'.repeat(1001) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid-input', where: 'name' } });
  });

  it('refuses unknown methods and methods inherited from Object', async () => {
    expect(await dispatch(echo, 'dropTables', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await dispatch(echo, 'toString', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('returns thrown MusubiErrors as error results and hides unexpected errors', async () => {
    const failing = {
      getStatus: () => {
        throw new MusubiError('conflict', 'busy');
      },
      getEvent: () => {
        throw new Error('SQLITE_CORRUPT secret@example.com');
      },
    } as unknown as ServiceImpl;
    expect(await dispatch(failing, 'getStatus', undefined)).toEqual({ ok: false, error: { code: 'conflict', message: 'busy' } });
    const hidden = await dispatch(failing, 'getEvent', undefined);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(hidden)).not.toContain('secret@example.com');
  });

  it('rethrows an error result as a typed MusubiError on the calling side', () => {
    expect(() => unwrap({ ok: false, error: { code: 'not-found', message: 'gone' } })).toThrow(
      expect.objectContaining({ code: 'not-found', message: 'gone' }),
    );
  });

  it('every method has an input schema', () => {
    for (const name of METHOD_NAMES) expect(typeof contract[name].input.safeParse).toBe('function');
  });
});
