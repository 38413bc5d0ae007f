import type { z } from 'zod';
import { contract, isMethodName } from '../../../shared/api/contract';
import type { Caller } from '../../../shared/api/roles';
import { fail, ok, type Result } from '../../../shared/api/result';
import { MusubiError } from '../../../shared/errors';
import type { ServiceImpl } from './types';

/** "fields.email: Invalid email address" — says which input field was wrong, never its value. */
export function describeZodError(error: z.ZodError): { message: string; where: string } {
  const issue = error.issues[0];
  const where = issue ? issue.path.map(String).join('.') : '';
  const message = issue ? `${where ? `${where}: ` : ''}${issue.message}` : 'Invalid input';
  return { message, where };
}

/** Counts what `dispatch` refused, so the organizer can see it. */
export interface RefusalCounter {
  refused(kind: 'forbidden', caller: Caller): void;
}

/**
 * The service registers its counter here (see service.ts), so every host that dispatches into
 * `service.api` has its refusals counted without passing anything more.
 */
const counters = new WeakMap<ServiceImpl, RefusalCounter>();
export function countRefusalsOf(impl: ServiceImpl, counter: RefusalCounter): void {
  counters.set(impl, counter);
}

/**
 * The one door into the service for every host (IPC, HTTP, tests): checks the method name, then
 * that the caller's role may call it (before the input is even read), validates the input against
 * the contract, runs it with the caller and returns a Result. Errors never escape as exceptions,
 * and unexpected ones are logged without their input (it may hold personal data).
 */
export async function dispatch(
  impl: ServiceImpl,
  name: string,
  rawInput: unknown,
  caller: Caller,
): Promise<Result<unknown>> {
  if (!isMethodName(name)) return fail({ code: 'unknown-method', message: `Unknown method: ${name.slice(0, 60)}` });
  if (!contract[name].roles.includes(caller.role)) {
    counters.get(impl)?.refused('forbidden', caller);
    return fail({ code: 'forbidden', message: `The ${caller.role} role may not call ${name}.` });
  }
  const parsed = contract[name].input.safeParse(rawInput ?? undefined);
  if (!parsed.success) {
    const { message, where } = describeZodError(parsed.error);
    return fail({ code: 'invalid-input', message, where });
  }
  try {
    const handler = impl[name] as (input: unknown, caller: Caller) => unknown;
    return ok(await handler(parsed.data, caller));
  } catch (error) {
    if (error instanceof MusubiError) return fail(error.toShape());
    // The error's name, code (e.g. SQLITE_BUSY) and where it was thrown; never its message or the input.
    const { name: kind, code, stack } = error as Error & { code?: unknown };
    console.error(`[musubi] ${name} failed: ${kind}${typeof code === 'string' ? ` ${code}` : ''}`, stack?.split('\n')[1]?.trim() ?? '');
    return fail({ code: 'internal', message: 'Something went wrong inside Musubi. The change was not saved.' });
  }
}
