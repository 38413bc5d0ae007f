import path from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { markDatabaseInUse } from '../core/backup/database-in-use';
import { openDatabase } from '../core/db/open';
import { defaultDataDir } from '../core/paths';
import { createService } from '../core/service/service';
import { warmUpInBackground } from '../core/warm-up';
import { forwardChanges, registerIpc } from './ipc';
import { createMainWindow, isTrustedSender, type WindowPaths } from './window';

/**
 * The Electron shell, kept thin: it opens the database, builds the same core service the station
 * uses, wires the contract to IPC and shows the window. Everything else lives in core/.
 */
// The bundle's entry is index.js (see index.ts); this chunk sits next to it in dist-electron.
const here = import.meta.dirname;
const paths: WindowPaths = {
  preload: path.join(here, 'preload.cjs'),
  rendererIndex: path.join(here, '../dist/renderer/index.html'),
  devServerUrl: process.env.VITE_DEV_SERVER_URL,
};

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setName('Musubi');
  void app.whenReady().then(() => {
    // Deny every permission request; the camera for QR scanning is allowed when that screen exists.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

    const dbFile = process.env.MUSUBI_DB ?? path.join(defaultDataDir(), 'musubi.db');
    // A restore refuses while this marker says the app has the database open.
    markDatabaseInUse(dbFile, 'app');
    const db = openDatabase(dbFile, { checkpointInBackground: true });
    const service = createService({ db });
    service.sync.start();
    registerIpc(service, (url) => isTrustedSender(url, paths));

    const window = createMainWindow(paths);
    forwardChanges(service, window);
    // The search index and badge rendering get ready while the window is still loading.
    warmUpInBackground(db, (error) => console.error(`musubi: warm-up failed: ${error.message}`));

    app.on('second-instance', () => {
      if (window.isMinimized()) window.restore();
      window.focus();
    });
    app.on('window-all-closed', () => {
      db.close();
      app.quit();
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow(paths);
    });
  });
}
