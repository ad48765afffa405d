/**
 * A command definition paired with the handler that runs it. The pairing is by object, not by
 * string id, so "go to definition" on a route leads to the handler, and the compiler holds the
 * handler's declared arguments to exactly what the definition's options yield.
 */
import type { CommandContext } from './command-bus.ts';
import type { CommandArgs, CommandDefinition, OptionSpecs } from './definition.ts';
import type { Reply } from './invocation.ts';

export interface CommandRoute {
  readonly definition: CommandDefinition;
  readonly handler: (ctx: CommandContext, args: Record<string, unknown>) => Promise<Reply>;
}

type Flat<T> = { [K in keyof T]: T[K] };
/** True when A and B are the same type, optional properties and all (plain assignability is not enough). */
type Same<A, B> =
  (<T>() => T extends Flat<A> ? 1 : 2) extends <T>() => T extends Flat<B> ? 1 : 2 ? true : false;

/** A handler taking only the context fits a command without options; otherwise the types must match. */
type ArgsMatch<Declared, Defined> = unknown extends Declared
  ? keyof Defined extends never
    ? true
    : false
  : Same<Declared, Defined>;

/**
 * Pairs a definition with its handler. A handler whose argument type differs from the options
 * (a missing, extra, optional-vs-required or differently typed field) does not compile: the
 * call then asks for a third argument showing both types.
 */
export function route<const O extends OptionSpecs, Declared>(
  definition: CommandDefinition<O>,
  handler: (ctx: CommandContext, args: Declared) => Promise<Reply>,
  ..._argsMismatch: ArgsMatch<Declared, CommandArgs<O>> extends true
    ? []
    : [mismatch: { handlerArgs: Declared; definitionArgs: Flat<CommandArgs<O>> }]
): CommandRoute {
  return {
    definition,
    handler: handler as (ctx: CommandContext, args: Record<string, unknown>) => Promise<Reply>,
  };
}
