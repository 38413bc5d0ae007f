import { BrowserWindow, ipcMain } from 'electron';
import { pushChannelFor } from '../../shared/api/contract';
import { dispatch } from '../core/service/dispatch';
import type { MusubiService } from '../core/service/service';
import { registerContractHandlers } from './ipc-handlers';
import { isTrustedAppUrl } from './security/trusted-url';
import type { WindowRoles } from './window-roles';

/**
 * The contract over IPC: one handler per method (ipc-handlers.ts decides who may call what), each
 * going through the same `dispatch` (validation, Result) as the HTTP station, with the window's caller.
 */
export function registerIpc(service: MusubiService, roles: WindowRoles, devServerUrl: string | undefined): void {
  registerContractHandlers(ipcMain, {
    callerOf: (id) => roles.callerOf(id),
    isTrustedFrameUrl: (url) => isTrustedAppUrl(url, devServerUrl),
    dispatch: (name, input, caller) => dispatch(service.api, name, input, caller),
  });
}

/** Forwards projection changes to every window as the contract's push event. */
export function forwardChanges(service: MusubiService): () => void {
  return service.changes.subscribe((event) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(pushChannelFor('changed'), event);
    }
  });
}
