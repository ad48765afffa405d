/**
 * Application commands: bulk overwrite with Discord's validation
 * (developers/interactions/application-commands.mdx), and turning a test's
 * "user typed /twin join town:Lyon" into interaction options typed by the registered
 * definition, as the Discord client does.
 */

import type {
  APIApplicationCommand,
  APIApplicationCommandInteractionDataOption,
  APIApplicationCommandOption,
  APIInteractionDataResolved,
} from 'discord.js';
import type { Locale } from 'discord.js';
import { ApplicationCommandOptionType, ApplicationCommandType, ApplicationIntegrationType } from 'discord.js';

import { FormErrors } from './http-body.ts';
import { asObject } from './messages.ts';
import type { SnowflakeGenerator } from './snowflake.ts';
import type { ChannelRecord, DiscordState, GuildRecord } from './state.ts';
import { DISCORD_LOCALES } from './state.ts';

/** An option value as a test gives it. Plain values are typed from the registered command. */
export type OptionValue =
  | string
  | number
  | boolean
  | { readonly type: ApplicationCommandOptionType; readonly value: string | number | boolean };

export interface CommandPath {
  readonly name: string;
  readonly subcommandGroup?: string;
  readonly subcommand?: string;
  /** Option name -> value. Users, channels and roles may be given by id or name. */
  readonly options?: Readonly<Record<string, OptionValue>>;
}

export interface BuiltCommandData {
  readonly id: string;
  readonly name: string;
  readonly type: ApplicationCommandType.ChatInput;
  readonly guild_id?: string;
  readonly options?: APIApplicationCommandInteractionDataOption[];
  readonly resolved?: APIInteractionDataResolved;
}

const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const O = ApplicationCommandOptionType;

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

function commandType(input: Record<string, unknown>): ApplicationCommandType {
  return typeof input.type === 'number' ? input.type : ApplicationCommandType.ChatInput;
}

