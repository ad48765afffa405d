/**
 * When a failed delivery is tried again: exponential steps from `baseMs` (2 s, 4 s, 8 s …) up
 * to `maxMs`, each jittered between half and all of its step so the retries of one outage do
 * not all come back at once, and never sooner than the platform asked (its retry_after).
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** A number in [0, 1): Math.random, or a fixed one in tests. */
  random: () => number;
}

/** How long to wait before the next try, after attempt number `attempt` (1 for the first) failed. */
export function retryDelayMs(policy: BackoffPolicy, attempt: number, retryAfterMs?: number): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = step / 2 + (policy.random() * step) / 2;
  return Math.max(jittered, retryAfterMs ?? 0);
}
