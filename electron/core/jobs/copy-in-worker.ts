import type { CopyDatabase } from '../backup/backup';
import { runJob } from './run-job';

/** A backup's copy made in a worker thread on its own read-only connection (backupDatabase's `copy`). */
export const copyDatabaseInWorker: CopyDatabase = (db, destination) => runJob(db, 'backup', { destination });
