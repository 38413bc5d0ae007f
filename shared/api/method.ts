import { z } from 'zod';

/** One API method: its zod input schema and (as a phantom) its output type. */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output: O;
}

/** `returns<T>()` names a method's output type; it is a type-level marker with no runtime value. */
export function returns<O>(): O {
  return undefined as O;
}

export function method<I extends z.ZodType, O>(input: I, output: O): MethodSpec<I, O> {
  return { input, output };
}

/** The input of a method that takes none: nothing, or an empty object. */
export const noInput = z.object({}).strict().optional();
