import type { MethodName, MethodOutput, ParsedInput } from '../../../shared/api/contract';

/** An implementation of the contract: one function per method, taking already-validated input. */
export type ServiceImpl = {
  [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};
