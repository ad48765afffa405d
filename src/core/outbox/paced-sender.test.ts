import { describe, expect, it } from 'vitest';
import type { ChannelPoster, ChannelTarget, ClaimedDelivery, DirectTarget, PostResult } from '../ports.ts';
import { LOST, PacedSender, RELEASED } from './paced-sender.ts';

import { UNLIMITED, type SendLimits } from './send-limits.ts';
import { ManualTimer, settle } from '../../../test/support/manual-timer.ts';

interface Call {
  kind: 'post' | 'direct' | 'edit' | 'remove' | 'react';
  to: string;
  key: string;
  at: number;
  /** Aborted once the sender stops waiting for this call. */
  abandoned?: AbortSignal | undefined;
}

/** A platform that answers as the test says, recording who was called when. */
class ScriptedPoster implements ChannelPoster {
  readonly platform = 'DISCORD';
  readonly calls: Call[] = [];

  constructor(
    private readonly timer: ManualTimer,
    public answer: (call: Call) => Promise<PostResult> = () => Promise.resolve(posted),
  ) {}

  post(target: ChannelTarget, _message: unknown, key: string, abandoned?: AbortSignal): Promise<PostResult> {
    return this.record({ kind: 'post', to: `#${target.channelId}`, key, at: this.timer.now(), abandoned });
  }
  sendDirect(
    target: DirectTarget,
    _message: unknown,
    key: string,
    abandoned?: AbortSignal,
  ): Promise<PostResult> {
    return this.record({ kind: 'direct', to: `@${target.userId}`, key, at: this.timer.now(), abandoned });
  }
  edit(
    target: ChannelTarget,
    messageId: string,
    _message: unknown,
    abandoned?: AbortSignal,
  ): Promise<PostResult> {
    const at = this.timer.now();
    return this.record({ kind: 'edit', to: `#${target.channelId}`, key: messageId, at, abandoned });
  }
  editDirect(target: DirectTarget, messageId: string): Promise<PostResult> {
    return this.record({ kind: 'edit', to: `@${target.userId}`, key: messageId, at: this.timer.now() });
  }
  remove(target: ChannelTarget, messageId: string): Promise<PostResult> {
    return this.record({ kind: 'remove', to: `#${target.channelId}`, key: messageId, at: this.timer.now() });
  }
  react(target: ChannelTarget, messageId: string): Promise<PostResult> {
    return this.record({ kind: 'react', to: `#${target.channelId}`, key: messageId, at: this.timer.now() });
  }
  private record(call: Call): Promise<PostResult> {
    this.calls.push(call);
    return this.answer(call);
  }
}

const posted: PostResult = { ok: true, platformMessageId: 'm1' };
const START = new Date('2026-11-23T10:00:00Z');
const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const SEND_TIMEOUT_MS = 5_000;

function delivery(id: string, to: string | { user: string }, editsMessageId?: string): ClaimedDelivery {
  const base = {
    id,
    kind: 'announcement',
    sourceId: 's',
    attempts: 1,
    takeovers: 0,
    firstFailedAt: null,
    unansweredBefore: false,
    payload: { text: id },
    dueAt: START,
  };
  if (typeof to !== 'string') {
    const target = { platform: 'DISCORD' as const, communityExternalId: 'guild', userId: to.user };
    return { ...base, destination: { kind: 'direct', recipientMemberId: to.user, target } };
  }
  const target = {
    platform: 'DISCORD' as const,
    communityExternalId: 'guild',
    channelId: to,
    channelName: to,
  };
  return {
    ...base,
    destination: {
      kind: 'channel',
      channelLinkId: to,
      townId: 't',
      partnershipId: 'p',
      language: 'de',
      target,
      editsMessageId,
    },
  };
}

function sender(timer: ManualTimer, poster: ChannelPoster, discord: SendLimits = UNLIMITED): PacedSender {
  const limits = { DISCORD: discord, SLACK: UNLIMITED, CONSOLE: UNLIMITED };
  return new PacedSender([poster], silent, { limits, timer, sendTimeoutMs: SEND_TIMEOUT_MS });
}

/** A send-slot deadline (pacing time) no test here reaches. */
const FAR = 60_000;

/** Starts a send, lets it run as far as it can without time passing, and records its result once it comes. */
async function start(paced: PacedSender, claimed: ClaimedDelivery, slotDeadline = FAR) {
  const outcome: { result?: PostResult | typeof RELEASED | typeof LOST } = {};
  const done = paced.send(claimed, slotDeadline).then((result) => (outcome.result = result));
  await settle();
  return Object.assign(outcome, { done });
}

const sendConfirmed = (on: PacedSender, id: string, to: string, confirm: () => Promise<boolean>) =>
  on.send(delivery(id, to), FAR, confirm);

