import { z } from 'zod';
import type { Role } from '../../shared/api/roles';

/** The window roles the desktop app opens; `room` windows are opened from the Organizer area. */
const WINDOW_ROLES = ['organizer', 'desk', 'kiosk'] as const;

export interface LaunchOptions {
  role: Role;
  /** Names this station ("Door B"); kept in the database, so it is needed once. */
  station: string | undefined;
}

const stationSchema = z.string().trim().min(1).max(64);

/**
 * Reads `--role=<organizer|desk|kiosk>` (or `--kiosk`, `--desk`) and `--station=<name>` from the
 * command line a shortcut, Windows Assigned Access or a Linux session starts the app with. With
 * no role the window is the organizer's: it is the organizer's own machine, as for a station on
 * loopback. Anything else on the line (Chromium's own switches, a file path) is ignored;
 * an unknown role is refused rather than guessed.
 */
export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  let role: Role = 'organizer';
  let station: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--kiosk' || flag === '--desk') role = flag === '--kiosk' ? 'kiosk' : 'desk';
    else if (flag === '--role') {
      const wanted = value() ?? '';
      if (!(WINDOW_ROLES as readonly string[]).includes(wanted)) {
        throw new Error(`--role must be one of ${WINDOW_ROLES.join(', ')} (got "${wanted.slice(0, 20)}")`);
      }
      role = wanted as Role;
    } else if (flag === '--station') {
      const parsed = stationSchema.safeParse(value() ?? '');
      if (!parsed.success) throw new Error('--station needs a name of 1 to 64 characters');
      station = parsed.data;
    }
  }
  return { role, station };
}
