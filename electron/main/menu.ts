/** A menu item as Electron's `Menu.buildFromTemplate` reads it (only what is used here). */
export interface MenuItemTemplate {
  label?: string;
  role?: 'editMenu' | 'hide' | 'hideOthers' | 'unhide' | 'quit' | 'about';
  type?: 'separator';
  submenu?: MenuItemTemplate[];
}

/**
 * The application menu. Electron's default menu offers Reload and Toggle Developer Tools, so there
 * is none on Windows and Linux (their text fields copy and paste without one). macOS needs an Edit
 * menu for ⌘C/⌘V to work in text fields (pasting a pairing code), so it gets that and the app menu,
 * nothing else: no View menu, no reload, no developer tools. Quit goes through the windows' close
 * handlers, so a kiosk still asks for the staff PIN.
 */
export function menuTemplateFor(platform: NodeJS.Platform): MenuItemTemplate[] | null {
  if (platform !== 'darwin') return null;
  return [
    { label: 'Musubi', submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] },
    { role: 'editMenu' },
  ];
}
