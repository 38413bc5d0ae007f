import type { MethodName, PushEvents } from '../../../shared/api/contract';
import { fail, type Result } from '../../../shared/api/result';
import type { Transport } from './client';

/** Talks to `musubi station` over HTTP: POST api/<method>, server-sent events for pushes. */
export function createHttpTransport(base: string): Transport {
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
      const source = new EventSource(new URL('api/events', base));
      const handler = (message: MessageEvent<string>): void => listener(JSON.parse(message.data) as PushEvents['changed']);
      source.addEventListener('changed', handler);
      return () => source.close();
    },
  };
}
