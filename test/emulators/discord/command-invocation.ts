// Command invocations: a test's "/twin join town:Lyon" turned into interaction data typed by the registered definition.

import type {
  APIApplicationCommandInteractionDataOption,
  APIApplicationCommandOption,
  APIInteractionDataResolved,
} from 'discord.js';
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';

import type { CommandStore } from './commands.ts';
import type { SnowflakeGenerator } from './snowflake.ts';
import type { ChannelRecord, DiscordState, GuildRecord } from './state.ts';

const O = ApplicationCommandOptionType;

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
