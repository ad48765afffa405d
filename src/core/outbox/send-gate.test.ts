import { describe, expect, it } from 'vitest';
import { SendGate, type Permit, type SendAddress } from './send-gate.ts';
import type { SendLimits } from './send-limits.ts';
import { ManualTimer, settle } from '../../../test/support/manual-timer.ts';

/** Starts `count` acquisitions and records when each is granted (or refused). */
function request(gate: SendGate, timer: ManualTimer, addresses: SendAddress[], deadline?: number) {
  const granted: { index: number; at: number; permit: Permit | undefined }[] = [];
  addresses.forEach((address, index) => {
    void gate.acquire(address, deadline).then((permit) => granted.push({ index, at: timer.now(), permit }));
  });
  return granted;
}

const channel = (n: number): SendAddress => ({ community: 'guild', destination: `#${n}` });
/** `count` different channels of one server. */
const channels = (count: number): SendAddress[] => Array.from({ length: count }, (_, i) => channel(i));

describe('SendGate', () => {
  it('lets a burst of the global limit through, then one window later the next', async () => {
    const timer = new ManualTimer();
    const limits: SendLimits = { concurrency: 1_000, global: { limit: 50, windowMs: 1_000 } };
    const gate = new SendGate(limits, timer);
    const granted = request(gate, timer, channels(120));
    await settle();
    expect(granted).toHaveLength(50);
    granted.forEach((g) => g.permit?.release());
    await timer.advance(999);
    expect(granted).toHaveLength(50);
    await timer.advance(1);
    expect(granted).toHaveLength(100);
    await timer.advance(1_000);
    expect(granted).toHaveLength(120);
    // No window of one second ever holds more than 50 sends.
    const times = granted.map((g) => g.at).sort((a, b) => a - b);
    for (let i = 50; i < times.length; i++) expect(times[i]! - times[i - 50]!).toBeGreaterThanOrEqual(1_000);
  });

  it('spreads sends evenly over a spread window', async () => {
    const timer = new ManualTimer();
    const gate = new SendGate({ concurrency: 100, global: { limit: 4, windowMs: 100, spread: true } }, timer);
    const granted = request(gate, timer, channels(6));
    await settle();
    await timer.advance(200);
    expect(granted.map((g) => g.at)).toEqual([0, 25, 50, 75, 100, 125]);
  });

  it("lets a spread window's burst go at once after a quiet spell, then keeps the cadence", async () => {
    const timer = new ManualTimer();
    const window = { limit: 8, windowMs: 200, spread: true, burst: 3 };
    const gate = new SendGate({ concurrency: 100, global: window }, timer);
    const granted = request(gate, timer, channels(6));
    await settle();
    await timer.advance(200);
    // 3 at once, then one every 25 ms; the 8-per-200 ms log still holds.
    expect(granted.map((g) => g.at)).toEqual([0, 0, 0, 25, 50, 75]);
    // Quiet again long enough: the next burst goes at once too.
    await timer.advance(1_000);
    const later = request(gate, timer, [channel(7), channel(8), channel(9), channel(10)]);
    await settle();
    await timer.advance(100);
    expect(later.map((g) => g.at)).toEqual([1_200, 1_200, 1_200, 1_225]);
  });

  it('paces the sends waiting by new limits once they are set', async () => {
    const timer = new ManualTimer();
    const gate = new SendGate({ concurrency: 100, global: { limit: 4, windowMs: 100, spread: true } }, timer);
    const granted = request(gate, timer, channels(20));
    const answered = () => granted.forEach((g) => g.permit?.release());
    await settle();
    await timer.advance(50);
    answered();
    expect(granted.map((g) => g.at)).toEqual([0, 25, 50]);
    // This worker's part doubled (another worker left): one every 12.5 ms from now on.
    gate.setLimits({ concurrency: 100, global: { limit: 8, windowMs: 100, spread: true } });
    await timer.advance(50);
    answered();
    expect(granted).toHaveLength(7);
    // Cut to a quarter (workers joined): 2 per 100 ms, counting the sends already made (the
    // one before last went at 88), then one every 50 ms.
    gate.setLimits({ concurrency: 100, global: { limit: 2, windowMs: 100, spread: true } });
    await timer.advance(200);
    expect(granted.slice(7).map((g) => g.at)).toEqual([188, 238, 288]);
  });

  it('lets more sends in flight once a larger part is set', async () => {
    const timer = new ManualTimer();
    const gate = new SendGate({ concurrency: 1 }, timer);
    const granted = request(gate, timer, [channel(1), channel(2), channel(3)]);
    await settle();
    expect(granted).toHaveLength(1);
    gate.setLimits({ concurrency: 2 });
    await settle();
    expect(granted).toHaveLength(2);
  });

  it('adds the margin to every window', async () => {
    const timer = new ManualTimer();
    const gate = new SendGate({ concurrency: 10, global: { limit: 1, windowMs: 100 }, marginMs: 25 }, timer);
    const granted = request(gate, timer, [channel(1), channel(2)]);
    await settle();
    granted[0]?.permit?.release();
    await timer.advance(124);
    expect(granted).toHaveLength(1);
    await timer.advance(1);
    expect(granted).toHaveLength(2);
  });

  it('holds back a busy channel without holding up the others', async () => {
    const timer = new ManualTimer();
    const gate = new SendGate({ concurrency: 10, perDestination: { limit: 1, windowMs: 1_000 } }, timer);
    const granted = request(gate, timer, [channel(1), channel(1), channel(1), channel(2), channel(3)]);
    await settle();
    expect(granted.map((g) => g.index).sort()).toEqual([0, 3, 4]);
    granted.forEach((g) => g.permit?.release());
    await timer.advance(1_000);
    expect(granted.map((g) => g.index)).toContain(1);
    expect(granted).toHaveLength(4);
    await timer.advance(1_000);
    expect(granted).toHaveLength(5);
  });

  it('keeps at most `concurrency` sends in flight', async () => {
    const timer = new ManualTimer();
    const gate = new SendGate({ concurrency: 3 }, timer);
    const granted = request(gate, timer, channels(7));
    await settle();
    expect(granted).toHaveLength(3);
    granted[0]?.permit?.release();
    granted[0]?.permit?.release(); // a second release changes nothing
    await settle();
    expect(granted).toHaveLength(4);
    expect(gate.waiting).toBe(3);
  });

  it('refuses a send that could not start before its deadline', async () => {
    const timer = new ManualTimer();
    const gate = new SendGate({ concurrency: 10, perDestination: { limit: 1, windowMs: 5_000 } }, timer);
    const first = request(gate, timer, [channel(1)]);
    const late = request(gate, timer, [channel(1)], 2_000);
    await settle();
    expect(first[0]?.permit).toBeDefined();
    expect(late).toHaveLength(1);
    expect(late[0]?.permit).toBeUndefined();
  });

  it('pauses a channel for the retry_after the platform gave', async () => {
    const timer = new ManualTimer();
    const gate = new SendGate({ concurrency: 10, perDestination: { limit: 5, windowMs: 5_000 } }, timer);
    gate.pauseDestination(channel(1), 3_000);
    const granted = request(gate, timer, [channel(1), channel(2)]);
    await settle();
    expect(granted.map((g) => g.index)).toEqual([1]);
    await timer.advance(3_000);
    expect(granted.map((g) => g.index)).toEqual([1, 0]);
  });

  it('pauses every send for a global rate limit', async () => {
    const timer = new ManualTimer();
    const gate = new SendGate({ concurrency: 10 }, timer);
    gate.pauseAll(500);
    const granted = request(gate, timer, [channel(1), channel(2)]);
    await timer.advance(499);
    expect(granted).toHaveLength(0);
    await timer.advance(1);
    expect(granted).toHaveLength(2);
  });

  it('turns waiting sends away when closed', async () => {
    const timer = new ManualTimer();
    const gate = new SendGate({ concurrency: 1 }, timer);
    const granted = request(gate, timer, [channel(1), channel(2)]);
    await settle();
    gate.close();
    await settle();
    expect(granted.map((g) => Boolean(g.permit))).toEqual([true, false]);
    expect(await gate.acquire(channel(3))).toBeUndefined();
  });
});
