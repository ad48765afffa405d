/**
 * The relay's vocabulary (docs/RELAY.md): what an adapter reports when a member writes, edits or
 * deletes in a channel, and what the relay keeps of it. Only ids are kept: a relayed message's
 * text lives in the outbox until its copies are sent, then is cleared.
 */
import type { Platform } from '../domain/model.ts';
import type { AttachmentOrigin } from './attachment-files.ts';

/** A channel as the platform names it, and the person acting there. */
export interface RelaySource {
  platform: Platform;
  communityExternalId: string;
  channelId: string;
}

export interface RelayAuthor {
  userId: string;
  displayName: string;
  /** An image URL the platform serves publicly, when it has one. */
  avatarUrl?: string;
}

/** A file attached to a message: its name and size, and how to reach it again (never its bytes). */
export interface RelayAttachment {
  name: string;
  /** What a copy links to when the file is not copied: a link that lasts (Discord: the original message). */
  url: string;
  bytes: number;
  contentType?: string;
  /** What the origin platform needs to fetch the file again at send time; absent: only linked. */
  origin?: AttachmentOrigin;
  /** Added at send time to a file linked instead of copied: why, in the channel's language. */
  note?: string;
}

/** A member's message, its text already in the neutral markdown and with mentions made plain names. */
export interface ArrivedMessage extends RelaySource {
  messageId: string;
  author: RelayAuthor;
  text: string;
  attachments?: RelayAttachment[];
  /** The platform id of the message whose thread (or reply chain) this one belongs to. */
  inReplyTo?: string;
  /** Its edit time when it was edited before it was relayed (read back): the text is that edit's. */
  editId?: string;
}

export interface EditedMessage extends RelaySource {
  messageId: string;
  /** Tells this edit from the others of the message (the platform's edit time): one copy edit each. */
  editId: string;
  author: RelayAuthor;
  text: string;
  attachments?: RelayAttachment[];
}

export interface DeletedMessage extends RelaySource {
  messageId: string;
}

/**
 * A member added or took back a reaction on a relayed message: on its original or on one of its
 * copies (a partner reacting to a copy reacts to the message). Never the bot's own.
 */
export interface ReactionChange extends RelaySource {
  messageId: string;
  userId: string;
  /** The emoji across platforms (src/adapters/shared/emoji-names.ts): Unicode, or a custom emoji's key. */
  emoji: string;
  added: boolean;
}

/** How many people reacted with an emoji on the message's other sides (a copy's wanted state). */
export interface ReactionTally {
  emoji: string;
  count: number;
}

/** One person's reaction as stored: where it sits, and who (`platform:userId`, to count each once). */
export interface StoredReaction {
  linkId: string;
  emoji: string;
  reactor: string;
}

/** An original message the relay copied, by its ids. */
export interface RelayedMessage {
  id: string;
  originLinkId: string;
  originMessageId: string;
  /** The relayed message whose thread this one continues, if any. */
  threadOfId: string | null;
}

/** One copy of a relayed message in another linked channel: its delivery, and once sent its id there. */
export interface RelayCopy {
  deliveryId: string;
  channelLinkId: string;
  platformMessageId: string | null;
}

export interface RelayRepository extends RelayCheckpointRepository {
  /** Records an original; null when it was recorded before (the platform delivered the event twice). */
  recordOriginal(
    data: Omit<RelayedMessage, 'id'> & { lastEditId?: string | null; inReplyTo?: string | null },
  ): Promise<RelayedMessage | null>;
  /** The relayed message a platform message in a linked channel is: its original, or one of its copies. */
  findByPlatformMessage(channelLinkId: string, platformMessageId: string): Promise<RelayedMessage | null>;
  findById(id: string): Promise<RelayedMessage | null>;
  /** Its copies in other channels (the deliveries that posted, or will post, them). */
  copies(relayedId: string): Promise<RelayCopy[]>;
  /** Records the edit its copies now carry (the platform's edit time). */
  recordEdit(relayedId: string, editId: string): Promise<void>;
  /** Records that its removal was relayed. */
  recordDelete(relayedId: string, at: Date): Promise<void>;
  /** Adds (or removes) one person's reaction; false when nothing changed (a repeated event). */
  recordReaction(
    reaction: { relayedId: string; linkId: string; emoji: string; userId: string },
    added: boolean,
  ): Promise<boolean>;
  /** Every reaction to the message, on its original and its copies, oldest first. */
  reactions(relayedId: string): Promise<StoredReaction[]>;
}

/** A relaying link and the newest platform messages the relay knows in its channel. */
export interface KnownInRelayingLink {
  linkId: string;
  communityExternalId: string;
  channelId: string;
  /** The newest original recorded in the link (the newest member's message relayed from there). */
  newestOriginalId: string | null;
  /** The newest copy posted there (the bot's own message: what members wrote after it was missed). */
  newestCopyId: string | null;
  /** The oldest copy posted there since the age bound: a member may have replied in its thread. */
  oldestRecentCopyId: string | null;
}

/**
 * A relaying channel and the platform ids of the newest messages the relay knows there (one or two
 * per link): reading its history resumes after the newest of them, which only the platform can
 * order (Discord snowflakes, Slack timestamps).
 */
export interface RelayResumePoint {
  communityExternalId: string;
  channelId: string;
  knownMessageIds: string[];
  /** The oldest copies posted there since the age bound (one per link): threads may hang on them. */
  oldestRecentCopyIds: string[];
  /**
   * The originals recorded there within the backfill's age bound and not removed, newest first
   * (at most BACKFILL_MAX_ORIGINALS): the history read back shows which were edited or deleted.
   */
  originals: KnownOriginal[];
}

/** An original the relay copied, as a backfill checks it: ids and an edit time only. */
export interface KnownOriginal {
  messageId: string;
  /** The edit time of the text its copies carry; null: never edited. */
  lastEditId: string | null;
  /** It continues a thread (a platform may keep it out of the channel's history). */
  inThread: boolean;
  /**
   * The platform id of the message it answers, as the adapter reported it (Slack: its thread's
   * parent), whether or not the relay knew that message; null: it answers nothing (or it was
   * recorded before this was kept).
   */
  inReplyTo: string | null;
}

export interface RelayCheckpointRepository {
  /** Every active link with relay on in a community of this platform, with what the relay knows there. */
  newestKnownPerRelayingLink(platform: Platform, since: Date): Promise<KnownInRelayingLink[]>;
  /** A link's originals recorded since `since` and not removed, newest first, at most `limit`. */
  originalsSince(linkId: string, since: Date, limit: number): Promise<KnownOriginal[]>;
}
