/**
 * Where an interaction happened, as the core names it: the server as the community, the member
 * as the actor, the channel — with the permissions the bot lacks there for posting, so linking a
 * channel the bot cannot post in is refused at once, naming what is missing.
 */
import {
  GuildMember,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type RepliableInteraction,
} from 'discord.js';
import type { Actor, ChannelRef } from '../../core/commands/invocation.ts';

export interface InteractionPlace {
  actor: Actor;
  channel: ChannelRef;
  locale: string;
}

/**
 * What the bot needs in a linked channel: to see it, post in it (in a thread: post in threads) and
 * show exchange cards as embeds. Buttons, answers to commands and direct messages need nothing.
 * The core names each in the reader's language; the English names stay for the logs.
 */
const POSTING_PERMISSIONS = [
  ['ViewChannel', 'view-channel', 'View Channel'],
  ['SendMessages', 'send-messages', 'Send Messages'],
  ['EmbedLinks', 'embed-links', 'Embed Links'],
] as const;
const THREAD_POSTING_PERMISSIONS = [
  ['ViewChannel', 'view-channel', 'View Channel'],
  ['SendMessagesInThreads', 'send-messages-in-threads', 'Send Messages in Threads'],
  ['EmbedLinks', 'embed-links', 'Embed Links'],
] as const;

/** The permissions the bot lacks in the interaction's channel, if any. */
export function postingBlocked(
  interaction: RepliableInteraction | AutocompleteInteraction,
): Pick<ChannelRef, 'postingBlocked' | 'missingPermissions'> {
  const granted = interaction.appPermissions;
  const needed = interaction.channel?.isThread() ? THREAD_POSTING_PERMISSIONS : POSTING_PERMISSIONS;
  const missing = needed.filter(([flag]) => !granted.has(PermissionFlagsBits[flag], true));
  if (missing.length === 0) return {};
  return {
    postingBlocked: `missing permissions ${missing.map(([, , name]) => name).join(', ')}`,
    missingPermissions: missing.map(([, permission]) => permission),
  };
}

/**
 * Whether the member may run a town's administration: Manage Server, or Administrator (which
 * `has` counts as every permission). Discord sends the member's permissions in the channel.
 */
export function isServerAdmin(interaction: RepliableInteraction | AutocompleteInteraction): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild, true) ?? false;
}

/** Where an interaction happened; null outside a server (commands are registered for servers). */
export function interactionPlace(
  interaction: RepliableInteraction | AutocompleteInteraction,
): InteractionPlace | null {
  const channelId = interaction.channelId;
  if (!interaction.inGuild() || !channelId) return null;
  const member = interaction.member;
  const displayName =
    member instanceof GuildMember
      ? member.displayName
      : (member.nick ?? interaction.user.globalName ?? interaction.user.username);
  const channel = interaction.channel;
  const channelName = channel && 'name' in channel && channel.name ? channel.name : channelId;
  return {
    actor: {
      platform: 'DISCORD',
      communityExternalId: interaction.guildId,
      communityName: interaction.guild?.name ?? interaction.guildId,
      userId: interaction.user.id,
      displayName,
      communityAdmin: isServerAdmin(interaction),
    },
    channel: { id: channelId, name: channelName, ...postingBlocked(interaction) },
    locale: interaction.locale,
  };
}
