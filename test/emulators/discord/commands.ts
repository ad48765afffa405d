/**
 * Application commands: the registered list per guild and global, with bulk overwrite and
 * upsert checked by Discord's validation (command-validation.ts;
 * developers/interactions/application-commands.mdx). Turning a test's invocation into
 * interaction options is in command-invocation.ts.
 */

import type { APIApplicationCommand, APIApplicationCommandOption } from 'discord.js';
import type { Locale } from 'discord.js';
import { ApplicationCommandType, ApplicationIntegrationType } from 'discord.js';

import { commandType, validateCommand } from './command-validation.ts';
import { FormErrors } from './http-body.ts';
import { asObject } from './messages.ts';
import type { SnowflakeGenerator } from './snowflake.ts';

export type { BuiltCommandData, CommandPath, OptionValue } from './command-invocation.ts';
export { buildCommandData } from './command-invocation.ts';
export { checkChoice } from './command-validation.ts';

export class CommandStore {
  readonly #global: APIApplicationCommand[] = [];
  readonly #guild = new Map<string, APIApplicationCommand[]>();

  constructor(
    private readonly ids: SnowflakeGenerator,
    private readonly applicationId: string,
  ) {}

  list(guildId: string | null): APIApplicationCommand[] {
    return guildId === null ? this.#global : (this.#guild.get(guildId) ?? []);
  }

  /** `PUT .../commands`: replaces the whole list; commands keeping their name and type keep their id. */
  overwrite(guildId: string | null, body: unknown): APIApplicationCommand[] {
    const errors = new FormErrors();
    if (!Array.isArray(body)) {
      errors.add([], 'BASE_TYPE_ARRAY', 'Must be an array.');
      errors.throwIfAny();
      return [];
    }
    const inputs = body.map((raw) => asObject(raw) ?? {});
    inputs.forEach((input, i) => validateCommand(input, [i], errors));
    const seen = new Set<string>();
    inputs.forEach((input, i) => {
      const key = `${commandType(input)}:${String(input.name)}`;
      if (seen.has(key)) {
        errors.add(
          [i, 'name'],
          'APPLICATION_COMMANDS_DUPLICATE_NAME',
          'Application command names must be unique',
        );
      }
      seen.add(key);
    });
    const chatInput = inputs.filter((c) => commandType(c) === ApplicationCommandType.ChatInput).length;
    if (chatInput > 100) errors.add([], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
    errors.throwIfAny();

    const previous = this.list(guildId);
    const stored = inputs.map((input) => {
      const type = commandType(input);
      const prior = previous.find((c) => c.name === input.name && c.type === type);
      return this.#store(input, type, guildId, prior?.id);
    });
    if (guildId === null) this.#global.splice(0, this.#global.length, ...stored);
    else this.#guild.set(guildId, stored);
    return stored;
  }

  /** `POST .../commands`: creates, or replaces the command of the same name and type. */
  upsert(guildId: string | null, body: unknown): { command: APIApplicationCommand; created: boolean } {
    const input = asObject(body) ?? {};
    const errors = new FormErrors();
    validateCommand(input, [], errors);
    errors.throwIfAny();
    const type = commandType(input);
    const list = guildId === null ? this.#global : (this.#guild.get(guildId) ?? []);
    const index = list.findIndex((c) => c.name === input.name && c.type === type);
    const command = this.#store(input, type, guildId, index === -1 ? undefined : list[index]?.id);
    if (index === -1) list.push(command);
    else list[index] = command;
    if (guildId !== null) this.#guild.set(guildId, list);
    return { command, created: index === -1 };
  }

  remove(guildId: string | null, commandId: string): boolean {
    const list = this.list(guildId);
    const index = list.findIndex((c) => c.id === commandId);
    if (index === -1) return false;
    list.splice(index, 1);
    return true;
  }

  /** The chat-input command a user in this guild would invoke: guild commands shadow global ones. */
  findChatInput(name: string, guildId: string | null): APIApplicationCommand | undefined {
    const isIt = (c: APIApplicationCommand) => c.name === name && c.type === ApplicationCommandType.ChatInput;
    return (guildId === null ? undefined : this.#guild.get(guildId)?.find(isIt)) ?? this.#global.find(isIt);
  }

  #store(
    input: Record<string, unknown>,
    type: ApplicationCommandType,
    guildId: string | null,
    id: string | undefined,
  ): APIApplicationCommand {
    const permissions = input.default_member_permissions;
    return {
      id: id ?? this.ids.next(),
      application_id: this.applicationId,
      ...(guildId === null ? {} : { guild_id: guildId }),
      version: this.ids.next(),
      type,
      name: String(input.name),
      name_localizations: localizations(input.name_localizations),
      description: typeof input.description === 'string' ? input.description : '',
      description_localizations: localizations(input.description_localizations),
      ...(Array.isArray(input.options) ? { options: input.options as APIApplicationCommandOption[] } : {}),
      default_member_permissions: typeof permissions === 'string' ? permissions : null,
      nsfw: input.nsfw === true,
      integration_types: Array.isArray(input.integration_types)
        ? (input.integration_types as ApplicationIntegrationType[])
        : [ApplicationIntegrationType.GuildInstall],
      contexts: Array.isArray(input.contexts) ? (input.contexts as APIApplicationCommand['contexts']) : null,
    };
  }
}

function localizations(value: unknown): Partial<Record<Locale, string>> | null {
  return (asObject(value) as Partial<Record<Locale, string>> | undefined) ?? null;
}
