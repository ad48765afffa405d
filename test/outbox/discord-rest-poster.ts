/**
 * The smallest ChannelPoster that speaks Discord's REST API through discord.js's own client
 * (@discordjs/rest), for driving the Discord emulator from outbox tests and the benchmark until
 * the Discord adapter exists. Posts carry the delivery id as `nonce` with `enforce_nonce`, so a
 * post repeated after a crash returns the earlier message instead of a second one.
 *
 * The REST client is told not to wait out rate limits or retry 5xx itself: the outbox worker
 * paces, retries and backs off, and should see every refusal.
 */
import { DiscordAPIError, HTTPError, RateLimitError, REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import type {
  ChannelPoster,
  ChannelTarget,
  DirectTarget,
  OutgoingMessage,
  PostResult,
} from '../../src/core/ports.ts';

/** Discord error codes meaning the bot may no longer post in a channel. */
const CHANNEL_LOST = new Set([
  10003 /* unknown channel */, 50001 /* missing access */, 50013 /* missing permissions */,
]);

export class DiscordRestPoster implements ChannelPoster {
  readonly platform = 'DISCORD' as const;
  private readonly rest: REST;
  private readonly dmChannels = new Map<string, string>();

  constructor(options: {
    api: string;
    token?: string;
    timeoutMs?: number;
    globalRequestsPerSecond?: number;
  }) {
    this.rest = new REST({
      api: options.api,
      globalRequestsPerSecond: options.globalRequestsPerSecond ?? 50,
      retries: 0,
      rejectOnRateLimit: () => true,
      timeout: options.timeoutMs ?? 15_000,
    }).setToken(options.token ?? 'outbox-test-token');
  }

  async post(target: ChannelTarget, message: OutgoingMessage, idempotencyKey: string): Promise<PostResult> {
    return this.create(target.channelId, message, idempotencyKey);
  }

  async sendDirect(
    target: DirectTarget,
    message: OutgoingMessage,
    idempotencyKey: string,
  ): Promise<PostResult> {
    try {
      let channelId = this.dmChannels.get(target.userId);
      if (!channelId) {
        const dm = (await this.rest.post(Routes.userChannels(), {
          body: { recipient_id: target.userId },
        })) as {
          id: string;
        };
        channelId = dm.id;
        this.dmChannels.set(target.userId, channelId);
      }
      return await this.create(channelId, message, idempotencyKey);
    } catch (error) {
      return resultOf(error);
    }
  }

  async edit(
    target: ChannelTarget,
    platformMessageId: string,
    message: OutgoingMessage,
  ): Promise<PostResult> {
    try {
      const edited = (await this.rest.patch(Routes.channelMessage(target.channelId, platformMessageId), {
        body: { content: message.text },
      })) as { id: string };
      return { ok: true, platformMessageId: edited.id };
    } catch (error) {
      return resultOf(error);
    }
  }

  private async create(
    channelId: string,
    message: OutgoingMessage,
    idempotencyKey: string,
  ): Promise<PostResult> {
    try {
      const created = (await this.rest.post(Routes.channelMessages(channelId), {
        body: { content: message.text, nonce: nonceOf(idempotencyKey), enforce_nonce: true },
      })) as { id: string };
      return { ok: true, platformMessageId: created.id };
    } catch (error) {
      return resultOf(error);
    }
  }
}

/** Discord nonces hold at most 25 characters: a UUID's 16 bytes in base64url are 22. */
export function nonceOf(deliveryId: string): string {
  const hex = deliveryId.replaceAll('-', '');
  return /^[0-9a-f]{32}$/i.test(hex)
    ? Buffer.from(hex, 'hex').toString('base64url')
    : deliveryId.slice(0, 25);
}

function resultOf(error: unknown): PostResult {
  if (error instanceof RateLimitError) {
    return {
      ok: false,
      retryable: true,
      retryAfterMs: error.retryAfter,
      globalRateLimit: error.global,
      reason: `429 rate limited (${error.scope}${error.global ? ', global' : ''})`,
    };
  }
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : 0;
    const reason = `${error.status} ${error.message} (${code})`;
    if (CHANNEL_LOST.has(code)) return { ok: false, retryable: false, channelBroken: true, reason };
    return { ok: false, retryable: error.status >= 500, reason };
  }
  if (error instanceof HTTPError) {
    return {
      ok: false,
      retryable: error.status >= 500 || error.status === 429,
      reason: `${error.status} ${error.message}`,
    };
  }
  // Network errors and timeouts: the post may or may not have arrived; the nonce settles it.
  return { ok: false, retryable: true, reason: error instanceof Error ? error.message : String(error) };
}
