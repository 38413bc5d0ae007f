import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { backupFolder, scheduleBackups, setBackupFolder } from '../../core/backup/schedule';
import { openDatabase } from '../../core/db/open';
import { installRoot } from '../../core/paths';
import { createService } from '../../core/service/service';
import { warmUpInBackground } from '../../core/warm-up';
import { DB_OPTION_HELP, parsePort, resolveDbPath } from '../options';

const RENDERER_DIR = path.join(installRoot(), 'dist/renderer');

interface StationFlags {
  db?: string;
  port: number;
  host: string;
  station?: string;
  backupDir?: string;
  backupEvery?: number;
}

function parseMinutes(value: string): number {
  const minutes = Number(value);
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 24 * 60) throw new InvalidArgumentError('minutes, more than 0');
  return minutes;
}

export function registerStationCommand(program: Command): void {
  program
    .command('station')
    .description('serve the Musubi screens and API over HTTP for a browser or tablet')
    .option('--db <file>', DB_OPTION_HELP)
    .option('--port <port>', 'port to listen on (0 picks a free one)', parsePort, 4780)
    .option('--host <address>', 'address to bind; loopback unless you mean to open it to the LAN', '127.0.0.1')
    .option('--station <name>', 'name of this station, shown as "checked in at <name>"')
    .option('--backup-dir <dir>', 'folder for backups (kept for "Back up now" too; default: backups/ next to the database)')
    .option('--backup-every <minutes>', 'back the database up every so many minutes while the station runs', parseMinutes)
    .action(async (flags: StationFlags) => {
      const dbPath = resolveDbPath(flags.db);
      const db = openDatabase(dbPath, { checkpointInBackground: true });
      const service = createService({ db, stationName: flags.station });
      if (flags.backupDir) setBackupFolder(db, path.resolve(flags.backupDir));
      const stopBackups = flags.backupEvery
        ? scheduleBackups(db, flags.backupEvery, { onError: (error) => console.error(`musubi: backup failed: ${error.message}`) })
        : () => undefined;
      // Loaded here, not at the top: node:http costs every other command ~60 ms of start-up.
      const { startStation } = await import('../../station/server');
      const station = await startStation({ service, staticDir: RENDERER_DIR, host: flags.host, port: flags.port });
      console.log(`Musubi station "${service.identity.name}" is ready: ${station.url}`);
      console.log(`Database: ${dbPath}`);
      if (flags.backupEvery) console.log(`Backing up every ${flags.backupEvery} min to ${backupFolder(db)}`);
      // Sync with the hub whenever this station is paired (pairing from the screen starts it too).
      service.sync.start();
      // The search index and badge rendering get ready while the desk is still opening.
      warmUpInBackground(db, (error) => console.error(`musubi: warm-up failed: ${error.message}`));
      const stop = (): void => {
        stopBackups();
        void Promise.all([station.close(), service.sync.stop()]).then(() => {
          db.close();
          process.exit(0);
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
