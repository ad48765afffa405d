/**
 * The relay's channel webhooks: one per relaying channel, named "Twinbridge relay", found among
 * the channel's webhooks or created (both need Manage Webhooks), and kept per channel for the
 * process's life. A webhook someone deleted answers Unknown Webhook: it is forgotten and the
 * next attempt finds or creates another.
 *
 * Webhook calls go through their own REST client without retries: discord.js repeats a request
 * that met a 5xx, and Execute Webhook has no nonce, so a repeat after a lost answer posts twice.
 * The relay poster decides what to do after an unanswered execution instead.
 */
import {
  DiscordAPIError,
  RESTJSONErrorCodes,
  Routes,
  type APIMessage,
  type APIWebhook,
  type REST,
} from 'discord.js';
import type { FileUpload } from '../../core/relay/attachment-files.ts';
import { RELAY_WEBHOOK_NAME } from './relay-copy.ts';

export interface RelayWebhook {
  id: string;
  token: string;
}

/** The bot may not manage webhooks in the channel: relayed copies cannot be posted there. */
export class MissingManageWebhooks extends Error {
  constructor(readonly channelId: string) {
    super(`the bot needs the Manage Webhooks permission in channel ${channelId} to post relayed messages`);
  }
}

const WEBHOOK_CACHE_MAX = 5_000;

export class RelayWebhooks {
  private readonly byChannel = new Map<string, RelayWebhook>();

  constructor(
    /** The bot's REST client (listing and creating webhooks is the bot's). */
    private readonly botRest: REST,
    /** A client without retries of its own, for the webhook's token routes. */
    private readonly webhookRest: REST,
    /** The bot's user id, to tell its own webhooks from others of the same name. */
    private readonly botUserId: () => string | undefined,
  ) {}

  /** The channel's relay webhook, found or created. Throws MissingManageWebhooks without the permission. */
  async forChannel(channelId: string): Promise<RelayWebhook> {
    const known = this.byChannel.get(channelId);
    if (known) return known;
    const webhook = (await this.findExisting(channelId)) ?? (await this.create(channelId));
    if (this.byChannel.size >= WEBHOOK_CACHE_MAX) {
      const oldest = this.byChannel.keys().next();
      if (!oldest.done) this.byChannel.delete(oldest.value);
    }
    this.byChannel.set(channelId, webhook);
    return webhook;
  }

  /** The cached webhook of a channel, without asking Discord. */
  cached(channelId: string): RelayWebhook | undefined {
    return this.byChannel.get(channelId);
  }

  /** Forgets a channel's webhook after Discord said it is gone (Unknown Webhook). */
  forgetIfGone(channelId: string, error: unknown): void {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownWebhook) {
      this.byChannel.delete(channelId);
    }
  }

  /** Executes the webhook; files go as multipart `files[n]`, each listed in `attachments` by its index. */
  async execute(
    webhook: RelayWebhook,
    body: Record<string, unknown>,
    threadId: string | undefined,
    uploads: readonly FileUpload[] = [],
  ): Promise<APIMessage> {
    const files = uploads.map((file, index) => ({
      key: `files[${index}]`,
      name: file.name,
      data: file.data,
      ...(file.contentType ? { contentType: file.contentType } : {}),
    }));
    const attachments = uploads.map((file, index) => ({ id: index, filename: file.name }));
    return (await this.webhookRest.post(Routes.webhook(webhook.id, webhook.token), {
      body: files.length > 0 ? { ...body, attachments } : body,
      ...(files.length > 0 ? { files } : {}),
      query: query({ wait: 'true', thread_id: threadId }),
      auth: false,
    })) as APIMessage;
  }

  async editMessage(
    webhook: RelayWebhook,
    messageId: string,
    body: Record<string, unknown>,
    threadId: string | undefined,
  ): Promise<APIMessage> {
    return (await this.webhookRest.patch(Routes.webhookMessage(webhook.id, webhook.token, messageId), {
      body,
      query: query({ thread_id: threadId }),
      auth: false,
    })) as APIMessage;
  }

  async fetchMessage(
    webhook: RelayWebhook,
    messageId: string,
    threadId: string | undefined,
  ): Promise<APIMessage> {
    return (await this.webhookRest.get(Routes.webhookMessage(webhook.id, webhook.token, messageId), {
      query: query({ thread_id: threadId }),
      auth: false,
    })) as APIMessage;
  }

  async deleteMessage(webhook: RelayWebhook, messageId: string, threadId: string | undefined): Promise<void> {
    await this.webhookRest.delete(Routes.webhookMessage(webhook.id, webhook.token, messageId), {
      query: query({ thread_id: threadId }),
      auth: false,
    });
  }

  private async findExisting(channelId: string): Promise<RelayWebhook | undefined> {
    const webhooks = (await this.guarded(channelId, () =>
      this.botRest.get(Routes.channelWebhooks(channelId)),
    )) as APIWebhook[];
    const bot = this.botUserId();
    const ours = webhooks.find(
      (w) => w.name === RELAY_WEBHOOK_NAME && w.token && (!w.user || bot === undefined || w.user.id === bot),
    );
    return ours?.token ? { id: ours.id, token: ours.token } : undefined;
  }

  private async create(channelId: string): Promise<RelayWebhook> {
    const created = (await this.guarded(channelId, () =>
      this.botRest.post(Routes.channelWebhooks(channelId), { body: { name: RELAY_WEBHOOK_NAME } }),
    )) as APIWebhook;
    if (!created.token) throw new Error('Discord created a webhook without a token');
    return { id: created.id, token: created.token };
  }

  /** A call that needs Manage Webhooks: its refusal becomes MissingManageWebhooks. */
  private async guarded(channelId: string, call: () => Promise<unknown>): Promise<unknown> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.MissingPermissions) {
        throw new MissingManageWebhooks(channelId);
      }
      throw error;
    }
  }
}

function query(values: Record<string, string | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, value);
  return params;
}
