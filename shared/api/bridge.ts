import type { MethodInput, MethodName, MethodOutput, PushEvents } from './contract';
import type { Result } from './result';

/** Arguments of a call: the input may be left out when the method takes none. */
export type CallArgs<M extends MethodName> = undefined extends MethodInput<M> ? [input?: MethodInput<M>] : [input: MethodInput<M>];

/**
 * What the preload exposes as `window.musubi`: one function per contract method, returning a
 * Result (errors lose their shape over IPC), and a push subscription that returns its unsubscribe.
 */
export type BridgeMethods = { [M in MethodName]: (...args: CallArgs<M>) => Promise<Result<MethodOutput<M>>> };

export interface MusubiBridge extends BridgeMethods {
  onChanged(listener: (event: PushEvents['changed']) => void): () => void;
}
