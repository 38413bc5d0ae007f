import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, powerMonitor, session } from 'electron';
import type { Role } from '../../shared/api/roles';
import { markDatabaseInUse } from '../core/backup/database-in-use';
import { openDatabase } from '../core/db/open';
import { defaultDatabasePath, defaultDataDir } from '../core/paths';
import { createService, type MusubiService } from '../core/service/service';
import { systemPrinter } from '../core/printing';
import { storedPrinterWarning } from '../core/printing/station-print-settings';
import { warmUpInBackground } from '../core/warm-up';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { installErrorPolicy, reportFailure, warnStaff } from './error-policy';
import { forwardChanges, registerIpc } from './ipc';
import { KioskPrompts } from './kiosk/kiosk-window';
import { parseLaunchOptions, type LaunchOptions } from './launch-options';
import { menuTemplateFor } from './menu';
import { devServerUrlFor } from './security/dev-server';
import { applySessionPolicy } from './session-policy';
import { staffPinVerifier } from './staff-pin';
import { createRoleWindow } from './window';
import { WindowRoles } from './window-roles';

/**
 * The Electron shell, kept thin: it opens the database, builds the same core service the station
 * uses, wires the contract to IPC and opens one window per role. The decisions (which URL, which
 * key, which permission, who may call what) live in small modules beside it, tested without Electron.
 */
// The bundle's entry is index.js (see index.ts); this chunk sits next to it in dist-electron.
const here = import.meta.dirname;
const preload = path.join(here, 'preload.cjs');
const rendererRoot = path.join(here, '../dist/renderer');
const devServerUrl = devServerUrlFor(process.env, app.isPackaged);

function launchOptions(argv: readonly string[]): LaunchOptions | undefined {
  try {
    return parseLaunchOptions(argv);
  } catch (error) {
    dialog.showErrorBox('Musubi', (error as Error).message);
    return undefined;
  }
}

registerAppScheme();
// The same per-user folder as the CLI's default (electron/core/paths.ts), whatever the app is called.
app.setName('Musubi');
app.setPath('userData', defaultDataDir());
const launch = launchOptions(process.argv);

if (!launch || !app.requestSingleInstanceLock()) {
  app.quit();
} else {
  installErrorPolicy();
  void app.whenReady().then(() => start(launch));
}

function start(options: LaunchOptions): void {
  // Whatever web contents appear (ours are hardened in window.ts): no <webview>, no new windows.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  const template = menuTemplateFor(process.platform);
  Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);

  const prompts = new KioskPrompts();
  serveAppProtocol(rendererRoot, prompts.isLive);

  const dbFile = defaultDatabasePath();
  // A restore refuses while this marker says the app has the database open.
  markDatabaseInUse(dbFile, 'app');
  const db = openDatabase(dbFile, { checkpointInBackground: true });
  const service: MusubiService = createService({ db, ...(options.station ? { stationName: options.station } : {}) });
  const roles = new WindowRoles(() => service.identity.name);
  applySessionPolicy(session.defaultSession, roles);
  service.sync.start();
  registerIpc(service, roles, devServerUrl);
  forwardChanges(service);

  const windows = new Map<Role, BrowserWindow>();
  const openWindow = (role: Role): void => {
    const existing = windows.get(role);
    if (existing && !existing.isDestroyed()) {
      if (existing.isMinimized()) existing.restore();
      existing.focus();
      return;
    }
    const window = createRoleWindow(role, {
      preload,
      isPackaged: app.isPackaged,
      devServerUrl,
      roles,
      prompts,
      verifyStaffPin: staffPinVerifier(db),
      openWindow,
      reportFailure,
    });
    windows.set(role, window);
    window.on('closed', () => windows.delete(role));
  };
  openWindow(options.role);
  void storedPrinterWarning(db, systemPrinter()).then((warning) => warning && warnStaff(warning));
  // The search index and badge rendering get ready while the window is still loading.
  warmUpInBackground(db, (error) => console.error(`musubi: warm-up failed: ${error.name}`));

  // Starting Musubi again (e.g. the "Musubi Kiosk" shortcut) opens that role's window in this app.
  app.on('second-instance', (_event, argv) => {
    const again = launchOptions(argv);
    if (again) openWindow(again.role);
  });
  powerMonitor.on('shutdown', () => prompts.allowAllForShutdown());
  app.on('window-all-closed', () => {
    db.close();
    app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(options.role);
  });
}
