/** What an injected fault (faults.ts) answers over REST: a 429 with its scope's headers and bucket, Discord's 403s, an edge 5xx, any JSON error. */

import type { Fault } from './faults.ts';
import { apiErrors } from './http-body.ts';
import type { RateLimiter, RateLimitScope } from './rate-limits.ts';
import { rateLimitBody, retryAfterHeader } from './rate-limits.ts';

export interface FaultAnswer {
  readonly status: number;
  readonly json: unknown;
  /** The text body of an answer without JSON. */
  readonly text?: string;
  readonly headers: Record<string, string>;
}

export function faultAnswer(
  limiter: RateLimiter,
  fault: Fault,
  routeKey: string,
  major: string,
  now: number,
): FaultAnswer {
  switch (fault.type) {
    case 'rate-limit': {
      const retryAfter = fault.retryAfter ?? 1;
      const scope: RateLimitScope = fault.scope ?? 'user';
      const retry = { 'Retry-After': retryAfterHeader(retryAfter), 'X-RateLimit-Scope': scope };
      if (scope === 'global') {
        return {
          status: 429,
          json: rateLimitBody(retryAfter, scope),
          headers: { ...retry, 'X-RateLimit-Global': 'true' },
        };
      }
      // A user-scope 429 reports the bucket as exhausted until retry_after; a shared one does not.
      const bucket =
        scope === 'user'
          ? limiter.exhaustedHeaders(routeKey, retryAfter, now)
          : limiter.take(routeKey, major, now).headers;
      return { status: 429, json: rateLimitBody(retryAfter, scope), headers: { ...bucket, ...retry } };
    }
    case 'missing-access': {
      const error = apiErrors.missingAccess();
      return { status: error.status, json: error.body, headers: {} };
    }
    case 'missing-permissions': {
      const error = apiErrors.missingPermissions();
      return { status: error.status, json: error.body, headers: {} };
    }
    case 'server-error': {
      const status = fault.status ?? 500;
      return {
        status,
        json: undefined,
        text: `${status} emulated server error`,
        headers: { 'Content-Type': 'text/plain' },
      };
    }
    case 'lost-answer':
      throw new Error('a lost answer is given after the request is carried out');
    case 'error':
      return {
        status: fault.status,
        json: { code: fault.code ?? 0, message: fault.message ?? `${fault.status}: emulated error` },
        headers: {},
      };
  }
}
