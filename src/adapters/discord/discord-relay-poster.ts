/**
 * Relayed copies on Discord (docs/RELAY.md): posted through the channel's relay webhook
 * (relay-webhooks.ts) under the author's "Name (Town)" and avatar, in the thread of the message
 * they answer — a thread the bot starts on that message when it has none yet (a copy of a Slack
 * thread's root) — and edited or removed through the same webhook.
 *
 * Duplicates. Execute Webhook has no nonce. When an execution got no answer (5xx, a dropped
 * connection, a timeout), the post may or may not be there: the failure says so (`unanswered`)
 * and the outbox records it with the delivery, as it does when a worker stopped while sending
 * (a takeover). The next attempt, by this process or another after a restart
 * (`placement.unansweredBefore`), first looks through the channel's (or thread's) latest
 * messages for this webhook's post with the same name and content, and posts only when there is
 * none. While that lookup cannot be answered the attempt ends retryable without posting. A post
 * whose answer came after the outbox stopped waiting (it retries) is remembered with its id in
 * this process, and the retry returns it without a lookup.
 *
 * Permissions: Manage Webhooks to find or create the webhook (without it a copy fails for good,
 * naming it, and the channel is not marked broken: the bot still posts there otherwise); Create
 * Public Threads to start a thread (without it a reply is posted in the channel); Manage Messages
 * to delete a member's original (a moderator removed its copy elsewhere).
 */
import {
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  RESTJSONErrorCodes,
  Routes,
  type APIChannel,
  type APIMessage,
  type REST,
} from 'discord.js';
import type {
  Abandoned,
  ChannelTarget,
  Logger,
  OutgoingMessage,
  PostPlacement,
  PostResult,
} from '../../core/ports.ts';
import { postFailure } from './discord-errors.ts';
import { messageRef, parseMessageRef, relayContent, threadName, webhookUsername } from './relay-copy.ts';
import { MissingManageWebhooks, type RelayWebhook, type RelayWebhooks } from './relay-webhooks.ts';

const NO_MENTIONS = { parse: [] };
const ABANDONED: PostResult = {
  ok: false,
  retryable: true,
  reason: 'abandoned by the outbox (send timeout): not posted',
};
/** How far back a retry looks for its earlier post: the channel's latest messages. */
const LOOKBACK = 50;
const REMEMBERED_MAX = 5_000;

export class DiscordRelayPoster {
  /**
   * Deliveries posted, with the copy's id: an answer that came after the outbox stopped waiting
   * (it retries the delivery) is not posted a second time.
   */
  private readonly posted = new Map<string, string>();
  /** Messages known to have a thread (its id is theirs). */
  private readonly threads = new Set<string>();
  /** Channels whose missing permission was logged already. */
  private readonly warned = new Set<string>();

  constructor(
    private readonly botRest: REST,
    private readonly webhooks: RelayWebhooks,
    private readonly logger: Logger,
  ) {}

  async post(
    target: ChannelTarget,
    message: OutgoingMessage,
    key: string,
    abandoned: Abandoned | undefined,
    placement: PostPlacement | undefined,
  ): Promise<PostResult> {
    const earlierRef = this.posted.get(key);
    if (earlierRef) return { ok: true, platformMessageId: earlierRef };
    let executing = false;
    try {
      const webhook = await this.webhooks.forChannel(target.channelId);
      const threadId = placement?.threadMessageId
        ? await this.threadFor(target, placement.threadMessageId, message.text)
        : undefined;
      const body = {
        content: relayContent(message),
        username: webhookUsername(message.author ?? { name: '?', town: '' }),
        ...(message.author?.avatarUrl ? { avatar_url: message.author.avatarUrl } : {}),
        allowed_mentions: NO_MENTIONS,
      };
      if (placement?.unansweredBefore) {
        const files = message.uploads?.length ?? 0;
        const earlier = await this.findEarlier(webhook, threadId ?? target.channelId, body, files);
        if (earlier === 'unknown') {
          return {
            ok: false,
            retryable: true,
            reason: 'Discord: could not look for an earlier unanswered post',
          };
        }
        if (earlier) {
          this.logger.info(
            { channel: target.channelId },
            'Discord relay post found after an unanswered attempt',
          );
          return { ok: true, platformMessageId: messageRef(earlier.id, threadId) };
        }
      }
      if (abandoned?.aborted) return ABANDONED;
      executing = true;
      const sent = await this.webhooks.execute(webhook, body, threadId, message.uploads);
      const ref = messageRef(sent.id, threadId);
      if (this.posted.size >= REMEMBERED_MAX) this.posted.delete(this.posted.keys().next().value ?? '');
      this.posted.set(key, ref);
      return { ok: true, platformMessageId: ref };
    } catch (error) {
      const failure = this.failure(error, target);
      // The execution may have posted: the outbox keeps that, so the next attempt looks first.
      return executing && answerMayBeLost(error) && !failure.ok ? { ...failure, unanswered: true } : failure;
    }
  }

  async edit(target: ChannelTarget, ref: string, message: OutgoingMessage): Promise<PostResult> {
    const { messageId, threadId } = parseMessageRef(ref);
    try {
      const webhook = await this.webhooks.forChannel(target.channelId);
      const body = { content: relayContent(message), allowed_mentions: NO_MENTIONS };
      await this.webhooks.editMessage(webhook, messageId, body, threadId);
      return { ok: true, platformMessageId: ref };
    } catch (error) {
      return this.failure(error, target);
    }
  }

