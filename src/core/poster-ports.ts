/**
 * The port the core posts through: what a chat platform's poster does and what it answers. Each
 * adapter (src/adapters) implements it; the outbox's worker is its one caller.
 */
import type { Platform } from './domain/model.ts';
import type { ChannelTarget, OutgoingMessage } from './outbox-ports.ts';
import type { UploadLimits } from './relay/attachment-files.ts';
import type { ReactionTally } from './relay/relay-ports.ts';

export type PostResult =
  | { ok: true; platformMessageId: string }
  | {
      ok: false;
      /** Worth trying again later (rate limit, 5xx, network). */
      retryable: boolean;
      /** The platform's own wait, when it said one (429 retry_after). */
      retryAfterMs?: number;
      /** That wait holds for every request of the bot, not only for this destination (Discord's global limit). */
      globalRateLimit?: boolean;
      /** The bot can no longer post there (removed, missing permission): stop and tell coordinators. */
      channelBroken?: boolean;
      /** The request may have taken effect: no answer came (a 5xx, a dropped connection, a timeout). */
      unanswered?: boolean;
      reason: string;
    };

/** A person to message directly (reminders to people who answered, notices to coordinators). */
export interface DirectTarget {
  platform: Platform;
  communityExternalId: string;
  userId: string;
}

/** Where a post goes within its channel, and what its earlier attempts may have left there. */
export interface PostPlacement {
  threadMessageId?: string;
  unansweredBefore?: boolean;
}

/**
 * Aborted once the outbox stopped waiting for an attempt (its send timeout ran out): the
 * attempt may go on finishing calls under way, but starts no further post or edit, since the
 * delivery is retried and a late post could land beside the retry's.
 */
export type Abandoned = AbortSignal;

/** How the core reaches a platform. Every adapter implements all of it: nothing is optional. */
export interface ChannelPoster {
  readonly platform: Platform;
  /**
   * What a relayed copy to this channel may upload with it; undefined (or no method: the
   * console) when nothing is uploaded there and files stay links.
   */
  uploadLimits?(target: ChannelTarget): Promise<UploadLimits | undefined>;
  /**
   * Posts a message, in the thread of `placement.threadMessageId` when given; `idempotencyKey`
   * lets platforms that support it (Discord nonce) drop duplicates, and `unansweredBefore` tells
   * the others that an earlier attempt may have posted it (ClaimedDelivery.unansweredBefore).
   */
  post(
    target: ChannelTarget,
    message: OutgoingMessage,
    idempotencyKey: string,
    abandoned?: Abandoned,
    placement?: PostPlacement,
  ): Promise<PostResult>;
  /**
   * Sends a direct message to one person, with the same result semantics as post. The message id
   * it gives back names the direct conversation too, as editDirect needs it.
   */
  sendDirect(
    target: DirectTarget,
    message: OutgoingMessage,
    idempotencyKey: string,
    abandoned?: Abandoned,
  ): Promise<PostResult>;
  /** Replaces a message the bot posted earlier (an exchange card after a change). */
  edit(
    target: ChannelTarget,
    platformMessageId: string,
    message: OutgoingMessage,
    abandoned?: Abandoned,
  ): Promise<PostResult>;
  /** Replaces a direct message the bot sent earlier (a card in it, once the exchange is cancelled). */
  editDirect(
    target: DirectTarget,
    platformMessageId: string,
    message: OutgoingMessage,
    abandoned?: Abandoned,
  ): Promise<PostResult>;
  /** Removes a message (a relayed copy, or an original a moderator removed elsewhere); gone already is ok. */
  remove(target: ChannelTarget, platformMessageId: string): Promise<PostResult>;
  /**
   * Shows on a message the reactions it has on its other sides (docs/RELAY.md, "Reactions"): the
   * bot's own reactions become exactly the emoji it can add there, and what cannot be shown that
   * way is the platform's business (a count line, or nothing). Gone already is ok.
   */
  react(
    target: ChannelTarget,
    platformMessageId: string,
    reactions: readonly ReactionTally[],
    abandoned?: Abandoned,
  ): Promise<PostResult>;
}
