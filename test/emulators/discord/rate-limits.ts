/**
 * Rate limits as Discord announces them (developers/topics/rate-limits.mdx): per-route
 * buckets in `X-RateLimit-*` headers on every answer, 429 bodies with `retry_after`,
 * and an optional global requests-per-second limit.
 */

import { createHash } from 'node:crypto';

export interface BucketLimit {
  /** Requests allowed per window. */
  readonly limit: number;
  readonly windowMs: number;
}

export type RateLimitScope = 'user' | 'global' | 'shared';

export interface RateLimitBody {
  message: string;
  retry_after: number;
  global: boolean;
}

interface BucketState {
  count: number;
  resetAt: number;
}

export interface RouteTake {
  /** Headers to send with the answer (success or 429). */
  readonly headers: Record<string, string>;
  /** Set when the bucket is exhausted: seconds until it resets. */
  readonly retryAfter?: number;
}

/** Discord's header counts whole seconds (rounded up); the body carries the precise float. */
export function retryAfterHeader(seconds: number): string {
  return String(Math.ceil(seconds));
}

export function rateLimitBody(retryAfter: number, scope: RateLimitScope): RateLimitBody {
  return {
    message: scope === 'shared' ? 'The resource is being rate limited.' : 'You are being rate limited.',
    retry_after: round3(retryAfter),
    global: scope === 'global',
  };
}

export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export class RateLimiter {
  readonly #buckets = new Map<string, BucketState>();
  readonly #globalWindow: number[] = [];

  constructor(
    private readonly defaultLimit: BucketLimit,
    private readonly routeLimits: Readonly<Record<string, BucketLimit>>,
    private readonly globalPerSecond: number | undefined,
  ) {}

  /** Returns seconds to wait when the global limit is exceeded; otherwise counts the request. */
  checkGlobal(now: number): number | undefined {
    if (this.globalPerSecond === undefined) return undefined;
    while (this.#globalWindow.length > 0 && (this.#globalWindow[0] ?? 0) <= now - 1000) {
      this.#globalWindow.shift();
    }
    if (this.#globalWindow.length >= this.globalPerSecond) {
      const oldest = this.#globalWindow[0] ?? now;
      return Math.max(0.001, (oldest + 1000 - now) / 1000);
    }
    this.#globalWindow.push(now);
    return undefined;
  }

  /** Limit for a route key such as `POST /channels/:channel_id/messages`. */
  limitFor(routeKey: string): BucketLimit {
    return this.routeLimits[routeKey] ?? this.defaultLimit;
  }

  /** Counts one request against the route bucket of this major parameter. */
  take(routeKey: string, major: string, now: number): RouteTake {
    const limit = this.limitFor(routeKey);
    const key = `${routeKey}|${major}`;
    let state = this.#buckets.get(key);
    if (!state || now >= state.resetAt) {
      state = { count: 0, resetAt: now + limit.windowMs };
      this.#buckets.set(key, state);
    }
    if (state.count >= limit.limit) {
      const retryAfter = (state.resetAt - now) / 1000;
      return { headers: bucketHeaders(routeKey, limit.limit, 0, state.resetAt, now), retryAfter };
    }
    state.count += 1;
    return { headers: bucketHeaders(routeKey, limit.limit, limit.limit - state.count, state.resetAt, now) };
  }

  /** Headers for an exhausted bucket that resets in `retryAfter` seconds (injected 429s). */
  exhaustedHeaders(routeKey: string, retryAfter: number, now: number): Record<string, string> {
    return bucketHeaders(routeKey, this.limitFor(routeKey).limit, 0, now + retryAfter * 1000, now);
  }
}

function bucketHeaders(
  routeKey: string,
  limit: number,
  remaining: number,
  resetAt: number,
  now: number,
): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': String(remaining),
    'X-RateLimit-Reset': (resetAt / 1000).toFixed(3),
    'X-RateLimit-Reset-After': Math.max(0, (resetAt - now) / 1000).toFixed(3),
    // Opaque per-route id, like Discord's: clients group shared limits by it.
    'X-RateLimit-Bucket': createHash('sha1').update(routeKey).digest('hex').slice(0, 32),
  };
}
