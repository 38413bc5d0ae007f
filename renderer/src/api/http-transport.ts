import type { MethodName, PushEvents } from '../../../shared/api/contract';
import { fail, type Result } from '../../../shared/api/result';
import type { Transport } from './client';

/** Talks to `musubi station` over HTTP: POST api/<method>, server-sent events for pushes. */
export function createHttpTransport(base: string): Transport {
  // One event stream for every subscriber: a browser keeps at most six connections per station,
  // and a stream per live query would starve the API calls themselves.
  const listeners = new Set<(event: PushEvents['changed']) => void>();
  let source: EventSource | undefined;

  return {
    async call(method: MethodName, input: unknown): Promise<Result<unknown>> {
      try {
        const response = await fetch(new URL(`api/${method}`, base), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: input === undefined ? '' : JSON.stringify(input),
        });
        return (await response.json()) as Result<unknown>;
      } catch {
        return fail({ code: 'network', message: 'The station cannot be reached. Is it still running?' });
      }
    },
    onChanged(listener: (event: PushEvents['changed']) => void) {
      listeners.add(listener);
      if (!source) {
        source = new EventSource(new URL('api/events', base));
        source.addEventListener('changed', (message: MessageEvent<string>) => {
          const event = JSON.parse(message.data) as PushEvents['changed'];
          for (const each of [...listeners]) each(event);
        });
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = undefined;
        }
      };
    },
  };
}
