/**
 * What a failed Slack Web API call means for the outbox (PostResult): a channel (or person, or
 * workspace) that cannot be posted to any more is `channelBroken`; rate limits carry Slack's
 * Retry-After; 5xx, timeouts and network errors are retryable; and whether Slack certainly
 * posted nothing (`certain`), which decides if a retry must look for the post first.
 */
import type { PostResult } from '../../core/ports.ts';
import type { WorkspaceClient } from './slack-ports.ts';

/** Slack errors that mean this channel (or person, or whole workspace) cannot be posted to. */
const BROKEN = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'channel_is_archived',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'team_access_not_granted',
  'ekm_access_denied',
  'cannot_dm_bot',
  'user_not_found',
  'user_disabled',
  'messages_tab_disabled',
  'account_inactive',
  'token_revoked',
  'invalid_auth',
  'not_authed',
]);

/** Slack-side failures after which the message may or may not exist. */
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

export interface Failure {
  result: Extract<PostResult, { ok: false }>;
  /** Slack answered and certainly posted nothing. */
  certain: boolean;
  /** A 429 with this wait. */
  rateLimitedMs?: number;
  code?: string;
}

function failure(
  reason: string,
  retryable: boolean,
  certain: boolean,
  extra: Partial<Failure> = {},
): Failure {
  return { result: { ok: false, retryable, reason }, certain, ...extra };
}

/** What a Web API error means for a post. */
export function classifySlackError(error: unknown): Failure {
  const coded = error as {
    code?: unknown;
    data?: { error?: unknown };
    retryAfter?: unknown;
    statusCode?: unknown;
  };
  switch (coded.code) {
    case 'slack_webapi_rate_limited_error': {
      const retryAfterMs = Math.max(0, Number(coded.retryAfter) || 0) * 1000;
      return {
        result: {
          ok: false,
          retryable: true,
          retryAfterMs,
          reason: `rate limited (retry after ${retryAfterMs} ms)`,
        },
        certain: true,
        rateLimitedMs: retryAfterMs,
      };
    }
    case 'slack_webapi_platform_error': {
      const code = typeof coded.data?.error === 'string' ? coded.data.error : 'unknown_error';
      if (BROKEN.has(code)) {
        return {
          result: { ok: false, retryable: false, channelBroken: true, reason: code },
          certain: true,
          code,
        };
      }
      if (code === 'ratelimited') return failure(code, true, true, { code, rateLimitedMs: 1000 });
      if (TRANSIENT.has(code)) return failure(code, true, false, { code });
      return failure(code, false, true, { code });
    }
    case 'slack_webapi_http_error': {
      const status = Number(coded.statusCode);
      const retryable = status >= 500 || status === 408 || status === 429;
      return failure(`HTTP ${status}`, retryable, !retryable);
    }
    default:
      // Network errors and timeouts (slack_webapi_request_error) and anything unforeseen.
      return failure(error instanceof Error ? error.message : String(error), true, false);
  }
}

/** No client for a channel post: not connected yet (try again), or the workspace is gone (broken). */
export function unavailableChannel(client: Extract<WorkspaceClient, { unavailable: string }>): PostResult {
  return client.retryable
    ? { ok: false, retryable: true, reason: client.unavailable }
    : { ok: false, retryable: false, channelBroken: true, reason: client.unavailable };
}

/** The outbox's reading of a failed call: classifySlackError's result with Slack's Retry-After. */
export function slackFailure(error: unknown): Failure['result'] {
  const { result, rateLimitedMs } = classifySlackError(error);
  return rateLimitedMs !== undefined ? { ...result, retryAfterMs: rateLimitedMs } : result;
}
