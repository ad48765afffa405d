/**
 * Posting for the outbox, through discord.js's REST client (its per-route queue follows Discord's
 * X-RateLimit-* buckets and waits out short 429s by their retry_after).
 *
 * Each post carries a nonce derived from the delivery id with `enforce_nonce`: when the outbox
 * tries a post again (the answer was lost, the worker died after sending), Discord returns the
 * message it already created instead of creating a second one (for a few minutes, which covers
 * the outbox's early retries).
 *
 * A relayed copy (a message with an author) goes through the channel's webhook instead, and so do
 * its edits and the relay's deletes (discord-relay-poster.ts: webhooks have no nonce).
 */
import { createHash } from 'node:crypto';
import {
  REST,
  Routes,
  type APIChannel,
  type APIMessage,
  type RateLimitData,
  type RESTOptions,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord.js';
import type {
  Abandoned,
  ChannelPoster,
  ChannelTarget,
  DirectTarget,
  Logger,
  OutgoingMessage,
  PostPlacement,
  PostResult,
} from '../../core/ports.ts';
import type { UploadLimits } from '../../core/relay/attachment-files.ts';
import { renderOutgoing } from './discord-messages.ts';
import { postFailure } from './discord-errors.ts';
import { DiscordRelayPoster } from './discord-relay-poster.ts';
import { RelayWebhooks } from './relay-webhooks.ts';
import { DiscordReactionPoster } from './discord-reaction-poster.ts';
import type { ReactionTally } from '../../core/relay/relay-ports.ts';
import { directMessageRef, readDirectMessageRef } from '../shared/direct-message-ref.ts';

/** Discord accepts nonces of at most 25 characters. */
export const NONCE_MAX = 25;

/**
 * A nonce of at most 25 characters for an idempotency key. A UUID (the delivery id) is 128 bits,
 * which base 36 writes in at most 25 characters: the nonce is the id itself, just shorter. Other
 * keys are hashed.
 */
export function nonceFor(key: string): string {
  const hex = key.replaceAll('-', '');
  if (/^[0-9a-f]{32}$/i.test(hex)) return BigInt(`0x${hex}`).toString(36);
  if (key.length <= NONCE_MAX) return key;
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 32);
  return BigInt(`0x${digest}`).toString(36);
}

const NO_MENTIONS: { parse: [] } = { parse: [] };
const DM_CACHE_MAX = 5_000;
const NOT_CONNECTED: PostResult = { ok: false, retryable: true, reason: 'Discord: not connected' };

/** See DiscordRestTuning.maxInlineRateLimitWaitMs. */
export const DEFAULT_MAX_INLINE_RATE_LIMIT_WAIT_MS = 3000;

export interface DiscordRestTuning {
  /** The REST base URL (DISCORD_API_URL: a REST proxy, or the emulator); Discord's own by default. */
  apiUrl?: string | undefined;
  /**
   * Longest rate-limit wait a channel post sits out in place (discord.js's queue). A longer one
   * goes back to the outbox with Discord's retry_after, so a claim is not held while waiting.
   */
  maxInlineRateLimitWaitMs: number;
  /** How often discord.js itself repeats a request that met a 5xx or a reset connection (default 3). */
  retries?: number;
}

/**
 * The REST client options the adapter's Client uses, and any process that only posts. Interaction
 * answers always wait their turn; channel posts facing a long wait are handed back to the outbox.
 */
export function discordRestOptions(tuning: DiscordRestTuning): Partial<RESTOptions> {
  return {
    ...(tuning.apiUrl ? { api: tuning.apiUrl } : {}),
    ...(tuning.retries === undefined ? {} : { retries: tuning.retries }),
    rejectOnRateLimit: (data: RateLimitData) =>
      data.route.startsWith('/channels/') && data.retryAfter > tuning.maxInlineRateLimitWaitMs,
  };
}

/**
 * What a relayed copy uploads: Discord's default limit is 10 MiB per file for a server without
 * boosts (developers/reference.mdx, "Uploading Files"); at most 10 files and 25 MiB per copy
 * are held in memory at once, the rest linked.
 */
export const DISCORD_UPLOAD_LIMITS: UploadLimits = {
  fileBytes: 10 * 1024 * 1024,
  copyBytes: 25 * 1024 * 1024,
  files: 10,
};

export class DiscordPoster implements ChannelPoster {
  readonly platform = 'DISCORD' as const;
  uploadLimits(): Promise<UploadLimits> {
    return Promise.resolve(DISCORD_UPLOAD_LIMITS);
  }
  /** User id → the bot's DM channel with them (creating one is idempotent, but a request). */
  private readonly dmChannels = new Map<string, string>();
  /** Relayed copies (a message with an author): through the channel's webhook. */
  private readonly relay: DiscordRelayPoster;
  private readonly reactions: DiscordReactionPoster;

