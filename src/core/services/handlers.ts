/** All command handlers, keyed by command id: the compiler checks none is missing. */
import type { CommandHandlers } from '../commands/command-bus.ts';
import { announceHandlers } from './announce-commands.ts';
import { exchangeHandlers } from './exchange-commands.ts';
import { partnerHandlers } from './partner-commands.ts';
import { profileHandlers } from './profile-commands.ts';
import { townHandlers } from './town-commands.ts';

export const commandHandlers: CommandHandlers = {
  ...townHandlers,
  ...partnerHandlers,
  ...exchangeHandlers,
  ...announceHandlers,
  ...profileHandlers,
};
