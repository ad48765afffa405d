/**
 * Members' messages → the relay (docs/RELAY.md): MESSAGE_CREATE, MESSAGE_UPDATE and
 * MESSAGE_DELETE (and bulk deletes) in servers become InboundPort.messageArrived / Edited /
 * Deleted, one channel's events after one another in the order the gateway gave them.
 *
 * Relayed: members' own messages (plain ones and replies). Not relayed: bots, webhooks (the
 * relay's own copies come back through the gateway), system messages, direct messages, servers
 * outside DISCORD_ALLOWED_GUILDS. A delete is reported whoever wrote the message: a moderator
 * deleting a relayed copy removes it everywhere.
 *
 * Without the Message Content intent (DISCORD_MESSAGE_CONTENT off) Discord blanks what members
 * write, so only deletes are reported: copies made while it was on still go when their original
 * does.
 *
 * A message in a thread is reported in the thread's channel, as a reply to the thread's starter
 * message (a thread started on a message has that message's id), with the id `threadId/id`
 * (relay-copy.ts: editing or deleting it needs the thread).
 *
 * Reactions (MESSAGE_REACTION_ADD / _REMOVE, Guild Message Reactions intent) become
 * InboundPort.reactionChanged, in the channel's order with its messages, whoever wrote the
 * message (a reaction to a copy is a reaction to the message); not the bot's own (the mirrored
 * ones) nor other bots'. They need no Message Content.
 */
import {
  Events,
  MessageReferenceType,
  MessageType,
  SnowflakeUtil,
  type Client,
  type Message,
  type MessageReaction,
  type OmitPartialGroupDMChannel,
  type PartialMessage,
  type PartialMessageReaction,
  type PartialUser,
  type User,
} from 'discord.js';
import type { InboundPort } from '../../core/adapter-contract.ts';
import { KeyedSerialQueue } from '../../core/async/keyed-serial-queue.ts';
import { resolveLanguage } from '../../core/i18n/languages.ts';
import type { Logger } from '../../core/ports.ts';
import {
  BACKFILL_MAX_AGE_MS,
  logBackfill,
  planBackfill,
  readFloor,
  type BackfillWindow,
  type HistoryEntry,
} from '../../core/relay/backfill.ts';
import type { ArrivedMessage, RelayResumePoint, RelaySource } from '../../core/relay/relay-ports.ts';
import { plainMentions, type MentionNames } from './plain-mentions.ts';
import { messageRef, parseMessageRef } from './relay-copy.ts';
import { customEmojiKey, unicodeEmojiKey } from '../shared/emoji-names.ts';

export interface DiscordRelayRouterOptions {
  /** The operator enabled the Message Content intent (DISCORD_MESSAGE_CONTENT=on). */
  messageContent: boolean;
  /** DISCORD_ALLOWED_GUILDS: messages in other servers are not relayed. Default: every server. */
  allowedGuilds?: readonly string[] | undefined;
}

type AnyMessage = OmitPartialGroupDMChannel<Message | PartialMessage>;
type AnyReaction = MessageReaction | PartialMessageReaction;

/** Members' own messages: the two kinds a person writes. */
const MEMBER_MESSAGE_TYPES: ReadonlySet<MessageType> = new Set([MessageType.Default, MessageType.Reply]);
/** Discord's largest page of channel messages. */
const HISTORY_PAGE = 100;
/** A custom emoji `<:name:id>` (or animated `<a:name:id>`) reads as `:name:` elsewhere. */
const CUSTOM_EMOJI = /<a?:(\w{2,32}):\d{17,20}>/g;

export class DiscordRelayRouter {
  private readonly queue = new KeyedSerialQueue();
  private readonly allowedGuilds: ReadonlySet<string> | undefined;

  constructor(
    private readonly inbound: InboundPort,
    private readonly logger: Logger,
    private readonly options: DiscordRelayRouterOptions,
  ) {
    this.allowedGuilds = options.allowedGuilds ? new Set(options.allowedGuilds) : undefined;
  }

