import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, powerMonitor, session } from 'electron';
import type { Role } from '../../shared/api/roles';
import type { CoreClient } from '../core/host/core-client';
import { defaultDatabasePath, defaultDataDir } from '../core/paths';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { startCoreProcess } from './core-process';
import { installErrorPolicy, reportFailure, warnStaff } from './error-policy';
import { forwardChanges, registerIpc } from './ipc';
import { KioskPrompts } from './kiosk/kiosk-window';
import { parseLaunchOptions, type LaunchOptions } from './launch-options';
import { menuTemplateFor } from './menu';
import { devServerUrlFor } from './security/dev-server';
import { applySessionPolicy } from './session-policy';
import { createRoleWindow } from './window';
import { WindowRoles } from './window-roles';

/**
 * The Electron shell, kept thin: it starts the core (the database and the same service the station
 * uses) in a utility process of its own, wires the contract to IPC and opens one window per role.
 * Nothing slow runs on this thread, so the windows never stall. The decisions (which URL, which
 * key, which permission, who may call what) live in small modules beside it, tested without Electron.
 */
// The bundle's entry is index.js (see index.ts); this chunk sits next to it in dist-electron.
const here = import.meta.dirname;
const preload = path.join(here, 'preload.cjs');
const coreScript = path.join(here, 'core-process.js');
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

async function start(options: LaunchOptions): Promise<void> {
  // Whatever web contents appear (ours are hardened in window.ts): no <webview>, no new windows.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  const template = menuTemplateFor(process.platform);
  Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);

  const prompts = new KioskPrompts();
  serveAppProtocol(rendererRoot, prompts.isLive);

  const wire = (client: CoreClient): void => {
    forwardChanges(client);
    client.onBackgroundError((report) => console.error(`musubi: background work failed: ${report}`));
  };
  // Calls always go to the current core process: a new one replaces a core that died.
  const coreOptions = { dbFile: defaultDatabasePath(), ...(options.station ? { stationName: options.station } : {}) };
  let core = startCoreProcess(coreScript, coreOptions, (replacement) => {
    core = replacement;
    wire(replacement);
  });
  wire(core);
  let stationName = '';
  try {
    const ready = await core.ready;
    stationName = ready.stationName;
    if (ready.printerWarning) warnStaff(ready.printerWarning);
  } catch (error) {
    // E.g. a restore is replacing the database: say so and stop, rather than open empty windows.
    dialog.showErrorBox('Musubi', (error as Error).message);
    app.quit();
    return;
  }
  const roles = new WindowRoles(() => stationName);
  applySessionPolicy(session.defaultSession, roles);
  registerIpc((name, input, caller) => core.dispatch(name, input, caller), roles, devServerUrl);

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
      verifyStaffPin: (pin) => core.verifyStaffPin(pin),
      openWindow,
      reportFailure,
    });
    windows.set(role, window);
    window.on('closed', () => windows.delete(role));
  };
  openWindow(options.role);

  // Starting Musubi again (e.g. the "Musubi Kiosk" shortcut) opens that role's window in this app.
  app.on('second-instance', (_event, argv) => {
    const again = launchOptions(argv);
    if (again) openWindow(again.role);
  });
  powerMonitor.on('shutdown', () => prompts.allowAllForShutdown());
  app.on('window-all-closed', () => {
    // The core closes its database (and stops syncing) before the app ends.
    void core.stop().finally(() => app.quit());
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(options.role);
  });
}
