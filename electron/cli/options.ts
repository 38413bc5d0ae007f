import { InvalidArgumentError } from 'commander';
import { defaultDatabasePath } from '../core/paths';

export const DB_OPTION_HELP = 'database file (default: $MUSUBI_DB or musubi.db in the per-user data folder)';

export function resolveDbPath(option: string | undefined): string {
  return option ?? defaultDatabasePath();
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port number 0–65535');
  return port;
}
