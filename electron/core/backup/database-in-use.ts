import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { MusubiError } from '../../../shared/errors';

/**
 * Which processes have a database open, so that a restore never replaces the file under a running
 * station (which would go on acknowledging check-ins into the file the restore took away). Each
 * long-running process leaves a small marker next to the database, `<db>.in-use-<pid>`, naming its
 * pid and kind, and removes it when it closes. A marker whose process is gone (killed with
 * SIGKILL, a power cut) is stale: the pid check sees that and removes it, so nothing has to be
 * cleaned up by hand.
 */
export type DatabaseUser = 'station' | 'app' | 'sync' | 'restore';

const markerSchema = z.object({
  pid: z.number().int().positive(),
  kind: z.enum(['station', 'app', 'sync', 'restore']),
  host: z.string(),
  since: z.string(),
});
export type InUseMarker = z.infer<typeof markerSchema>;

function markerPrefix(dbFile: string): string {
  return `${path.basename(dbFile)}.in-use-`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The processes that have `dbFile` open now; stale markers are removed on the way. */
export function databaseUsers(dbFile: string): InUseMarker[] {
  const folder = path.dirname(path.resolve(dbFile));
  const prefix = markerPrefix(dbFile);
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((name) => name.startsWith(prefix));
  } catch {
    return [];
  }
  const users: InUseMarker[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    let marker: InUseMarker | undefined;
    try {
      marker = markerSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch {
      marker = undefined; // half-written by a process killed while writing it
    }
    // A marker from another machine (a database on a shared folder) cannot be checked: it counts.
    const live = marker !== undefined && (marker.host !== os.hostname() || isAlive(marker.pid));
    if (marker && live) users.push(marker);
    else if (!marker || !live) fs.rmSync(file, { force: true });
  }
  return users;
}

const KIND_NAMES: Record<DatabaseUser, string> = {
  station: 'a Musubi station (musubi station)',
  app: 'the Musubi desktop app',
  sync: 'musubi sync',
  restore: 'a restore (musubi restore)',
};

export function describeUser(user: InUseMarker): string {
  return `${KIND_NAMES[user.kind]}, process ${user.pid}${user.host !== os.hostname() ? ` on ${user.host}` : ''}`;
}

/**
 * Marks `dbFile` as open by this process until the returned function is called or the process
 * exits. Refused while a restore is replacing the file.
 */
export function markDatabaseInUse(dbFile: string, kind: DatabaseUser): () => void {
  if (dbFile === ':memory:') return () => undefined;
  const file = path.join(path.dirname(path.resolve(dbFile)), `${markerPrefix(dbFile)}${process.pid}`);
  const marker: InUseMarker = { pid: process.pid, kind, host: os.hostname(), since: new Date().toISOString() };
  fs.writeFileSync(file, JSON.stringify(marker), { mode: 0o600 });
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off('exit', release);
    fs.rmSync(file, { force: true });
  };
  process.on('exit', release);
  // Written first, checked after: a station and a restore starting at the same moment cannot both
  // miss each other.
  const restoring = kind === 'restore' ? undefined : databaseUsers(dbFile).find((user) => user.kind === 'restore' && user.pid !== process.pid);
  if (restoring) {
    release();
    throw new MusubiError('conflict', `${dbFile} is being restored by ${describeUser(restoring)}; start again when it has finished.`, dbFile);
  }
  return release;
}

/** Refuses (saying which process to stop) while anything but this process has `dbFile` open. */
export function assertDatabaseNotInUse(dbFile: string, doing: string): void {
  const others = databaseUsers(dbFile).filter((user) => user.pid !== process.pid || user.host !== os.hostname());
  const first = others[0];
  if (!first) return;
  const list = others.map(describeUser).join('; ');
  throw new MusubiError(
    'conflict',
    `Cannot ${doing}: ${dbFile} is open in ${list}. Stop ${others.length > 1 ? 'them' : 'it'} first (Ctrl+C in its window, or quit the app), then try again.`,
    dbFile,
  );
}
