import { describe, expect, it } from 'vitest';
import { KeyedSerialQueue } from './keyed-serial-queue.ts';

/** A promise the test resolves when it chooses: the order of events is the test's, not the clock's. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('KeyedSerialQueue', () => {
  it('runs work of one key one after another, in the order queued', async () => {
    const queue = new KeyedSerialQueue();
    const events: string[] = [];
    const first = gate();
    const a = queue.run('card', async () => {
      events.push('a starts');
      await first.promise;
      events.push('a ends');
    });
    const b = queue.run('card', () => {
      events.push('b starts');
      return Promise.resolve();
    });
    await Promise.resolve();
    expect(events).toEqual(['a starts']);
    first.open();
    await Promise.all([a, b]);
    expect(events).toEqual(['a starts', 'a ends', 'b starts']);
  });

  it('runs work of different keys side by side', async () => {
    const queue = new KeyedSerialQueue();
    const held = gate();
    const events: string[] = [];
    const a = queue.run('one', async () => {
      await held.promise;
      events.push('one');
    });
    await queue.run('two', () => {
      events.push('two');
      return Promise.resolve();
    });
    expect(events).toEqual(['two']);
    held.open();
    await a;
    expect(events).toEqual(['two', 'one']);
  });

  it('goes on after a failure, which reaches only its own caller', async () => {
    const queue = new KeyedSerialQueue();
    const failing = queue.run('card', () => Promise.reject(new Error('gone')));
    const next = queue.run('card', () => Promise.resolve('drawn'));
    await expect(failing).rejects.toThrow('gone');
    await expect(next).resolves.toBe('drawn');
  });

  it('forgets a key once its work is done, and idle() waits for all of it', async () => {
    const queue = new KeyedSerialQueue();
    const held = gate();
    void queue.run('card', () => held.promise);
    expect(queue.size).toBe(1);
    let idle = false;
    const waiting = queue.idle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    held.open();
    await waiting;
    expect(queue.size).toBe(0);
  });
});
