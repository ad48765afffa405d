/**
 * The emulated world: users, guilds with roles, channels and members, DM channels and
 * threads, found by id or name. Records are in state-records.ts; permissions.ts and
 * api-objects.ts compute permissions and render them as Discord API objects
 * (developers/resources/*.mdx).
 */

import type {
  APIChannel,
  APIGuildMember,
  APIInteractionGuildMember,
  APIOverwrite,
  APIRole,
  APIUser,
  GatewayGuildCreateDispatchData,
} from 'discord.js';
import { ChannelType, Locale } from 'discord.js';

import { apiChannel, apiMember, apiRole, apiUser, guildCreate, interactionMember } from './api-objects.ts';
import {
  accessDenied,
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_EVERYONE_PERMISSIONS,
  memberPermissions,
  overwrites,
} from './permissions.ts';
import type { SnowflakeGenerator } from './snowflake.ts';
import { discordTimestamp } from './snowflake.ts';
import type {
  ChannelKind,
  ChannelRecord,
  GuildInput,
  GuildRecord,
  MemberRecord,
  RoleRecord,
  UserInput,
  UserRecord,
} from './state-records.ts';

export { DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS } from './permissions.ts';
export type {
  UserInput,
  MemberInput,
  RoleInput,
  ChannelAccess,
  ChannelKind,
  ChannelInput,
  GuildInput,
  UserRecord,
  RoleRecord,
  ChannelRecord,
  MemberRecord,
  GuildRecord,
} from './state-records.ts';

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
      archived: false,
      archiveTimestamp: discordTimestamp(),
    };
    this.channels.set(thread.id, thread);
    guild?.channelIds.push(thread.id);
    return thread;
  }

  /**
   * Archives a thread, or unarchives it (channel.mdx, "Thread Metadata Object": the archive
   * timestamp changes with the status); false when it was so already.
   */
  setArchived(thread: ChannelRecord, archived: boolean): boolean {
    if (thread.type !== ChannelType.PublicThread) {
      throw new Error(`Discord emulator: ${thread.name ?? thread.id} is not a thread`);
    }
    if ((thread.archived ?? false) === archived) return false;
    thread.archived = archived;
    thread.archiveTimestamp = discordTimestamp();
    return true;
  }

  // ---- rendering and permissions (permissions.ts, api-objects.ts) ------------

  /** Permissions of a member, in a channel when given (the channel's access applies to the bot). */
  permissions(guild: GuildRecord, userId: string, channel?: ChannelRecord): bigint {
    return memberPermissions(this, guild, userId, channel);
  }

  accessDenied(channel: ChannelRecord): bigint {
    return accessDenied(channel);
  }

  overwrites(channel: ChannelRecord): APIOverwrite[] {
    return overwrites(this, channel);
  }

  apiUser(user: UserRecord): APIUser {
    return apiUser(user);
  }

  apiRole(role: RoleRecord): APIRole {
    return apiRole(this, role);
  }

  apiMember(guild: GuildRecord, userId: string): APIGuildMember {
    return apiMember(this, guild, userId);
  }

  interactionMember(guild: GuildRecord, userId: string, channel: ChannelRecord): APIInteractionGuildMember {
    return interactionMember(this, guild, userId, channel);
  }

  apiChannel(channel: ChannelRecord): APIChannel {
    return apiChannel(this, channel);
  }

  guildCreate(guild: GuildRecord): GatewayGuildCreateDispatchData {
    return guildCreate(this, guild);
  }
}