  /** Hands the client's message events to the relay; returns the way to stop. */
  listen(client: Client): () => void {
    const created = (message: AnyMessage) => this.arrived(message);
    const updated = (_before: AnyMessage, after: AnyMessage) => this.edited(after);
    const deleted = (message: AnyMessage) => this.deleted(message);
    const bulkDeleted = (messages: ReadonlyMap<string, AnyMessage>) => {
      for (const message of messages.values()) this.deleted(message);
    };
    const reacted = (reaction: AnyReaction, user: User | PartialUser) =>
      this.reacted(client, reaction, user, true);
    const unreacted = (reaction: AnyReaction, user: User | PartialUser) =>
      this.reacted(client, reaction, user, false);
    client.on(Events.MessageCreate, created);
    client.on(Events.MessageUpdate, updated);
    client.on(Events.MessageDelete, deleted);
    client.on(Events.MessageBulkDelete, bulkDeleted);
    client.on(Events.MessageReactionAdd, reacted);
    client.on(Events.MessageReactionRemove, unreacted);
    return () => {
      client.off(Events.MessageCreate, created);
      client.off(Events.MessageUpdate, updated);
      client.off(Events.MessageDelete, deleted);
      client.off(Events.MessageBulkDelete, bulkDeleted);
      client.off(Events.MessageReactionAdd, reacted);
      client.off(Events.MessageReactionRemove, unreacted);
    };
  }

  /** Resolves once every event received so far has reached the relay (tests, shutdown). */
  whenIdle(): Promise<void> {
    return this.queue.idle();
  }

  /**
   * Reads back what members wrote in relaying channels while the bot was down (docs/RELAY.md,
   * "Backfill"). Called before the gateway connects: each channel's reading is first in that
   * channel's queue, so its live messages wait behind it (a message both read back and received
   * live is recorded once by the relay), and it starts once `connected` says the client is ready.
   */
  backfill(
    client: Client,
    points: readonly RelayResumePoint[],
    connected: Promise<boolean>,
    now: Date,
  ): void {
    if (!this.options.messageContent) return;
    for (const point of points) {
      if (this.allowedGuilds && !this.allowedGuilds.has(point.communityExternalId)) continue;
      this.inOrder(point.channelId, async () => {
        if (!(await connected)) return;
        // A channel that cannot be read (gone, no Read Message History) costs only its backfill.
        await this.readBack(client, point, now).catch((error: unknown) => {
          this.logger.warn({ err: error, channel: point.channelId }, 'relay backfill: could not read back');
        });
      });
    }
  }

  private async readBack(client: Client, point: RelayResumePoint, now: Date): Promise<void> {
    const channel = await client.channels.fetch(point.channelId);
    if (!channel?.isTextBased() || channel.isDMBased()) return;
    // Snowflakes grow with time: the platform's own order of messages.
    const window: BackfillWindow = {
      newestKnown: point.knownMessageIds
        .map((ref) => BigInt(parseMessageRef(ref).messageId))
        .reduce((a, b) => (a > b ? a : b), 0n),
      ageBound: SnowflakeUtil.generate({ timestamp: now.getTime() - BACKFILL_MAX_AGE_MS }),
      // A copy in a thread is not in the channel's history.
      oldestCopy: point.oldestRecentCopyIds
        .filter((ref) => parseMessageRef(ref).threadId === undefined)
        .map((ref) => BigInt(ref))
        .reduce<bigint | undefined>((a, b) => (a === undefined || b < a ? b : a), undefined),
      // A message in a thread is not in its channel's history: neither its edits nor its removal show there.
      originals: point.originals.flatMap((original) => {
        const ref = parseMessageRef(original.messageId);
        if (ref.threadId !== undefined) return [];
        return [{ ...original, order: BigInt(ref.messageId), inHistory: true }];
      }),
    };
    const plan = await planBackfill(
      newestFirst(channel.messages, readFloor(window), (message) => this.entryOf(message)),
      window,
    );
    const where = {
      platform: 'DISCORD',
      communityExternalId: point.communityExternalId,
      channelId: point.channelId,
    } as const;
    for (const entry of plan.edited) {
      const edited = this.describe(entry.message, placeOf(entry.message));
      if (edited && entry.editId) await this.inbound.messageEdited({ ...edited, editId: entry.editId });
    }
    for (const messageId of plan.deleted) await this.inbound.messageDeleted({ ...where, messageId });
    let relayed = 0;
    for (const message of plan.relayed) {
      const arrived = this.describe(message, placeOf(message));
      if (!arrived) continue;
      const editId = message.editedTimestamp ? String(message.editedTimestamp) : undefined;
      await this.inbound.messageArrived({ ...arrived, ...(editId ? { editId } : {}) });
      relayed += 1;
    }
    logBackfill(
      this.logger,
      { platform: 'DISCORD', channel: point.channelId },
      { ...plan, relayed, edited: plan.edited.length, deleted: plan.deleted.length },
    );
  }

