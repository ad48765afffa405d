/**
 * Three workers on one PostgreSQL database post one announcement to 300 Discord channels. Their
 * pace together must be one Discord budget: 50 requests per second for the bot
 * (discord.com/developers/docs/topics/rate-limits), not three budgets (each its own) and not a
 * third of one (each a fixed share while one of them holds the whole fan-out, issue 13).
 *
 * Time is virtual: the pacing timer moves only when no transaction is under way, the Clock reads
 * the same time, and each post records the pacing time it went at.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryWorker } from '../../src/core/outbox/delivery-worker.ts';
import type { SendLimits } from '../../src/core/outbox/send-limits.ts';
import type { Clock, Repositories, Store } from '../../src/core/ports.ts';
import type { Database } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import { ManualTimer } from '../support/manual-timer.ts';
import { DATABASE_KINDS, createTestDatabase } from '../support/test-database.ts';
import { enqueueFanOut, recordingLogger, RecordingPoster, seedTwinning } from './outbox-fixtures.ts';

const START = new Date('2026-12-03T10:00:00Z');
const CHANNELS = 300;

/** Discord's documented limits, written here rather than read from the code under test. */
const DISCORD: SendLimits = {
  concurrency: 25,
  global: { limit: 50, windowMs: 1_000, spread: true },
  perDestination: { limit: 5, windowMs: 5_000 },
  marginMs: 25,
};
/** Discord's window and the worker's margin: no such window may hold more than 50 posts. */
const WINDOW_MS = 1_025;

/** The real store, counting transactions under way so the test knows when the workers are idle. */
class CountingStore implements Store {
  active = 0;
  constructor(private readonly inner: Store) {}
  async transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    this.active++;
    try {
      return await this.inner.transaction(work);
    } finally {
      this.active--;
    }
  }
}

/** The most posts in any window of WINDOW_MS. */
function busiestWindow(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= WINDOW_MS) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe.skipIf(!DATABASE_KINDS.includes('postgres'))(
  'three workers sharing one budget, on PostgreSQL',
  () => {
    let database: Database;
    let store: CountingStore;
    let timer: ManualTimer;
    let workers: DeliveryWorker[];
    const sends: { worker: number; at: number }[] = [];

    beforeEach(async () => {
      database = await createTestDatabase('postgres');
      store = new CountingStore(new PrismaStore(database.prisma));
      timer = new ManualTimer();
      sends.length = 0;
      const clock: Clock = { now: () => new Date(START.getTime() + timer.current) };
      workers = [0, 1, 2].map((index) => {
        const poster = new RecordingPoster('DISCORD', () => {
          sends.push({ worker: index, at: timer.now() });
          return { ok: true, platformMessageId: `m-${sends.length}` };
        });
        return new DeliveryWorker(store, [poster], clock, recordingLogger(), {
          workerId: `worker-${index}`,
          timer,
          limits: { DISCORD },
          shareBudget: true,
        });
      });
      // Each starts as the bot starts: a first drain, with nothing due yet.
      for (const worker of workers) await worker.drainDue();
      const twinning = await seedTwinning(database, { channels: CHANNELS });
      await enqueueFanOut(database, twinning, { dueAt: START });
    });

    afterEach(async () => {
      for (const worker of workers) await worker.stop();
      await database.close();
    });

    /** Resolves once no transaction has been under way for two turns of the event loop. */
    async function idle(): Promise<void> {
      for (let turns = 0; turns < 2;) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        turns = store.active === 0 ? turns + 1 : 0;
      }
    }

    /** Moves virtual time whenever the workers wait for nothing but timers, until every post went. */
    async function runUntilAllSent(): Promise<void> {
      while (sends.length < CHANNELS) {
        await idle();
        if (sends.length >= CHANNELS) break;
        expect(timer.current, 'virtual time ran past a minute').toBeLessThan(60_000);
        expect(timer.fireNext(), 'the workers wait for nothing while posts are due').toBe(true);
      }
    }

    it('lets one worker holding the whole fan-out post at the whole budget while the others idle', async () => {
      void workers[0]!.drainDueLogged();
      await runUntilAllSent();
      const times = sends.map((send) => send.at);
      console.log(
        `[shared-budget] one worker: busiest window ${busiestWindow(times)}, last post at ${Math.max(...times)} ms`,
      );
      expect(new Set(sends.map((send) => send.worker))).toEqual(new Set([0]));
      // One budget: 50 posts in the busiest window, not 16 or 17 (a third).
      expect(busiestWindow(times)).toBe(50);
      // 300 posts at 50 per 1,025 ms: the last within six windows of the first.
      expect(Math.max(...times) - Math.min(...times)).toBeLessThan(6 * WINDOW_MS);
    });

    it('keeps three busy workers together within one budget', async () => {
      // One after another, so each claims a batch (claims at the same moment skip each other's rows).
      for (const worker of workers) {
        void worker.drainDueLogged();
        await idle();
      }
      await runUntilAllSent();
      const times = sends.map((send) => send.at);
      const byWorker = [0, 1, 2].map((index) => sends.filter((send) => send.worker === index).length);
      console.log(
        `[shared-budget] three workers (${byWorker.join(' + ')} posts): busiest window ${busiestWindow(times)}, last post at ${Math.max(...times)} ms`,
      );
      expect(byWorker).toEqual([100, 100, 100]);
      // One budget in all: never more than 50 posts in a window (three budgets would allow 150) …
      expect(busiestWindow(times)).toBeLessThanOrEqual(50);
      // … and not a third of one either: 300 posts within eight windows, not eighteen (7.2 s
      // when written: the one-budget floor is 6.1 s; each worker waits for the others to count
      // it before it starts, and a part grows a window after another worker finished).
      expect(Math.max(...times) - Math.min(...times)).toBeLessThan(8 * WINDOW_MS);
    });
  },
);
