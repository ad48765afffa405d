import { describe, expect, it } from 'vitest';
import { DeferTimer, within } from './deadline.ts';
import { ManualTimer } from '../../../test/support/manual-timer.ts';

describe('within', () => {
  it('gives the value when the work ends first, and disarms its timer', async () => {
    const timer = new ManualTimer();
    await expect(within(Promise.resolve(7), 1000, timer)).resolves.toBe(7);
    expect(timer.armed()).toBe(0);
  });

  it('gives undefined once the deadline passes first', async () => {
    const timer = new ManualTimer();
    const result = within(new Promise<number>(() => undefined), 1000, timer);
    timer.fire();
    await expect(result).resolves.toBeUndefined();
  });
});

describe('DeferTimer', () => {
  it('does not defer work settled before the deadline', async () => {
    const timer = new ManualTimer();
    let deferred = 0;
    const defer = new DeferTimer(1500, () => Promise.resolve(deferred++), timer);
    await expect(defer.settle()).resolves.toBe(false);
    timer.fire();
    expect(deferred).toBe(0);
  });

  it('defers once the deadline passes, and settle() waits for the deferral to go through', async () => {
    const timer = new ManualTimer();
    let acknowledge!: () => void;
    const acknowledged = new Promise<void>((resolve) => (acknowledge = resolve));
    const defer = new DeferTimer(1500, () => acknowledged, timer);
    timer.fire();
    let settled: boolean | undefined;
    const settling = defer.settle().then((value) => (settled = value));
    await Promise.resolve();
    expect(settled).toBeUndefined();
    acknowledge();
    await settling;
    expect(settled).toBe(true);
  });
});
