/**
 * The emulated world: users, guilds with roles, channels and members, DM channels,
 * and how they render as Discord API objects (developers/resources/*.mdx).
 */

import type {
  APIChannel,
  APIGuildMember,
  APIInteractionGuildMember,
  APIOverwrite,
  APIRole,
  APIUser,
  GatewayGuildCreateDispatchData,
  GuildMemberFlags,
  RoleFlags,
} from 'discord.js';
import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  OverwriteType,
  PermissionFlagsBits,
} from 'discord.js';

import type { SnowflakeGenerator } from './snowflake.ts';
import { discordTimestamp } from './snowflake.ts';

export interface UserInput {
  readonly id?: string;
  readonly username: string;
  readonly globalName?: string;
  /** Avatar hash, as `author.avatar` carries it. Default none. */
  readonly avatar?: string;
  /** Client language sent as the interaction `locale`. Default `en-US`. */
  readonly locale?: string;
  /** The user blocks DMs from the bot: posting in their DM answers 403 code 50007. */
  readonly dmsClosed?: boolean;
}

export interface MemberInput extends UserInput {
  /** Role names or ids of this guild. */
  readonly roles?: readonly string[];
  readonly nick?: string;
}

export interface RoleInput {
  readonly id?: string;
  readonly name: string;
  /** Permission bits; default none beyond @everyone. */
  readonly permissions?: bigint;
}

/** What the bot may do in a channel; rendered as a member permission overwrite. */
export type ChannelAccess = 'full' | 'read-only' | 'no-access';

/** `thread`: a public thread; its `parent` is the text channel it belongs to. */
export type ChannelKind = 'text' | 'announcement' | 'voice' | 'category' | 'thread';

export interface ChannelInput {
  readonly id?: string;
  readonly name: string;
  /** Default `text`. */
  readonly kind?: ChannelKind;
  readonly topic?: string;
  /** Category name or id. */
  readonly parent?: string;
  /** Default `full`. `read-only` makes posts answer 403 50013; `no-access` 403 50001. */
  readonly access?: ChannelAccess;
}

export interface GuildInput {
  readonly id?: string;
  readonly name?: string;
  /** Sent as the interaction `guild_locale`. Default `en-US`. */
  readonly preferredLocale?: string;
  readonly channels?: readonly ChannelInput[];
  readonly roles?: readonly RoleInput[];
  /** Human members; the bot is always a member too. */
  readonly members?: readonly MemberInput[];
  /** Username of the owner; default the first member. */
  readonly owner?: string;
  /** @everyone permissions. Default: view, send, read history, embed, attach, react, use commands. */
  readonly everyonePermissions?: bigint;
  /** Permissions of the bot's managed role. Default: the usual bot invite set. */
  readonly botPermissions?: bigint;
}

export interface UserRecord {
  readonly id: string;
  readonly username: string;
  readonly globalName: string | null;
  readonly avatar?: string | null;
  readonly locale: string;
  dmsClosed: boolean;
  readonly bot: boolean;
}

export interface RoleRecord {
  readonly id: string;
  readonly name: string;
  permissions: bigint;
  readonly position: number;
  readonly managed: boolean;
}

export interface ChannelRecord {
  readonly id: string;
  readonly type: ChannelType;
  readonly name: string | null;
  readonly guildId: string | null;
  readonly topic: string | null;
  readonly parentId: string | null;
  readonly position: number;
  access: ChannelAccess;
  /** For DM channels: the human on the other side. */
  readonly recipientId: string | null;
  lastMessageId: string | null;
  /** For threads: who started it (default the bot). */
  readonly ownerId?: string;
}

export interface MemberRecord {
  readonly userId: string;
  readonly roleIds: string[];
  readonly nick: string | null;
  readonly joinedAt: string;
}

export interface GuildRecord {
  readonly id: string;
  readonly name: string;
  readonly preferredLocale: string;
  readonly ownerId: string;
  /** @everyone first (its id is the guild id), then configured roles, then the bot role. */
  readonly roleIds: string[];
  readonly channelIds: string[];
  readonly members: Map<string, MemberRecord>;
  readonly botRoleId: string;
  readonly joinedAt: string;
  /** Permissions taken from the bot in every channel (a member overwrite), whatever its roles give. */
  botDenied: bigint;
}

