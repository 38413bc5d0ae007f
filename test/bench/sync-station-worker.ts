/**
 * One station of the convergence bench, in its own thread (as each door is its own machine):
 * pairs with the hub and pulls the roster, checks its people in while offline, waits for "go",
 * syncs until it has `expect` check-ins, answers with the rounds it took and its thread's CPU time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../electron/core/db/open';
import { createService } from '../../electron/core/service/service';
import { loadHttpClient } from '../../electron/core/warm-up';

interface StationSetup {
  file: string;
  station: string;
  hubUrl: string;
  key: string;
  expect: number;
  checkIns: string[];
}
const { file, station, hubUrl, key, expect, checkIns } = workerData as StationSetup;
// Opened and warmed up as `musubi station` does (background checkpoints; its start-up warm-up has
// loaded the HTTP client long before the hub comes back).
const db = openDatabase(file, { checkpointInBackground: true });
const service = createService({ db, stationName: station });
const checkins = (): number => (db.prepare("SELECT count(*) AS n FROM entries WHERE type = 'checkin'").get() as { n: number }).n;

parentPort?.on('message', (message: string) => {
  if (message !== 'go') return;
  void (async () => {
    let rounds = 0;
    const cpu0 = process.threadCpuUsage();
    while (checkins() < expect && rounds < 50) {
      await service.sync.syncOnce();
      rounds++;
      if (checkins() < expect) await new Promise((r) => setTimeout(r, 20));
    }
    // Converged: report first, then close (closing folds the WAL back, which is not syncing).
    const cpu = process.threadCpuUsage(cpu0);
    parentPort?.postMessage({ rounds, cpuMs: (cpu.user + cpu.system) / 1000 });
    db.close();
  })();
});
await service.sync.pair(hubUrl, key);
await service.sync.syncOnce();
// Offline: one transaction for the lot keeps the bench's setup short.
db.transaction(() => {
  // Synchronous in core (inside this transaction); the contract's type allows a promise.
  for (const attendeeId of checkIns) void service.api.checkIn({ attendeeId, source: 'qr' });
}).immediate();
await loadHttpClient();
parentPort?.postMessage('ready');
