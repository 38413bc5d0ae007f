import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { pinSchema } from '../../../shared/api/methods/devices';
import { backupFolder, scheduleBackups, setBackupFolder } from '../../core/backup/schedule';
import { markDatabaseInUse } from '../../core/backup/database-in-use';
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
  organizerPin?: string;
  allowHost: string[];
  requirePairing?: boolean;
}

function parsePin(value: string): string {
  const parsed = pinSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('4 to 64 characters');
  return parsed.data;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
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
    .option('--organizer-pin <pin>', 'set the organizer PIN (stored hashed; needed once before serving beyond loopback, then kept)', parsePin)
    .option('--allow-host <name>', 'another host name or address browsers may use for this station (repeatable)', collect, [])
    .option('--require-pairing', 'every browser needs a session, this machine\'s too (implied by any --host beyond loopback)')
    .action(async (flags: StationFlags) => {
      const dbPath = resolveDbPath(flags.db);
      // A restore refuses while this marker says the station has the database open.
      markDatabaseInUse(dbPath, 'station');
      const db = openDatabase(dbPath, { checkpointInBackground: true });
      const service = createService({ db, stationName: flags.station });
      if (flags.backupDir) setBackupFolder(db, path.resolve(flags.backupDir));
      const stopBackups = flags.backupEvery
        ? scheduleBackups(db, flags.backupEvery, { onError: (error) => console.error(`musubi: backup failed: ${error.message}`) })
        : () => undefined;
      // The PIN itself is never printed or logged; only its slow hash is stored.
      if (flags.organizerPin) await service.access.pins.set('organizer', flags.organizerPin);
      // Loaded here, not at the top: node:http costs every other command ~60 ms of start-up.
      const { startStation } = await import('../../station/server');
      let station;
      try {
        station = await startStation({
          service,
          staticDir: RENDERER_DIR,
          host: flags.host,
          port: flags.port,
          allowHosts: flags.allowHost,
          requirePairing: flags.requirePairing,
        });
      } catch (error) {
        console.error(`musubi: ${(error as Error).message}`);
        db.close();
        process.exit(1);
      }
      console.log(`Musubi station "${service.identity.name}" is ready: ${station.url}`);
      if (station.networkUrls[0] !== station.url) console.log(`On the network: ${station.networkUrls.join('  ')}`);
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
