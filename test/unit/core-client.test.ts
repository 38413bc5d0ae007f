import { describe, expect, it } from 'vitest';
import { connectCore } from '../../electron/core/host/core-client';
import type { FromCore, ToCore } from '../../electron/core/host/protocol';

/** A channel whose far end the test plays: it sees what the client posts and answers as it likes. */
function channel() {
  const posted: ToCore[] = [];
  let deliver: (message: FromCore) => void = () => undefined;
  const core = connectCore({ post: (message) => posted.push(message), onMessage: (listener) => (deliver = listener) });
  return { core, posted, answer: (message: FromCore) => deliver(message) };
}
const DESK = { role: 'desk', station: 'A / desk window 1' } as const;

describe('the main process side of the core channel', () => {
  it('matches each answer to its own call, whatever order the answers come in', async () => {
    const { core, posted, answer } = channel();
    const first = core.dispatch('getStatus', undefined, DESK);
    const second = core.dispatch('searchAttendees', { query: 'sato' }, DESK);
    const [a, b] = posted as Extract<ToCore, { kind: 'call' }>[];
    answer({ kind: 'result', id: b!.id, result: { ok: true, value: 'second' } });
    answer({ kind: 'result', id: a!.id, result: { ok: true, value: 'first' } });
    expect(await first).toEqual({ ok: true, value: 'first' });
    expect(await second).toEqual({ ok: true, value: 'second' });
  });

  it('answers every waiting call with an error when the core is lost, and refuses the PIN', async () => {
    const { core } = channel();
    const waiting = core.dispatch('getStatus', undefined, DESK);
    const pin = core.verifyStaffPin('2468');
    core.lost();
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(await pin).toBe(false);
    await expect(core.ready).rejects.toThrow(/stopped/);
  });

  it('tells why the core could not start', async () => {
    const { core, answer } = channel();
    answer({ kind: 'failed', message: 'musubi.db is being restored by a restore (musubi restore), process 42' });
    await expect(core.ready).rejects.toThrow(/being restored/);
  });
});
