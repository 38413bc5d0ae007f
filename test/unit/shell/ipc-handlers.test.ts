import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES, channelFor, rolesOf, type MethodName } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import type { Caller, Role } from '../../../shared/api/roles';
import { dispatch } from '../../../electron/core/service/dispatch';
import { registerContractHandlers, type InvokeEvent } from '../../../electron/main/ipc-handlers';
import { isTrustedAppUrl } from '../../../electron/main/security/trusted-url';
import { WindowRoles } from '../../../electron/main/window-roles';
import { openTestStation, type TestStation } from '../../helpers/service';

type Listener = (event: InvokeEvent, input: unknown) => unknown;

/** A stand-in for ipcMain: records what is registered, like Electron refuses a second handler. */
function fakeIpcMain(): { handle(channel: string, listener: Listener): void; handlers: Map<string, Listener> } {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
  };
}

const APP_PAGE = 'app://musubi/index.html#/organizer';

function event(senderId: number, url = APP_PAGE, parent: unknown = null): InvokeEvent {
  return { sender: { id: senderId }, senderFrame: { url, parent } };
}

let station: TestStation | undefined;
afterEach(() => station?.close());

function setUp(): { ipc: ReturnType<typeof fakeIpcMain>; roles: WindowRoles; calls: { name: MethodName; caller: Caller }[] } {
  station = openTestStation();
  const service = station.service;
  const ipc = fakeIpcMain();
  const roles = new WindowRoles(() => 'Door A');
  const calls: { name: MethodName; caller: Caller }[] = [];
  registerContractHandlers(ipc, {
    callerOf: (id) => roles.callerOf(id),
    isTrustedFrameUrl: (url) => isTrustedAppUrl(url),
    dispatch: (name, input, caller) => {
      calls.push({ name, caller });
      return dispatch(service.api, name, input, caller);
    },
  });
  return { ipc, roles, calls };
}

async function call(ipc: ReturnType<typeof fakeIpcMain>, name: MethodName, ev: InvokeEvent, input?: unknown): Promise<Result<unknown>> {
  return (await ipc.handlers.get(channelFor(name))!(ev, input)) as Result<unknown>;
}

describe('IPC handlers derived from the contract', () => {
  it('registers exactly one handler per contract method and nothing else', () => {
    const { ipc } = setUp();
    expect([...ipc.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelFor).sort());
  });

  it('answers an organizer window through dispatch, with the window as the caller', async () => {
    const { ipc, roles, calls } = setUp();
    roles.assign(7, 'organizer');
    const result = await call(ipc, 'getStatus', event(7));
    expect(result.ok).toBe(true);
    expect(calls).toEqual([{ name: 'getStatus', caller: { role: 'organizer', station: 'Door A / organizer window 7' } }]);
  });

  it('validates every input through dispatch: a wrong field is named, nothing runs', async () => {
    const { ipc, roles } = setUp();
    roles.assign(7, 'organizer');
    const result = await call(ipc, 'checkIn', event(7), { attendeeId: 'not-a-uuid' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', where: 'attendeeId' } });
  });

  it('refuses, for every method, a sender that is not one of our windows, a subframe, or another page', async () => {
    const { ipc, roles, calls } = setUp();
    roles.assign(7, 'organizer');
    for (const name of METHOD_NAMES) {
      for (const ev of [
        event(99),
        event(7, 'https://evil.example/?next=app://musubi'),
        event(7, 'file:///etc/passwd'),
        event(7, APP_PAGE, { url: APP_PAGE }),
        { sender: { id: 7 }, senderFrame: null },
      ]) {
        expect(await call(ipc, name, ev, {}), name).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      }
    }
    expect(calls).toEqual([]);
  });

  it("refuses, for every method, a window whose role is not in the method's roles, before dispatch", async () => {
    const { ipc, roles, calls } = setUp();
    const roleList: Role[] = ['organizer', 'desk', 'kiosk', 'room'];
    roleList.forEach((role, i) => roles.assign(10 + i, role));
    for (const name of METHOD_NAMES) {
      for (const [i, role] of roleList.entries()) {
        const result = await call(ipc, name, event(10 + i), undefined);
        if (rolesOf(name).includes(role)) expect(result.ok || result.error.code !== 'forbidden', `${role} ${name}`).toBe(true);
        else expect(result, `${role} ${name}`).toMatchObject({ ok: false, error: { code: 'forbidden', where: name } });
      }
    }
    // Only allowed calls reached the service.
    expect(calls.every(({ name, caller }) => rolesOf(name).includes(caller.role))).toBe(true);
  });

  it('keeps a kiosk window off the roster: searchAttendees and exportAttendance are forbidden', async () => {
    const { ipc, roles, calls } = setUp();
    roles.assign(3, 'kiosk');
    expect(await call(ipc, 'searchAttendees', event(3, 'app://musubi/index.html#/kiosk'), { query: 'a' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(ipc, 'exportAttendance', event(3, 'app://musubi/index.html#/kiosk'), { format: 'csv' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('forgets a closed window: its id gets no answers afterwards', async () => {
    const { ipc, roles } = setUp();
    roles.assign(5, 'organizer');
    roles.forget(5);
    expect(await call(ipc, 'getStatus', event(5))).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});
