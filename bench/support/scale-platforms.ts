/**
 * Discord and Slack as bench/scale.ts's drain meets them: each platform counts every request
 * when it arrives and answers 429 past its documented limits, after a fixed round trip. The
 * limits are written here from the platforms' documentation, not taken from the worker's own
 * pacing (src/core/outbox/send-limits.ts), so a worker that overruns them is seen doing so.
 * One platform object is shared by the posters of all the worker processes: they post for one bot.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChannelPoster, PostResult } from '../../src/core/ports.ts';

interface Limit {
  limit: number;
  windowMs: number;
}

/**
 * Discord: 50 requests per second per bot across all routes; message creation per channel about
 * 5 per 5 s. Slack chat.postMessage: about 1 per second per channel with short bursts (3 in 3 s
 * allowed here), and a workspace-wide cap Slack does not publish (300 a minute assumed).
 */
export const PLATFORM_LIMITS = {
  DISCORD: { global: { limit: 50, windowMs: 1_000 }, perChannel: { limit: 5, windowMs: 5_000 } },
  SLACK: { perWorkspace: { limit: 300, windowMs: 60_000 }, perChannel: { limit: 3, windowMs: 3_000 } },
} as const;

/** Arrival times in a sliding window; `admit` records one if the window has room. */
class SlidingWindow {
  private readonly arrivals: number[] = [];
  private head = 0;
  constructor(private readonly rule: Limit) {}
  admit(now: number): { ok: true } | { ok: false; retryAfterMs: number } {
    while (this.head < this.arrivals.length && (this.arrivals[this.head] ?? 0) <= now - this.rule.windowMs)
      this.head++;
    // Forget what left the window now and then, so a long drain does not grow the array.
    if (this.head > 1_024) {
      this.arrivals.splice(0, this.head);
      this.head = 0;
    }
    if (this.arrivals.length - this.head >= this.rule.limit) {
      return { ok: false, retryAfterMs: (this.arrivals[this.head] ?? now) + this.rule.windowMs - now };
    }
    this.arrivals.push(now);
    return { ok: true };
  }
}

export interface PlatformCounts {
  requests: number;
  posted: number;
  rateLimited: number;
  busiestSecond: number;
}

export class SimulatedPlatform {
  readonly counts: PlatformCounts = { requests: 0, posted: 0, rateLimited: 0, busiestSecond: 0 };
  private readonly windows = new Map<string, SlidingWindow>();
  private second = { at: 0, count: 0 };
  readonly messageIds = new Set<string>();

  constructor(readonly platform: 'DISCORD' | 'SLACK') {}

  private window(key: string, rule: Limit): SlidingWindow {
    let window = this.windows.get(key);
    if (!window) this.windows.set(key, (window = new SlidingWindow(rule)));
    return window;
  }

  /** A request arriving now: whether it is accepted, and the platform's wait when it is not. */
  arrive(community: string, channel: string, key: string): PostResult {
    const now = performance.now();
    this.counts.requests++;
    const second = Math.floor(now / 1_000);
    this.second =
      this.second.at === second ? { at: second, count: this.second.count + 1 } : { at: second, count: 1 };
    this.counts.busiestSecond = Math.max(this.counts.busiestSecond, this.second.count);
    const checks =
      this.platform === 'DISCORD'
        ? [
            { global: true, gate: this.window('bot', PLATFORM_LIMITS.DISCORD.global) },
            { global: false, gate: this.window(`c:${channel}`, PLATFORM_LIMITS.DISCORD.perChannel) },
          ]
        : [
            { global: false, gate: this.window(`w:${community}`, PLATFORM_LIMITS.SLACK.perWorkspace) },
            { global: false, gate: this.window(`c:${channel}`, PLATFORM_LIMITS.SLACK.perChannel) },
          ];
    // A refused request does not count against the windows after the one that refused it.
    for (const { global, gate } of checks) {
      const verdict = gate.admit(now);
      if (!verdict.ok) {
        this.counts.rateLimited++;
        return {
          ok: false,
          retryable: true,
          retryAfterMs: Math.ceil(verdict.retryAfterMs),
          globalRateLimit: global,
          reason: '429',
        };
      }
    }
    // The idempotency key stands for the message: a duplicate post would show here.
    if (this.messageIds.has(key)) throw new Error(`${this.platform} got ${key} twice`);
    this.messageIds.add(key);
    this.counts.posted++;
    return { ok: true, platformMessageId: `${this.platform}-${this.counts.posted}` };
  }
}

/** One process's poster for `platform`: the request arrives at once, the answer after `roundTripMs`. */
export function simulatedPoster(platform: SimulatedPlatform, roundTripMs: number): ChannelPoster {
  const answer = async (result: PostResult) => {
    await sleep(roundTripMs);
    return result;
  };
  const unsupported = () => Promise.reject(new Error('the scale benchmark only posts'));
  return {
    platform: platform.platform,
    post: (target, _message, key) =>
      answer(platform.arrive(target.communityExternalId, target.channelId, key)),
    sendDirect: unsupported,
    edit: unsupported,
    editDirect: unsupported,
    remove: unsupported,
    react: unsupported,
  };
}

/**
 * The shortest drain the limits allow for these posts: Discord's global cap and each Slack
 * workspace's cap run in parallel, each channel's own window too; the last answer takes a round trip.
 * `posts` lists [platform, workspace, channel] per post.
 */
export function drainFloorSeconds(posts: readonly [string, string, string][], roundTripMs: number): number {
  const count = new Map<string, number>();
  const add = (key: string) => count.set(key, (count.get(key) ?? 0) + 1);
  for (const [platform, workspace, channel] of posts) {
    add(platform === 'DISCORD' ? 'discord' : `w:${workspace}`);
    add(`c:${platform}:${channel}`);
  }
  let floor = 0;
  const windowed = (n: number, { limit, windowMs }: Limit) =>
    (Math.max(0, Math.ceil(n / limit) - 1) * windowMs) / 1_000;
  for (const [key, n] of count) {
    const rule =
      key === 'discord'
        ? PLATFORM_LIMITS.DISCORD.global
        : key.startsWith('w:')
          ? PLATFORM_LIMITS.SLACK.perWorkspace
          : key.startsWith('c:DISCORD')
            ? PLATFORM_LIMITS.DISCORD.perChannel
            : PLATFORM_LIMITS.SLACK.perChannel;
    // Discord's global cap is a steady rate (50 a second spread out); the others allow a burst.
    floor = Math.max(floor, key === 'discord' ? n / rule.limit : windowed(n, rule));
  }
  return floor + roundTripMs / 1_000;
}