const P = PermissionFlagsBits;

/** Flag enums have no zero member; an empty bitfield is still valid on the wire. */
const NO_FLAGS = 0;

export const DEFAULT_EVERYONE_PERMISSIONS =
  P.ViewChannel |
  P.SendMessages |
  P.ReadMessageHistory |
  P.EmbedLinks |
  P.AttachFiles |
  P.AddReactions |
  P.UseApplicationCommands |
  P.CreateInstantInvite |
  P.ChangeNickname |
  P.Connect |
  P.Speak;

export const DEFAULT_BOT_PERMISSIONS =
  P.ViewChannel |
  P.SendMessages |
  P.SendMessagesInThreads |
  P.EmbedLinks |
  P.AttachFiles |
  P.ReadMessageHistory |
  P.AddReactions |
  P.UseExternalEmojis |
  P.ManageMessages;

const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

const CHANNEL_TYPES: Record<ChannelKind, ChannelType> = {
  text: ChannelType.GuildText,
  announcement: ChannelType.GuildAnnouncement,
  voice: ChannelType.GuildVoice,
  category: ChannelType.GuildCategory,
  thread: ChannelType.PublicThread,
};

export const DEFAULT_GUILD: GuildInput = {
  name: 'Twin Town',
  channels: [{ name: 'general' }, { name: 'announcements', kind: 'announcement' }],
  members: [
    { username: 'alice', globalName: 'Alice' },
    { username: 'bruno', globalName: 'Bruno', locale: 'fr' },
  ],
};

/** Locales Discord accepts (developers/reference.mdx#locales). */
export const DISCORD_LOCALES: ReadonlySet<string> = new Set(Object.values(Locale));

export class DiscordState {
  readonly users = new Map<string, UserRecord>();
  readonly guilds = new Map<string, GuildRecord>();
  readonly roles = new Map<string, RoleRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly bot: UserRecord;

  constructor(
    private readonly ids: SnowflakeGenerator,
    bot: { id?: string; username?: string },
    guilds: readonly GuildInput[],
    users: readonly UserInput[],
  ) {
    this.bot = {
      id: bot.id ?? ids.next(),
      username: bot.username ?? 'Twinbridge',
      globalName: null,
      locale: 'en-US',
      dmsClosed: false,
      bot: true,
    };
    this.users.set(this.bot.id, this.bot);
    for (const user of users) this.addUser(user);
    for (const guild of guilds) this.addGuild(guild);
  }

  addUser(input: UserInput): UserRecord {
    const existing = this.findUser(input.id ?? input.username);
    if (existing) return existing;
    const user: UserRecord = {
      id: input.id ?? this.ids.next(),
      username: input.username,
      globalName: input.globalName ?? null,
      avatar: input.avatar ?? null,
      locale: input.locale ?? 'en-US',
      dmsClosed: input.dmsClosed ?? false,
      bot: false,
    };
    this.users.set(user.id, user);
    return user;
  }

