/**
 * What people do in channels, for tests to drive — write (with attachments, as a reply, in a
 * thread), edit, delete, react, unreact, start a thread, and Discord archiving a thread — and the
 * reaction and thread changes
 * the bot's own REST calls make. Each change is stored and sent on the gateway
 * (message-events.ts), so the bot sees it as it would on Discord.
 *
 *   const sent = discord.memberWrites({ guild: 'Passau', channel: 'partnerstadt', user: 'max',
 *     content: 'Servus!', attachments: [{ filename: 'plan.pdf', data: bytes }], replyTo, thread });
 *   discord.memberEdits(sent.id, 'Servus, Krumlov!'); discord.memberDeletes(sent.id);
 *   discord.memberReacts(sent.id, 'max', '👍'); discord.memberUnreacts(sent.id, 'max', '👍');
 *   const threadId = discord.memberStartsThread({ channel: 'partnerstadt', user: 'max', name: 'Fest', fromMessage: sent.id });
 *   discord.threadArchives(threadId);   // archived: no edits or reactions there; writing unarchives it
 */

import type { APIMessage, APIPartialEmoji } from 'discord.js';
import { MessageFlags } from 'discord.js';

import type { UploadedFile } from './http-body.ts';
import type { MessageEvents } from './message-events.ts';
import type { MessageRecord, MessageStore } from './messages.ts';
import type { ReactionStore } from './reactions.ts';
import { parseEmoji } from './reactions.ts';
import type { ChannelRecord, DiscordState, GuildRecord, UserRecord } from './state.ts';

export interface MemberAttachment {
  readonly filename: string;
  readonly data: Buffer | string;
  /** Default `application/octet-stream`. */
  readonly contentType?: string;
}

export interface MemberWriteInput {
  /** Guild id or name; default the first guild. */
  readonly guild?: string;
  /** Channel id or name. */
  readonly channel: string;
  /** A thread (id or name) under `channel` to write in. */
  readonly thread?: string;
  /** User id or username; must be a member of the guild. */
  readonly user: string;
  readonly content: string;
  /** Uploaded with the message (10 MiB each at most, as for anyone without Nitro). */
  readonly attachments?: readonly MemberAttachment[];
  /** Id of the message in the same channel this one replies to. */
  readonly replyTo?: string;
}

export interface ThreadStartInput {
  readonly guild?: string;
  /** The text channel the thread goes under. */
  readonly channel: string;
  readonly user: string;
  readonly name: string;
  /** Start it from this message: the thread then has the message's id, as on Discord. */
  readonly fromMessage?: string;
}

export class ChannelActivity {
  constructor(
    private readonly state: DiscordState,
    private readonly messages: MessageStore,
    private readonly reactions: ReactionStore,
    private readonly events: MessageEvents,
  ) {}

  writes(input: MemberWriteInput): APIMessage {
    const guild = this.state.requireGuild(input.guild);
    const user = this.#member(guild, input.user);
    const parent = this.state.requireChannel(input.channel, guild.id);
    const channel = input.thread === undefined ? parent : this.#thread(parent, guild, input.thread);
    const files: UploadedFile[] = (input.attachments ?? []).map((a, i) => ({
      field: `files[${i}]`,
      filename: a.filename,
      contentType: a.contentType ?? 'application/octet-stream',
      data: typeof a.data === 'string' ? Buffer.from(a.data) : a.data,
    }));
    const record = this.messages.create({
      channel,
      author: user,
      body: {
        content: input.content,
        ...(input.replyTo === undefined ? {} : { message_reference: { message_id: input.replyTo } }),
      },
      files,
    });
    this.events.message('create', record);
    return record.message;
  }

  edits(messageId: string, content: string): APIMessage {
    const record = this.#human(messageId);
    this.#notArchived(record, 'edit messages');
    const edited = this.messages.edit(record, { content }, []);
    this.events.message('update', edited);
    return edited.message;
  }

  deletes(messageId: string): void {
    const record = this.#human(messageId);
    record.deleted = true;
    this.events.message('delete', record);
  }

