/**
 * Incoming webhooks of channels (developers/resources/webhook.mdx): Create Webhook (Manage
 * Webhooks; names 1-80 characters without "clyde" or "discord"; 15 per channel), Get Channel
 * Webhooks, Execute Webhook (`wait`, `thread_id`, `username`, `avatar_url`, files) and the
 * Get / Edit / Delete Webhook Message routes. Posts carry `webhook_id`, and the author is the
 * webhook under the name and avatar given: a bridge's way of posting as someone else.
 * Execute Webhook has no `nonce`: a retried execution posts twice, as on Discord.
 */

import { createHash, randomBytes } from 'node:crypto';

import type { APIUser, APIWebhook } from 'discord.js';
import { ChannelType, WebhookType } from 'discord.js';

import type { RestResult, UploadedFile } from './http-body.ts';
import { apiErrors, FormErrors } from './http-body.ts';
import type { MessageEventKind } from './message-events.ts';
import type { MessageRecord, MessageStore } from './messages.ts';
import type { SnowflakeGenerator } from './snowflake.ts';
import type { ChannelRecord, DiscordState } from './state.ts';

export interface WebhookRecord {
  readonly id: string;
  readonly token: string;
  readonly channelId: string;
  readonly guildId: string;
  readonly name: string;
  /** Avatar hash of the default avatar, if one was given. */
  readonly avatar: string | null;
  readonly creatorId: string;
}

/** What a webhook post showed, for tests: the name and the avatar URL it was executed with. */
export interface WebhookPost {
  readonly webhookId: string;
  readonly username: string;
  readonly avatarUrl: string | null;
}

const MAX_WEBHOOKS_PER_CHANNEL = 15;

/** Boolean query strings accept True/true/1 and False/false/0 (reference.mdx). */
export function queryFlag(value: string | null): boolean {
  return value !== null && ['true', '1'].includes(value.toLowerCase());
}

/** Discord shows images by hash; the hash of what was given stands in for it. */
function imageHash(source: string): string {
  return createHash('md5').update(source).digest('hex');
}

function checkName(errors: FormErrors, field: string, value: unknown, required: boolean): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || value.length < 1 || value.length > 80) {
    errors.add([field], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 80 in length.');
  } else if (/clyde|discord/i.test(value)) {
    errors.add([field], 'USERNAME_INVALID_CONTAINS', `${field} cannot contain "clyde" or "discord"`);
  }
}

export class WebhookStore {
  readonly #webhooks = new Map<string, WebhookRecord>();
  readonly #posts = new Map<string, WebhookPost>();

  constructor(
    private readonly state: DiscordState,
    private readonly messages: MessageStore,
    private readonly ids: SnowflakeGenerator,
    private readonly messageEvent: (kind: MessageEventKind, record: MessageRecord) => void,
  ) {}

  create(channel: ChannelRecord, body: Record<string, unknown>): WebhookRecord {
    if (channel.guildId === null || channel.type === ChannelType.PublicThread) {
      throw apiErrors.nonTextChannel();
    }
    const errors = new FormErrors();
    checkName(errors, 'name', body.name, true);
    errors.throwIfAny();
    if (this.list(channel.id).length >= MAX_WEBHOOKS_PER_CHANNEL) throw apiErrors.maxWebhooks();
    const webhook: WebhookRecord = {
      id: this.ids.next(),
      // 68 URL-safe characters, the length discord.js's webhook URL parser expects.
      token: randomBytes(51).toString('base64url'),
      channelId: channel.id,
      guildId: channel.guildId,
      name: String(body.name),
      avatar: typeof body.avatar === 'string' ? imageHash(body.avatar) : null,
      creatorId: this.state.bot.id,
    };
    this.#webhooks.set(webhook.id, webhook);
    return webhook;
  }

