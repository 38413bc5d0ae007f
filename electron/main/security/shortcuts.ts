import type { Role } from '../../../shared/api/roles';

/** The parts of Electron's `Input` (before-input-event) this decision needs. */
export interface KeyInput {
  type: string;
  key: string;
  code?: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/**
 * What to do with a key press before the page sees it:
 * - `pass`: an ordinary key (typing a name, a barcode scanner's digits and Enter);
 * - `swallow`: reload, developer tools, zoom, print, find, view source: never on a kiosk, never
 *   developer tools in a packaged build;
 * - `close`: a quit or close shortcut on a kiosk; main asks for the staff PIN instead.
 */
export type KeyDecision = 'pass' | 'swallow' | 'close';

const lower = (key: string): string => key.toLowerCase();

function isCloseShortcut(input: KeyInput): boolean {
  const k = lower(input.key);
  const mod = input.control || input.meta;
  return (input.alt && k === 'f4') || (mod && (k === 'q' || k === 'w'));
}

function isDevToolsShortcut(input: KeyInput): boolean {
  const k = lower(input.key);
  const mod = input.control || input.meta;
  return k === 'f12' || (mod && (input.shift || input.alt) && (k === 'i' || k === 'j' || k === 'c'));
}

function isReloadOrBrowserShortcut(input: KeyInput): boolean {
  const k = lower(input.key);
  const mod = input.control || input.meta;
  if (k === 'f5' || k === 'browserrefresh' || k === 'browserback' || k === 'browserforward' || k === 'browserhome') return true;
  if (input.alt && (k === 'arrowleft' || k === 'arrowright' || k === 'home')) return true;
  // Reload, print, find, save, open, view source, new window/tab, zoom.
  return mod && ['r', 'p', 'f', 'g', 's', 'o', 'u', 'n', 't', '+', '=', '-', '0'].includes(k);
}

export function decideKey(input: KeyInput, role: Role, isPackaged: boolean): KeyDecision {
  if (input.type !== 'keyDown') return 'pass';
  if (role === 'kiosk' || role === 'room') {
    if (isCloseShortcut(input)) return role === 'kiosk' ? 'close' : 'pass';
    if (isDevToolsShortcut(input) || isReloadOrBrowserShortcut(input)) return 'swallow';
    return 'pass';
  }
  if (isPackaged && isDevToolsShortcut(input)) return 'swallow';
  return 'pass';
}
