import { ipcMain, type BrowserWindow } from 'electron';
import { METHOD_NAMES, channelFor, pushChannelFor } from '../../shared/api/contract';
import { fail } from '../../shared/api/result';
import { dispatch } from '../core/service/dispatch';
import type { MusubiService } from '../core/service/service';

/**
 * Registers one IPC handler per contract method by looping over the contract, so no channel can be
 * forgotten or misspelt. Every call checks that it comes from our own page, then goes through the
 * same `dispatch` (validation, Result) as the HTTP station.
 */
export function registerIpc(service: MusubiService, isTrustedSender: (url: string | undefined) => boolean): void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(channelFor(name), (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url)) {
        return fail({ code: 'unauthorized', message: 'This page may not use the Musubi API.' });
      }
      // Every window calls as the organizer here; which role each window gets is decided where
      // main creates the windows (a kiosk window calls as a kiosk).
      return dispatch(service.api, name, input, { role: 'organizer', station: `window-${event.sender.id}` });
    });
  }
}

/** Forwards projection changes to the window as the contract's push event. */
export function forwardChanges(service: MusubiService, window: BrowserWindow): () => void {
  return service.changes.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(pushChannelFor('changed'), event);
  });
}
