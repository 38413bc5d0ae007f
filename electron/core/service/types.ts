import type { MethodName, MethodOutput, ParsedInput } from '../../../shared/api/contract';

type Args<M extends MethodName> = undefined extends ParsedInput<M> ? [input?: ParsedInput<M>] : [input: ParsedInput<M>];

/** An implementation of the contract: one function per method, taking already-validated input. */
export type ServiceImpl = {
  [M in MethodName]: (...args: Args<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/** The part of the contract one topic implements (see service.ts, which joins the topics). */
export type TopicImpl<K extends MethodName> = Pick<ServiceImpl, K>;
