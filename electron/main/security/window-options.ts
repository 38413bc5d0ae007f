import type { Role } from '../../../shared/api/roles';

export interface WindowOptionsInput {
  role: Role;
  /** `app.isPackaged`: a packaged build never has developer tools. */
  isPackaged: boolean;
  preload: string;
}

/** A plain description of a window's BrowserWindow options, so the choices are tested without Electron. */
export interface WindowOptions {
  width: number;
  height: number;
  title: string;
  kiosk: boolean;
  fullscreen: boolean;
  autoHideMenuBar: boolean;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    webviewTag: false;
    experimentalFeatures: false;
    navigateOnDragDrop: false;
    spellcheck: false;
    disableBlinkFeatures: string;
    devTools: boolean;
  };
}

/** Window titles in both languages: main has no UI language of its own. */
const TITLES: Record<Role, string> = {
  organizer: 'Musubi — 主催者 / Organizer',
  desk: 'Musubi — 受付 / Staff desk',
  kiosk: 'Musubi — セルフ受付 / Self check-in',
  room: 'Musubi — 会場表示 / Room view',
};

/**
 * The same locked-down web preferences for every window (isolated, sandboxed, no Node in the page,
 * no <webview>, no dropped file opened as a page); a kiosk is also full screen in kiosk mode.
 * Developer tools exist only in an unpackaged run: Electron's default shortcuts and menu would
 * otherwise open them on a kiosk.
 */
export function windowOptionsFor({ role, isPackaged, preload }: WindowOptionsInput): WindowOptions {
  const kiosk = role === 'kiosk';
  return {
    width: 1280,
    height: 820,
    title: TITLES[role],
    kiosk,
    fullscreen: kiosk || role === 'room',
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle-click would otherwise try to open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
      devTools: !isPackaged,
    },
  };
}
