import { describe, expect, it } from 'vitest';
import { composeContract } from '../../shared/api/compose';
import { contract, METHOD_NAMES, channelFor, pushChannelFor } from '../../shared/api/contract';
import { method, noInput, returns } from '../../shared/api/method';
import { unwrap } from '../../shared/api/result';
import { ROLES } from '../../shared/api/roles';
import { MusubiError } from '../../shared/errors';
import { dispatch } from '../../electron/core/service/dispatch';
import type { ServiceImpl } from '../../electron/core/service/types';
import { callers } from '../helpers/service';

/** An implementation that echoes what it received, to see what validation let through. */
const echo = new Proxy({} as ServiceImpl, { get: (_t, name) => (input: unknown) => ({ method: name, input }) });
const { organizer } = callers;

describe('API contract', () => {
  it('refuses two topics that define the same method name, at compile time and at run time', () => {
    const first = { getThing: method(noInput, returns<number>(), { roles: ['organizer'] }) };
    const second = { getThing: method(noInput, returns<string>(), { roles: ['organizer', 'kiosk'] }) };
    // @ts-expect-error — a duplicate name makes the call demand an argument nobody passes.
    expect(() => composeContract([first, second])).toThrow(/Two contract topics define the method "getThing"/);
    expect(Object.keys(composeContract([first]))).toEqual(['getThing']);
  });

  it('does not compile a method without roles, or one the organizer may not call', () => {
    // The type check (tsc) fails if either line stops being an error; at run time both throw too.
    // @ts-expect-error — roles are required.
    expect(() => method(noInput, returns<number>())).toThrow();
    // @ts-expect-error — every list starts with the organizer.
    expect(() => method(noInput, returns<number>(), { roles: ['kiosk'] })).toThrow(/organizer/);
  });

  it('keeps method channels apart from push channels', () => {
    const methodChannels = new Set(METHOD_NAMES.map(channelFor));
    expect(methodChannels.has(pushChannelFor('changed'))).toBe(false);
    expect(channelFor('checkIn')).toBe('musubi:checkIn');
  });

  it('fills defaults before the implementation sees the input', async () => {
    const result = await dispatch(echo, 'searchAttendees', { query: 'やまだ' }, organizer);
    expect(unwrap(result)).toEqual({ method: 'searchAttendees', input: { query: 'やまだ', limit: 50 } });
  });

  it('refuses bad input with the field that was wrong', async () => {
    const result = await dispatch(echo, 'checkIn', { attendeeId: 'not-a-uuid' }, organizer);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', where: 'attendeeId' } });
    const tooLong = await dispatch(echo, 'addAttendee', { name: 'x'.repeat(1001) }, organizer);
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid-input', where: 'name' } });
  });

  it('refuses unknown methods and methods inherited from Object', async () => {
    expect(await dispatch(echo, 'dropTables', {}, organizer)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await dispatch(echo, 'toString', {}, organizer)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
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
    expect(await dispatch(failing, 'getStatus', undefined, organizer)).toEqual({ ok: false, error: { code: 'conflict', message: 'busy' } });
    const hidden = await dispatch(failing, 'getEvent', undefined, organizer);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(hidden)).not.toContain('secret@example.com');
  });

  it('rethrows an error result as a typed MusubiError on the calling side', () => {
    expect(() => unwrap({ ok: false, error: { code: 'not-found', message: 'gone' } })).toThrow(
      expect.objectContaining({ code: 'not-found', message: 'gone' }),
    );
  });

  it('every method validates its input: a bare string or a list is refused by each', async () => {
    for (const name of METHOD_NAMES) {
      for (const wrong of ['x', [1, 2]]) {
        const result = await dispatch(echo, name, wrong, organizer);
        expect(result, `${name} accepted ${JSON.stringify(wrong)}`).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      }
    }
  });

  it('every method lists the organizer first and only known roles, and the list cannot be changed later', () => {
    for (const name of METHOD_NAMES) {
      const roles = contract[name].roles;
      expect(roles[0], name).toBe('organizer');
      for (const role of roles) expect(ROLES, name).toContain(role);
      expect(Object.isFrozen(roles), name).toBe(true);
    }
  });
});
