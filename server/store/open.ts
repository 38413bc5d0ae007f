import path from 'node:path';
import { MusubiError } from '../../shared/errors';
import { PostgresHubStore } from './postgres';
import { SqliteHubStore } from './sqlite';
import type { HubStore } from './types';

/** A PostgreSQL URL when `database` is given (several hub processes may share it), else the embedded SQLite file. */
export async function openHubStore(options: { dataDir?: string; database?: string }): Promise<HubStore> {
  if (options.database) {
    if (!/^postgres(ql)?:\/\//.test(options.database)) {
      throw new MusubiError('invalid-input', 'The hub database must be a PostgreSQL URL (postgres://user:password@host:5432/name).', 'database');
    }
    return PostgresHubStore.open(options.database);
  }
  if (!options.dataDir) throw new MusubiError('invalid-input', 'Give the hub a --data folder or a --database URL.', 'data');
  return SqliteHubStore.open(path.resolve(options.dataDir));
}
