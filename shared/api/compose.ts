import type { z } from 'zod';
import type { MethodSpec } from './method';

/** One topic of the contract: method name → spec. */
export type Topic = Readonly<Record<string, MethodSpec<z.ZodType, unknown>>>;

/** The method names that appear in more than one of the topics (never, when all are distinct). */
export type DuplicateNames<T extends readonly Topic[], Seen extends PropertyKey = never> = T extends readonly [
  infer Head extends Topic,
  ...infer Rest extends readonly Topic[],
]
  ? (keyof Head & Seen) | DuplicateNames<Rest, Seen | keyof Head>
  : never;

type Merged<T extends readonly Topic[]> = T extends readonly [infer Head extends Topic, ...infer Rest extends readonly Topic[]]
  ? Head & Merged<Rest>
  : unknown;

/**
 * Joins the topics into one contract. Two topics defining the same method name would let one
 * silently replace the other (its schema and its roles with it), so that is refused twice: at
 * compile time (a duplicate name demands a second argument nobody passes, so the call does not
 * type-check) and at run time with a thrown error.
 */
export function composeContract<const T extends readonly Topic[]>(
  topics: T,
  ..._noDuplicates: [DuplicateNames<T>] extends [never] ? [] : [duplicateMethodName: DuplicateNames<T>]
): Merged<T> {
  const joined: Record<string, MethodSpec<z.ZodType, unknown>> = {};
  for (const topic of topics) {
    for (const [name, spec] of Object.entries(topic)) {
      if (Object.hasOwn(joined, name)) throw new Error(`Two contract topics define the method "${name}".`);
      joined[name] = spec;
    }
  }
  return Object.freeze(joined) as Merged<T>;
}
