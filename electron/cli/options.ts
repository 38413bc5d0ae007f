import { InvalidArgumentError } from 'commander';
import { defaultDatabasePath } from '../core/paths';
import { t } from './i18n/translate';

/** The --db option's help, in the CLI's language (so: read when a command is registered). */
export function dbOptionHelp(): string {
  return t('program.dbHelp');
}

export function resolveDbPath(option: string | undefined): string {
  return option ?? defaultDatabasePath();
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError(t('program.portRange'));
  return port;
}
