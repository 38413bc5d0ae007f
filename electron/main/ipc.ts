import { BrowserWindow, ipcMain } from 'electron';
import { pushChannelFor } from '../../shared/api/contract';
import type { CoreClient } from '../core/host/core-client';
import { registerContractHandlers, type ContractHandlerDeps } from './ipc-handlers';
import { isTrustedAppUrl } from './security/trusted-url';
import type { WindowRoles } from './window-roles';

/**
 * The contract over IPC: one handler per method (ipc-handlers.ts decides who may call what), each
 * carried to the core process, whose `dispatch` (validation, Result) is the HTTP station's too, with the window's caller.
 */
export function registerIpc(dispatch: ContractHandlerDeps['dispatch'], roles: WindowRoles, devServerUrl: string | undefined): void {
  registerContractHandlers(ipcMain, {
    callerOf: (id) => roles.callerOf(id),
    isTrustedFrameUrl: (url) => isTrustedAppUrl(url, devServerUrl),
    dispatch,
  });
}

/** Forwards the core's projection changes to every window as the contract's push event. */
export function forwardChanges(core: Pick<CoreClient, 'onChanged'>): () => void {
  return core.onChanged((event) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(pushChannelFor('changed'), event);
    }
  });
}
