import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { pinSchema } from '../../../shared/api/methods/devices';
import { backupFolder, scheduleBackups, setBackupFolder } from '../../core/backup/schedule';
import { markDatabaseInUse } from '../../core/backup/database-in-use';
import { openDatabase } from '../../core/db/open';
import { installRoot } from '../../core/paths';
import { createService } from '../../core/service/service';
import { warmUpInBackground } from '../../core/warm-up';
import { t } from '../i18n/translate';
import { dbOptionHelp, parsePort, resolveDbPath } from '../options';

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
  if (!parsed.success) throw new InvalidArgumentError(t('station.pinRange'));
  return parsed.data;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseMinutes(value: string): number {
  const minutes = Number(value);
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 24 * 60) throw new InvalidArgumentError(t('station.minutesRange'));
  return minutes;
}

export function registerStationCommand(program: Command): void {
  program
    .command('station')
    .description(t('station.description'))
    .option('--db <file>', dbOptionHelp())
    .option('--port <port>', t('station.port'), parsePort, 4780)
    .option('--host <address>', t('station.host'), '127.0.0.1')
    .option('--station <name>', t('station.station'))
    .option('--backup-dir <dir>', t('station.backupDir'))
    .option('--backup-every <minutes>', t('station.backupEvery'), parseMinutes)
    .option('--organizer-pin <pin>', t('station.organizerPin'), parsePin)
    .option('--allow-host <name>', t('station.allowHost'), collect, [])
    .option('--require-pairing', t('station.requirePairing'))
    .action(async (flags: StationFlags) => {
      const dbPath = resolveDbPath(flags.db);
      // A restore refuses while this marker says the station has the database open.
      markDatabaseInUse(dbPath, 'station');
      const db = openDatabase(dbPath, { checkpointInBackground: true });
      const service = createService({ db, stationName: flags.station });
      if (flags.backupDir) setBackupFolder(db, path.resolve(flags.backupDir));
      const stopBackups = flags.backupEvery
        ? scheduleBackups(db, flags.backupEvery, { onError: (error) => console.error(`musubi: ${t('station.backupFailed', { reason: error.message })}`) })
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
      console.log(t('station.ready', { name: service.identity.name, url: station.url }));
      if (station.networkUrls[0] !== station.url) console.log(t('station.network', { urls: station.networkUrls.join('  ') }));
      console.log(t('station.database', { file: dbPath }));
      if (flags.backupEvery) console.log(t('station.backingUp', { minutes: flags.backupEvery, dir: backupFolder(db) }));
      // Sync with the hub whenever this station is paired (pairing from the screen starts it too).
      service.sync.start();
      // The search index and badge rendering get ready while the desk is still opening.
      warmUpInBackground(db, (error) => console.error(`musubi: ${t('station.warmUpFailed', { reason: error.message })}`));
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
