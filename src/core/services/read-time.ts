/** Times people type, read in a zone, with refusals that name the option at fault. */
import type { CommandContext } from '../commands/command-bus.ts';
import { UserError } from '../errors.ts';
import { parseWhen, type TimeError } from '../time/index.ts';

function timeErrorToUserError(option: string, error: TimeError): UserError {
  switch (error.code) {
    case 'time.unparseable':
      return new UserError('time.unparseable', { option, input: error.input });
    case 'time.nonexistent':
      return new UserError('time.nonexistent', { option, local: error.local, zone: error.zone });
    case 'time.ambiguous':
      return new UserError('time.ambiguous', { option, local: error.local, zone: error.zone });
    case 'time.unknown-zone':
      return new UserError('time.unknown-zone', { zone: error.zone });
  }
}

/** Reads a time the person typed, in their town's zone. */
export function readTime(ctx: CommandContext, option: string, input: string, zone: string): Date {
  const result = parseWhen(input, { zone, now: ctx.now, locale: ctx.phraseLocale });
  if (!result.ok) throw timeErrorToUserError(option, result.error);
  return result.instant;
}
