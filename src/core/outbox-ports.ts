/**
 * The durable outbox's side of storage and of the platforms' posting: what a delivery is, how
 * it is claimed and recorded (DeliveryRepository, src/db/repositories/delivery-repository.ts).
 * Re-exported by ports.ts, where the other ports are.
 */
import type { Platform } from './domain/model.ts';
import type { DirectTarget } from './ports.ts';
import type { FileUpload } from './relay/attachment-files.ts';
import type { ReactionTally, RelayAttachment } from './relay/relay-ports.ts';
import type { ExchangeCard } from './views/exchange-card.ts';
/** A platform-neutral message. Adapters render the exchange card natively (embeds, Block Kit). */
export interface OutgoingMessage {
  text: string;
  exchange?: ExchangeCard;
  /** A relayed message (docs/RELAY.md): who wrote it, shown as its sender where the platform allows. */
  author?: PostAuthor;
  /** Files shown as links (with a note when they could not be copied). */
  attachments?: RelayAttachment[];
  /** A relay.reactions delivery: the reactions the message has on its other sides (docs/RELAY.md). */
  reactions?: ReactionTally[];
  /** Files to upload with the copy: fetched at send time, never stored (relay/attachment-copies.ts). */
  uploads?: FileUpload[];
}

export interface PostAuthor {
  name: string;
  town: string;
  avatarUrl?: string;
}

/**
 * Where in a channel a delivery acts besides posting anew. A message another delivery posted is
 * known by that delivery, and its id there is looked up when this one is claimed.
 */
export interface ChannelPlacement {
  /** Replace (for a relayed delete: remove) this earlier message instead of posting. */
  editsMessageId?: string;
  editsDeliveryId?: string;
  /** Post in the thread of this message. */
  threadMessageId?: string;
  threadDeliveryId?: string;
}

/** Where a delivery goes: a linked channel, or one person directly. */
export type DeliveryDestination = { channelLinkId: string } | { recipientMemberId: string };

export type NewDelivery = {
  /** Unique per (thing to post, destination): enqueueing the same key twice posts once. */
  dedupeKey: string;
  kind: string;
  sourceId: string;
  payload: OutgoingMessage;
  dueAt: Date;
} & (
  | ({ channelLinkId: string } & ChannelPlacement)
  /** A direct message; with editsDeliveryId, a redraw of the one that delivery sent. */
  | { recipientMemberId: string; editsDeliveryId?: string }
);

/** A claimed delivery with where it goes. */
export interface ClaimedDelivery {
  id: string;
  kind: string;
  sourceId: string;
  /** Claims so far, this one included, not counting those given back unsent. */
  attempts: number;
  /** Claims in a row taken over from an expired lease (the one before ended without an outcome). */
  takeovers: number;
  /** When a retryable failure was first recorded; null until one is. */
  firstFailedAt: Date | null;
  /**
   * An earlier attempt may have posted it without the bot hearing so (its answer was lost, or its
   * worker stopped while sending): a platform without idempotency keys looks for it first.
   */
  unansweredBefore: boolean;
  payload: OutgoingMessage;
  dueAt: Date;
  destination:
    | {
        kind: 'channel';
        channelLinkId: string;
        /** The town the linked channel belongs to, and the partnership it follows. */
        townId: string;
        partnershipId: string;
        /** The language posts in the channel use (its link's): relayed copies are translated into it. */
        language: string;
        target: ChannelTarget;
        /** The bot's earlier message in the channel that this delivery replaces (an edit, not a post). */
        editsMessageId?: string;
        /** The thread it is posted in. */
        threadMessageId?: string;
        /** What it edits, removes or answers was never posted (its delivery failed): nothing to do. */
        targetMissing?: true;
      }
    | {
        kind: 'direct';
        recipientMemberId: string;
        target: DirectTarget;
        /** The bot's earlier direct message to the person that this delivery replaces. */
        editsMessageId?: string;
        /** What it edits was never sent (its delivery failed): nothing to do. */
        targetMissing?: true;
      };
}

/** What became of a claimed delivery. */
export type DeliveryOutcome =
  | { id: string; outcome: 'sent'; platformMessageId: string; at: Date }
  /**
   * Back to pending until `retryAt`; the first of these starts the retry window. `unanswered`:
   * the attempt may have posted (no answer came), which later attempts must know.
   */
  | { id: string; outcome: 'retry'; retryAt: Date; error: string; unanswered?: boolean }
  /** Failed for good. */
  | { id: string; outcome: 'failed'; error: string }
  /** Given back unsent (the worker stops, or the claim would lapse before a send slot): no attempt counted. */
  | { id: string; outcome: 'released' };

export interface ChannelTarget {
  platform: Platform;
  /** The Discord guild id, Slack team id or console community name. */
  communityExternalId: string;
  channelId: string;
  channelName: string;
}

