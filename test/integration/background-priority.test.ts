import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { runJob } from '../../electron/core/jobs/run-job';
import { buildInWorker } from '../../electron/core/search/build-in-worker';
import { BACKGROUND_NICE } from '../../electron/core/workers/background-priority';
import { seedGeneratedEvent } from '../helpers/generated-event';
import { tempDir } from '../helpers/temp';

/**
 * Background work runs at the lowest CPU priority on its own thread only (Linux): a job's worker
 * thread started by runJob and the search index's build worker run at nice 19 while the thread
 * that answers the desk (this one) and the rest of the process stay at 0, and the work still
 * completes. The process's shared thread pool, when a lowered thread is the first to need it,
 * still starts at 0 (else every async file read of the process would run at 19).
 */
const HELPER = path.resolve(import.meta.dirname, '../../electron/core/workers/background-priority.ts');

/** The nice value of each thread of this process, by thread id (field 19 of /proc/…/task/<tid>/stat). */
function threadNices(): Map<string, number> {
  const nices = new Map<string, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const fields = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      nices.set(tid, Number(fields[16]));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return nices;
}

/** This thread's id (the test may run on a worker thread of the runner). */
const thisThread = (): string => path.basename(fs.readlinkSync('/proc/thread-self'));

/** Runs `work` while watching the process's threads; answers its result and every nice value seen per thread. */
async function watchingThreads<T>(work: () => Promise<T>): Promise<{ result: T; before: Map<string, number>; seen: Map<string, Set<number>> }> {
  const before = threadNices();
  const seen = new Map<string, Set<number>>();
  const look = (): void => {
    for (const [tid, nice] of threadNices()) seen.set(tid, (seen.get(tid) ?? new Set()).add(nice));
  };
  const watching = setInterval(look, 2);
  try {
    const result = await work();
    look();
    return { result, before, seen };
  } finally {
    clearInterval(watching);
  }
}

function seededFile(count: number): { file: string; names: string[] } {
  const file = path.join(tempDir(), 'event.db');
  return { file, names: seedGeneratedEvent(file, count).names };
}

describe.runIf(process.platform === 'linux')('background priority', () => {
  // The suite runs background work at the default priority (vite.config.ts); these tests check the
  // station's own setting. Worker threads copy the environment when they start.
  const suiteNice = process.env.MUSUBI_BACKGROUND_NICE;
  beforeAll(() => {
    process.env.MUSUBI_BACKGROUND_NICE = String(BACKGROUND_NICE);
  });
  afterAll(() => {
    if (suiteNice === undefined) delete process.env.MUSUBI_BACKGROUND_NICE;
    else process.env.MUSUBI_BACKGROUND_NICE = suiteNice;
  });

  it("runs a job's worker thread at nice 19 while the serving thread stays at 0, and the job completes", async () => {
    const { file, names } = seededFile(1000);
    const db = openDatabase(file);
    try {
      const { result, before, seen } = await watchingThreads(() =>
        runJob(db, 'export', { options: { format: 'csv', includeNoShows: true }, now: new Date().toISOString() }),
      );
      const lowered = [...seen].filter(([, nices]) => nices.has(BACKGROUND_NICE)).map(([tid]) => tid);
      expect(lowered).toHaveLength(1);
      // The lowered thread is the job's, started for it: no thread that was there before changed.
      expect(before.has(lowered[0] ?? '')).toBe(false);
      for (const [tid] of before) expect([...(seen.get(tid) ?? [])].filter((nice) => nice !== 0), `thread ${tid}`).toEqual([]);
      expect(threadNices().get(thisThread())).toBe(0);
      expect(threadNices().get(String(process.pid))).toBe(0);

      expect(result.rows).toBe(1000);
      const csv = Buffer.from(result.bytes).toString('utf8');
      expect(names.filter((name) => !csv.includes(name))).toEqual([]);
    } finally {
      db.close();
    }
  });

  // Awaited: the desk's searches wait for the first stage (a first start without a snapshot), so
  // the worker lowers itself only after it; either way the gram lists are built at 19.
  it.each([false, true])("runs the search index's build worker at nice 19 (first stage awaited: %s), and the build arrives", async (firstStageAwaited) => {
    const db = openDatabase(seededFile(5000).file);
    try {
      const { result: people, before, seen } = await watchingThreads(
        () =>
          new Promise<number>((resolve, reject) =>
            buildInWorker(db, { onLists: () => undefined, onIndex: (built) => resolve(built.ids.length), onError: reject }, { firstStageAwaited }),
          ),
      );
      const lowered = [...seen].filter(([, nices]) => nices.has(BACKGROUND_NICE)).map(([tid]) => tid);
      expect(lowered).toHaveLength(1);
      expect(before.has(lowered[0] ?? '')).toBe(false);
      expect(threadNices().get(thisThread())).toBe(0);
      expect(people).toBe(5000);
    } finally {
      db.close();
    }
  });

  it('starts the shared thread pool at 0 when a lowered thread is the first to need it', () => {
    // A fresh process (this one's pool is long started): its worker lowers itself, then reads a file.
    const script = `
      import { Worker } from 'node:worker_threads';
      import fs from 'node:fs';
      const worker = new Worker(\`
        const { lowerThisThreadPriority } = await import(${JSON.stringify(HELPER)});
        lowerThisThreadPriority();
        await (await import('node:fs')).promises.readFile(${JSON.stringify(HELPER)});
      \`, { eval: true });
      worker.on('exit', () => {
        const tasks = fs.readdirSync('/proc/self/task');
        const pool = tasks.filter((t) => fs.readFileSync('/proc/self/task/' + t + '/comm', 'utf8').trim() === 'libuv-worker');
        console.log(JSON.stringify(pool.map((t) => Number(fs.readFileSync('/proc/self/task/' + t + '/stat', 'utf8').split(') ')[1].split(' ')[16]))));
      });
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, MUSUBI_BACKGROUND_NICE: String(BACKGROUND_NICE) } });
    expect(run.status, run.stderr).toBe(0);
    const poolNices = JSON.parse(run.stdout) as number[];
    expect(poolNices.length).toBeGreaterThan(0);
    expect(poolNices.every((nice) => nice === 0)).toBe(true);
  });
});
