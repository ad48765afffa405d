/**
 * What a Discord channel shows, for test assertions: each message with who it appears to be from
 * (a webhook's name and the avatar URL it was executed with, or the member), its attachments,
 * reactions, the message it replies to and the thread started from it.
 *
 *   discord.channelView('partnerstadt')  // oldest first; { includeDeleted: true } keeps deleted ones
 *   discord.messageView(id)
 */

import type { APIEmbed } from 'discord.js';

import type { MessageRecord } from './messages.ts';
import type { ReactionStore, ReactionSummary } from './reactions.ts';
import type { WebhookStore } from './webhooks.ts';

export interface AttachmentView {
  readonly id: string;
  readonly filename: string;
  readonly size: number;
  readonly contentType: string | undefined;
  /** Served by the emulator: `fetch(url)` gives the uploaded bytes. */
  readonly url: string;
}

export interface MessageView {
  readonly id: string;
  readonly channelId: string;
  readonly content: string;
  readonly embeds: readonly APIEmbed[];
  /** The user id, or the webhook's id for a webhook post. */
  readonly authorId: string;
  /** The name shown: the webhook's `username`, else the member's global name or username. */
  readonly authorName: string;
  /** The author's avatar hash (for a webhook post, of the avatar URL given). */
  readonly avatar: string | null;
  /** Set for webhook posts. */
  readonly webhookId: string | null;
  /** The `avatar_url` a webhook post was executed with. */
  readonly avatarUrl: string | null;
  readonly attachments: readonly AttachmentView[];
  readonly reactions: readonly ReactionSummary[];
  /** Id of the message this one replies to. */
  readonly replyTo: string | null;
  /** Id of the thread started from this message. */
  readonly threadId: string | null;
  readonly edited: boolean;
  readonly deleted: boolean;
}

export function messageView(
  record: MessageRecord,
  webhooks: WebhookStore,
  reactions: ReactionStore,
): MessageView {
  const { message } = record;
  const post = webhooks.post(message.id);
  return {
    id: message.id,
    channelId: record.channelId,
    content: message.content,
    embeds: message.embeds,
    authorId: message.author.id,
    authorName: post?.username ?? message.author.global_name ?? message.author.username,
    avatar: message.author.avatar,
    webhookId: message.webhook_id ?? null,
    avatarUrl: post?.avatarUrl ?? null,
    attachments: message.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      size: a.size,
      contentType: a.content_type,
      url: a.url,
    })),
    reactions: reactions.summaries(message.id),
    replyTo: message.message_reference?.message_id ?? null,
    threadId: message.thread?.id ?? null,
    edited: message.edited_timestamp !== null,
    deleted: record.deleted,
  };
}
