import type { CallArgs } from '../../../shared/api/bridge';
import { METHOD_NAMES, type MethodName, type MethodOutput, type PushEvents } from '../../../shared/api/contract';
import { unwrap, type Result } from '../../../shared/api/result';

/** How calls leave the page: IPC inside Electron, HTTP in a browser. */
export interface Transport {
  call(method: MethodName, input: unknown): Promise<Result<unknown>>;
  onChanged(listener: (event: PushEvents['changed']) => void): () => void;
}

/** The typed API the screens use: one async function per contract method; errors are thrown as MusubiError. */
export type ApiClient = { [M in MethodName]: (...args: CallArgs<M>) => Promise<MethodOutput<M>> } & {
  onChanged(listener: (event: PushEvents['changed']) => void): () => void;
};

export function createClient(transport: Transport): ApiClient {
  const methods = Object.fromEntries(
    METHOD_NAMES.map((name) => [name, async (input?: unknown) => unwrap(await transport.call(name, input))]),
  );
  return { ...methods, onChanged: (listener) => transport.onChanged(listener) } as ApiClient;
}
