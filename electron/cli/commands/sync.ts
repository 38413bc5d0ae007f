import type { Command } from 'commander';
import { MusubiError } from '../../../shared/errors';
import { checkEventKey, normalizeHubUrl } from '../../../shared/sync/pairing';
import { markDatabaseInUse } from '../../core/backup/database-in-use';
import { openDatabase } from '../../core/db/open';
import { createService } from '../../core/service/service';
import { t } from '../i18n/translate';
import { dbOptionHelp, resolveDbPath } from '../options';

interface SyncFlags {
  db?: string;
  hub: string;
  key: string;
  once?: boolean;
  station?: string;
}

/**
 * `musubi sync`: pairs a database with a hub (a new, empty file joins the event with just the URL
 * and key) and syncs once, or keeps syncing until stopped. Prints counts only, never entries.
 */
export function registerSyncCommand(program: Command): void {
  program
    .command('sync')
    .description(t('sync.description'))
    .option('--db <file>', dbOptionHelp())
    .requiredOption('--hub <url>', t('sync.hub'))
    .requiredOption('--key <event key>', t('sync.key'))
    .option('--once', t('sync.once'))
    .option('--station <name>', t('sync.station'))
    .action(async (flags: SyncFlags) => {
      const dbPath = resolveDbPath(flags.db);
      if (!flags.once) markDatabaseInUse(dbPath, 'sync');
      const db = openDatabase(dbPath, { checkpointInBackground: !flags.once });
      const service = createService({
        db,
        stationName: flags.station,
        sync: {
          onProgress: (event) => console.log(`${event.kind} ${event.count}`),
        },
      });
      await service.sync.pair(normalizeHubUrl(flags.hub), checkEventKey(flags.key));
      if (flags.once) {
        try {
          const result = await service.sync.syncOnce();
          console.log(t('sync.done', { pushed: result.pushed, pulled: result.pulled }));
        } catch (error) {
          db.close();
          if (error instanceof MusubiError) throw error;
          throw new MusubiError('network', (error as Error).message);
        }
        db.close();
        return;
      }
      service.sync.start();
      console.log(t('sync.running'));
      let lastLine = '';
      service.changes.subscribe(() => {
        const status = service.sync.status();
        const line = status.lastError
          ? t('sync.offline', { reason: status.lastError.reason, message: status.lastError.message })
          : t('sync.online', { waiting: status.waiting });
        if (line !== lastLine) console.log(line);
        lastLine = line;
      });
      const stop = (): void => {
        void service.sync.stop().then(() => {
          db.close();
          process.exit(0);
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
