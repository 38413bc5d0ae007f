import type { z } from 'zod';
import type { Role } from './roles';

/** Who may call a method, and how large its request may be over HTTP. */
export interface MethodOptions {
  roles?: readonly Role[];
  /** Largest request body the station accepts for this method; the station's default otherwise. */
  maxBodyBytes?: number;
}

/** One API method: its zod input schema and (as a phantom) its output type. */
export interface MethodSpec<I extends z.ZodType, O> extends MethodOptions {
  input: I;
  /** Phantom: carries the output type only. */
  output: O;
}

/** `returns<T>()` names a method's output type; it is a type-level marker with no runtime value. */
export function returns<O>(): O {
  return undefined as O;
}

export function method<I extends z.ZodType, O>(input: I, output: O, options: MethodOptions = {}): MethodSpec<I, O> {
  return { input, output, ...options };
}
