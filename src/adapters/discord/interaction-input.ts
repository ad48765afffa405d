/**
 * From a slash command interaction back to what the core understands: the command id and the
 * options by the names the definitions use. Values pass as Discord typed them (integers as
 * numbers, choices as their value, lists as the typed string, users as the user id); the core
 * validates them, so an option of an unexpected type (a registration older than the bot) gets
 * the core's translated "must be a whole number" rather than an error here.
 */
import { ApplicationCommandOptionType, type CommandInteractionOption } from 'discord.js';
import { commands } from '../../../commands/index.ts';

/** The words of an invoked command: `/town coordinator add` → ['town', 'coordinator', 'add']. */
export function commandPath(
  commandName: string,
  subcommandGroup: string | null | undefined,
  subcommand: string | null | undefined,
): string[] {
  return [commandName, subcommandGroup, subcommand].filter(
    (word): word is string => typeof word === 'string' && word !== '',
  );
}

/**
 * The command to ask the bus for: its id when the bot knows it (`event.create`), otherwise the
 * words as typed, so the core's "I do not know the command “event archive”" reads naturally.
 */
export function commandRequestName(path: readonly string[]): string {
  const id = path.join('.');
  return Object.hasOwn(commands, id) ? id : path.join(' ');
}

function leaves(data: readonly CommandInteractionOption[]): readonly CommandInteractionOption[] {
  const [first] = data;
  if (
    data.length === 1 &&
    first &&
    (first.type === ApplicationCommandOptionType.Subcommand ||
      first.type === ApplicationCommandOptionType.SubcommandGroup)
  ) {
    return leaves(first.options ?? []);
  }
  return data;
}

/** The options of the invoked (sub)command, name → value; the option being typed is left out. */
export function commandOptions(data: readonly CommandInteractionOption[]): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const option of leaves(data)) {
    if (option.focused || option.value === undefined || option.value === null) continue;
    options[option.name] = option.value;
  }
  return options;
}