  private entryOf(message: Message<true>): HistoryEntry<Message<true>> {
    return {
      message,
      messageId: messageRef(message.id, undefined),
      order: BigInt(message.id),
      editId: message.editedTimestamp ? String(message.editedTimestamp) : undefined,
      members: this.relayable(message),
    };
  }

  private arrived(message: AnyMessage): void {
    if (!this.options.messageContent || !this.relayable(message)) return;
    const place = placeOf(message);
    this.inOrder(place.channelId, () => {
      const arrived = this.describe(message as Message<true>, place);
      return arrived ? this.inbound.messageArrived(arrived) : Promise.resolve();
    });
  }

  private edited(message: AnyMessage): void {
    if (!this.options.messageContent || !this.inServedGuild(message)) return;
    const place = placeOf(message);
    this.inOrder(place.channelId, async () => {
      const full = message.partial ? await message.fetch().catch(() => undefined) : message;
      // An edit has an edit time; an update without one is Discord adding a link's preview.
      if (!full?.editedTimestamp || !this.relayable(full)) return;
      const edited = this.describe(full as Message<true>, place);
      if (edited) await this.inbound.messageEdited({ ...edited, editId: String(full.editedTimestamp) });
    });
  }

  private deleted(message: AnyMessage): void {
    if (!this.inServedGuild(message)) return;
    const place = placeOf(message);
    this.inOrder(place.channelId, () =>
      this.inbound.messageDeleted({
        platform: 'DISCORD',
        communityExternalId: place.guildId,
        channelId: place.channelId,
        messageId: messageRef(message.id, place.threadId),
      }),
    );
  }

  private reacted(client: Client, reaction: AnyReaction, user: User | PartialUser, added: boolean): void {
    const message = reaction.message as AnyMessage;
    // The bot's own reactions are the mirrored ones (the echo); other bots' are not people's.
    if (!this.inServedGuild(message) || user.id === client.user?.id || user.bot === true) return;
    const place = placeOf(message);
    const { id, name } = reaction.emoji;
    if (!name) return;
    const emoji = id ? customEmojiKey('DISCORD', place.guildId, name, id) : unicodeEmojiKey(name);
    this.inOrder(place.channelId, () =>
      this.inbound.reactionChanged({
        platform: 'DISCORD',
        communityExternalId: place.guildId,
        channelId: place.channelId,
        messageId: messageRef(message.id, place.threadId),
        userId: user.id,
        emoji,
        added,
      }),
    );
  }

  private inOrder(channelId: string, work: () => Promise<void>): void {
    void this.queue.run(channelId, work).catch((error: unknown) => {
      this.logger.error({ err: error, channel: channelId }, 'could not hand a Discord message to the relay');
    });
  }

  private inServedGuild(message: AnyMessage): boolean {
    const guildId = message.guildId;
    return guildId !== null && (!this.allowedGuilds || this.allowedGuilds.has(guildId));
  }

  /** A member's own message in a served server. */
  private relayable(message: AnyMessage): boolean {
    if (!this.inServedGuild(message) || message.partial) return false;
    return (
      !message.author.bot &&
      message.webhookId === null &&
      !message.system &&
      MEMBER_MESSAGE_TYPES.has(message.type)
    );
  }