  /** `emoji`: a Unicode emoji or `name:id`. Reacting twice with the same emoji changes nothing. */
  reacts(messageId: string, user: string, emoji: string): void {
    const record = this.#existing(messageId);
    this.#notArchived(record, 'add reactions');
    this.react('add', record, parseEmoji(emoji), this.state.requireUser(user).id);
  }

  unreacts(messageId: string, user: string, emoji: string): void {
    this.react('remove', this.#existing(messageId), parseEmoji(emoji), this.state.requireUser(user).id);
  }

  /** Whether anyone reacted to the message with this emoji. */
  reactionExists(record: MessageRecord, emoji: APIPartialEmoji): boolean {
    return this.reactions.has(record.message.id, emoji);
  }

  /** Adds or removes a reaction and tells the gateway, unless nothing changed. */
  react(kind: 'add' | 'remove', record: MessageRecord, emoji: APIPartialEmoji, userId: string): void {
    const changed =
      kind === 'add'
        ? this.reactions.add(record.message.id, emoji, userId)
        : this.reactions.remove(record.message.id, emoji, userId);
    if (!changed) return;
    const { reactions: _old, ...message } = record.message;
    const reactions = this.reactions.render(record.message.id, this.state.bot.id);
    record.message = reactions.length === 0 ? message : { ...message, reactions };
    this.events.reaction(kind, record, emoji, userId);
  }

  startsThread(input: ThreadStartInput): string {
    const guild = this.state.requireGuild(input.guild);
    const user = this.#member(guild, input.user);
    const parent = this.state.requireChannel(input.channel, guild.id);
    const starter = input.fromMessage === undefined ? undefined : this.#existing(input.fromMessage);
    return this.startThread(parent, input.name, user.id, starter).id;
  }

  /** A public thread under `parent`, from `starter` when given; THREAD_CREATE goes out. */
  startThread(parent: ChannelRecord, name: string, ownerId: string, starter?: MessageRecord): ChannelRecord {
    if (starter && starter.channelId !== parent.id) {
      throw new Error('Discord emulator: a thread starts from a message of its own channel');
    }
    const thread = this.state.addThread(parent, { id: starter?.message.id, name, ownerId });
    if (starter) {
      starter.message = {
        ...starter.message,
        flags: (starter.message.flags ?? 0) | MessageFlags.HasThread,
        thread: this.state.apiChannel(thread),
      };
    }
    this.events.threadCreate(thread);
    return thread;
  }

  /**
   * Discord archives a thread (id or name) after its auto-archive duration of inactivity, or a
   * member archives it: THREAD_UPDATE; List Active Guild Threads and GUILD_CREATE leave it out.
   */
  archivesThread(ref: string): void {
    const thread = this.state.requireChannel(ref);
    this.events.threadArchived(thread, true);
  }

  /** topics/threads.mdx: "Users cannot edit messages, add reactions […] in archived threads." */
  #notArchived(record: MessageRecord, what: string): void {
    const channel = this.state.channels.get(record.channelId);
    if (channel?.archived === true) {
      throw new Error(`Discord emulator: members cannot ${what} in an archived thread (write in it first)`);
    }
  }

  #member(guild: GuildRecord, ref: string): UserRecord {
    const user = this.state.requireUser(ref);
    if (!guild.members.has(user.id)) {
      throw new Error(`Discord emulator: ${user.username} is not a member of ${guild.name}`);
    }
    return user;
  }

  #thread(parent: ChannelRecord, guild: GuildRecord, ref: string): ChannelRecord {
    const thread = this.state.findChannel(ref, guild.id);
    if (!thread || thread.parentId !== parent.id) {
      throw new Error(`Discord emulator: no thread ${ref} under #${parent.name ?? parent.id}`);
    }
    return thread;
  }

  #existing(messageId: string): MessageRecord {
    const record = this.messages.get(messageId);
    if (!record) throw new Error(`Discord emulator: no message ${messageId}`);
    return record;
  }

  /** A message a person wrote (not the bot's, not a webhook's): only its author edits it. */
  #human(messageId: string): MessageRecord {
    const record = this.#existing(messageId);
    const author = this.state.users.get(record.authorId);
    if (!author || author.bot || record.message.webhook_id !== undefined) {
      throw new Error(`Discord emulator: message ${messageId} was not written by a member`);
    }
    return record;
  }
}
