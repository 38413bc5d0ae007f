import net from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../server/hub';
import { HubClient } from '../../shared/sync/hub-client';
import { loadEntry } from '../helpers/hub-load';
import { tempDir } from '../helpers/temp';

/**
 * Request fuzz of the hub over raw sockets, bounded in count and time: whatever arrives, the
 * process stays up and every request that gets an answer gets a 4xx (never a 500), with the
 * hub still serving stations afterwards.
 */
const KEY = 'fuzz-event-key-0123456789';
let hub: RunningHub;
let port: number;

beforeAll(async () => {
  hub = await startHub({ dataDir: path.join(tempDir('musubi-fuzz-'), 'hub'), keys: [KEY], port: 0 });
  port = Number(new URL(hub.url).port);
});
afterAll(async () => {
  await hub.close();
});

/** Sends raw bytes (in pieces, with pauses, when asked) and returns the status of the answer, or null when the hub just closed. */
function raw(chunks: (string | Buffer)[], options: { pauseMs?: number; endAfter?: boolean } = {}): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => socket.destroy(), 5000);
    socket.on('data', (data) => {
      answer += data.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(answer);
      resolve(match ? Number(match[1]) : null);
    });
    void (async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return;
        socket.write(chunk);
        if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
      }
      if (options.endAfter) socket.end();
    })();
  });
}

const request = (line: string, headers: string[] = [], body = ''): string =>
  `${line}\r\nhost: 127.0.0.1\r\nconnection: close\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n${body}`;

function expectClientError(status: number | null, what: string): void {
  expect(status, what).not.toBeNull();
  expect(status! >= 400 && status! < 500, `${what} → ${status}`).toBe(true);
}

describe('hub request fuzz', () => {
  it('malformed request lines and targets are answered 4xx', async () => {
    const lines = [
      'GET /%E0%A4%A HTTP/1.1',
      'GET /%ff HTTP/1.1',
      'GET // HTTP/1.1',
      'GET //v1/health HTTP/1.1',
      'GET /v1/events/%E0%A4%A/entries HTTP/1.1',
      'GET /v1/events/%/entries HTTP/1.1',
      'GET /v1/events/ev%00x/entries HTTP/1.1',
      'GET http://bad host/v1/health HTTP/1.1',
      'GET http://[::1/v1/health HTTP/1.1',
      'GET http://127.0.0.1:1/%ff HTTP/1.1',
      'GET * HTTP/1.1',
      'GET /v1/health HTTP/9.9',
      'GET /v1/health\u0000 HTTP/1.1',
      'BREW /v1/health HTTP/1.1',
      'DELETE /v1/events/ev-x/entries HTTP/1.1',
      'GET /v1/events/ev-x/entries?after=-1 HTTP/1.1',
      'GET /v1/events/ev-x/entries?after=%zz HTTP/1.1',
      'not http at all',
      '\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003',
    ];
    for (const line of lines) expectClientError(await raw([request(line)]), line);
    // A bad Host header too.
    expectClientError(await raw(['GET /v1/health HTTP/1.1\r\nhost: bad host\r\nconnection: close\r\n\r\n']), 'bad host');
  });

  it('random targets under the event path get a 4xx', async () => {
    const char = fc.constantFrom(...'%/?#&=.-_~aZ09 é\u0000\u007f+'.split(''));
    await fc.assert(
      fc.asyncProperty(fc.array(char, { maxLength: 40 }), fc.constantFrom('GET', 'POST', 'PUT', 'HEAD'), async (chars, method) => {
        const target = `/v1/events/${chars.join('').replace(/ /g, '%20')}/entries`;
        const status = await raw([request(`${method} ${encodeURI(target).replace(/%25/g, '%')} HTTP/1.1`, ['content-length: 0'])]);
        expectClientError(status, `${method} ${target}`);
      }),
      { numRuns: 150 },
    );
  });

  it('thousands of headers, oversized, truncated, garbled and slow bodies: 4xx or a closed socket, never a crash', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => `x-h${i}: ${i}`);
    expectClientError(await raw([request('GET /v1/health HTTP/1.1', many)]), 'thousands of headers');
    const auth = `authorization: Bearer ${KEY}`;
    const entries = `POST /v1/events/${hub.eventIds[0]}/entries HTTP/1.1`;
    expectClientError(await raw([request(entries, [auth, 'content-length: 900000000'])]), 'announced oversized body');
    const huge = 'x'.repeat(1024 * 1024);
    expectClientError(
      await raw([request(entries, [auth, 'transfer-encoding: chunked']), ...Array.from({ length: 10 }, () => `${huge.length.toString(16)}\r\n${huge}\r\n`), '0\r\n\r\n']),
      'chunked oversized body',
    );
    // Cut off: the hub gets less than announced and the client goes away.
    expect(await raw([request(entries, [auth, 'content-length: 1000'], '{"entries":[')], { endAfter: true })).not.toBe(500);
    expectClientError(await raw([request(entries, [auth, 'content-length: 9'], '{"entries')]), 'body shorter than JSON');
    expectClientError(await raw([request(entries, [auth, 'content-length: 4'], '\u00ff\u00fe\u0000\u0001')]), 'binary body');
    expectClientError(await raw([request(entries, [auth, 'content-length: 12'], '{"entries":1')]), 'wrong shape');
    expectClientError(await raw([request(entries, [auth, 'transfer-encoding: chunked'], 'zz\r\nabc\r\n0\r\n\r\n')]), 'bad chunk size');
    // Slow but complete: answered normally.
    const body = '{"entries":[]}';
    const head = request(entries, [auth, 'content-type: application/json', `content-length: ${body.length}`]);
    expect(await raw([head, ...body.split('')], { pauseMs: 20 })).toBe(200);
  });

  it('after all of it the hub still serves a station', async () => {
    const client = new HubClient({ hubUrl: hub.url, key: KEY, eventId: hub.eventIds[0] ?? '' });
    expect(await client.push([loadEntry(1)])).toMatchObject({ accepted: 1 });
    expect((await client.pull(0, 10)).entries).toHaveLength(1);
  });
});
