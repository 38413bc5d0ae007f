import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { yieldToEventLoop } from '../../electron/core/db/slices';
import { onNextTurn, slicesWaiting } from '../../electron/core/db/turns';

/** Holds the thread as a slice of an import or an index build does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** A loopback connection whose incoming data is logged: a desk's request arriving at the station. */
async function loopback(log: string[]): Promise<net.Socket> {
  const server = net.createServer((socket) => socket.on('data', () => log.push('request')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const client = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => client.on('connect', resolve));
  client.setNoDelay(true);
  closers.push(() => {
    client.destroy();
    server.close();
  });
  return client;
}

describe('turns of the event loop for background slices', () => {
  it('runs one slice per turn, so a request that arrives during a slice is read before the next job’s slice', async () => {
    const log: string[] = [];
    const desk = await loopback(log);
    // Two long jobs at once (an import and the search snapshot's save), each yielding between slices.
    const job = async (name: string): Promise<void> => {
      for (let i = 0; i < 4; i++) {
        await yieldToEventLoop();
        log.push(name);
        desk.write('x');
        busy(3);
      }
    };
    await Promise.all([job('import'), job('snapshot')]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const slices = log.filter((entry) => entry !== 'request');
    // Oldest first: the jobs take turns.
    expect(slices).toEqual(['import', 'snapshot', 'import', 'snapshot', 'import', 'snapshot', 'import', 'snapshot']);
    // Never two slices back to back: the request written during each slice was read before the next one.
    for (let i = 1; i < log.length; i++) {
      if (log[i] !== 'request') expect(log[i - 1]).toBe('request');
    }
  });

  it('skips a cancelled slice without losing the turn of the next one', async () => {
    const ran: string[] = [];
    const cancel = onNextTurn(() => ran.push('cancelled'));
    onNextTurn(() => ran.push('kept'));
    cancel();
    expect(slicesWaiting()).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(ran).toEqual(['kept']);
    expect(slicesWaiting()).toBe(0);
  });
});
