import type { MusubiBridge } from '../../../shared/api/bridge';
import { createClient, type ApiClient } from './client';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';

declare global {
  interface Window {
    /** Present only inside the Electron shell (electron/preload). */
    musubi?: MusubiBridge;
  }
}

/** The API for this page: IPC when the Electron preload is there, else HTTP to the station that served it. */
export function connectApi(): ApiClient {
  return createClient(window.musubi ? createIpcTransport(window.musubi) : createHttpTransport(new URL('/', window.location.href).href));
}