  /** The relay's view of a message; undefined when there is nothing to carry (a sticker alone). */
  private describe(message: Message<true>, place: Place): Omit<ArrivedMessage, 'editId'> | undefined {
    const language = resolveLanguage(message.guild.preferredLocale);
    const text = plainMentions(message.content, mentionNames(message), language).replace(
      CUSTOM_EMOJI,
      ':$1:',
    );
    // The CDN link expires within a day: a copy that cannot carry the file links to the message.
    const attachments = [...message.attachments.values()].map((file) => ({
      name: file.name,
      url: message.url,
      bytes: file.size,
      ...(file.contentType ? { contentType: file.contentType } : {}),
      origin: {
        platform: 'DISCORD' as const,
        communityExternalId: place.guildId,
        channelId: message.channelId,
        messageId: message.id,
        fileId: file.id,
        downloadUrl: file.url,
      },
    }));
    if (text.trim() === '' && attachments.length === 0) return undefined;
    const inReplyTo = place.threadId ?? replyTarget(message);
    const person = message.member ?? message.author;
    return {
      platform: 'DISCORD',
      communityExternalId: place.guildId,
      channelId: place.channelId,
      messageId: messageRef(message.id, place.threadId),
      author: {
        userId: message.author.id,
        displayName: person.displayName,
        avatarUrl: person.displayAvatarURL({ extension: 'png', size: 128 }),
      },
      text,
      ...(attachments.length > 0 ? { attachments } : {}),
      ...(inReplyTo ? { inReplyTo } : {}),
    };
  }
}

/**
 * A channel's messages newer than `floor`, newest first, a page at a time. Read backwards with
 * `before`: with `after` Discord answers with the oldest messages after the id, and the newest
 * are the ones kept when there are too many.
 */
async function* newestFirst<T>(
  messages: {
    fetch(options: { limit: number; before?: string }): Promise<ReadonlyMap<string, Message<true>>>;
  },
  floor: bigint,
  entryOf: (message: Message<true>) => T,
): AsyncGenerator<T[]> {
  let before: string | undefined;
  for (;;) {
    const page = [...(await messages.fetch({ limit: HISTORY_PAGE, ...(before ? { before } : {}) })).values()];
    page.sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
    const newer = page.filter((m) => BigInt(m.id) > floor);
    if (newer.length > 0) yield newer.map(entryOf);
    const oldest = page.at(-1);
    if (!oldest || newer.length < page.length || page.length < HISTORY_PAGE) return;
    before = oldest.id;
  }
}

/** Where the relay sees a message: the linked channel, and the thread within it. */
interface Place extends Pick<RelaySource, 'channelId'> {
  guildId: string;
  threadId: string | undefined;
}

function placeOf(message: AnyMessage): Place {
  const guildId = message.guildId ?? '';
  const channel = message.channel as AnyMessage['channel'] | null;
  if (channel?.isThread() && channel.parentId) {
    return { guildId, channelId: channel.parentId, threadId: channel.id };
  }
  return { guildId, channelId: message.channelId, threadId: undefined };
}

/** The message a reply answers, when it is in the same channel (not a forward). */
function replyTarget(message: Message<true>): string | undefined {
  const reference = message.reference;
  if (!reference?.messageId || reference.type !== MessageReferenceType.Default) return undefined;
  return reference.channelId === message.channelId ? reference.messageId : undefined;
}

/** Names behind the mentions in a message: what Discord resolved with it, then the caches. */
function mentionNames(message: Message<true>): MentionNames {
  const { mentions, guild, client } = message;
  return {
    member: (id) => {
      const member = mentions.members?.get(id) ?? guild.members.cache.get(id);
      if (member) return member.displayName;
      return (mentions.users.get(id) ?? client.users.cache.get(id))?.displayName;
    },
    role: (id) => (mentions.roles.get(id) ?? guild.roles.cache.get(id))?.name,
    channel: (id) => {
      const channel = mentions.channels.get(id) ?? client.channels.cache.get(id);
      return channel && 'name' in channel && channel.name ? channel.name : undefined;
    },
  };
}
