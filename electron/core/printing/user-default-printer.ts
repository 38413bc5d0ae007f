import path from 'node:path';
import { systemLookup, type SchedulerLookup } from './ipp-transport';

/** `Default name[/instance] options…` in an lpoptions file (CUPS reads the keyword in any case). */
function defaultIn(file: string, read: SchedulerLookup['read']): string | undefined {
  const text = read(file);
  return text ? /^\s*Default\s+(\S+)/im.exec(text)?.[1] : undefined;
}

/**
 * The printer this user's CUPS commands print to when none is named, found as `lp` and
 * `lpstat -d` find it: LPDEST, then PRINTER (unless it is the placeholder "lp"), then the
 * `Default` line of ~/.cups/lpoptions (written by `lpoptions -d` and by the desktop's printer
 * settings), then of the system's lpoptions. Undefined when none says: the scheduler's own default
 * (CUPS-Get-Default) applies. Only the queue's name: an instance ("/2up") prints on its queue.
 */
export function userDefaultPrinter(lookup: SchedulerLookup = systemLookup()): string | undefined {
  const { env, read, home } = lookup;
  const printerVariable = env.PRINTER?.trim();
  const named =
    env.LPDEST?.trim() ||
    (printerVariable && printerVariable !== 'lp' ? printerVariable : undefined) ||
    defaultIn(path.join(home, '.cups', 'lpoptions'), read) ||
    defaultIn(path.join(env.CUPS_SERVERROOT?.trim() || '/etc/cups', 'lpoptions'), read);
  return named ? named.split('/')[0] || undefined : undefined;
}
