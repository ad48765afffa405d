// Members writing in channels, and the message events Slack sends an app about them
// (docs.slack.dev/reference/events/message, …/message/message_changed, …/message/message_deleted):
//
//   slack.members.subscribe(['message.channels', 'message.groups']);   // the app's manifest
//   slack.members.deliverTo(eventsUrl);              // HTTP mode; Socket Mode without it
//   const m = await slack.members.writes({ channel, user, text, threadTs?, files? });
//   await slack.members.edits(channel, m.ts, 'new text');
//   await slack.members.deletes(channel, m.ts);
//   await slack.members.botWrites({ channel, botId, username, text });   // another app's bot
//   await slack.members.reacts(channel, m.ts, user, 'thumbsup');   // reaction_added
//   await slack.members.unreacts(channel, m.ts, user, 'thumbsup'); // reaction_removed
//   await slack.members.settled();                   // every event so far answered by the app
//
// An event is sent only for what the app subscribed to (none by default, as an app whose
// manifest lists no message events), in a channel the bot is in, when the workspace granted the
// channel's history scope (channels:history, groups:history), as Slack requires. The bot's own
// posts, edits and deletes are sent back too, with `bot_id` (and subtype bot_message under a
// custom name): an app must not take them for members' messages. Reaction events
// (docs.slack.dev/reference/events/reaction_added, …/reaction_removed) go to an app subscribed to
// them whose workspace granted reactions:read, the bot's own reactions included (with its user
// id). Each write resolves once the app answered its event.

import type { EventInput } from './interactions.ts';
import { historyScope, type MessageChange } from './message-api.ts';
import { fileJson } from './files-api.ts';
import type { Channel, SlackState, StoredFile, StoredMessage } from './state.ts';
import type { WebApiEnv } from './web-api.ts';
import { ApiError, messageJson } from './web-api.ts';
import { changeReaction } from './reactions.ts';

export interface MemberWriteInput {
  /** The workspace; default the channel's. */
  team?: string;
  channel: string;
  user: string;
  text: string;
  /** A reply in the thread of this message. */
  threadTs?: string;
  /** Files shared with the message (a `file_share`); `size` alone stands for that many zero bytes. */
  files?: readonly { name: string; mimetype?: string; size?: number; data?: string | Buffer }[];
}

/** The events a manifest can subscribe to for channel messages. */
export type MessageEventName = 'message.channels' | 'message.groups' | 'message.im';
/** The events a manifest can subscribe to for reactions. */
export type ReactionEventName = 'reaction_added' | 'reaction_removed';

export interface MemberMessagesContext {
  readonly state: SlackState;
  readonly env: () => WebApiEnv;
  /** Sends an event to the app (Socket Mode or HTTP); resolves with its answer's HTTP status, 200 for a socket ack. */
  readonly deliver: (input: EventInput, url: string | undefined) => Promise<number>;
}

export class MemberMessages {
  private subscribed = new Set<MessageEventName | ReactionEventName>();
  private eventsUrl: string | undefined;
  private readonly pending = new Set<Promise<unknown>>();
  /** Events the app did not answer with 200 (or an error sending them), for a failing test to show. */
  readonly unanswered: { event: Record<string, unknown>; outcome: string }[] = [];

  constructor(private readonly ctx: MemberMessagesContext) {}

  /** The message and reaction events the app's manifest subscribes to (replaces the earlier list). */
  subscribe(events: readonly (MessageEventName | ReactionEventName)[]): void {
    this.subscribed = new Set(events);
  }

  /** Sends events to this HTTP endpoint; undefined: over Socket Mode. */
  deliverTo(url: string | undefined): void {
    this.eventsUrl = url;
  }

  async writes(input: MemberWriteInput): Promise<StoredMessage> {
    const channel = this.channel(input.channel);
    const ts = this.ctx.state.nextTs();
    const files = input.files?.map((file) => {
      const id = this.ctx.state.newId('F', 8);
      const data = file.data === undefined ? Buffer.alloc(file.size ?? 0) : Buffer.from(file.data);
      const stored: StoredFile = {
        id,
        teamId: channel.teamId,
        user: input.user,
        name: file.name,
        title: file.name,
        mimetype: file.mimetype ?? 'application/octet-stream',
        size: data.length,
        data,
        uploadKey: undefined,
        completed: true,
        deleted: false,
        shares: [],
      };
      this.ctx.state.files.set(id, stored);
      // Opening it takes the workspace's token (Authorization: Bearer), as on Slack (files-api.ts).
      return fileJson(this.ctx.env(), stored);
    });
    const message: StoredMessage = {
      channel: channel.id,
      ts,
      teamId: input.team ?? channel.teamId,
      user: input.user,
      botId: undefined,
      text: input.text,
      blocks: undefined,
      threadTs: input.threadTs,
      args: {},
      edits: 0,
      deleted: false,
      ...(files ? { files } : {}),
    };
    this.ctx.state.messages.push(message);
    for (const file of files ?? []) {
      const share = { channel: channel.id, isPrivate: channel.isPrivate, ts, threadTs: input.threadTs };
      this.ctx.state.files.get(String(file['id']))?.shares.push(share);
    }
    await this.send(channel, input.user, {
      ...messageJson(this.ctx.env(), message),
      ...(files ? { subtype: 'file_share' } : {}),
    });
    return message;
  }

  /** A member deletes a file they shared: files.info answers file_deleted, its URLs 404. */
  deletesFile(fileId: string): void {
    const file = this.ctx.state.files.get(fileId);
    if (!file) throw new Error(`no file ${fileId}`);
    file.deleted = true;
  }

