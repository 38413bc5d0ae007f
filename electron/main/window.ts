import { BrowserWindow, powerSaveBlocker } from 'electron';
import type { Role } from '../../shared/api/roles';
import { guardKioskClose, type KioskPrompts } from './kiosk/kiosk-window';
import { RendererRecovery } from './renderer-recovery';
import { isScreenAllowed, startUrlFor } from './security/app-origin';
import { decideKey } from './security/shortcuts';
import { mayNavigate } from './security/trusted-url';
import { windowOptionsFor } from './security/window-options';
import type { WindowRoles } from './window-roles';

export interface WindowContext {
  preload: string;
  isPackaged: boolean;
  /** Only ever set in an unpackaged run (security/dev-server.ts). */
  devServerUrl: string | undefined;
  roles: WindowRoles;
  prompts: KioskPrompts;
  verifyStaffPin(pin: string): Promise<boolean>;
  /** The Organizer area's "open the room view" link asks for a room window. */
  openWindow(role: Role): void;
  /** Staff are told when a page keeps crashing. */
  reportFailure(origin: 'renderer', error: unknown): void;
}

/**
 * One window for one role. All the decisions live in ./security (tested without Electron); this
 * file only applies them: locked-down preferences, the role bound to the page, no navigation away,
 * no new windows, swallowed shortcuts, a reload after a crash, a kiosk kept awake and closed only
 * with the staff PIN.
 */
export function createRoleWindow(role: Role, ctx: WindowContext): BrowserWindow {
  const options = windowOptionsFor({ role, isPackaged: ctx.isPackaged, preload: ctx.preload });
  // Electronegativity cannot follow the options into security/window-options.ts, where
  // contextIsolation and sandbox are on and Auxclick is disabled for every window (tested in
  // test/unit/shell/kiosk-lock.test.ts); a middle-click's new window is denied below anyway.
  const window = new BrowserWindow({ ...options, show: false, backgroundColor: '#ffffff' }); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  const contents = window.webContents;
  const id = contents.id;
  ctx.roles.assign(id, role);
  const startUrl = startUrlFor(role, ctx.devServerUrl);

  contents.setWindowOpenHandler(({ url }) => {
    // The only new window the app makes itself: the room view, from the organizer's dashboard.
    if (ctx.roles.roleOf(id) === 'organizer' && mayNavigate(url, ctx.devServerUrl) && new URL(url).hash === '#/room') ctx.openWindow('room');
    return { action: 'deny' };
  });
  const blockUntrusted = (event: { preventDefault(): void }, url: string): void => {
    if (!mayNavigate(url, ctx.devServerUrl)) event.preventDefault();
  };
  contents.on('will-navigate', blockUntrusted);
  contents.on('will-redirect', blockUntrusted);
  contents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
    if (isMainFrame && !isScreenAllowed(role, url)) void window.loadURL(startUrl);
  });
  contents.on('before-input-event', (event, input) => {
    const decision = decideKey(input, role, ctx.isPackaged);
    if (decision === 'pass') return;
    event.preventDefault();
    if (decision === 'close') window.close();
  });
  if (ctx.isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());

  const recovery = new RendererRecovery();
  contents.on('render-process-gone', (_event, details) => {
    if (window.isDestroyed()) return;
    if (recovery.shouldReload(details.reason, Date.now())) void window.loadURL(startUrl);
    else ctx.reportFailure('renderer', new Error(`renderer ${details.reason}`));
  });

  if (role === 'kiosk') guardKioskClose(window, ctx);
  // A kiosk and a room screen stay lit all evening.
  const blocker = role === 'kiosk' || role === 'room' ? powerSaveBlocker.start('prevent-display-sleep') : undefined;
  window.on('closed', () => {
    ctx.roles.forget(id);
    if (blocker !== undefined && powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
  });

  window.once('ready-to-show', () => window.show());
  void window.loadURL(startUrl);
  return window;
}
