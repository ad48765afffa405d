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
 * Names as Discord's server settings show them (in English).
 */
const POSTING_PERMISSIONS = [
  ['ViewChannel', 'View Channel'],
  ['SendMessages', 'Send Messages'],
  ['EmbedLinks', 'Embed Links'],
] as const;
const THREAD_POSTING_PERMISSIONS = [
  ['ViewChannel', 'View Channel'],
  ['SendMessagesInThreads', 'Send Messages in Threads'],
  ['EmbedLinks', 'Embed Links'],
] as const;

/** `{ postingBlocked }` naming the permissions the bot lacks in the interaction's channel, if any. */
export function postingBlocked(interaction: RepliableInteraction | AutocompleteInteraction): {
  postingBlocked?: string;
} {
  const granted = interaction.appPermissions;
  const needed = interaction.channel?.isThread() ? THREAD_POSTING_PERMISSIONS : POSTING_PERMISSIONS;
  const missing = needed
    .filter(([flag]) => !granted.has(PermissionFlagsBits[flag], true))
    .map(([, name]) => name);
  return missing.length === 0 ? {} : { postingBlocked: `missing permissions ${missing.join(', ')}` };
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
