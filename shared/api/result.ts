import { MusubiError, type ApiErrorShape } from '../errors';

/** How every API result crosses a process boundary (IPC or HTTP). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(error: ApiErrorShape): Result<never> {
  return { ok: false, error };
}

/** Turns a result back into a value, rethrowing a typed MusubiError on the calling side. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw MusubiError.fromShape(result.error);
}
