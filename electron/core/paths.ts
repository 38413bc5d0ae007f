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
