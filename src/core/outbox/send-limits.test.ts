import { describe, expect, it } from 'vitest';
import { PLATFORM_SEND_LIMITS, platformSendLimits, sendLimitsShare } from './send-limits.ts';

describe('a process’s share of the send limits', () => {
  it('keeps the platforms’ limits for the only process', () => {
    expect(platformSendLimits(1)).toEqual(PLATFORM_SEND_LIMITS);
  });

  it('gives each of three processes a third of every rate, rounded down, and of the requests in flight', () => {
    const third = platformSendLimits(1 / 3);
    expect(third.DISCORD).toEqual({
      concurrency: 9,
      global: { limit: 16, windowMs: 1_000, spread: true },
      perDestination: { limit: 1, windowMs: 5_000 },
      marginMs: 25,
    });
    expect(third.SLACK).toEqual({
      concurrency: 4,
      perDestination: { limit: 1, windowMs: 3_000 },
      perCommunity: { limit: 100, windowMs: 60_000 },
      marginMs: 25,
    });
    // Nobody shares the console's terminal.
    expect(third.CONSOLE).toEqual(PLATFORM_SEND_LIMITS.CONSOLE);
  });

  it('never goes below one request per window or one in flight', () => {
    const tiny = sendLimitsShare(PLATFORM_SEND_LIMITS.DISCORD, 0.001);
    expect(tiny.concurrency).toBe(1);
    expect(tiny.global?.limit).toBe(1);
    expect(tiny.perDestination?.limit).toBe(1);
  });

  it.each([0, -0.5, 1.5, Number.NaN])('refuses a share of %s', (share) => {
    expect(() => sendLimitsShare(PLATFORM_SEND_LIMITS.SLACK, share)).toThrow(RangeError);
  });
});
