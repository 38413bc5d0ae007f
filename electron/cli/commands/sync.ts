import type { Command } from 'commander';
import { MusubiError } from '../../../shared/errors';
import { checkEventKey, normalizeHubUrl } from '../../../shared/sync/pairing';
import { markDatabaseInUse } from '../../core/backup/database-in-use';
import { openDatabase } from '../../core/db/open';
import { createService } from '../../core/service/service';
import { DB_OPTION_HELP, resolveDbPath } from '../options';

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
    .description('sync a station database with a hub (push local entries, pull the rest)')
    .option('--db <file>', DB_OPTION_HELP)
    .requiredOption('--hub <url>', 'the hub address, e.g. http://192.168.1.10:4781')
    .requiredOption('--key <event key>', 'the event key (it names the event on the hub)')
    .option('--once', 'one round, then exit (exit code 1 if the hub could not be reached)')
    .option('--station <name>', 'name of this station, shown as "checked in at <name>"')
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
          console.log(`Synced: pushed ${result.pushed}, pulled ${result.pulled}.`);
        } catch (error) {
          db.close();
          if (error instanceof MusubiError) throw error;
          throw new MusubiError('network', (error as Error).message);
        }
        db.close();
        return;
      }
      service.sync.start();
      console.log('Syncing; press Ctrl+C to stop.');
      let lastLine = '';
      service.changes.subscribe(() => {
        const status = service.sync.status();
        const line = status.lastError
          ? `offline (${status.lastError.reason}): ${status.lastError.message}`
          : `online, ${status.waiting} waiting`;
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
