import { describe, expect, it } from 'vitest';
import { PLATFORM_SEND_LIMITS, platformSendLimits, sendLimitsPart, sendLimitsShare } from './send-limits.ts';

describe('a process’s share of the send limits', () => {
  it('keeps the platforms’ limits for the only process', () => {
    expect(platformSendLimits(1)).toEqual(PLATFORM_SEND_LIMITS);
  });

  it('gives each of three processes a third of every rate, rounded down, and of the requests in flight', () => {
    const third = platformSendLimits(1 / 3);
    expect(third.DISCORD).toEqual({
      concurrency: 9,
      global: { limit: 16, windowMs: 1_000, spread: true, burst: 5 },
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

describe('a live worker’s part of the send limits', () => {
  const parts = (count: number) =>
    Array.from({ length: count }, (_, rank) => sendLimitsPart(PLATFORM_SEND_LIMITS.DISCORD, rank, count));

  it('keeps the platform’s limits for the only worker', () => {
    expect(sendLimitsPart(PLATFORM_SEND_LIMITS.SLACK, 0, 1)).toEqual(PLATFORM_SEND_LIMITS.SLACK);
  });

  it('divides the bot’s rates and requests in flight so that three parts add up to the whole', () => {
    const three = parts(3);
    // Discord's 50 per second: 17 + 17 + 16, not three times 16.
    expect(three.map((part) => part.global?.limit)).toEqual([17, 17, 16]);
    expect(three.map((part) => part.concurrency)).toEqual([9, 8, 8]);
    const slack = [0, 1, 2].map((rank) => sendLimitsPart(PLATFORM_SEND_LIMITS.SLACK, rank, 3));
    expect(slack.map((part) => part.perCommunity?.limit)).toEqual([100, 100, 100]);
  });

  it('leaves a channel’s own window whole: one worker at a time holds a channel’s posts', () => {
    for (const part of parts(3))
      expect(part.perDestination).toEqual(PLATFORM_SEND_LIMITS.DISCORD.perDestination);
  });

  it('never goes below one request per window or one in flight', () => {
    const many = sendLimitsPart(PLATFORM_SEND_LIMITS.DISCORD, 59, 60);
    expect(many.global?.limit).toBe(1);
    expect(many.concurrency).toBe(1);
  });

  it.each([
    [3, 3],
    [-1, 3],
    [0, 0],
    [0.5, 2],
  ])('refuses rank %s of %s', (rank, count) => {
    expect(() => sendLimitsPart(PLATFORM_SEND_LIMITS.SLACK, rank, count)).toThrow(RangeError);
  });
});
