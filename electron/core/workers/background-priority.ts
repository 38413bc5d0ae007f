import { randomFill } from 'node:crypto';
import os from 'node:os';

/** The nice value background threads run at by default: the lowest, so any work at the default (0) goes first. */
export const BACKGROUND_NICE = 19;

/**
 * The nice value for background threads: `MUSUBI_BACKGROUND_NICE` (0–19) when set, else 19. The
 * test suite sets 0: it runs two test files at once on two cores, each keeping its core busy, and
 * a thread at 19 beside them gets ~1.5 % of a core (a 9,000-person build took over the test's 30 s);
 * a station has one door to serve, so its background work runs whenever the desk is quiet.
 */
export function backgroundNice(): number {
  const value = Number(process.env.MUSUBI_BACKGROUND_NICE ?? BACKGROUND_NICE);
  return Number.isInteger(value) && value >= 0 && value <= 19 ? value : BACKGROUND_NICE;
}

/**
 * Lowers the CPU priority of the calling thread only, for a worker thread whose work can wait
 * (exports, the roster, badge batches, backups, the search index's build): on two cores such a
 * thread otherwise takes half the CPU from the thread that answers the desk. On Linux,
 * setpriority(PRIO_PROCESS, 0) acts on the calling task, i.e. this thread, and the station's
 * other threads keep their priority. Elsewhere (macOS, Windows) the same call would lower the
 * whole process, the door included, so it is not made. It never throws: a thread that keeps its
 * priority still does its work. Never called from the badge worker that prints at the door.
 */
export function lowerThisThreadPriority(): void {
  const nice = backgroundNice();
  if (process.platform !== 'linux' || nice === 0) return;
  try {
    startSharedThreadPool();
    os.setPriority(0, nice);
  } catch {
    // Not allowed here (a sandbox without setpriority): the work runs at the default priority.
  }
}

/**
 * The process's shared thread pool (libuv's: async fs, crypto, zlib, dns for every thread) is
 * started by the first call that needs it, and its threads inherit the nice value of the thread
 * that made that call. One call first, at this thread's default priority, so that a pool this
 * thread would otherwise start stays at 0; once started (the usual case) it is a 1-byte no-op.
 */
function startSharedThreadPool(): void {
  randomFill(new Uint8Array(1), () => undefined);
}