  list(channelId: string): WebhookRecord[] {
    return [...this.#webhooks.values()].filter((w) => w.channelId === channelId);
  }

  get(id: string): WebhookRecord | undefined {
    return this.#webhooks.get(id);
  }

  /** The webhook a token route names: unknown id 10015, wrong token 401 50027. */
  authorize(id: string, token: string): WebhookRecord {
    const webhook = this.#webhooks.get(id);
    if (!webhook) throw apiErrors.unknownWebhook();
    if (webhook.token !== token) throw apiErrors.invalidWebhookToken();
    return webhook;
  }

  /** The webhook object; token routes answer without `user`. */
  api(webhook: WebhookRecord, withUser = true): APIWebhook {
    const creator = this.state.users.get(webhook.creatorId);
    return {
      id: webhook.id,
      type: WebhookType.Incoming,
      guild_id: webhook.guildId,
      channel_id: webhook.channelId,
      name: webhook.name,
      avatar: webhook.avatar,
      token: webhook.token,
      application_id: null,
      ...(withUser && creator ? { user: this.state.apiUser(creator) } : {}),
    };
  }

  /** POST /webhooks/{id}/{token}: 204 unless `wait`, the message otherwise. */
  execute(
    webhook: WebhookRecord,
    query: URLSearchParams,
    body: Record<string, unknown>,
    files: readonly UploadedFile[],
  ): RestResult {
    const errors = new FormErrors();
    checkName(errors, 'username', body.username, false);
    errors.throwIfAny();
    const channel = this.#target(webhook, query.get('thread_id'));
    const username = typeof body.username === 'string' ? body.username : webhook.name;
    const avatarUrl = typeof body.avatar_url === 'string' ? body.avatar_url : null;
    const author: APIUser = {
      id: webhook.id,
      username,
      discriminator: '0000',
      global_name: null,
      avatar: avatarUrl === null ? webhook.avatar : imageHash(avatarUrl),
      bot: true,
    };
    // Execute Webhook takes no nonce and no message_reference: Discord ignores them.
    const { nonce: _nonce, enforce_nonce: _enforce, message_reference: _reference, ...accepted } = body;
    const created = this.messages.create({
      channel,
      author: { ...this.state.bot, id: webhook.id },
      shownAuthor: author,
      body: accepted,
      files,
      webhookId: webhook.id,
    });
    this.#posts.set(created.message.id, { webhookId: webhook.id, username, avatarUrl });
    this.messageEvent('create', created);
    return queryFlag(query.get('wait')) ? { status: 200, body: created.message } : { status: 204 };
  }

  /** GET / PATCH / DELETE /webhooks/{id}/{token}/messages/{message_id}. */
  message(
    method: 'GET' | 'PATCH' | 'DELETE',
    webhook: WebhookRecord,
    messageId: string,
    query: URLSearchParams,
    body: Record<string, unknown>,
    files: readonly UploadedFile[],
  ): RestResult {
    const channel = this.#target(webhook, query.get('thread_id'));
    const record = this.messages.get(messageId);
    // Only messages this webhook posted, in the channel (or thread) named.
    if (!record || record.message.webhook_id !== webhook.id || record.channelId !== channel.id) {
      throw apiErrors.unknownMessage();
    }
    if (method === 'GET') return { status: 200, body: record.message };
    if (method === 'DELETE') {
      record.deleted = true;
      this.messageEvent('delete', record);
      return { status: 204 };
    }
    const edited = this.messages.edit(record, body, files);
    this.messageEvent('update', edited);
    return { status: 200, body: edited.message };
  }

  /** The name and avatar URL a message was posted under, when a webhook posted it. */
  post(messageId: string): WebhookPost | undefined {
    return this.#posts.get(messageId);
  }

  /** The webhook's channel, or with `thread_id` a thread under it (10003 otherwise). */
  #target(webhook: WebhookRecord, threadId: string | null): ChannelRecord {
    const channel = this.state.channels.get(threadId ?? webhook.channelId);
    if (!channel || (threadId !== null && channel.parentId !== webhook.channelId)) {
      throw apiErrors.unknownChannel();
    }
    return channel;
  }
}
