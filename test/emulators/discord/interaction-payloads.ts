// INTERACTION_CREATE payload parts: resolving who acts where, and the fields every interaction carries.

import { randomBytes } from 'node:crypto';

import type {
  APIAuthorizingIntegrationOwnersMap,
  APIMessage,
  APIPartialInteractionGuild,
  Locale,
  InteractionType,
} from 'discord.js';
import { ApplicationIntegrationType, InteractionContextType } from 'discord.js';

import type { Actor, InteractionEnvironment, InteractionPlace } from './interaction-types.ts';
import type { MessageRecord } from './messages.ts';

const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

/** The guild, channel and user an actor names, defaults filled in; throws for impossible combinations. */
export function placeOf(env: InteractionEnvironment, actor: Actor): InteractionPlace {
  const { state } = env;
  if (actor.guild === null) {
    const user =
      actor.user === undefined ? state.defaultMember(state.requireGuild()) : state.requireUser(actor.user);
    return { guild: null, channel: state.dmChannel(user.id), user, locale: actor.locale };
  }
  const guild = state.requireGuild(actor.guild);
  const channel =
    actor.channel === undefined
      ? state.defaultTextChannel(guild)
      : state.requireChannel(actor.channel, guild.id);
  if (channel.guildId !== guild.id) {
    throw new Error(`Discord emulator: channel ${channel.id} is not in guild ${guild.name}`);
  }
  const user = actor.user === undefined ? state.defaultMember(guild) : state.requireUser(actor.user);
  if (!guild.members.has(user.id)) {
    throw new Error(`Discord emulator: ${user.username} is not a member of ${guild.name}`);
  }
  return { guild, channel, user, locale: actor.locale };
}

/** The place of an interaction on a message: the message's channel (a DM's recipient by default). */
export function placeOfMessage(
  env: InteractionEnvironment,
  actor: Omit<Actor, 'channel' | 'guild'>,
  record: MessageRecord,
): InteractionPlace {
  const channel = env.state.channels.get(record.channelId);
  if (!channel) {
    throw new Error(
      `Discord emulator: message ${record.message.id} is in unknown channel ${record.channelId}`,
    );
  }
  if (channel.guildId === null) {
    const recipient = channel.recipientId ?? undefined;
    return placeOf(env, { ...actor, user: actor.user ?? recipient, guild: null });
  }
  return placeOf(env, { ...actor, guild: channel.guildId, channel: channel.id });
}

/** A stored message by id, or a message object adopted into the store. */
export function resolveMessage(env: InteractionEnvironment, ref: string | APIMessage): MessageRecord {
  if (typeof ref === 'string') {
    const record = env.messages.get(ref);
    if (!record) throw new Error(`Discord emulator: unknown message ${ref}`);
    return record;
  }
  return env.messages.adopt(ref, ref.author.id);
}

/** The fields every interaction payload has: ids, token, channel, permissions, locale, member or user. */
export function basePayload(env: InteractionEnvironment, place: InteractionPlace, type: InteractionType) {
  const { state } = env;
  const { guild, channel, user } = place;
  const owners: APIAuthorizingIntegrationOwnersMap = {
    [ApplicationIntegrationType.GuildInstall]: guild?.id ?? '0',
  };
  const locale = (place.locale ?? user.locale) as Locale;
  const partialGuild: APIPartialInteractionGuild | undefined = guild
    ? { id: guild.id, locale: guild.preferredLocale as Locale, features: [] }
    : undefined;
  return {
    id: env.ids.next(),
    application_id: env.applicationId,
    type,
    token: `emulated.${randomBytes(24).toString('base64url')}`,
    version: 1 as const,
    channel: state.apiChannel(channel),
    channel_id: channel.id,
    app_permissions: guild ? state.permissions(guild, state.bot.id, channel).toString() : '0',
    locale,
    entitlements: [],
    authorizing_integration_owners: owners,
    context: guild ? InteractionContextType.Guild : InteractionContextType.BotDM,
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
    ...(guild && partialGuild
      ? {
          guild: partialGuild,
          guild_id: guild.id,
          guild_locale: guild.preferredLocale as Locale,
          member: state.interactionMember(guild, user.id, channel),
        }
      : { user: state.apiUser(user) }),
  };
}