  addGuild(input: GuildInput): GuildRecord {
    const id = input.id ?? this.ids.next();
    const everyone: RoleRecord = {
      id,
      name: '@everyone',
      permissions: input.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS,
      position: 0,
      managed: false,
    };
    this.roles.set(id, everyone);
    const roleIds = [id];
    for (const role of input.roles ?? []) {
      const record: RoleRecord = {
        id: role.id ?? this.ids.next(),
        name: role.name,
        permissions: role.permissions ?? 0n,
        position: roleIds.length,
        managed: false,
      };
      this.roles.set(record.id, record);
      roleIds.push(record.id);
    }
    // The role Discord creates for a bot from its invite permissions.
    const botRole: RoleRecord = {
      id: this.ids.next(),
      name: this.bot.username,
      permissions: input.botPermissions ?? DEFAULT_BOT_PERMISSIONS,
      position: roleIds.length,
      managed: true,
    };
    this.roles.set(botRole.id, botRole);
    roleIds.push(botRole.id);

    const joinedAt = discordTimestamp();
    const members = new Map<string, MemberRecord>();
    for (const memberInput of input.members ?? []) {
      const user = this.addUser(memberInput);
      const memberRoles = (memberInput.roles ?? []).map((ref) => {
        const role = roleIds.map((r) => this.roles.get(r)).find((r) => r?.id === ref || r?.name === ref);
        if (!role) throw new Error(`Discord emulator: member ${user.username} has unknown role ${ref}`);
        return role.id;
      });
      members.set(user.id, {
        userId: user.id,
        roleIds: memberRoles,
        nick: memberInput.nick ?? null,
        joinedAt,
      });
    }
    members.set(this.bot.id, { userId: this.bot.id, roleIds: [botRole.id], nick: null, joinedAt });

    const ownerName = input.owner ?? input.members?.[0]?.username;
    const owner = ownerName === undefined ? undefined : this.findUser(ownerName);
    const guild: GuildRecord = {
      id,
      name: input.name ?? 'Twin Town',
      preferredLocale: input.preferredLocale ?? 'en-US',
      ownerId: owner?.id ?? this.bot.id,
      roleIds,
      channelIds: [],
      members,
      botRoleId: botRole.id,
      joinedAt,
      botDenied: 0n,
    };
    this.guilds.set(id, guild);

    const channels = input.channels ?? [{ name: 'general' }];
    // Categories first, so children can name them as parent.
    const ordered = [...channels].sort(
      (a, b) => Number(b.kind === 'category') - Number(a.kind === 'category'),
    );
    for (const channelInput of ordered) {
      const parent =
        channelInput.parent === undefined
          ? null
          : guild.channelIds
              .map((c) => this.channels.get(c))
              .find((c) => c?.id === channelInput.parent || c?.name === channelInput.parent);
      if (parent === undefined) {
        throw new Error(`Discord emulator: channel ${channelInput.name} has unknown parent`);
      }
      const channel: ChannelRecord = {
        id: channelInput.id ?? this.ids.next(),
        type: CHANNEL_TYPES[channelInput.kind ?? 'text'],
        name: channelInput.name,
        guildId: id,
        topic: channelInput.topic ?? null,
        parentId: parent?.id ?? null,
        position: channels.indexOf(channelInput),
        access: channelInput.access ?? 'full',
        recipientId: null,
        lastMessageId: null,
      };
      this.channels.set(channel.id, channel);
      guild.channelIds.push(channel.id);
    }
    return guild;
  }

  /** A user by id or username. */
  findUser(ref: string): UserRecord | undefined {
    const byId = this.users.get(ref);
    if (byId) return byId;
    for (const user of this.users.values()) if (user.username === ref) return user;
    return undefined;
  }

  requireUser(ref: string): UserRecord {
    const user = this.findUser(ref);
    if (!user) throw new Error(`Discord emulator: unknown user ${ref}`);
    return user;
  }

  /** A guild by id or name; without a reference, the first configured guild. */
  findGuild(ref?: string): GuildRecord | undefined {
    if (ref === undefined) return this.guilds.values().next().value;
    const byId = this.guilds.get(ref);
    if (byId) return byId;
    for (const guild of this.guilds.values()) if (guild.name === ref) return guild;
    return undefined;
  }

  requireGuild(ref?: string): GuildRecord {
    const guild = this.findGuild(ref);
    if (!guild) throw new Error(`Discord emulator: unknown guild ${ref ?? '(none configured)'}`);
    return guild;
  }

