import type { MusubiBridge } from '../../../shared/api/bridge';
import type { MethodName } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import type { Transport } from './client';

/** Uses the preload's `window.musubi` bridge inside Electron. */
export function createIpcTransport(bridge: MusubiBridge): Transport {
  return {
    call: (method: MethodName, input: unknown) =>
      (bridge[method] as (input: unknown) => Promise<Result<unknown>>)(input),
    onChanged: (listener) => bridge.onChanged(listener),
  };
}
