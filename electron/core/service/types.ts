import type { MethodName, MethodOutput, ParsedInput } from '../../../shared/api/contract';
import type { Caller } from '../../../shared/api/roles';

type Args<M extends MethodName> = undefined extends ParsedInput<M> ? [input?: ParsedInput<M>] : [input: ParsedInput<M>];

/**
 * An implementation of the contract: one function per method, taking already-validated input and
 * the caller `dispatch` checked. Most methods ignore the caller; those that answer per device (the
 * kiosk's rate limit and lookups) read it. In-process code (the CLI, tests) may leave it out.
 */
export type ServiceImpl = {
  [M in MethodName]: (...args: [...Args<M>, caller?: Caller]) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/** The part of the contract one topic implements (see service.ts, which joins the topics). */
export type TopicImpl<K extends MethodName> = Pick<ServiceImpl, K>;