  /** A channel by id, or by name within a guild (default: the first guild). */
  findChannel(ref: string, guildRef?: string): ChannelRecord | undefined {
    const byId = this.channels.get(ref);
    if (byId) return byId;
    const guild = this.findGuild(guildRef);
    if (!guild) return undefined;
    const name = ref.replace(/^#/, '');
    return guild.channelIds.map((id) => this.channels.get(id)).find((c) => c?.name === name);
  }

  requireChannel(ref: string, guildRef?: string): ChannelRecord {
    const channel = this.findChannel(ref, guildRef);
    if (!channel) throw new Error(`Discord emulator: unknown channel ${ref}`);
    return channel;
  }

  /** The first text channel of a guild: where interactions come from by default. */
  defaultTextChannel(guild: GuildRecord): ChannelRecord {
    const channel = guild.channelIds
      .map((id) => this.channels.get(id))
      .find((c) => c?.type === ChannelType.GuildText || c?.type === ChannelType.GuildAnnouncement);
    if (!channel) throw new Error(`Discord emulator: guild ${guild.name} has no text channel`);
    return channel;
  }

  /** The first human member of a guild: who acts by default. */
  defaultMember(guild: GuildRecord): UserRecord {
    for (const member of guild.members.values()) {
      const user = this.users.get(member.userId);
      if (user && !user.bot) return user;
    }
    throw new Error(`Discord emulator: guild ${guild.name} has no human member`);
  }

  /** The bot's DM channel with a user, created on first use as `POST /users/@me/channels` does. */
  dmChannel(userId: string): ChannelRecord {
    for (const channel of this.channels.values()) {
      if (channel.type === ChannelType.DM && channel.recipientId === userId) return channel;
    }
    const channel: ChannelRecord = {
      id: this.ids.next(),
      type: ChannelType.DM,
      name: null,
      guildId: null,
      topic: null,
      parentId: null,
      position: 0,
      access: 'full',
      recipientId: userId,
      lastMessageId: null,
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** A public thread (type 11) under a text channel, as starting one on Discord creates it. */
  addThread(parent: ChannelRecord, input: { id?: string; name: string; ownerId: string }): ChannelRecord {
    if (parent.guildId === null || parent.type === ChannelType.PublicThread) {
      throw new Error(
        `Discord emulator: a thread needs a guild text channel, not ${parent.name ?? parent.id}`,
      );
    }
    const guild = this.guilds.get(parent.guildId);
    const thread: ChannelRecord = {
      id: input.id ?? this.ids.next(),
      type: ChannelType.PublicThread,
      name: input.name,
      guildId: parent.guildId,
      topic: null,
      parentId: parent.id,
      position: 0,
      access: parent.access,
      recipientId: null,
      lastMessageId: null,
      ownerId: input.ownerId,
    };
    this.channels.set(thread.id, thread);
    guild?.channelIds.push(thread.id);
    return thread;
  }

  /** Permissions of a member, in a channel when given (the channel's access applies to the bot). */
  permissions(guild: GuildRecord, userId: string, channel?: ChannelRecord): bigint {
    if (guild.ownerId === userId) return ALL_PERMISSIONS;
    const member = guild.members.get(userId);
    let bits = this.roles.get(guild.id)?.permissions ?? 0n;
    for (const roleId of member?.roleIds ?? []) bits |= this.roles.get(roleId)?.permissions ?? 0n;
    if (bits & P.Administrator) return ALL_PERMISSIONS;
    if (channel && userId === this.bot.id) bits &= ~this.accessDenied(channel) & ~guild.botDenied;
    return bits;
  }

  accessDenied(channel: ChannelRecord): bigint {
    if (channel.access === 'no-access') return P.ViewChannel;
    if (channel.access === 'read-only') return P.SendMessages | P.SendMessagesInThreads;
    return 0n;
  }

  apiUser(user: UserRecord): APIUser {
    return {
      id: user.id,
      username: user.username,
      discriminator: '0',
      global_name: user.globalName,
      avatar: user.avatar ?? null,
      ...(user.bot ? { bot: true } : {}),
    };
  }

  apiRole(role: RoleRecord): APIRole {
    return {
      id: role.id,
      name: role.name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: role.position,
      permissions: role.permissions.toString(),
      managed: role.managed,
      mentionable: false,
      flags: NO_FLAGS as RoleFlags,
      ...(role.managed ? { tags: { bot_id: this.bot.id } } : {}),
    };
  }

  apiMember(guild: GuildRecord, userId: string): APIGuildMember {
    const member = guild.members.get(userId);
    const user = this.users.get(userId);
    if (!member || !user) throw new Error(`Discord emulator: ${userId} is not a member of ${guild.name}`);
    return {
      user: this.apiUser(user),
      nick: member.nick,
      avatar: null,
      banner: null,
      roles: [...member.roleIds],
      joined_at: member.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: NO_FLAGS as GuildMemberFlags,
      pending: false,
      communication_disabled_until: null,
    };
  }

  /** Member as interactions carry it: with the invoker's permissions in that channel. */
  interactionMember(guild: GuildRecord, userId: string, channel: ChannelRecord): APIInteractionGuildMember {
    return {
      ...this.apiMember(guild, userId),
      permissions: this.permissions(guild, userId, channel).toString(),
    };
  }

  apiChannel(channel: ChannelRecord): APIChannel {
    if (channel.type === ChannelType.DM) {
      const recipient = channel.recipientId === null ? undefined : this.users.get(channel.recipientId);
      return {
        id: channel.id,
        type: ChannelType.DM,
        name: null,
        last_message_id: channel.lastMessageId,
        recipients: recipient ? [this.apiUser(recipient)] : [],
      };
    }
    const base = {
      id: channel.id,
      guild_id: channel.guildId ?? undefined,
      name: channel.name ?? '',
      position: channel.position,
      parent_id: channel.parentId,
      permission_overwrites: this.overwrites(channel),
      nsfw: false,
    };
    switch (channel.type) {
      case ChannelType.PublicThread: {
        // Threads have no overwrites of their own: permissions come from the parent channel.
        const { permission_overwrites: _none, ...thread } = base;
        return {
          ...thread,
          type: ChannelType.PublicThread,
          parent_id: channel.parentId ?? undefined,
          owner_id: channel.ownerId ?? this.bot.id,
          last_message_id: channel.lastMessageId,
          rate_limit_per_user: 0,
          message_count: 0,
          member_count: 0,
          thread_metadata: {
            archived: false,
            auto_archive_duration: 1440,
            archive_timestamp: new Date(0).toISOString(),
            locked: false,
          },
        };
      }
      case ChannelType.GuildCategory:
        return { ...base, type: ChannelType.GuildCategory, parent_id: null };
      case ChannelType.GuildVoice:
        return {
          ...base,
          type: ChannelType.GuildVoice,
          bitrate: 64000,
          user_limit: 0,
          rtc_region: null,
          last_message_id: channel.lastMessageId,
          rate_limit_per_user: 0,
        };
      case ChannelType.GuildAnnouncement:
        return {
          ...base,
          type: ChannelType.GuildAnnouncement,
          topic: channel.topic,
          last_message_id: channel.lastMessageId,
          default_auto_archive_duration: 1440,
        };
      default:
        return {
          ...base,
          type: ChannelType.GuildText,
          topic: channel.topic,
          last_message_id: channel.lastMessageId,
          rate_limit_per_user: 0,
          default_auto_archive_duration: 1440,
        };
    }
  }

  /** Channel access is expressed as a member overwrite, so discord.js computes the same permissions. */
  overwrites(channel: ChannelRecord): APIOverwrite[] {
    const guild = channel.guildId === null ? undefined : this.guilds.get(channel.guildId);
    const deny = this.accessDenied(channel) | (guild?.botDenied ?? 0n);
    if (deny === 0n) return [];
    return [{ id: this.bot.id, type: OverwriteType.Member, allow: '0', deny: deny.toString() }];
  }

  guildCreate(guild: GuildRecord): GatewayGuildCreateDispatchData {
    const channels = guild.channelIds.map((id) => this.channels.get(id)).filter((c) => c !== undefined);
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      icon_hash: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: guild.ownerId,
      region: 'deprecated',
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: GuildVerificationLevel.None,
      default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
      explicit_content_filter: GuildExplicitContentFilter.Disabled,
      roles: guild.roleIds.map((id) => this.roles.get(id)).flatMap((r) => (r ? [this.apiRole(r)] : [])),
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: GuildMFALevel.None,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
      rules_channel_id: null,
      max_members: 500000,
      vanity_url_code: null,
      premium_tier: GuildPremiumTier.None,
      premium_subscription_count: 0,
      preferred_locale: guild.preferredLocale as Locale,
      public_updates_channel_id: null,
      nsfw_level: GuildNSFWLevel.Default,
      premium_progress_bar_enabled: false,
      hub_type: null,
      safety_alerts_channel_id: null,
      incidents_data: null,
      // GUILD_CREATE-only fields (developers/events/gateway-events.mdx#guild-create).
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      member_count: guild.members.size,
      voice_states: [],
      members: [...guild.members.keys()].map((userId) => this.apiMember(guild, userId)),
      channels: channels
        .filter((c) => c.type !== ChannelType.PublicThread)
        .map((c) => this.apiChannel(c)) as GatewayGuildCreateDispatchData['channels'],
      threads: channels
        .filter((c) => c.type === ChannelType.PublicThread)
        .map((c) => this.apiChannel(c)) as GatewayGuildCreateDispatchData['threads'],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }
}
