import { METHOD_NAMES, channelFor, rolesOf, type MethodName } from '../../shared/api/contract';
import { fail, type Result } from '../../shared/api/result';
import type { Caller } from '../../shared/api/roles';

/** The part of Electron's `IpcMainInvokeEvent` the handlers read. */
export interface InvokeEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null | undefined;
}

/** The part of `ipcMain` used here; tests pass a fake with the same shape. */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: InvokeEvent, input: unknown) => unknown): void;
}

export interface ContractHandlerDeps {
  /** The caller a window's page speaks for (its role, set by main), or undefined for an unknown sender. */
  callerOf(senderId: number): Caller | undefined;
  /** Whether the calling frame shows the app's own page (trusted-url.ts). */
  isTrustedFrameUrl(url: string): boolean;
  /** The service's one door: validates the input and returns a Result (electron/core/service/dispatch.ts). */
  dispatch(name: MethodName, input: unknown, caller: Caller): Promise<Result<unknown>>;
}

/**
 * One handler per contract method, derived from the contract so none is forgotten or misspelt.
 * Each call is accepted only from the main frame of one of our windows showing our own page (not
 * a subframe, not a page the window was tricked into loading), and only when the window's role
 * may call the method; then `dispatch` validates the input. The refusal says which rule was broken
 * and nothing about the data.
 */
export function registerContractHandlers(ipc: IpcRegistrar, deps: ContractHandlerDeps): MethodName[] {
  for (const name of METHOD_NAMES) {
    ipc.handle(channelFor(name), (event, input) => {
      const frame = event.senderFrame;
      const caller = deps.callerOf(event.sender.id);
      if (!frame || frame.parent || !caller || !deps.isTrustedFrameUrl(frame.url)) {
        return fail({ code: 'unauthorized', message: 'This page may not use the Musubi API.' });
      }
      if (!rolesOf(name).includes(caller.role)) {
        return fail({ code: 'forbidden', message: `The ${caller.role} window may not call ${name}.`, where: name });
      }
      return deps.dispatch(name, input, caller);
    });
  }
  return [...METHOD_NAMES];
}
