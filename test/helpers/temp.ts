import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';

/** Folders made inside a test: removed after that test. */
const madeInTest: string[] = [];
/** Folders made in `beforeAll` (a station the whole file shares): removed after the file. */
const madeForFile: string[] = [];

/**
 * A fresh temporary folder, removed after the current test, or after the whole file when it is
 * made outside a test (in `beforeAll`): a station started there keeps its database until the last
 * test, and a new connection to it (a background job's worker) still finds the file.
 */
export function tempDir(prefix = 'musubi-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  (expect.getState().currentTestName === undefined ? madeForFile : madeInTest).push(dir);
  return dir;
}

const remove = (dirs: string[]): void => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
};

afterEach(() => remove(madeInTest));
afterAll(() => remove(madeForFile));
