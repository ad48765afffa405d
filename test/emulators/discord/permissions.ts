// Permissions: the defaults of @everyone and the bot's role, and what a member may do in a channel.

import type { APIOverwrite } from 'discord.js';
import { OverwriteType, PermissionFlagsBits } from 'discord.js';

import type { DiscordState } from './state.ts';
import type { ChannelRecord, GuildRecord } from './state-records.ts';

const P = PermissionFlagsBits;

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

/** Permissions of a member, in a channel when given (the channel's access applies to the bot). */
export function memberPermissions(
  state: DiscordState,
  guild: GuildRecord,
  userId: string,
  channel?: ChannelRecord,
): bigint {
  if (guild.ownerId === userId) return ALL_PERMISSIONS;
  const member = guild.members.get(userId);
  let bits = state.roles.get(guild.id)?.permissions ?? 0n;
  for (const roleId of member?.roleIds ?? []) bits |= state.roles.get(roleId)?.permissions ?? 0n;
  if (bits & P.Administrator) return ALL_PERMISSIONS;
  if (channel && userId === state.bot.id) bits &= ~accessDenied(channel) & ~guild.botDenied;
  return bits;
}

/** What a channel's access setting takes from the bot. */
export function accessDenied(channel: ChannelRecord): bigint {
  if (channel.access === 'no-access') return P.ViewChannel;
  if (channel.access === 'read-only') return P.SendMessages | P.SendMessagesInThreads;
  return 0n;
}

/** Channel access is expressed as a member overwrite, so discord.js computes the same permissions. */
export function overwrites(state: DiscordState, channel: ChannelRecord): APIOverwrite[] {
  const guild = channel.guildId === null ? undefined : state.guilds.get(channel.guildId);
  const deny = accessDenied(channel) | (guild?.botDenied ?? 0n);
  if (deny === 0n) return [];
  return [{ id: state.bot.id, type: OverwriteType.Member, allow: '0', deny: deny.toString() }];
}
