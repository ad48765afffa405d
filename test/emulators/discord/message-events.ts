/**
 * The gateway events about messages, reactions and threads, each sent only to sessions whose
 * IDENTIFY asked for its intent (developers/events/gateway.mdx, "List of Intents"), in the
 * shapes of developers/events/gateway-events.mdx: MESSAGE_CREATE / MESSAGE_UPDATE (the message
 * with `guild_id`, the author's `member` — none for webhook posts — and `channel_type`),
 * MESSAGE_DELETE, MESSAGE_REACTION_ADD / _REMOVE, THREAD_CREATE / _UPDATE and GUILD_ROLE_UPDATE.
 */

import type { APIMessage, APIPartialEmoji } from 'discord.js';
import { ChannelType, GatewayDispatchEvents, GatewayIntentBits, ReactionType } from 'discord.js';

import type { GatewayServer } from './gateway.ts';
import type { GatewaySession } from './gateway-types.ts';
import type { PrivilegedIntents } from './intents.ts';
import { contentExempt, withoutContent } from './intents.ts';
import type { MessageRecord } from './messages.ts';
import type { ChannelRecord, DiscordState, GuildRecord, RoleRecord } from './state.ts';

export type MessageEventKind = 'create' | 'update' | 'delete';

export class MessageEvents {
  constructor(
    private readonly state: DiscordState,
    private readonly gateway: GatewayServer,
    private readonly privileged: PrivilegedIntents,
    private readonly changed: () => void,
  ) {}

  /**
   * MESSAGE_CREATE / _UPDATE / _DELETE for a stored message. A message sent in an archived thread
   * unarchives it first (topics/threads.mdx; webhook.mdx, Execute Webhook `thread_id`): THREAD_UPDATE.
   */
  message(kind: MessageEventKind, record: MessageRecord): void {
    this.changed();
    const channel = this.state.channels.get(record.channelId);
    if (!channel || record.ephemeral) return;
    if (kind === 'create' && channel.archived === true) this.threadArchived(channel, false);
    const dm = channel.type === ChannelType.DM;
    const wants = this.#wants(dm ? GatewayIntentBits.DirectMessages : GatewayIntentBits.GuildMessages);
    if (kind === 'delete') {
      this.gateway.dispatch(
        GatewayDispatchEvents.MessageDelete,
        { id: record.message.id, channel_id: channel.id, ...guildOf(channel) },
        wants,
      );
      return;
    }
    const event =
      kind === 'create' ? GatewayDispatchEvents.MessageCreate : GatewayDispatchEvents.MessageUpdate;
    const full = gatewayMessage(this.state, record);
    const exempt = contentExempt(full, { botId: this.state.bot.id, isDm: dm, authorId: record.authorId });
    if (exempt) {
      this.gateway.dispatch(event, full, wants);
      return;
    }
    const seesContent = (s: GatewaySession) => this.sessionSeesContent(s);
    this.gateway.dispatch(event, full, (s) => wants(s) && seesContent(s));
    this.gateway.dispatch(event, withoutContent(full), (s) => wants(s) && !seesContent(s));
  }

  /** MESSAGE_REACTION_ADD / _REMOVE by `userId`. */
  reaction(kind: 'add' | 'remove', record: MessageRecord, emoji: APIPartialEmoji, userId: string): void {
    this.changed();
    const channel = this.state.channels.get(record.channelId);
    if (!channel) return;
    const dm = channel.type === ChannelType.DM;
    const wants = this.#wants(
      dm ? GatewayIntentBits.DirectMessageReactions : GatewayIntentBits.GuildMessageReactions,
    );
    const base = {
      user_id: userId,
      channel_id: channel.id,
      message_id: record.message.id,
      ...guildOf(channel),
      emoji,
      burst: false,
      type: ReactionType.Normal,
    };
    if (kind === 'remove') {
      this.gateway.dispatch(GatewayDispatchEvents.MessageReactionRemove, base, wants);
      return;
    }
    const guild = channel.guildId === null ? undefined : this.state.guilds.get(channel.guildId);
    const member = guild?.members.has(userId) ? { member: this.state.apiMember(guild, userId) } : {};
    this.gateway.dispatch(
      GatewayDispatchEvents.MessageReactionAdd,
      { ...base, ...member, message_author_id: record.message.author.id, burst_colors: [] },
      wants,
    );
  }

  /** THREAD_CREATE for a thread just started (Guilds intent). */
  threadCreate(thread: ChannelRecord): void {
    this.gateway.dispatch(
      GatewayDispatchEvents.ThreadCreate,
      { ...this.state.apiChannel(thread), newly_created: true },
      this.#wants(GatewayIntentBits.Guilds),
    );
  }

  /** Archives or unarchives a thread: THREAD_UPDATE (Guilds intent) when that changed anything. */
  threadArchived(thread: ChannelRecord, archived: boolean): void {
    if (!this.state.setArchived(thread, archived)) return;
    this.changed();
    this.gateway.dispatch(
      GatewayDispatchEvents.ThreadUpdate,
      this.state.apiChannel(thread),
      this.#wants(GatewayIntentBits.Guilds),
    );
  }

  /** GUILD_ROLE_UPDATE and a CHANNEL_UPDATE per channel, so the client's permission checks follow. */
  permissionsChanged(guild: GuildRecord, role: RoleRecord): void {
    const wants = this.#wants(GatewayIntentBits.Guilds);
    this.gateway.dispatch(
      GatewayDispatchEvents.GuildRoleUpdate,
      { guild_id: guild.id, role: this.state.apiRole(role) },
      wants,
    );
    for (const id of guild.channelIds) {
      const channel = this.state.channels.get(id);
      if (channel && channel.type !== ChannelType.PublicThread) {
        this.gateway.dispatch(GatewayDispatchEvents.ChannelUpdate, this.state.apiChannel(channel), wants);
      }
    }
  }

  /** A session gets other people's message content only with the intent, and only while the app has it. */
  sessionSeesContent(session: GatewaySession): boolean {
    return (session.intents & GatewayIntentBits.MessageContent) !== 0 && this.privileged.messageContent;
  }

  #wants(intent: number): (session: GatewaySession) => boolean {
    return (session) => (session.intents & intent) !== 0;
  }
}

function guildOf(channel: ChannelRecord): { guild_id?: string } {
  return channel.guildId === null ? {} : { guild_id: channel.guildId };
}

/** Message objects as MESSAGE_CREATE carries them: with guild_id, channel_type and the author's member. */
export function gatewayMessage(
  state: DiscordState,
  record: MessageRecord,
): APIMessage & Record<string, unknown> {
  const channel = state.channels.get(record.channelId);
  const guild = channel?.guildId ? state.guilds.get(channel.guildId) : undefined;
  const channelType = channel ? { channel_type: channel.type } : {};
  if (!guild) return { ...record.message, ...channelType };
  // Webhook posts carry no member (gateway-events.mdx, Message Create extra fields): their author is the webhook.
  if (!guild.members.has(record.authorId)) {
    return { ...record.message, guild_id: guild.id, ...channelType };
  }
  const { user: _user, ...member } = state.apiMember(guild, record.authorId);
  return { ...record.message, guild_id: guild.id, member, ...channelType };
}
