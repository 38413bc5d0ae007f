import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The per-user data directory, the same one Electron's `app.getPath('userData')` gives the desktop
 * app named "Musubi", so the CLI and the desktop app open the same database by default.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Musubi');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Musubi');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Musubi');
}

/** `MUSUBI_DB` when set, else musubi.db in the per-user data directory. */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.MUSUBI_DB ?? path.join(defaultDataDir(process.platform, env), 'musubi.db');
}

/**
 * The folder holding Musubi's package.json: the nearest one above `from`. The sources
 * (electron/core/) and the built CLI (dist-electron/) sit at different depths inside it, so a
 * path into the installation (the built renderer in dist/renderer) starts from here.
 */
export function installRoot(from: string = import.meta.dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}: Musubi's installation is incomplete.`);
  }
}
