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
  ShardClientUtil,
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
import { readBack, type BackfillParts } from './discord-backfill.ts';
import type { ArrivedMessage, RelayResumePoint, RelaySource } from '../../core/relay/relay-ports.ts';
import { plainMentions, type MentionNames } from './plain-mentions.ts';
import { messageRef } from './relay-copy.ts';
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
/** A custom emoji `<:name:id>` (or animated `<a:name:id>`) reads as `:name:` elsewhere. */
const CUSTOM_EMOJI = /<a?:(\w{2,32}):\d{17,20}>/g;

export class DiscordRelayRouter {
  private readonly queue = new KeyedSerialQueue();
  private readonly allowedGuilds: ReadonlySet<string> | undefined;
  private readonly backfillParts: BackfillParts;

  constructor(
    private readonly inbound: InboundPort,
    private readonly logger: Logger,
    private readonly options: DiscordRelayRouterOptions,
  ) {
    this.allowedGuilds = options.allowedGuilds ? new Set(options.allowedGuilds) : undefined;
    this.backfillParts = {
      inbound,
      logger,
      relayable: (message) => this.relayable(message),
      describe: (message) => this.describe(message, placeOf(message)),
    };
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
   * Only channels of servers on this client's shards: each process reads back its own.
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
      // Another process's shard holds the server: that process reads it back, ahead of the live
      // messages it receives (here discord.js would not even build a channel of an uncached server).
      if (!onOwnShard(client, point.communityExternalId)) continue;
      this.inOrder(point.channelId, async () => {
        if (!(await connected)) return;
        // A channel that cannot be read (gone, no Read Message History) costs only its backfill.
        await readBack(this.backfillParts, client, point, now).catch((error: unknown) => {
          this.logger.warn({ err: error, channel: point.channelId }, 'relay backfill: could not read back');
        });
      });
    }
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

/** Whether a server's gateway events come to this client: it runs the shard the server lives on. */
function onOwnShard(client: Client, guildId: string): boolean {
  const { shards, shardCount } = client.options;
  if (!Array.isArray(shards)) return true;
  return shards.includes(ShardClientUtil.shardIdForGuildId(guildId, shardCount ?? 1));
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
