import type { Command } from 'commander';
import { MusubiError } from '../../../shared/errors';
import { checkEventKey, normalizeHubUrl } from '../../../shared/sync/pairing';
import { parsePort } from '../options';

interface HubFlags {
  data?: string;
  database?: string;
  port: number;
  host: string;
  key: string[];
  upstream?: string;
  upstreamKey?: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerHubCommand(program: Command): void {
  program
    .command('hub')
    .description('run the sync hub: stations push and pull the event log here (protocol v1)')
    .option('--data <dir>', 'folder for the embedded SQLite hub database (holds personal data: keep it private)')
    .option('--database <url>', 'a PostgreSQL database (postgres://user:password@host:5432/name) that several hub processes may share; default MUSUBI_HUB_DATABASE')
    .option('--port <port>', 'port to listen on (0 picks a free one)', parsePort, 4781)
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .requiredOption('--key <event key>', 'the key of an event this hub serves (repeat for several events)', collect, [])
    .option('--upstream <url>', 'relay the first event to this upstream hub when it is reachable')
    .option('--upstream-key <key>', 'the event key on the upstream hub')
    .action(async (flags: HubFlags) => {
      const keys = flags.key.map((k) => checkEventKey(k));
      if (keys.length === 0) throw new MusubiError('invalid-input', 'Give at least one --key.', '--key');
      if (Boolean(flags.upstream) !== Boolean(flags.upstreamKey)) {
        throw new MusubiError('invalid-input', '--upstream and --upstream-key go together.', '--upstream');
      }
      const upstream = flags.upstream && flags.upstreamKey ? { url: normalizeHubUrl(flags.upstream), key: checkEventKey(flags.upstreamKey) } : undefined;
      const database = flags.database ?? (process.env.MUSUBI_HUB_DATABASE || undefined);
      if (!database && !flags.data) throw new MusubiError('invalid-input', 'Give --data <dir> (SQLite) or --database postgres://… (PostgreSQL).', '--data');
      if (database && flags.data) throw new MusubiError('invalid-input', '--data and --database are alternatives: give one.', '--database');
      // Loaded here, not at the top: node:http costs every other command ~60 ms of start-up.
      const { startHub } = await import('../../../server/hub');
      const { describeDatabase } = await import('../../../server/store/postgres');
      const hub = await startHub({ dataDir: flags.data, database, keys, host: flags.host, port: flags.port, upstream });
      console.log(`Musubi hub is ready: ${hub.url}`);
      console.log(`Store: ${hub.store.kind === 'postgres' && database ? describeDatabase(database) : 'SQLite in ' + (flags.data ?? '')}`);
      console.log(`Events: ${hub.eventIds.join(', ')}${upstream ? ` (relaying the first to ${upstream.url})` : ''}`);
      const stop = (): void => {
        void hub.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
