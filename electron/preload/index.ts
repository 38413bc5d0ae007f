import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { MusubiBridge } from '../../shared/api/bridge';
import { METHOD_NAMES, channelFor, pushChannelFor, type PushEvents } from '../../shared/api/contract';

/**
 * Exposes `window.musubi`: exactly the contract's methods (derived from it, one function each) and
 * the `changed` subscription, which returns its unsubscribe. No generic invoke, no raw IPC event.
 */
const methods = Object.fromEntries(
  METHOD_NAMES.map((name) => [name, (input?: unknown) => ipcRenderer.invoke(channelFor(name), input)]),
);

const bridge = {
  ...methods,
  onChanged(listener: (event: PushEvents['changed']) => void) {
    const handler = (_event: IpcRendererEvent, payload: PushEvents['changed']): void => listener(payload);
    ipcRenderer.on(pushChannelFor('changed'), handler);
    return () => {
      ipcRenderer.removeListener(pushChannelFor('changed'), handler);
    };
  },
} as MusubiBridge;

contextBridge.exposeInMainWorld('musubi', bridge);
