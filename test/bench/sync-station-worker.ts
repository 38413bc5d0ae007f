/**
 * One station of the convergence bench, in its own thread (as each door is its own machine):
 * waits for "go", syncs until it has `expect` check-ins, answers with the rounds it took.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../electron/core/db/open';
import { createService } from '../../electron/core/service/service';

const { file, expect } = workerData as { file: string; expect: number };
const db = openDatabase(file);
const service = createService({ db });
const checkins = (): number => (db.prepare("SELECT count(*) AS n FROM entries WHERE type = 'checkin'").get() as { n: number }).n;

parentPort?.on('message', (message: string) => {
  if (message !== 'go') return;
  void (async () => {
    let rounds = 0;
    while (checkins() < expect && rounds < 50) {
      await service.sync.syncOnce();
      rounds++;
      if (checkins() < expect) await new Promise((r) => setTimeout(r, 20));
    }
    db.close();
    parentPort?.postMessage({ rounds });
  })();
});
parentPort?.postMessage('ready');