const rateLimited = (retryAfterMs: number, globalRateLimit = false): PostResult => ({
  ok: false,
  retryable: true,
  retryAfterMs,
  globalRateLimit,
  reason: '429 Too Many Requests',
});

describe('PacedSender', () => {
  it('posts, edits or messages directly, with the delivery id as the idempotency key', async () => {
    const timer = new ManualTimer();
    const poster = new ScriptedPoster(timer);
    const paced = sender(timer, poster);
    await paced.send(delivery('d1', '100'), FAR);
    await paced.send(delivery('d2', '100', 'card-7'), FAR);
    await paced.send(delivery('d3', { user: 'jana' }), FAR);
    expect(poster.calls.map(({ kind, to, key }) => [kind, to, key])).toEqual([
      ['post', '#100', 'd1'],
      ['edit', '#100', 'card-7'],
      ['direct', '@jana', 'd3'],
    ]);
  });

  it('counts a post with no answer within the send timeout as a retryable failure that may have posted', async () => {
    const timer = new ManualTimer();
    const paced = sender(timer, new ScriptedPoster(timer, () => new Promise<PostResult>(() => undefined)));
    const sending = await start(paced, delivery('d1', '100'));
    await timer.advance(SEND_TIMEOUT_MS - 1);
    expect(sending.result).toBeUndefined();
    await timer.advance(1);
    expect(sending.result).toEqual({
      ok: false,
      retryable: true,
      unanswered: true,
      reason: 'no answer within 5000 ms',
    });
  });

  it('tells an attempt it stopped waiting for that it is abandoned, and no other', async () => {
    const timer = new ManualTimer();
    let answer = (): Promise<PostResult> => new Promise<PostResult>(() => undefined);
    const poster = new ScriptedPoster(timer, () => answer());
    const paced = sender(timer, poster);
    for (const claimed of [
      delivery('d1', '100'),
      delivery('d2', '100', 'card-7'),
      delivery('d3', { user: 'jana' }),
    ]) {
      const sending = await start(paced, claimed);
      expect(poster.calls.at(-1)?.abandoned?.aborted).toBe(false);
      await timer.advance(SEND_TIMEOUT_MS);
      await sending.done;
      expect(poster.calls.at(-1)?.abandoned?.aborted).toBe(true);
    }
    answer = () => Promise.resolve(posted);
    await paced.send(delivery('d4', '100'), FAR);
    expect(poster.calls.at(-1)?.abandoned?.aborted).toBe(false);
  });

  it('counts a poster that throws as a retryable failure with its message, which may have posted', async () => {
    const timer = new ManualTimer();
    const paced = sender(timer, new ScriptedPoster(timer, () => Promise.reject(new Error('ECONNRESET'))));
    expect(await paced.send(delivery('d1', '100'), FAR)).toEqual({
      ok: false,
      retryable: true,
      unanswered: true,
      reason: 'ECONNRESET',
    });
  });

  it('waits out a short retry_after for that channel only, then sends the same post again', async () => {
    const timer = new ManualTimer();
    let refusals = 0;
    const poster = new ScriptedPoster(timer, (call) =>
      Promise.resolve(call.key === 'd1' && refusals++ === 0 ? rateLimited(300) : posted),
    );
    const paced = sender(timer, poster);
    const first = await start(paced, delivery('d1', '100'));
    // Another channel is not held back.
    const other = await start(paced, delivery('d2', '200'));
    expect(other.result).toEqual(posted);
    await timer.advance(299);
    expect(first.result).toBeUndefined();
    await timer.advance(1);
    await first.done;
    expect(first.result).toEqual(posted);
    expect(poster.calls.map(({ key, at }) => [key, at])).toEqual([
      ['d1', 0],
      ['d2', 0],
      ['d1', 300],
    ]);
  });

  it('holds back every channel while a global rate limit lasts', async () => {
    const timer = new ManualTimer();
    let refusals = 0;
    const poster = new ScriptedPoster(timer, () =>
      Promise.resolve(refusals++ === 0 ? rateLimited(300, true) : posted),
    );
    const paced = sender(timer, poster);
    const first = await start(paced, delivery('d1', '100'));
    const other = await start(paced, delivery('d2', '200'));
    await timer.advance(300);
    await Promise.all([first.done, other.done]);
    expect(poster.calls.map(({ key, at }) => [key, at])).toEqual([
      ['d1', 0],
      ['d1', 300],
      ['d2', 300],
    ]);
  });

  it('waits within the claim for up to 10 s, three times; a longer or a fourth wait goes back as the answer', async () => {
    const timer = new ManualTimer();
    const longest = new ScriptedPoster(timer, (call) =>
      Promise.resolve(call.at === 0 ? rateLimited(10_000) : posted),
    );
    const waited = await start(sender(timer, longest), delivery('d1', '100'));
    await timer.advance(10_000);
    await waited.done;
    expect([waited.result, longest.calls.length]).toEqual([posted, 2]);

    const tooLong = new ScriptedPoster(timer, () => Promise.resolve(rateLimited(10_001)));
    const notWaited = await start(sender(timer, tooLong), delivery('d2', '100'));
    expect(notWaited.result).toEqual(rateLimited(10_001));
    expect(tooLong.calls).toHaveLength(1);

    const always = new ScriptedPoster(timer, () => Promise.resolve(rateLimited(100)));
    const repeated = await start(sender(timer, always), delivery('d3', '100'));
    await timer.advance(1_000);
    await repeated.done;
    expect(repeated.result).toEqual(rateLimited(100));
    expect(always.calls).toHaveLength(4);
  });

  it('gives a delivery back unsent when its send slot would come after the deadline the worker set', async () => {
    const timer = new ManualTimer();
    const poster = new ScriptedPoster(timer);
    // One post per channel every 10 s: after the first, the next slot is 10 s away.
    const paced = sender(timer, poster, { concurrency: 4, perDestination: { limit: 1, windowMs: 10_000 } });
    await paced.send(delivery('d1', '100'), FAR);
    // The slot at 10 s comes after a deadline of 9.999 s...
    const tooLate = await start(paced, delivery('d2', '100'), 9_999);
    expect(tooLate.result).toBe(RELEASED);
    // ...but not after one of 10 s.
    const fits = await start(paced, delivery('d3', '100'), 10_000);
    await timer.advance(10_000);
    await fits.done;
    expect(fits.result).toEqual(posted);
    expect(poster.calls.map(({ key, at }) => [key, at])).toEqual([
      ['d1', 0],
      ['d3', 10_000],
    ]);
  });

  it('asks whether the claim is still held right before every platform call, and sends nothing once it is not', async () => {
    const timer = new ManualTimer();
    const asked: [string, number][] = [];
    const held = new Set(['d1', 'd2']);
    const confirm = (id: string) => () => {
      asked.push([id, timer.now()]);
      return Promise.resolve(held.has(id));
    };
    // d1 is refused with a short retry_after; before it is tried again its claim is lost.
    const refusing = new ScriptedPoster(timer, () => Promise.resolve(rateLimited(300)));
    const first = sendConfirmed(sender(timer, refusing), 'd1', '100', confirm('d1'));
    await settle();
    held.delete('d1');
    await timer.advance(300);
    expect(await first).toBe(LOST);
    expect(refusing.calls.map(({ key, at }) => [key, at])).toEqual([['d1', 0]]);

    // One post per channel every 10 s: d2 waits for its slot, and loses its claim meanwhile
    // (its process was frozen, and is resumed when the slot comes).
    const poster = new ScriptedPoster(timer);
    const slow = sender(timer, poster, { concurrency: 4, perDestination: { limit: 1, windowMs: 10_000 } });
    await slow.send(delivery('d0', '100'), FAR);
    const second = sendConfirmed(slow, 'd2', '100', confirm('d2'));
    await settle();
    held.delete('d2');
    await timer.advance(10_000);
    expect(await second).toBe(LOST);
    expect(asked).toEqual([
      ['d1', 0],
      ['d1', 300],
      ['d2', 10_300],
    ]);
    expect(poster.calls.map(({ key }) => key)).toEqual(['d0']);
  });

  it('gives back what waits for a slot once closed, and sends nothing more', async () => {
    const timer = new ManualTimer();
    const poster = new ScriptedPoster(timer);
    const paced = sender(timer, poster, { concurrency: 4, perDestination: { limit: 1, windowMs: 10_000 } });
    await paced.send(delivery('d1', '100'), FAR);
    const waiting = await start(paced, delivery('d2', '100'));
    paced.close();
    await settle();
    expect(waiting.result).toBe(RELEASED);
    const afterwards = await start(paced, delivery('d3', '200'));
    expect(afterwards.result).toBe(RELEASED);
    expect(poster.calls).toHaveLength(1);
  });

  it('answers with a retryable failure when no adapter for the platform is running', async () => {
    const timer = new ManualTimer();
    const paced = new PacedSender([], silent, {
      limits: { DISCORD: UNLIMITED, SLACK: UNLIMITED, CONSOLE: UNLIMITED },
      timer,
      sendTimeoutMs: SEND_TIMEOUT_MS,
    });
    expect(await paced.send(delivery('d1', '100'), FAR)).toEqual({
      ok: false,
      retryable: true,
      reason: 'no DISCORD adapter is running',
    });
  });
});