  /** `connected` false (the adapter not started yet, or stopped): every post is "try later". */
  constructor(
    private readonly rest: REST,
    private readonly logger: Logger,
    private readonly connected: () => boolean = () => true,
    botUserId: () => string | undefined = () => undefined,
  ) {
    // Webhook calls without discord.js's own retries: a repeated execution would post twice.
    const webhookRest = new REST({ ...rest.options, retries: 0 });
    const webhooks = new RelayWebhooks(rest, webhookRest, botUserId);
    this.relay = new DiscordRelayPoster(rest, webhooks, logger);
    this.reactions = new DiscordReactionPoster(rest, webhooks, logger);
  }

  async post(
    target: ChannelTarget,
    message: OutgoingMessage,
    idempotencyKey: string,
    abandoned?: Abandoned,
    placement?: PostPlacement,
  ): Promise<PostResult> {
    if (!this.connected()) return NOT_CONNECTED;
    if (message.author) return this.relay.post(target, message, idempotencyKey, abandoned, placement);
    try {
      const sent = await this.send(target.channelId, message, idempotencyKey);
      return { ok: true, platformMessageId: sent.id };
    } catch (error) {
      const failure = postFailure(error, 'channel');
      this.logger.debug({ err: error, channel: target.channelId, failure }, 'Discord post failed');
      return failure;
    }
  }

  async sendDirect(
    target: DirectTarget,
    message: OutgoingMessage,
    idempotencyKey: string,
  ): Promise<PostResult> {
    if (!this.connected()) return NOT_CONNECTED;
    try {
      const channelId = await this.dmChannel(target.userId);
      const sent = await this.send(channelId, message, idempotencyKey);
      return { ok: true, platformMessageId: directMessageRef(channelId, sent.id) };
    } catch (error) {
      const failure = postFailure(error, 'direct');
      this.logger.debug({ err: error, user: target.userId, failure }, 'Discord direct message failed');
      return failure;
    }
  }

  async edit(
    target: ChannelTarget,
    platformMessageId: string,
    message: OutgoingMessage,
  ): Promise<PostResult> {
    if (!this.connected()) return NOT_CONNECTED;
    if (message.author) return this.relay.edit(target, platformMessageId, message);
    return this.patch(target.channelId, platformMessageId, message, 'channel');
  }

  /** Edits the bot's message in the DM channel its ref names (a bare id: the person's DM channel). */
  async editDirect(target: DirectTarget, ref: string, message: OutgoingMessage): Promise<PostResult> {
    if (!this.connected()) return NOT_CONNECTED;
    const { conversationId, messageId } = readDirectMessageRef(ref);
    try {
      const channelId = conversationId ?? (await this.dmChannel(target.userId));
      const edited = await this.patch(channelId, messageId, message, 'direct');
      return edited.ok ? { ok: true, platformMessageId: ref } : edited;
    } catch (error) {
      return postFailure(error, 'direct');
    }
  }

  private async patch(
    channelId: string,
    messageId: string,
    message: OutgoingMessage,
    where: 'channel' | 'direct',
  ): Promise<PostResult> {
    try {
      const body = { ...renderOutgoing(message), allowed_mentions: NO_MENTIONS };
      const edited = (await this.rest.patch(Routes.channelMessage(channelId, messageId), {
        body,
      })) as APIMessage;
      return { ok: true, platformMessageId: edited.id };
    } catch (error) {
      return postFailure(error, where);
    }
  }

  /** Removes a relayed copy or a member's original (relay deletes); gone already is ok. */
  async remove(target: ChannelTarget, platformMessageId: string): Promise<PostResult> {
    if (!this.connected()) return NOT_CONNECTED;
    return this.relay.remove(target, platformMessageId);
  }

  /** The reactions a relayed message has on its other sides, as the bot's own (discord-reaction-poster.ts). */
  react(
    target: ChannelTarget,
    platformMessageId: string,
    reactions: readonly ReactionTally[],
    abandoned?: Abandoned,
  ): Promise<PostResult> {
    if (!this.connected()) return Promise.resolve(NOT_CONNECTED);
    return this.reactions.react(target, platformMessageId, reactions, abandoned);
  }

  private async send(
    channelId: string,
    message: OutgoingMessage,
    idempotencyKey: string,
  ): Promise<APIMessage> {
    const body: RESTPostAPIChannelMessageJSONBody = {
      ...renderOutgoing(message),
      nonce: nonceFor(idempotencyKey),
      enforce_nonce: true,
      allowed_mentions: NO_MENTIONS,
    };
    return (await this.rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
  }

  private async dmChannel(userId: string): Promise<string> {
    const known = this.dmChannels.get(userId);
    if (known) return known;
    const channel = (await this.rest.post(Routes.userChannels(), {
      body: { recipient_id: userId },
    })) as APIChannel;
    if (this.dmChannels.size >= DM_CACHE_MAX) {
      const oldest = this.dmChannels.keys().next();
      if (!oldest.done) this.dmChannels.delete(oldest.value);
    }
    this.dmChannels.set(userId, channel.id);
    return channel.id;
  }
}
