import type { z } from 'zod';
import { contract, isAllowed, isMethodName } from '../../../shared/api/contract';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { Caller } from '../../../shared/api/roles';
import { MusubiError } from '../../../shared/errors';
import type { ServiceImpl } from './types';

/** "fields.email: Invalid email address" — says which input field was wrong, never its value. */
export function describeZodError(error: z.ZodError): { message: string; where: string } {
  const issue = error.issues[0];
  const where = issue ? issue.path.map(String).join('.') : '';
  const message = issue ? `${where ? `${where}: ` : ''}${issue.message}` : 'Invalid input';
  return { message, where };
}

/** The caller when a host names none: the station's own machine (IPC, CLI, tests). */
const LOCAL_ORGANIZER: Caller = { role: 'organizer', station: 'local' };

/**
 * The one door into the service for every host (IPC, HTTP, tests): checks the method name,
 * validates the input against the contract, runs it and returns a Result. Errors never escape as
 * exceptions, and unexpected ones are logged without their input (it may hold personal data).
 * A caller whose role the method does not list gets `forbidden`.
 */
export async function dispatch(impl: ServiceImpl, name: string, rawInput: unknown, caller: Caller = LOCAL_ORGANIZER): Promise<Result<unknown>> {
  if (!isMethodName(name)) return fail({ code: 'unknown-method', message: `Unknown method: ${name.slice(0, 60)}` });
  if (!isAllowed(caller.role, name)) return fail({ code: 'forbidden', message: `A ${caller.role} device may not call ${name}.` });
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
