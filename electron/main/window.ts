import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, shell } from 'electron';
import { isTrustedAppUrl } from './trusted-url';

export interface WindowPaths {
  preload: string;
  rendererIndex: string;
  devServerUrl: string | undefined;
}

/** The one app window: isolated, sandboxed, no Node in the page, no new windows, no navigation away. */
export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Musubi',
    autoHideMenuBar: true,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: !process.env.MUSUBI_PACKAGED,
    },
  });
  const indexUrl = pathToFileURL(path.resolve(paths.rendererIndex)).href;
  const trusted = (url: string): boolean => isTrustedAppUrl(url, indexUrl, paths.devServerUrl);

  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links out (e.g. help pages) open in the system browser, never inside the app.
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!trusted(url)) event.preventDefault();
  });

  if (paths.devServerUrl) void window.loadURL(paths.devServerUrl);
  else void window.loadFile(paths.rendererIndex);
  return window;
}

export function isTrustedSender(url: string | undefined, paths: WindowPaths): boolean {
  return isTrustedAppUrl(url, pathToFileURL(path.resolve(paths.rendererIndex)).href, paths.devServerUrl);
}
