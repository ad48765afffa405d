/**
 * What a failed Discord request means for the outbox (PostResult):
 * - the bot may not post in a channel any more (403 Missing Access 50001, Missing Permissions
 *   50013; 404 Unknown Channel 10003 or Unknown Guild 10004): `channelBroken`, so the worker
 *   marks the link broken and tells the town's coordinators instead of retrying;
 * - rate limits (a 429 longer than the adapter waits in place), 5xx and network failures:
 *   `retryable`, with Discord's own wait as `retryAfterMs` when it gave one;
 * - a person who does not accept direct messages from the bot (50007) and every other 4xx:
 *   not retryable, since the same request would fail the same way.
 */
import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes } from 'discord.js';
import type { PostResult } from '../../core/ports.ts';

export type PostFailure = Extract<PostResult, { ok: false }>;

const BROKEN_CHANNEL_CODES: ReadonlySet<number | string> = new Set([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.UnknownGuild,
]);

/** Reads the failure of a post (`channel`), a direct message (`direct`) or an edit. */
export function postFailure(error: unknown, destination: 'channel' | 'direct'): PostFailure {
  if (error instanceof RateLimitError) {
    return {
      ok: false,
      retryable: true,
      retryAfterMs: Math.max(0, Math.ceil(error.retryAfter)),
      // A global limit holds every request of the bot token: the outbox pauses all Discord posts.
      globalRateLimit: error.global,
      reason: `Discord rate limit (${error.scope}${error.global ? ', global' : ''}) on ${error.method.toUpperCase()} ${error.route} for ${Math.ceil(error.retryAfter)} ms`,
    };
  }
  if (error instanceof DiscordAPIError) {
    const reason = `Discord ${error.status} (${String(error.code)}): ${error.message}`;
    if (error.status === 429 || error.status >= 500) return { ok: false, retryable: true, reason };
    if (destination === 'channel' && BROKEN_CHANNEL_CODES.has(error.code)) {
      return { ok: false, retryable: false, channelBroken: true, reason };
    }
    // A token that stopped working is the bot's problem, not the message's: keep it for later.
    if (error.status === 401) return { ok: false, retryable: true, reason };
    return { ok: false, retryable: false, reason };
  }
  if (error instanceof HTTPError) {
    // discord.js already retried 5xx three times; the outbox tries again later.
    return {
      ok: false,
      retryable: error.status >= 500 || error.status === 408 || error.status === 0,
      reason: `Discord HTTP ${error.status}: ${error.message}`,
    };
  }
  // Timeouts (AbortError), refused connections, DNS: the request may never have arrived.
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { ok: false, retryable: true, reason: `Discord unreachable: ${reason}` };
}

/** A Discord error code, when the error is one of Discord's JSON errors. */
export function discordErrorCode(error: unknown): number | string | undefined {
  return error instanceof DiscordAPIError ? error.code : undefined;
}
