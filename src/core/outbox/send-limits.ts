/**
 * How fast the outbox may post to each platform, from the platforms' documentation. The worker
 * paces itself by these before sending, so a fan-out does not run into 429s first.
 */
import type { Platform } from '../domain/model.ts';

/** At most `limit` sends in any window of `windowMs`: a burst of `limit`, then `limit` per window. */
export interface RateWindow {
  readonly limit: number;
  readonly windowMs: number;
  /**
   * Spread the sends evenly over the window instead of letting `limit` go at once. A burst
   * reaches the platform spread out by its own queueing, so its last requests can fall into
   * the next window; evenly spaced requests arrive as they leave.
   */
  readonly spread?: boolean;
  /**
   * A spread window lets this many sends go at once after a quiet spell before the even spacing
   * applies (default 1): the two or three copies of one relayed message need not queue 20 ms
   * apart. The log of the last `limit` sends still bounds every window.
   */
  readonly burst?: number;
}

export interface SendLimits {
  /** Requests in flight at once to this platform. */
  readonly concurrency: number;
  /** Across the whole bot (Discord: 50 requests per second per bot). */
  readonly global?: RateWindow;
  /** Per community: a Slack workspace, a Discord server. */
  readonly perCommunity?: RateWindow;
  /** Per channel, or per person for direct messages. */
  readonly perDestination?: RateWindow;
  /**
   * Added to every window. A request reaches the platform a little after it leaves, and not
   * always equally late; without a margin, the first request of the next window can arrive
   * inside the platform's current one.
   */
  readonly marginMs?: number;
}

export const UNLIMITED: SendLimits = { concurrency: 64 };

/**
 * Discord (developers/topics/rate-limits): 50 requests per second per bot token across all
 * routes; message creation is further bucketed per channel (5 per 5 s in practice; the real
 * buckets come back in X-RateLimit-* headers, which the Discord REST client also follows).
 * Slack (docs.slack.dev, rate limits): chat.postMessage "generally allows posting one message per
 * second per channel" with short bursts, "while also maintaining a workspace-wide limit" whose
 * size is not published (300 a minute is assumed here). The console prints in order, one at a time.
 *
 * The limits hold per process: several processes posting for one bot share the platform's
 * budget, so each is given its part of it (sendLimitsPart, send-shares.ts; README, "Delivery
 * engine").
 */
export const PLATFORM_SEND_LIMITS: Readonly<Record<Platform, SendLimits>> = {
  DISCORD: {
    concurrency: 25,
    global: { limit: 50, windowMs: 1_000, spread: true, burst: 5 },
    perDestination: { limit: 5, windowMs: 5_000 },
    marginMs: 25,
  },
  SLACK: {
    concurrency: 10,
    perDestination: { limit: 3, windowMs: 3_000 },
    perCommunity: { limit: 300, windowMs: 60_000 },
    marginMs: 25,
  },
  CONSOLE: { concurrency: 1 },
};

/**
 * The limits for one of several processes posting for the same bot: `share` (0 < share ≤ 1) of
 * every rate and of the requests in flight, at least one of each. With N processes, 1/N each
 * keeps their sum within the platform's limits.
 */
export function sendLimitsShare(limits: SendLimits, share: number): SendLimits {
  if (!(share > 0 && share <= 1)) throw new RangeError(`a send share is above 0 and at most 1, not ${share}`);
  if (share === 1) return limits;
  const scale = (w: RateWindow): RateWindow => ({ ...w, limit: Math.max(1, Math.floor(w.limit * share)) });
  return {
    ...limits,
    concurrency: Math.max(1, Math.ceil(limits.concurrency * share)),
    ...(limits.global && { global: scale(limits.global) }),
    ...(limits.perCommunity && { perCommunity: scale(limits.perCommunity) }),
    ...(limits.perDestination && { perDestination: scale(limits.perDestination) }),
  };
}

/** Every platform's limits, at `share` of each (see sendLimitsShare). */
export function platformSendLimits(share: number): Record<Platform, SendLimits> {
  return {
    DISCORD: sendLimitsShare(PLATFORM_SEND_LIMITS.DISCORD, share),
    SLACK: sendLimitsShare(PLATFORM_SEND_LIMITS.SLACK, share),
    // The console prints to its own terminal: nobody shares it.
    CONSOLE: PLATFORM_SEND_LIMITS.CONSOLE,
  };
}

/**
 * The limits of the `rank`-th (from 0) of `count` live workers posting for the same bot: the bot's
 * rates (global, per community) and requests in flight divided among them so that their parts add
 * up to the whole — the first `limit % count` get one more — at least one each. A channel's own
 * window is not divided: one worker at a time holds a channel's posts (the outbox's claim).
 */
export function sendLimitsPart(limits: SendLimits, rank: number, count: number): SendLimits {
  if (!(Number.isInteger(count) && count >= 1 && Number.isInteger(rank) && rank >= 0 && rank < count)) {
    throw new RangeError(`a send part is rank 0 to count - 1 of count ≥ 1, not ${rank} of ${count}`);
  }
  if (count === 1) return limits;
  const part = (whole: number) => Math.max(1, Math.floor(whole / count) + (rank < whole % count ? 1 : 0));
  const scale = (w: RateWindow): RateWindow => ({ ...w, limit: part(w.limit) });
  return {
    ...limits,
    concurrency: part(limits.concurrency),
    ...(limits.global && { global: scale(limits.global) }),
    ...(limits.perCommunity && { perCommunity: scale(limits.perCommunity) }),
  };
}
