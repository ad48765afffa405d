/**
 * The reactions a relayed message has elsewhere, shown on its Discord side (docs/RELAY.md,
 * "Reactions"): the bot reacts with each emoji Discord has here (every standard one, and this
 * server's own custom ones) and takes back its reactions with the others. What it has now is
 * read from the message (`reactions[].me`), so a repeated or late delivery converges on the
 * wanted state. Create Reaction needs Read Message History, and Add Reactions unless someone
 * reacted with that emoji already; Delete Own Reaction needs nothing.
 *
 * What the bot's reactions cannot say (a count above one, another platform's custom emoji) a
 * copy shows as its last line in subtext, `-# 👍 3 · :party_parrot: 1` (reaction-line.ts),
 * edited through the relay webhook that posted it; a member's original cannot be edited by the
 * bot and shows the bot's reactions only.
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
import { currentCountLine, neededLine, withCountLine, type LineStyle } from '../shared/reaction-line.ts';
import { postFailure } from './discord-errors.ts';
import { CONTENT_MAX } from './discord-messages.ts';
import { parseMessageRef } from './relay-copy.ts';
import type { RelayWebhooks } from './relay-webhooks.ts';

const SUBTEXT: LineStyle = { open: '-# ', close: '', maxLength: CONTENT_MAX };

export class DiscordReactionPoster {
  constructor(
    private readonly rest: REST,
    private readonly webhooks: RelayWebhooks,
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
      const guildId = target.communityExternalId;
      const wanted = new Set(reactions.flatMap((r) => discordEmoji(r.emoji, guildId) ?? []));
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
      const line = neededLine(reactions, (emoji) => discordEmoji(emoji, guildId) !== undefined);
      if (!abandoned?.aborted) await this.showLine(target, message, line, threadId);
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

  /** Puts the count line on a relay copy (or takes it off) when it is not what it should be. */
  private async showLine(
    target: ChannelTarget,
    message: APIMessage,
    line: string | undefined,
    threadId: string | undefined,
  ): Promise<void> {
    if (!message.webhook_id) return;
    // Blank without the Message Content intent: then only the webhook's own read tells.
    if (message.content && currentCountLine(message.content, SUBTEXT) === line) return;
    const webhook = await this.webhooks.forChannel(target.channelId);
    // Another webhook's message (an integration's): not the relay's to edit.
    if (webhook.id !== message.webhook_id) return;
    // Read through the webhook: its own message's content needs no Message Content intent.
    const own = await this.webhooks.fetchMessage(webhook, message.id, threadId);
    const content = withCountLine(own.content, line, SUBTEXT);
    if (content !== own.content) {
      await this.webhooks.editMessage(
        webhook,
        message.id,
        { content, allowed_mentions: { parse: [] } },
        threadId,
      );
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
