// Raw Discord payloads the fake connection hands discord.js: the fake server and people, interactions, GUILD_CREATE, bot messages.
import type { InteractionType } from 'discord.js';
import {
  ApplicationCommandOptionType,
  ChannelType,
  Locale,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIMessage,
  type APIUser,
} from 'discord.js';

export const APPLICATION_ID = '1000000000000000001';
export const BOT_USER: APIUser = {
  id: APPLICATION_ID,
  username: 'twinbridge',
  discriminator: '0',
  global_name: 'Twinbridge',
  avatar: null,
  bot: true,
};

/** View Channel 1024 + Send Messages 2048 + Embed Links 16384, the invite's permissions. */
export const POSTING_PERMISSIONS = 1024n | 2048n | 16384n;

export interface FakeGuild {
  id: string;
  name: string;
  channels: { id: string; name: string; type?: ChannelType.GuildText | ChannelType.PublicThread }[];
}

export const PASSAU: FakeGuild = {
  id: '2000000000000000001',
  name: 'Passau',
  channels: [
    { id: '2100000000000000001', name: 'partnerstadt' },
    { id: '2100000000000000002', name: 'visit-2027', type: ChannelType.PublicThread },
  ],
};

export const MAX: APIUser = {
  id: '3000000000000000001',
  username: 'max',
  discriminator: '0',
  global_name: 'Max',
  avatar: null,
};

/** Where an interaction happens: a guild channel (default PASSAU's first), or a direct message. */
export interface Where {
  guild?: FakeGuild | null;
  channelId?: string;
  user?: APIUser;
  locale?: Locale;
  /** The bot's permissions in the channel; default POSTING_PERMISSIONS. */
  appPermissions?: bigint;
  /** The member's server nickname. */
  nick?: string;
  /** The member's permissions in the channel; default none (a plain member). */
  memberPermissions?: bigint;
}

export interface CommandInput extends Where {
  name: string;
  group?: string;
  subcommand?: string;
  /** Option values; numbers are sent as integers, strings as strings, booleans as booleans. */
  options?: Record<string, string | number | boolean>;
  /** Options exactly as Discord sends them (instead of `options`). */
  rawOptions?: APIApplicationCommandInteractionDataBasicOption[];
}

export interface ClickInput extends Where {
  customId: string;
  /** The message the button is on; default a card posted by the bot in the channel. */
  message?: Partial<APIMessage>;
}

/** The fields every interaction payload has, for a guild channel or a direct message. */
export function interactionBase(where: Where, type: InteractionType, nextId: () => string) {
  const guild = where.guild === undefined ? PASSAU : where.guild;
  const user = where.user ?? MAX;
  const channel = guild?.channels.find((c) => c.id === where.channelId) ?? guild?.channels[0];
  const locale = where.locale ?? Locale.German;
  const common = {
    id: nextId(),
    application_id: APPLICATION_ID,
    type,
    token: `fake-token-${nextId()}`,
    version: 1,
    locale,
    entitlements: [],
    attachment_size_limit: 10_485_760,
    app_permissions: String(where.appPermissions ?? POSTING_PERMISSIONS),
  };
  if (!guild || !channel) {
    const dm = { id: nextId(), type: ChannelType.DM, recipients: [user] };
    return {
      ...common,
      channel: dm,
      channel_id: dm.id,
      user,
      context: 1,
      authorizing_integration_owners: {},
    };
  }
  return {
    ...common,
    channel: {
      id: channel.id,
      type: channel.type ?? ChannelType.GuildText,
      name: channel.name,
      guild_id: guild.id,
    },
    channel_id: channel.id,
    guild_id: guild.id,
    guild_locale: Locale.German,
    guild: { id: guild.id, locale: Locale.German, features: [] },
    member: {
      user,
      nick: where.nick ?? null,
      roles: [],
      joined_at: '2026-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      permissions: String(where.memberPermissions ?? 0n),
    },
    context: 0,
    authorizing_integration_owners: { 0: guild.id },
  };
}

/** A message as Discord returns it for a post by the bot. */
export function botMessage(body: Record<string, unknown>, channelId: string, id: string): APIMessage {
  return {
    id: id,
    channel_id: channelId,
    type: 0,
    author: BOT_USER,
    content: typeof body['content'] === 'string' ? body['content'] : '',
    timestamp: '2026-11-23T10:00:00.000Z',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: Array.isArray(body['embeds']) ? (body['embeds'] as APIMessage['embeds']) : [],
    components: Array.isArray(body['components']) ? (body['components'] as APIMessage['components']) : [],
    pinned: false,
    flags: typeof body['flags'] === 'number' ? body['flags'] : 0,
  };
}

/** A fake guild as GUILD_CREATE carries it. */
export function rawGuild(guild: FakeGuild) {
  return {
    id: guild.id,
    name: guild.name,
    preferred_locale: Locale.German,
    features: [],
    roles: [],
    emojis: [],
    members: [],
    channels: guild.channels
      .filter((c) => c.type !== ChannelType.PublicThread)
      .map((c) => ({ id: c.id, type: ChannelType.GuildText, name: c.name, guild_id: guild.id })),
    threads: guild.channels
      .filter((c) => c.type === ChannelType.PublicThread)
      .map((c) => ({
        id: c.id,
        type: ChannelType.PublicThread,
        name: c.name,
        guild_id: guild.id,
        parent_id: guild.channels[0]?.id,
        thread_metadata: {
          archived: false,
          auto_archive_duration: 1440,
          archive_timestamp: '2026-01-01T00:00:00Z',
          locked: false,
        },
      })),
  };
}

/** Options typed by their value: numbers as integers, strings as strings, booleans as booleans. */
export function typedOptions(
  options: Record<string, string | number | boolean>,
): APIApplicationCommandInteractionDataBasicOption[] {
  return Object.entries(options).map(([name, value]) => {
    if (typeof value === 'number') return { name, type: ApplicationCommandOptionType.Integer, value };
    if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
    return { name, type: ApplicationCommandOptionType.String, value };
  });
}

/** The options as Discord nests them under a subcommand and a subcommand group. */
export function nest(
  leaves: APIApplicationCommandInteractionDataBasicOption[],
  group: string | undefined,
  subcommand: string | undefined,
): APIApplicationCommandInteractionDataOption[] {
  if (!subcommand) return leaves;
  const sub = { name: subcommand, type: ApplicationCommandOptionType.Subcommand as const, options: leaves };
  if (!group) return [sub];
  return [{ name: group, type: ApplicationCommandOptionType.SubcommandGroup, options: [sub] }];
}