function checkName(value: unknown, path: (string | number)[], chatInput: boolean, errors: FormErrors): void {
  if (typeof value !== 'string' || value.length < 1 || value.length > 32) {
    errors.add(path, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.');
    return;
  }
  if (chatInput && (!NAME_PATTERN.test(value) || value !== value.toLowerCase())) {
    errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
}

function checkDescription(value: unknown, path: (string | number)[], errors: FormErrors): void {
  if (typeof value !== 'string' || value.length < 1 || value.length > 100) {
    errors.add(path, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  }
}

function checkLocalizations(
  value: unknown,
  path: (string | number)[],
  each: (text: unknown, at: (string | number)[]) => void,
  errors: FormErrors,
): void {
  const map = asObject(value);
  if (!map) return;
  for (const [locale, text] of Object.entries(map)) {
    if (!DISCORD_LOCALES.has(locale)) {
      errors.add([...path, locale], 'LOCALE_INVALID', `Invalid locale ${locale}`);
    } else each(text, [...path, locale]);
  }
}

/** Longest of a text and its localizations: what counts towards the 8000-character limit. */
function longest(text: unknown, localizations: unknown): number {
  const values = [text, ...Object.values(asObject(localizations) ?? {})];
  return Math.max(0, ...values.map((v) => (typeof v === 'string' ? v.length : 0)));
}

function validateCommand(
  input: Record<string, unknown>,
  path: (string | number)[],
  errors: FormErrors,
): void {
  const chatInput = commandType(input) === ApplicationCommandType.ChatInput;
  checkName(input.name, [...path, 'name'], chatInput, errors);
  checkLocalizations(
    input.name_localizations,
    [...path, 'name_localizations'],
    (t, at) => checkName(t, at, chatInput, errors),
    errors,
  );
  if (chatInput) {
    checkDescription(input.description, [...path, 'description'], errors);
    checkLocalizations(
      input.description_localizations,
      [...path, 'description_localizations'],
      (t, at) => checkDescription(t, at, errors),
      errors,
    );
    const size = {
      total:
        longest(input.name, input.name_localizations) +
        longest(input.description, input.description_localizations),
    };
    validateOptions(input.options, [...path, 'options'], 0, errors, size);
    if (size.total > 8000) {
      errors.add(path, 'APPLICATION_COMMAND_TOO_LARGE', 'Command exceeds maximum size (8000)');
    }
  } else if (input.options !== undefined) {
    errors.add(
      [...path, 'options'],
      'APPLICATION_COMMAND_OPTIONS_INVALID',
      'Only chat input commands take options',
    );
  }
}

function validateOptions(
  value: unknown,
  path: (string | number)[],
  depth: number,
  errors: FormErrors,
  size: { total: number },
): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    errors.add(path, 'BASE_TYPE_ARRAY', 'Must be an array.');
    return;
  }
  if (value.length > 25) errors.add(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const options = value.map((o) => asObject(o) ?? {});
  const isSub = (o: Record<string, unknown>) => {
    const type = optionType(o);
    return type === O.Subcommand || type === O.SubcommandGroup;
  };
  if (options.some(isSub) && !options.every(isSub)) {
    errors.add(path, INVALID_TYPE, 'Subcommands cannot be mixed with other options');
  }
  const names = new Set<string>();
  let optionalSeen = false;
  options.forEach((option, i) => {
    const at = [...path, i];
    checkName(option.name, [...at, 'name'], true, errors);
    checkLocalizations(
      option.name_localizations,
      [...at, 'name_localizations'],
      (t, p) => checkName(t, p, true, errors),
      errors,
    );
    checkDescription(option.description, [...at, 'description'], errors);
    checkLocalizations(
      option.description_localizations,
      [...at, 'description_localizations'],
      (t, p) => checkDescription(t, p, errors),
      errors,
    );
    size.total +=
      longest(option.name, option.name_localizations) +
      longest(option.description, option.description_localizations);
    if (typeof option.name === 'string') {
      if (names.has(option.name)) {
        errors.add(
          [...at, 'name'],
          'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
          'Option names must be unique',
        );
      }
      names.add(option.name);
    }
    const type = optionType(option);
    if (type === undefined) {
      errors.add(
        [...at, 'type'],
        'BASE_TYPE_CHOICES',
        'Value must be one of (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).',
      );
      return;
    }
    // Groups hold only subcommands; subcommands hold only plain options; depth is at most 2.
    if (type === O.SubcommandGroup && depth > 0) {
      errors.add([...at, 'type'], INVALID_TYPE, 'Subcommand groups must be top-level');
    }
    if (type === O.Subcommand && depth > 1) {
      errors.add([...at, 'type'], INVALID_TYPE, 'Subcommands cannot be nested this deep');
    }
    if (type === O.Subcommand || type === O.SubcommandGroup) {
      const children = Array.isArray(option.options) ? option.options.map((o) => asObject(o) ?? {}) : [];
      if (type === O.SubcommandGroup && !children.every((c) => optionType(c) === O.Subcommand)) {
        errors.add([...at, 'options'], INVALID_TYPE, 'Subcommand groups may only contain subcommands');
      }
      validateOptions(option.options, [...at, 'options'], depth + 1, errors, size);
      return;
    }
    if (option.required === true && optionalSeen) {
      errors.add(
        [...at, 'required'],
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    }
    if (option.required !== true) optionalSeen = true;
    for (const key of ['min_length', 'max_length'] as const) {
      const limit = option[key];
      if (limit !== undefined && (typeof limit !== 'number' || limit < 0 || limit > 6000)) {
        errors.add([...at, key], 'NUMBER_TYPE_MAX', 'Must be between 0 and 6000.');
      }
    }
    if (option.choices !== undefined) {
      const choices = Array.isArray(option.choices) ? option.choices : [];
      if (type !== O.String && type !== O.Integer && type !== O.Number) {
        errors.add(
          [...at, 'choices'],
          'APPLICATION_COMMAND_OPTIONS_CHOICES_INVALID',
          'Only string, integer and number options take choices',
        );
      }
      if (choices.length > 25) {
        errors.add([...at, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      }
      if (option.autocomplete === true && choices.length > 0) {
        errors.add(
          [...at, 'autocomplete'],
          'APPLICATION_COMMAND_AUTOCOMPLETE_INVALID',
          'Autocomplete cannot be set with choices',
        );
      }
      choices.forEach((c, j) => {
        const choice = asObject(c) ?? {};
        checkChoice(choice, [...at, 'choices', j], errors);
        size.total += longest(choice.name, choice.name_localizations) + String(choice.value).length;
      });
    }
  });
}

const INVALID_TYPE = 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID';

/** The option type when it is a known one. */
function optionType(option: Record<string, unknown>): ApplicationCommandOptionType | undefined {
  const type = option.type;
  // 1 (SUB_COMMAND) to 11 (ATTACHMENT) in application-commands.mdx.
  if (typeof type !== 'number' || !Number.isInteger(type) || type < 1 || type > 11) return undefined;
  return type;
}

/** Choice shape, shared by command definitions and autocomplete results. */
export function checkChoice(
  choice: Record<string, unknown>,
  path: (string | number)[],
  errors: FormErrors,
): void {
  if (typeof choice.name !== 'string' || choice.name.length < 1 || choice.name.length > 100) {
    errors.add([...path, 'name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  }
  if (typeof choice.value === 'string') {
    if (choice.value.length > 100) {
      errors.add([...path, 'value'], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
    }
  } else if (typeof choice.value !== 'number') {
    errors.add([...path, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
  }
}

/**
 * Builds `data` for a chat-input (or autocomplete) interaction. With a registered
 * definition, values are typed and checked as the Discord client would (unknown
 * options, choices, required options); mistakes throw in the test, not in the bot.
 */
export function buildCommandData(
  path: CommandPath,
  context: {
    readonly state: DiscordState;
    readonly commands: CommandStore;
    readonly guild: GuildRecord | null;
    readonly channel: ChannelRecord;
    readonly ids: SnowflakeGenerator;
    /** For autocomplete: the option being typed; its value is the partial text. */
    readonly focused?: string;
  },
): BuiltCommandData {
  const { state, guild } = context;
  const definition = context.commands.findChatInput(path.name, guild?.id ?? null);
  const resolved: Required<Pick<APIInteractionDataResolved, 'users' | 'members' | 'roles' | 'channels'>> = {
    users: {},
    members: {},
    roles: {},
    channels: {},
  };
  const where = `/${[path.name, path.subcommandGroup, path.subcommand].filter(Boolean).join(' ')}`;

  let defs: readonly APIApplicationCommandOption[] | undefined =
    definition?.options ?? (definition ? [] : undefined);
  const wrap: {
    type: ApplicationCommandOptionType.Subcommand | ApplicationCommandOptionType.SubcommandGroup;
    name: string;
  }[] = [];
  if (path.subcommandGroup !== undefined) {
    const group = defs?.find((o) => o.type === O.SubcommandGroup && o.name === path.subcommandGroup);
    if (defs && !group) {
      throw new Error(`Discord emulator: ${where}: no subcommand group ${path.subcommandGroup}`);
    }
    defs = group && 'options' in group ? (group.options ?? []) : defs && [];
    wrap.push({ type: O.SubcommandGroup, name: path.subcommandGroup });
  }
  if (path.subcommand !== undefined) {
    const sub = defs?.find((o) => o.type === O.Subcommand && o.name === path.subcommand);
    if (defs && !sub) throw new Error(`Discord emulator: ${where}: no subcommand ${path.subcommand}`);
    defs = sub && 'options' in sub ? (sub.options ?? []) : defs && [];
    wrap.push({ type: O.Subcommand, name: path.subcommand });
  } else if (defs?.some((o) => o.type === O.Subcommand || o.type === O.SubcommandGroup)) {
    throw new Error(`Discord emulator: ${where} needs a subcommand`);
  }

  const leaves: APIApplicationCommandInteractionDataOption[] = [];
  for (const [name, given] of Object.entries(path.options ?? {})) {
    const def = defs?.find((o) => o.name === name);
    if (defs && !def) throw new Error(`Discord emulator: ${where} has no option ${name}`);
    const type = typeof given === 'object' ? given.type : (def?.type ?? inferType(given));
    const raw = typeof given === 'object' ? given.value : given;
    const focused = context.focused === name;
    if (focused) {
      if (def && !('autocomplete' in def && def.autocomplete === true)) {
        throw new Error(`Discord emulator: ${where} option ${name} has no autocomplete`);
      }
      leaves.push({
        name,
        type,
        value: String(raw),
        focused: true,
      } as APIApplicationCommandInteractionDataOption);
      continue;
    }
    const value = resolveValue(type, raw, { state, guild, where: `${where} ${name}`, resolved });
    if (def && context.focused === undefined) checkAgainstDefinition(def, value, `${where} ${name}`);
    leaves.push({ name, type, value } as APIApplicationCommandInteractionDataOption);
  }
  if (defs && context.focused === undefined) {
    for (const def of defs) {
      if ('required' in def && def.required === true && !(def.name in (path.options ?? {}))) {
        throw new Error(`Discord emulator: ${where} is missing required option ${def.name}`);
      }
    }
  }
  if (context.focused !== undefined && !leaves.some((o) => 'focused' in o && o.focused === true)) {
    throw new Error(
      `Discord emulator: autocomplete for ${where}: give a value for focused option ${context.focused}`,
    );
  }

  let options: APIApplicationCommandInteractionDataOption[] = leaves;
  for (const level of [...wrap].reverse()) {
    options = [{ type: level.type, name: level.name, options } as APIApplicationCommandInteractionDataOption];
  }
  return {
    id: definition?.id ?? context.ids.next(),
    name: path.name,
    type: ApplicationCommandType.ChatInput,
    ...(definition?.guild_id === undefined ? {} : { guild_id: definition.guild_id }),
    ...(options.length > 0 ? { options } : {}),
    ...(Object.values(resolved).some((found) => Object.keys(found).length > 0)
      ? { resolved: pruneResolved(resolved) }
      : {}),
  };
}

function inferType(value: string | number | boolean): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return O.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? O.Integer : O.Number;
  return O.String;
}

function resolveValue(
  type: ApplicationCommandOptionType,
  raw: string | number | boolean,
  ctx: {
    state: DiscordState;
    guild: GuildRecord | null;
    where: string;
    resolved: Required<Pick<APIInteractionDataResolved, 'users' | 'members' | 'roles' | 'channels'>>;
  },
): string | number | boolean {
  const { state, guild, where, resolved } = ctx;
  const fail = (what: string) => new Error(`Discord emulator: ${where}: ${what}`);
  const addUser = (ref: string): string | undefined => {
    const user = state.findUser(ref);
    if (!user) return undefined;
    resolved.users[user.id] = state.apiUser(user);
    if (guild?.members.has(user.id)) {
      const { user: _user, deaf: _deaf, mute: _mute, ...member } = state.apiMember(guild, user.id);
      resolved.members[user.id] = { ...member, permissions: state.permissions(guild, user.id).toString() };
    }
    return user.id;
  };
  const addRole = (ref: string): string | undefined => {
    const role = guild?.roleIds
      .map((id) => state.roles.get(id))
      .find((r) => r?.id === ref || r?.name === ref);
    if (!role) return undefined;
    resolved.roles[role.id] = state.apiRole(role);
    return role.id;
  };
  const addChannel = (ref: string): string | undefined => {
    const channel = state.findChannel(ref, guild?.id);
    if (!channel) return undefined;
    const api = state.apiChannel(channel);
    resolved.channels[channel.id] = {
      id: channel.id,
      type: api.type,
      name: channel.name,
      permissions: guild ? state.permissions(guild, state.bot.id, channel).toString() : '0',
      ...(channel.parentId === null ? {} : { parent_id: channel.parentId }),
    };
    return channel.id;
  };
  switch (type) {
    case O.String:
      if (typeof raw !== 'string') throw fail('expects a string');
      // Mentions typed into a string option come resolved too, as far as Discord knows them.
      for (const [, kind, id = ''] of raw.matchAll(/<(@!?|@&|#)(\d+)>/g)) {
        if (kind === '#') addChannel(id);
        else if (kind === '@&') addRole(id);
        else addUser(id);
      }
      return raw;
    case O.Integer:
      if (typeof raw !== 'number' || !Number.isInteger(raw)) throw fail('expects an integer');
      return raw;
    case O.Number:
      if (typeof raw !== 'number') throw fail('expects a number');
      return raw;
    case O.Boolean:
      if (typeof raw !== 'boolean') throw fail('expects a boolean');
      return raw;
    case O.User: {
      const id = addUser(String(raw));
      if (id === undefined) throw fail(`unknown user ${String(raw)}`);
      return id;
    }
    case O.Role: {
      const id = addRole(String(raw));
      if (id === undefined) throw fail(`unknown role ${String(raw)}`);
      return id;
    }
    case O.Mentionable: {
      const id = addUser(String(raw)) ?? addRole(String(raw));
      if (id === undefined) throw fail(`unknown user or role ${String(raw)}`);
      return id;
    }
    case O.Channel: {
      const id = addChannel(String(raw));
      if (id === undefined) throw fail(`unknown channel ${String(raw)}`);
      return id;
    }
    case O.Subcommand:
    case O.SubcommandGroup:
    case O.Attachment:
      throw fail(`option type ${type} cannot be given as a value here`);
  }
}

function checkAgainstDefinition(
  def: APIApplicationCommandOption,
  value: string | number | boolean,
  where: string,
): void {
  const fail = (what: string) =>
    new Error(`Discord emulator: ${where}: ${what} (the Discord client would not send this)`);
  if ('choices' in def && def.choices && def.choices.length > 0) {
    if (!def.choices.some((c) => c.value === value)) throw fail(`${String(value)} is not one of the choices`);
  }
  if (typeof value === 'string') {
    if ('min_length' in def && def.min_length !== undefined && value.length < def.min_length) {
      throw fail('too short');
    }
    if ('max_length' in def && def.max_length !== undefined && value.length > def.max_length) {
      throw fail('too long');
    }
  }
  if (typeof value === 'number') {
    if ('min_value' in def && def.min_value !== undefined && value < def.min_value) {
      throw fail('below min_value');
    }
    if ('max_value' in def && def.max_value !== undefined && value > def.max_value) {
      throw fail('above max_value');
    }
  }
}

function pruneResolved(
  resolved: Required<Pick<APIInteractionDataResolved, 'users' | 'members' | 'roles' | 'channels'>>,
): APIInteractionDataResolved {
  const out: APIInteractionDataResolved = {};
  if (Object.keys(resolved.users).length > 0) out.users = resolved.users;
  if (Object.keys(resolved.members).length > 0) out.members = resolved.members;
  if (Object.keys(resolved.roles).length > 0) out.roles = resolved.roles;
  if (Object.keys(resolved.channels).length > 0) out.channels = resolved.channels;
  return out;
}
