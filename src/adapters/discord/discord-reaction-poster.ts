/**
 * The reactions a relayed message has elsewhere, shown on its Discord side (docs/RELAY.md,
 * "Reactions"): the bot reacts with each emoji Discord has here (every standard one, and this
 * server's own custom ones) and takes back its reactions with the others. What it has now is
 * read from the message (`reactions[].me`), so a repeated or late delivery converges on the
 * wanted state. Create Reaction needs Read Message History, and Add Reactions unless someone
 * reacted with that emoji already; Delete Own Reaction needs nothing.
 */
import {
  DiscordAPIError,
  RESTJSONErrorCodes,
  Routes,
  type APIMessage,
  type APIPartialEmoji,
  type REST,
} from 'discord.js';
import type { Abandoned, ChannelTarget, Logger, PostResult } from '../../core/ports.ts';
import type { ReactionTally } from '../../core/relay/relay-ports.ts';
import { parseCustomEmoji } from '../shared/emoji-names.ts';
import { postFailure } from './discord-errors.ts';
import { parseMessageRef } from './relay-copy.ts';

export class DiscordReactionPoster {
  constructor(
    private readonly rest: REST,
    private readonly logger: Logger,
  ) {}

  async react(
    target: ChannelTarget,
    ref: string,
    reactions: readonly ReactionTally[],
    abandoned?: Abandoned,
  ): Promise<PostResult> {
    const { messageId, threadId } = parseMessageRef(ref);
    const channelId = threadId ?? target.channelId;
    try {
      const message = (await this.rest.get(Routes.channelMessage(channelId, messageId))) as APIMessage;
      const mine = new Set((message.reactions ?? []).filter((r) => r.me).map((r) => routeEmoji(r.emoji)));
      const wanted = new Set(
        reactions.flatMap((r) => discordEmoji(r.emoji, target.communityExternalId) ?? []),
      );
      for (const emoji of wanted) {
        if (mine.has(emoji) || abandoned?.aborted) continue;
        await this.rest.put(
          Routes.channelMessageOwnReaction(channelId, messageId, encodeURIComponent(emoji)),
        );
      }
      for (const emoji of mine) {
        if (wanted.has(emoji) || abandoned?.aborted) continue;
        await this.rest.delete(
          Routes.channelMessageOwnReaction(channelId, messageId, encodeURIComponent(emoji)),
        );
      }
      return { ok: true, platformMessageId: ref };
    } catch (error) {
      // Removed meanwhile: nothing left to show the reactions on.
      if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage) {
        return { ok: true, platformMessageId: ref };
      }
      const failure = postFailure(error, 'channel');
      this.logger.debug({ err: error, channel: channelId, failure }, 'Discord reactions not mirrored');
      // A missing permission costs the reactions, not the channel: the link stays active.
      return failure.ok === false && failure.channelBroken
        ? {
            ok: false,
            retryable: false,
            reason: `${failure.reason} (mirroring reactions needs Add Reactions and Read Message History)`,
          }
        : failure;
    }
  }
}

/** The emoji as Create Reaction takes it here; undefined for another platform's or server's custom emoji. */
export function discordEmoji(key: string, guildId: string): string | undefined {
  const custom = parseCustomEmoji(key);
  if (!custom) return key;
  return custom.platform === 'DISCORD' && custom.community === guildId && custom.id
    ? `${custom.name}:${custom.id}`
    : undefined;
}

function routeEmoji(emoji: APIPartialEmoji): string {
  return emoji.id ? `${emoji.name ?? ''}:${emoji.id}` : (emoji.name ?? '');
}
