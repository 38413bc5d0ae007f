import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertDatabaseNotInUse, databaseUsers } from '../../electron/core/backup/database-in-use';
import { connectCore, type CoreClient } from '../../electron/core/host/core-client';
import { coreArgs, type FromCore, type ToCore } from '../../electron/core/host/protocol';
import type { Attendee } from '../../shared/domain/attendee';
import type { Result } from '../../shared/api/result';
import { REPO_ROOT } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

/**
 * The desktop app's core process, run as the app runs it but under plain Node (Electron cannot be
 * launched here): the built dist-electron/core-process.js, forked with structured-clone messages as
 * Electron's utility process carries them, driven through the same client the main process uses.
 */
const CORE_SCRIPT = path.join(REPO_ROOT, 'dist-electron/core-process.js');
const ORGANIZER = { role: 'organizer', station: 'test / organizer window 1' } as const;
const DESK = { role: 'desk', station: 'test / desk window 2' } as const;
const KIOSK = { role: 'kiosk', station: 'test / kiosk window 3' } as const;

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

function startCore(dbFile: string): { core: CoreClient; exited: Promise<number | null> } {
  const started = fork(CORE_SCRIPT, coreArgs({ dbFile, stationName: 'Door A' }), { serialization: 'advanced', stdio: 'pipe' });
  child = started;
  const core = connectCore({
    post: (message: ToCore) => started.send(message),
    onMessage: (listener) => started.on('message', (message) => listener(message as FromCore)),
  });
  const exited = new Promise<number | null>((resolve) =>
    started.on('exit', (code) => {
      core.lost();
      resolve(code);
    }),
  );
  return { core, exited };
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('the desktop app core in its own process', () => {
  it('answers the windows\' calls with their roles, pushes changes, and holds the database until stopped', async () => {
    const dbFile = path.join(tempDir(), 'musubi.db');
    const { core, exited } = startCore(dbFile);
    expect((await core.ready).stationName).toBe('Door A');

    const changes: string[] = [];
    core.onChanged((event) => changes.push(event.reason));
    const hanako = value<Attendee>(await core.dispatch('addAttendee', { name: '山田 花子', nameKana: 'やまだ はなこ', company: '結び商事' }, ORGANIZER));
    const found = value<{ items: { id: string }[] }>(await core.dispatch('searchAttendees', { query: 'yamada' }, DESK));
    expect(found.items.map((item) => item.id)).toEqual([hanako.id]);
    const outcome = value<{ status: string }>(await core.dispatch('checkIn', { attendeeId: hanako.id }, DESK));
    expect(outcome.status).toBe('checked-in');
    await expect.poll(() => changes.length).toBeGreaterThan(0);

    // The core applies the contract's roles and validation itself, whatever main let through.
    const refused = await core.dispatch('exportAttendance', {}, KIOSK);
    expect(refused.ok ? 'allowed' : refused.error.code).toBe('forbidden');
    const invalid = await core.dispatch('checkIn', { attendeeId: 'not-an-id' }, DESK);
    expect(invalid.ok ? 'accepted' : invalid.error.where).toBe('attendeeId');

    // A restore refuses while the app's core has the database open.
    expect(() => assertDatabaseNotInUse(dbFile, 'restore')).toThrow(/desktop app/);

    await core.stop();
    expect(await exited).toBe(0);
    expect(databaseUsers(dbFile)).toEqual([]);
  });

  it('checks the staff PIN for the kiosk window against the PIN the organizer set, and fails closed without one', async () => {
    const { core } = startCore(path.join(tempDir(), 'musubi.db'));
    await core.ready;
    expect(await core.verifyStaffPin('2468')).toBe(false);
    value(await core.dispatch('setStaffPin', { pin: '2468' }, ORGANIZER));
    expect(await core.verifyStaffPin('1357')).toBe(false);
    expect(await core.verifyStaffPin('2468')).toBe(true);
  });

  it('answers calls made after the core died with an error instead of leaving them hanging', async () => {
    const { core, exited } = startCore(path.join(tempDir(), 'musubi.db'));
    await core.ready;
    child?.kill('SIGKILL');
    await exited;
    const result = await core.dispatch('getStatus', undefined, DESK);
    expect(result.ok ? 'answered' : result.error.code).toBe('network');
    expect(await core.verifyStaffPin('2468')).toBe(false);
  });
});
