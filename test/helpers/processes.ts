import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const MUSUBI_BIN = path.join(REPO_ROOT, 'bin/musubi.mjs');

/**
 * The CLI answers in the locale's language; tests read its English lines, so they pin English
 * unless a test sets the language itself (MUSUBI_LANG or --lang).
 */
const CLI_ENV = { MUSUBI_LANG: 'en' };

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `musubi <args>` as a real process and waits until a line of its output matches `ready`.
 * Returns the match so a caller can read the printed URL.
 */
export async function startMusubi(args: string[], ready: RegExp, timeoutMs = 30_000): Promise<RunningProcess & { match: RegExpMatchArray }> {
  const child = spawn(process.execPath, [MUSUBI_BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...CLI_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`musubi ${args[0]} did not start in time:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = output.match(ready);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`musubi ${args[0]} exited with ${code}:\n${output}`));
    });
  });
  return {
    child,
    match,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** Runs `musubi <args>` to completion and returns its exit code and output. */
export function runMusubi(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MUSUBI_BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...CLI_ENV, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Starts a station on a free port and returns its URL. */
export async function startStationProcess(dbFile: string, extra: string[] = []): Promise<RunningProcess & { url: string }> {
  const running = await startMusubi(['station', '--db', dbFile, '--port', '0', ...extra], /ready: (http:\/\/\S+)/);
  return { ...running, url: running.match[1] ?? '' };
}
