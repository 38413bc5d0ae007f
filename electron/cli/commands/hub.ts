import type { Command } from 'commander';
import { MusubiError } from '../../../shared/errors';
import { checkEventKey, normalizeHubUrl } from '../../../shared/sync/pairing';
import { t } from '../i18n/translate';
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
    .description(t('hub.description'))
    .option('--data <dir>', t('hub.data'))
    .option('--database <url>', t('hub.database'))
    .option('--port <port>', t('hub.port'), parsePort, 4781)
    .option('--host <address>', t('hub.host'), '127.0.0.1')
    .requiredOption('--key <event key>', t('hub.key'), collect, [])
    .option('--upstream <url>', t('hub.upstream'))
    .option('--upstream-key <key>', t('hub.upstreamKey'))
    .action(async (flags: HubFlags) => {
      const keys = flags.key.map((k) => checkEventKey(k));
      if (keys.length === 0) throw new MusubiError('invalid-input', t('hub.needKey'), '--key');
      if (Boolean(flags.upstream) !== Boolean(flags.upstreamKey)) {
        throw new MusubiError('invalid-input', t('hub.upstreamPair'), '--upstream');
      }
      const upstream = flags.upstream && flags.upstreamKey ? { url: normalizeHubUrl(flags.upstream), key: checkEventKey(flags.upstreamKey) } : undefined;
      const database = flags.database ?? (process.env.MUSUBI_HUB_DATABASE || undefined);
      if (!database && !flags.data) throw new MusubiError('invalid-input', t('hub.needStore'), '--data');
      if (database && flags.data) throw new MusubiError('invalid-input', t('hub.oneStore'), '--database');
      // Loaded here, not at the top: node:http costs every other command ~60 ms of start-up.
      const { startHub } = await import('../../../server/hub');
      const { describeDatabase } = await import('../../../server/store/postgres');
      const hub = await startHub({ dataDir: flags.data, database, keys, host: flags.host, port: flags.port, upstream });
      console.log(t('hub.ready', { url: hub.url }));
      console.log(t('hub.store', { store: hub.store.kind === 'postgres' && database ? describeDatabase(database) : t('hub.sqliteIn', { dir: flags.data ?? '' }) }));
      console.log(t('hub.events', { events: hub.eventIds.join(', ') }) + (upstream ? t('hub.relaying', { url: upstream.url }) : ''));
      const stop = (): void => {
        void hub.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