export interface DeliveryRepository {
  /** Adds deliveries, skipping keys that already exist; returns how many were new. */
  enqueue(deliveries: NewDelivery[]): Promise<number>;
  /**
   * Atomically claims up to `limit` due deliveries for `workerId` until `leaseUntil`, none of a
   * channel or person whose posts another worker holds: one worker at a time keeps its pace.
   */
  claimDue(options: {
    now: Date;
    limit: number;
    workerId: string;
    leaseUntil: Date;
    /** Rows at most per channel or person in this claim (default 5): one backlog cannot fill it. */
    perDestination?: number;
    /** Channel link or member ids not to claim for now (held enough, or their pace has no budget). */
    skipDestinations?: readonly string[];
  }): Promise<ClaimedDelivery[]>;
  /**
   * Records outcomes in one go. Only the worker still holding a claim may put it back or fail
   * it; a sent message is recorded whoever finishes first. A retry keeps the first failure's
   * time (`at` if none yet) and ends a run of takeovers. Returns how many rows changed.
   */
  recordOutcomes(workerId: string, outcomes: DeliveryOutcome[], at: Date): Promise<number>;
  /**
   * Extends to `leaseUntil` the claims among `ids` that `workerId` still holds with a lease that
   * has not run out at `now`, in one statement; returns their ids. A claim that is missing was
   * lost (its lease lapsed, or another worker took it over): its post must not be sent.
   */
  renewClaims(workerId: string, ids: readonly string[], now: Date, leaseUntil: Date): Promise<string[]>;
  /**
   * Marks a link broken and fails the posts still waiting for it. `newlyBroken` is false when
   * it already was broken (so its coordinators are told once).
   */
  markChannelBroken(
    channelLinkId: string,
    reason: string,
  ): Promise<{ newlyBroken: boolean; abandoned: number }>;
  countByStatus(): Promise<Record<string, number>>;
  /**
   * The newest message posted for a thing (an exchange's card) in each channel, among deliveries
   * of `kinds`: what an edit of that thing replaces.
   */
  latestPosted(sourceId: string, kinds: string[]): Promise<PostedMessage[]>;
  /**
   * Every message posted for a thing in the channels, among deliveries of `kinds`, newest first,
   * and those being posted now (claimed, no outcome yet): a cancellation must reach those too.
   */
  everyPostedOrUnderWay(sourceId: string, kinds: string[]): Promise<PostedMessage[]>;
  /** The same for direct messages: those sent for a thing to people, or being sent now. */
  everyDirectSentOrUnderWay(sourceId: string, kinds: string[]): Promise<SentDirectMessage[]>;
  /**
   * Deletes the pending deliveries of `kind` about one thing to these channels: a newer one
   * replaces them (a relayed message's reactions: only the latest state matters). One claimed
   * meanwhile is not pending any more and stays. Returns how many.
   */
  supersedePending(sourceId: string, kind: string, channelLinkIds: readonly string[]): Promise<number>;
  /**
   * Adds planned deliveries (reminders) like enqueue; a key that was withdrawn (DROPPED) is
   * planned again. One statement. Returns how many rows became pending.
   */
  plan(deliveries: NewDelivery[]): Promise<number>;
  /**
   * Marks DROPPED, with the reason, the pending deliveries of `kinds` about one thing (an
   * exchange), optionally only those to some people, except the keys still wanted. They stay as
   * history. Returns how many.
   */
  withdrawPending(
    filter: { sourceId: string; kinds: string[]; recipientMemberIds?: string[]; exceptKeys: string[] },
    reason: string,
  ): Promise<number>;
  /** Marks DROPPED, with the reason, the delivery with this key if it is still pending. Returns how many (0 or 1). */
  withdrawPendingKey(dedupeKey: string, reason: string): Promise<number>;
  /**
   * Drops pending deliveries of `kinds` whose exchange (the sourceId) starts at or before `by`,
   * or is no longer planned, among those due by then. Returns what was dropped.
   */
  dropForStartedExchanges(options: { kinds: string[]; by: Date; reason: string }): Promise<DroppedDelivery[]>;
}

/** A message the bot posted in a linked channel for a delivery of this kind. */
export interface PostedMessage {
  channelLinkId: string;
  /** The platform's id of the linked channel. */
  channelId: string;
  kind: string;
  /** The delivery that posted it: an edit names it (editsDeliveryId), even while it is under way. */
  deliveryId: string;
  /** The platform's id of the message; null while it is being sent. */
  platformMessageId: string | null;
}

/** A direct message the bot sent (or is sending) to one person for a delivery of this kind. */
export interface SentDirectMessage {
  recipientMemberId: string;
  kind: string;
  deliveryId: string;
}

/** A delivery dropped because what it was about had already begun. */
export interface DroppedDelivery {
  id: string;
  kind: string;
  dueAt: Date;
  exchangeId: string;
  exchangeNumber: number;
  startsAt: Date;
}

/**
 * The outbox workers alive now, each with the platforms it posts to and those it has posts in
 * hand for: every platform's posting budget is divided among the workers busy with it
 * (outbox/send-shares.ts).
 */
export interface LiveWorkerRepository {
  /**
   * Records that `workerId` is alive until `expiresAt`, posting to `platforms` and busy with
   * `busy`; forgets the workers whose time ran out by `now`; returns, for each of `platforms`, the
   * live workers busy with it, this one included; and records that this worker now counts them.
   */
  heartbeat(beat: {
    workerId: string;
    platforms: readonly Platform[];
    busy: readonly Platform[];
    now: Date;
    expiresAt: Date;
  }): Promise<Partial<Record<Platform, BusyWorker[]>>>;
  /** The worker stopped: it no longer counts. */
  leave(workerId: string): Promise<void>;
}

/** A live worker busy with a platform, as another worker's heartbeat sees it. */
export interface BusyWorker {
  id: string;
  /** Its last heartbeat. */
  seenAt: Date;
  /** Whether its part of the platform's budget counts the worker asking (it knew it was busy). */
  countsAsker: boolean;
}
