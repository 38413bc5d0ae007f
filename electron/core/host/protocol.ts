import type { MethodName, PushEvents } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import type { Caller } from '../../../shared/api/roles';

/**
 * The messages between the desktop app's main process and its core process (core-host.ts). The
 * core (database, service, sync, printing, background jobs) runs in a process of its own so that a
 * slow query or a long job never stalls Electron's main thread, which draws every window. Both
 * ends are ours and messages are structured clones, so these types are the whole protocol; the
 * inputs of calls are still validated by the core's `dispatch`, as every host's are.
 */
export type ToCore =
  | { kind: 'call'; id: number; method: MethodName; input: unknown; caller: Caller }
  | { kind: 'verify-staff-pin'; id: number; pin: string }
  | { kind: 'stop' };

export type FromCore =
  /** The core has its database open and answers calls. */
  | { kind: 'ready'; stationName: string; printerWarning: string | null }
  /** The core could not start (e.g. a restore is replacing the database); it exits after this. */
  | { kind: 'failed'; message: string }
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'pin-checked'; id: number; ok: boolean }
  | { kind: 'changed'; event: PushEvents['changed'] }
  /** Something went wrong in the background (a warm-up, a scheduled job): kind and place only. */
  | { kind: 'background-error'; report: string }
  | { kind: 'stopped' };

/** One end of the channel, whatever carries it (Electron's utility process, Node's child IPC, a test). */
export interface CorePort<Out, In> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}

/** What the core process is started with (its command line, see process-entry.ts). */
export interface CoreOptions {
  dbFile: string;
  stationName?: string;
}

/** The command line that carries CoreOptions; one place writes and reads it. */
export function coreArgs(options: CoreOptions): string[] {
  return ['--db', options.dbFile, ...(options.stationName ? ['--station', options.stationName] : [])];
}

export function parseCoreArgs(argv: readonly string[]): CoreOptions {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const dbFile = value('--db');
  if (!dbFile) throw new Error('The core process needs --db <file>.');
  const stationName = value('--station');
  return { dbFile, ...(stationName ? { stationName } : {}) };
}
