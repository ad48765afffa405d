// The emulated world rendered as Discord API objects: users, roles, members, channels, GUILD_CREATE.

import type {
  APIChannel,
  APIGuildMember,
  APIInteractionGuildMember,
  APIRole,
  APIUser,
  GatewayGuildCreateDispatchData,
  GuildMemberFlags,
  Locale,
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
} from 'discord.js';

import { memberPermissions, overwrites } from './permissions.ts';
import type { DiscordState } from './state.ts';
import type { ChannelRecord, GuildRecord, RoleRecord, UserRecord } from './state-records.ts';

/** Flag enums have no zero member; an empty bitfield is still valid on the wire. */
const NO_FLAGS = 0;

export function apiUser(user: UserRecord): APIUser {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName,
    avatar: user.avatar ?? null,
    ...(user.bot ? { bot: true } : {}),
  };
}

export function apiRole(state: DiscordState, role: RoleRecord): APIRole {
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
    ...(role.managed ? { tags: { bot_id: state.bot.id } } : {}),
  };
}

export function apiMember(state: DiscordState, guild: GuildRecord, userId: string): APIGuildMember {
  const member = guild.members.get(userId);
  const user = state.users.get(userId);
  if (!member || !user) throw new Error(`Discord emulator: ${userId} is not a member of ${guild.name}`);
  return {
    user: apiUser(user),
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
export function interactionMember(
  state: DiscordState,
  guild: GuildRecord,
  userId: string,
  channel: ChannelRecord,
): APIInteractionGuildMember {
  return {
    ...apiMember(state, guild, userId),
    permissions: memberPermissions(state, guild, userId, channel).toString(),
  };
}

export function apiChannel(state: DiscordState, channel: ChannelRecord): APIChannel {
  if (channel.type === ChannelType.DM) {
    const recipient = channel.recipientId === null ? undefined : state.users.get(channel.recipientId);
    return {
      id: channel.id,
      type: ChannelType.DM,
      name: null,
      last_message_id: channel.lastMessageId,
      recipients: recipient ? [apiUser(recipient)] : [],
    };
  }
  const base = {
    id: channel.id,
    guild_id: channel.guildId ?? undefined,
    name: channel.name ?? '',
    position: channel.position,
    parent_id: channel.parentId,
    permission_overwrites: overwrites(state, channel),
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
        owner_id: channel.ownerId ?? state.bot.id,
        last_message_id: channel.lastMessageId,
        rate_limit_per_user: 0,
        message_count: 0,
        member_count: 0,
        thread_metadata: {
          archived: channel.archived ?? false,
          auto_archive_duration: 1440,
          archive_timestamp: channel.archiveTimestamp ?? new Date(0).toISOString(),
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

export function guildCreate(state: DiscordState, guild: GuildRecord): GatewayGuildCreateDispatchData {
  const channels = guild.channelIds.map((id) => state.channels.get(id)).filter((c) => c !== undefined);
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
    roles: guild.roleIds.map((id) => state.roles.get(id)).flatMap((r) => (r ? [apiRole(state, r)] : [])),
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
    members: [...guild.members.keys()].map((userId) => apiMember(state, guild, userId)),
    channels: channels
      .filter((c) => c.type !== ChannelType.PublicThread)
      .map((c) => apiChannel(state, c)) as GatewayGuildCreateDispatchData['channels'],
    // Only the active threads: archived ones are not synced up front (topics/threads.mdx).
    threads: channels
      .filter((c) => c.type === ChannelType.PublicThread && c.archived !== true)
      .map((c) => apiChannel(state, c)) as GatewayGuildCreateDispatchData['threads'],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
