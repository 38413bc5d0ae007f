import { staffPinVerifier } from '../access/staff-pin-verifier';
import { markDatabaseInUse } from '../backup/database-in-use';
import { openDatabase } from '../db/open';
import { systemPrinter } from '../printing';
import { storedPrinterWarning } from '../printing/station-print-settings';
import { dispatch } from '../service/dispatch';
import { createService } from '../service/service';
import { warmUpInBackground } from '../warm-up';
import type { CoreOptions, CorePort, FromCore, ToCore } from './protocol';

/**
 * The desktop app's core, in its own process: opens the database, builds the same service the
 * station uses and answers the main process's calls through `dispatch` (role check, input
 * validation, Result), pushing every change of the projection back. Main keeps only the windows.
 * `exit` ends the process once the database is closed (after `stop`, or when it could not start).
 */
export function serveCore(port: CorePort<FromCore, ToCore>, options: CoreOptions, exit: (code: number) => void): void {
  let release: () => void;
  try {
    // A restore refuses while this marker says the app has the database open.
    release = markDatabaseInUse(options.dbFile, 'app');
  } catch (error) {
    port.post({ kind: 'failed', message: (error as Error).message });
    exit(1);
    return;
  }
  const db = openDatabase(options.dbFile, { checkpointInBackground: true });
  const service = createService({ db, ...(options.stationName ? { stationName: options.stationName } : {}) });
  const verifyStaffPin = staffPinVerifier(db);
  const reportError = (error: Error): void => port.post({ kind: 'background-error', report: `${error.name}${error.stack?.split('\n')[1]?.trim() ?? ''}` });
  service.changes.subscribe((event) => port.post({ kind: 'changed', event }));

  let stopping = false;
  port.onMessage((message) => {
    if (message.kind === 'call') {
      void dispatch(service.api, message.method, message.input, message.caller).then((result) =>
        port.post({ kind: 'result', id: message.id, result }),
      );
    } else if (message.kind === 'verify-staff-pin') {
      void verifyStaffPin(message.pin).then((ok) => port.post({ kind: 'pin-checked', id: message.id, ok }), () => port.post({ kind: 'pin-checked', id: message.id, ok: false }));
    } else if (message.kind === 'stop' && !stopping) {
      stopping = true;
      void service.sync.stop().finally(() => {
        db.close();
        release();
        port.post({ kind: 'stopped' });
        exit(0);
      });
    }
  });

  service.sync.start();
  void storedPrinterWarning(db, systemPrinter()).then(
    (warning) => port.post({ kind: 'ready', stationName: service.identity.name, printerWarning: warning ?? null }),
    () => port.post({ kind: 'ready', stationName: service.identity.name, printerWarning: null }),
  );
  // The search index and badge rendering get ready while the window is still loading.
  warmUpInBackground(db, reportError);
}
