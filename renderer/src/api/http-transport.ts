import type { MethodName, PushEvents } from '../../../shared/api/contract';
import { apiPath, EVENTS_PATH, relative } from '../../../shared/api/http-routes';
import { fail, type Result } from '../../../shared/api/result';
import type { Transport } from './client';

/** A station answer as a Result: its JSON, or a typed failure when it sent none (e.g. a refused Host). */
export async function resultOf(response: Response): Promise<Result<unknown>> {
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return fail({ code: response.status === 401 ? 'unauthorized' : 'protocol', message: `The station answered ${response.status}.` });
  }
}

/** Fired on the window when the station says this browser has no session (revoked while open). */
export const SESSION_LOST_EVENT = 'musubi:session-lost';

/** Talks to `musubi station` over HTTP: POST api/<method>, server-sent events for pushes. */
export function createHttpTransport(base: string): Transport {
  const listeners = new Set<(event: PushEvents['changed']) => void>();
  let source: EventSource | null = null;
  const openStream = (): EventSource => {
    const stream = new EventSource(new URL(relative(EVENTS_PATH), base));
    stream.addEventListener('changed', (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as PushEvents['changed'];
      for (const listener of [...listeners]) listener(event);
    });
    return stream;
  };
  return {
    async call(method: MethodName, input: unknown): Promise<Result<unknown>> {
      try {
        const response = await fetch(new URL(relative(apiPath(method)), base), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: input === undefined ? '' : JSON.stringify(input),
        });
        const result = await resultOf(response);
        if (response.status === 401) window.dispatchEvent(new Event(SESSION_LOST_EVENT));
        return result;
      } catch {
        return fail({ code: 'network', message: 'The station cannot be reached. Is it still running?' });
      }
    },
    onChanged(listener: (event: PushEvents['changed']) => void) {
      // One event stream per page, shared by every live query: a browser allows only ~6 open HTTP/1.1
      // connections per host, and one stream per query would leave API calls queued behind them.
      listeners.add(listener);
      source ??= openStream();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = null;
        }
      };
    },
  };
}
