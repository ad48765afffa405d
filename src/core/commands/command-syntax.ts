/**
 * How commands are written where the member is, so that help, usage lines and suggestions show
 * what they can type: bare text on the console, text after the slash command on Slack
 * (`/twin event info event:<number>`), Discord's own slash commands (`/event info`).
 */
import type { Platform } from '../domain/model.ts';
import { commandUsage, type CommandDefinition, type UsagePlaceholders } from './definition.ts';
import { parseCommandText } from './text-syntax.ts';

/** Slack's slash command unless SLACK_COMMAND names another. */
export const DEFAULT_SLACK_COMMAND = '/twin';

export interface CommandSyntax {
  /** What comes before a command's path: '' (console), '/twin ' (Slack), '/' (Discord). */
  prefix: string;
  /** Discord's client asks for each option in a field of its own: nothing to write or quote. */
  slash: boolean;
}

export function commandSyntax(platform: Platform, slashCommand?: string): CommandSyntax {
  switch (platform) {
    case 'DISCORD':
      return { prefix: '/', slash: true };
    case 'SLACK':
      return { prefix: `${slashCommand ?? DEFAULT_SLACK_COMMAND} `, slash: false };
    case 'CONSOLE':
      return { prefix: '', slash: false };
  }
}

/** A command line (`help event create`) as it is typed there. */
export function writtenAs(syntax: CommandSyntax, line: string): string {
  return `${syntax.prefix}${line}`;
}

/** A command's usage line as it is typed there, its placeholders in the reader's words. */
export function usageAs(
  syntax: CommandSyntax,
  definition: CommandDefinition,
  placeholders?: UsagePlaceholders,
): string {
  return writtenAs(syntax, commandUsage(definition, placeholders));
}

/**
 * An example (written in the text syntax) as it is typed there. On Discord each option is a
 * field: values lose their quotes, and bare words become the option they fill
 * (`channel relay partnership:1 on` → `/channel relay partnership:1 relay:on`).
 */
export function exampleAs(
  syntax: CommandSyntax,
  example: string,
  definitions: readonly CommandDefinition[],
): string {
  if (!syntax.slash) return writtenAs(syntax, example);
  const parsed = parseCommandText(example, definitions);
  if (!parsed.ok) return writtenAs(syntax, example);
  const options = Object.entries(parsed.value.options).map(([name, value]) => `${name}:${value}`);
  return writtenAs(syntax, [...parsed.value.definition.path, ...options].join(' '));
}
