import { describe, expect, it } from 'vitest';
import { retryDelayMs, type BackoffPolicy } from './backoff.ts';

/** 2 s, doubling, at most an hour (the worker's default cap is 10 minutes). */
const policy = (random: number): BackoffPolicy => ({
  baseMs: 2_000,
  maxMs: 3_600_000,
  random: () => random,
});

describe('retryDelayMs', () => {
  it('doubles the step with every attempt, starting from the base', () => {
    const full = policy(1);
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(full, attempt))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000,
    ]);
  });

  it('jitters each step between half and all of it, as the random number says', () => {
    expect(retryDelayMs(policy(0), 3)).toBe(4_000);
    expect(retryDelayMs(policy(0.5), 3)).toBe(6_000);
    expect(retryDelayMs(policy(0.999), 3)).toBeCloseTo(7_996, 6);
    for (const random of [0, 0.1, 0.37, 0.5, 0.9, 0.999]) {
      const delay = retryDelayMs(policy(random), 4);
      expect(delay).toBeGreaterThanOrEqual(8_000);
      expect(delay).toBeLessThanOrEqual(16_000);
    }
  });

  it('is never sooner than the platform’s retry_after, and no later than needed when that is short', () => {
    expect(retryDelayMs(policy(0), 1, 90_000)).toBe(90_000);
    expect(retryDelayMs(policy(0), 1, 300)).toBe(1_000);
    // The platform's word holds even beyond the cap.
    expect(retryDelayMs(policy(1), 30, 2 * 3_600_000)).toBe(2 * 3_600_000);
  });

  it('stops growing at the cap, which is still jittered', () => {
    expect(retryDelayMs(policy(1), 12)).toBe(3_600_000);
    expect(retryDelayMs(policy(1), 40)).toBe(3_600_000);
    expect(retryDelayMs(policy(0), 40)).toBe(1_800_000);
    // So far out that 2 ** attempt is Infinity: still the cap.
    expect(retryDelayMs(policy(1), 2_000)).toBe(3_600_000);
  });
});