  /** A copy goes through its webhook; a member's original (or a copy of another webhook) as the bot. */
  async remove(target: ChannelTarget, ref: string): Promise<PostResult> {
    const { messageId, threadId } = parseMessageRef(ref);
    try {
      const webhook = await this.webhooks.forChannel(target.channelId).catch((error: unknown) => {
        if (error instanceof MissingManageWebhooks) return undefined;
        throw error;
      });
      if (webhook && (await this.removedByWebhook(webhook, messageId, threadId)))
        return { ok: true, platformMessageId: ref };
      await this.botRest.delete(Routes.channelMessage(threadId ?? target.channelId, messageId));
    } catch (error) {
      if (isCode(error, RESTJSONErrorCodes.UnknownMessage)) return { ok: true, platformMessageId: ref };
      if (isCode(error, RESTJSONErrorCodes.MissingPermissions)) {
        const reason = `Discord: the bot needs the Manage Messages permission in channel ${target.channelId} to delete a member's message removed elsewhere`;
        this.warnOnce(`messages:${target.channelId}`, reason);
        return { ok: false, retryable: false, reason };
      }
      return this.failure(error, target);
    }
    return { ok: true, platformMessageId: ref };
  }

  /** True when the webhook deleted it; false when it is not this webhook's message (or gone). */
  private async removedByWebhook(webhook: RelayWebhook, messageId: string, threadId: string | undefined) {
    try {
      await this.webhooks.deleteMessage(webhook, messageId, threadId);
      return true;
    } catch (error) {
      if (isCode(error, RESTJSONErrorCodes.UnknownMessage)) return false;
      throw error;
    }
  }

  /**
   * This webhook's post with the same name, content and number of files among the latest
   * messages (not their names: Discord may rewrite them); 'unknown' when Discord cannot say.
   */
  private async findEarlier(
    webhook: RelayWebhook,
    channelId: string,
    body: { content: string; username: string },
    files: number,
  ): Promise<APIMessage | 'unknown' | undefined> {
    try {
      const query = new URLSearchParams({ limit: String(LOOKBACK) });
      const latest = (await this.botRest.get(Routes.channelMessages(channelId), { query })) as APIMessage[];
      return latest.find(
        (m) =>
          m.webhook_id === webhook.id &&
          m.content === body.content &&
          m.author.username === body.username &&
          m.attachments.length === files,
      );
    } catch (error) {
      const failure = postFailure(error, 'channel');
      this.logger.warn(
        { err: error, channel: channelId },
        'could not read Discord history for an unanswered post',
      );
      // A refusal that will not change (no Read Message History): better twice than never.
      return failure.retryable ? 'unknown' : undefined;
    }
  }

  /** The thread of the message a reply continues: its own, or one the bot starts on it. */
  private async threadFor(target: ChannelTarget, rootRef: string, text: string): Promise<string | undefined> {
    const root = parseMessageRef(rootRef);
    if (root.threadId) return root.threadId;
    if (this.threads.has(root.messageId)) return root.messageId;
    try {
      const thread = (await this.botRest.post(Routes.threads(target.channelId, root.messageId), {
        body: { name: threadName(text) },
      })) as APIChannel;
      remember(this.threads, thread.id);
      return thread.id;
    } catch (error) {
      // Discord gives a thread started on a message the message's id.
      if (isCode(error, RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage)) {
        remember(this.threads, root.messageId);
        return root.messageId;
      }
      if (isCode(error, RESTJSONErrorCodes.UnknownMessage)) return undefined;
      if (isCode(error, RESTJSONErrorCodes.MissingPermissions)) {
        this.warnOnce(
          `threads:${target.channelId}`,
          `Discord: the bot needs the Create Public Threads permission in channel ${target.channelId}; relayed replies are posted in the channel`,
        );
        return undefined;
      }
      throw error;
    }
  }

  private failure(error: unknown, target: ChannelTarget): PostResult {
    if (error instanceof MissingManageWebhooks) {
      const reason = `Discord: ${error.message}`;
      this.warnOnce(`webhooks:${target.channelId}`, reason);
      return { ok: false, retryable: false, reason };
    }
    this.webhooks.forgetIfGone(target.channelId, error);
    if (isCode(error, RESTJSONErrorCodes.UnknownWebhook)) {
      // Someone deleted the webhook: the next attempt finds or creates another.
      return { ok: false, retryable: true, reason: 'Discord: the relay webhook was deleted' };
    }
    const failure = postFailure(error, 'channel');
    // Not the error itself: its URL holds the webhook's token.
    this.logger.debug({ channel: target.channelId, failure }, 'Discord relay post failed');
    return failure;
  }

  private warnOnce(key: string, reason: string): void {
    if (this.warned.has(key)) return;
    remember(this.warned, key);
    this.logger.warn({ component: 'discord-relay' }, reason);
  }
}

/** A failure after which the post may exist: Discord did not say it refused it. */
function answerMayBeLost(error: unknown): boolean {
  if (error instanceof RateLimitError) return false;
  if (error instanceof DiscordAPIError || error instanceof HTTPError)
    return error.status >= 500 || error.status === 0;
  return true;
}

function isCode(error: unknown, code: number): boolean {
  return error instanceof DiscordAPIError && error.code === code;
}

function remember(set: Set<string>, value: string): void {
  if (set.size >= REMEMBERED_MAX) {
    const oldest = set.values().next();
    if (!oldest.done) set.delete(oldest.value);
  }
  set.add(value);
}