  /** Another app's bot posts (an integration under its own name): a bot_message. */
  async botWrites(input: {
    channel: string;
    botId: string;
    username: string;
    text: string;
  }): Promise<StoredMessage> {
    const channel = this.channel(input.channel);
    const message: StoredMessage = {
      channel: channel.id,
      ts: this.ctx.state.nextTs(),
      teamId: channel.teamId,
      user: '',
      botId: input.botId,
      text: input.text,
      blocks: undefined,
      threadTs: undefined,
      args: {},
      edits: 0,
      deleted: false,
      username: input.username,
    };
    this.ctx.state.messages.push(message);
    await this.changed({ kind: 'posted', message });
    return message;
  }

  async edits(channelId: string, ts: string, text: string): Promise<void> {
    const message = this.find(channelId, ts);
    const previous = messageJson(this.ctx.env(), message);
    message.text = text;
    message.edits += 1;
    message.editedTs = this.ctx.state.nextTs();
    await this.changed({ kind: 'changed', message, previous });
  }

  /** A member reacts to a message with an emoji name (a standard or the workspace's custom one). */
  reacts(channelId: string, ts: string, user: string, name: string): Promise<void> {
    return this.memberReaction(channelId, ts, user, name, true);
  }

  unreacts(channelId: string, ts: string, user: string, name: string): Promise<void> {
    return this.memberReaction(channelId, ts, user, name, false);
  }

  private async memberReaction(
    channelId: string,
    ts: string,
    user: string,
    name: string,
    added: boolean,
  ): Promise<void> {
    const message = this.find(channelId, ts);
    const channel = this.channel(channelId);
    if (added && !this.ctx.env().customEmoji.validName(channel.teamId, name)) {
      throw new ApiError('invalid_name');
    }
    const refused = changeReaction(message, name, user, added);
    if (refused) throw new ApiError(refused);
    await this.changed({ kind: 'reaction', message, user, name, added });
  }

  async deletes(channelId: string, ts: string): Promise<void> {
    const message = this.find(channelId, ts);
    const previous = messageJson(this.ctx.env(), message);
    message.deleted = true;
    await this.changed({ kind: 'deleted', message, previous });
  }

  /** A message posted, changed or deleted (by a member, or by the bot through the Web API). */
  changed(change: MessageChange): Promise<void> {
    const { message } = change;
    const channel = this.channel(message.channel);
    const env = this.ctx.env();
    switch (change.kind) {
      case 'posted':
        return this.send(channel, message.user, messageJson(env, message));
      case 'changed':
        return this.send(channel, undefined, {
          subtype: 'message_changed',
          hidden: true,
          ts: message.editedTs,
          message: messageJson(env, message),
          previous_message: change.previous,
        });
      case 'deleted':
        return this.send(channel, undefined, {
          subtype: 'message_deleted',
          hidden: true,
          ts: this.ctx.state.nextTs(),
          deleted_ts: message.ts,
          previous_message: change.previous,
        });
      case 'reaction':
        return this.sendReaction(channel, change);
    }
  }

  private async sendReaction(
    channel: Channel,
    change: Extract<MessageChange, { kind: 'reaction' }>,
  ): Promise<void> {
    const type: ReactionEventName = change.added ? 'reaction_added' : 'reaction_removed';
    const workspace = this.ctx.state.workspaces.get(channel.teamId);
    if (!this.subscribed.has(type) || !channel.botIsMember || !workspace?.installed) return;
    if (!workspace.scopes.includes('reactions:read')) return;
    const event = {
      type,
      user: change.user,
      reaction: change.name,
      item_user: change.message.user,
      item: { type: 'message', channel: channel.id, ts: change.message.ts },
      event_ts: this.ctx.state.nextTs(),
    };
    await this.track(event, { teamId: channel.teamId, channelId: channel.id, event });
  }

  /** Resolves once every event sent so far was answered (or failed). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async send(
    channel: Channel,
    user: string | undefined,
    inner: Record<string, unknown>,
  ): Promise<void> {
    if (!this.wanted(channel)) return;
    const event: { type: string } & Record<string, unknown> = {
      type: 'message',
      channel: channel.id,
      channel_type: channel.isIm ? 'im' : channel.isPrivate ? 'group' : 'channel',
      // Present only when someone (or the bot user) wrote it; edits and deletes carry none.
      user,
      ...inner,
    };
    if (event['ts'] !== undefined) event['event_ts'] = event['ts'];
    await this.track(event, { teamId: channel.teamId, channelId: channel.id, event });
  }

  /** Sends one event, noting an answer other than 200; resolves once it was answered. */
  private async track(event: Record<string, unknown>, input: EventInput): Promise<void> {
    const delivery = this.ctx.deliver(input, this.eventsUrl).then(
      (status) => {
        if (status !== 200) this.unanswered.push({ event, outcome: `HTTP ${status}` });
      },
      (error: unknown) => {
        this.unanswered.push({ event, outcome: String(error) });
      },
    );
    this.pending.add(delivery);
    await delivery;
    this.pending.delete(delivery);
  }

  private wanted(channel: Channel): boolean {
    const name: MessageEventName = channel.isIm
      ? 'message.im'
      : channel.isPrivate
        ? 'message.groups'
        : 'message.channels';
    const workspace = this.ctx.state.workspaces.get(channel.teamId);
    return (
      this.subscribed.has(name) &&
      channel.botIsMember &&
      workspace !== undefined &&
      workspace.installed &&
      workspace.scopes.includes(historyScope(channel))
    );
  }

  private channel(id: string): Channel {
    const channel = this.ctx.state.channels.get(id);
    if (channel === undefined) throw new Error(`no channel ${id} in the emulator`);
    return channel;
  }

  private find(channelId: string, ts: string): StoredMessage {
    const message = this.ctx.state.findMessage(channelId, ts);
    if (message === undefined) throw new Error(`no message ${ts} in ${channelId}`);
    return message;
  }
}
