import { z } from 'zod';
import type { ChangeTopic } from './change-topics';
import type { Role } from './roles';

/**
 * Who may call a method. The organizer may call everything, so every list starts with it; the
 * other roles are named one by one, so a new method is the organizer's alone until someone decides.
 */
export type MethodRoles = readonly ['organizer', ...Exclude<Role, 'organizer'>[]];

export interface MethodOptions {
  roles: MethodRoles;
  /** Largest request body this method accepts over HTTP; the station's default when left out. */
  maxBodyBytes?: number;
  /**
   * For a read: the topics of change notices that can change its answer (change-topics.ts), so a
   * live read on screen re-reads only then. Left out: any change, the safe default.
   */
  changesWith?: readonly ChangeTopic[];
}

/** One API method: its zod input schema, (as a phantom) its output type, and who may call it. */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output: O;
  roles: readonly Role[];
  maxBodyBytes?: number;
  changesWith?: readonly ChangeTopic[];
}

/** `returns<T>()` names a method's output type; it is a type-level marker with no runtime value. */
export function returns<O>(): O {
  return undefined as O;
}

/** A method without `roles` does not compile: nobody gets a new method by forgetting to decide. */
export function method<I extends z.ZodType, O>(input: I, output: O, options: MethodOptions): MethodSpec<I, O> {
  if (options.roles[0] !== 'organizer') throw new Error('A method\'s roles start with the organizer.');
  const spec: MethodSpec<I, O> = { input, output, roles: Object.freeze([...options.roles]) };
  if (options.maxBodyBytes !== undefined) spec.maxBodyBytes = options.maxBodyBytes;
  if (options.changesWith !== undefined) spec.changesWith = Object.freeze([...options.changesWith]);
  return spec;
}

/** The input of a method that takes none: nothing, or an empty object. */
export const noInput = z.object({}).strict().optional();
