/**
 * Each worker's part of a platform's budget, on both databases, with driven time: busy workers
 * join, one dies and stops counting once its heartbeat expires (a claim lease after its last
 * one), one stops and leaves at once, an idle one takes no part. The parts of the busy workers
 * always add up to the platform's whole budget.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Platform } from '../../src/core/domain/model.ts';
import type { Clock, Repositories, Store } from '../../src/core/ports.ts';
import { SendShares } from '../../src/core/outbox/send-shares.ts';
import type { SendLimits } from '../../src/core/outbox/send-limits.ts';
import type { Database } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import { ManualTimer } from '../support/manual-timer.ts';
import { DATABASE_KINDS, createTestDatabase } from '../support/test-database.ts';
import { recordingLogger } from './outbox-fixtures.ts';

const START = new Date('2026-12-03T10:00:00Z');
const LEASE_MS = 15_000;

/** Discord's documented bot-wide limit, and a Slack workspace's assumed one, written out here. */
const LIMITS: Record<Platform, SendLimits> = {
  DISCORD: {
    concurrency: 25,
    global: { limit: 50, windowMs: 1_000, spread: true },
    perDestination: { limit: 5, windowMs: 5_000 },
  },
  SLACK: { concurrency: 10, perCommunity: { limit: 300, windowMs: 60_000 } },
  CONSOLE: { concurrency: 1 },
};

/** The real store, keeping the transactions under way so the test can wait for them. */
class SettlingStore implements Store {
  private readonly pending = new Set<Promise<unknown>>();
  constructor(private readonly inner: Store) {}
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    const done = this.inner.transaction(work);
    const tracked = done.finally(() => this.pending.delete(tracked)).catch(() => undefined);
    this.pending.add(tracked);
    return done;
  }
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}

/** One worker process: its own pacing timer (a dead one's never moves again) and its shares. */
interface Worker {
  timer: ManualTimer;
  shares: SendShares;
  alive: boolean;
  /** The platforms it has posts in hand for. */
  busy: Platform[];
}

describe.each(DATABASE_KINDS)('send shares on %s', (kind) => {
  let database: Database;
  let store: SettlingStore;
  let elapsed: number;
  const clock: Clock = { now: () => new Date(START.getTime() + elapsed) };
  const workers: Worker[] = [];

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    store = new SettlingStore(new PrismaStore(database.prisma));
    elapsed = 0;
    workers.length = 0;
  });
  afterEach(() => database.close());

  async function join(
    workerId: string,
    platforms: Platform[] = ['DISCORD'],
    busy: Platform[] = platforms,
  ): Promise<Worker> {
    const timer = new ManualTimer();
    const worker: Worker = { timer, shares: undefined as unknown as SendShares, alive: true, busy };
    const options = {
      ...{ workerId, platforms, limits: LIMITS, leaseMs: LEASE_MS, timer },
      busy: () => worker.busy,
      onChange: () => {},
    };
    worker.shares = new SendShares(store, clock, recordingLogger(), options);
    workers.push(worker);
    await worker.shares.start();
    return worker;
  }

  /** Moves every live worker's time on, a second at a time, letting each heartbeat finish. */
  async function advance(ms: number): Promise<void> {
    for (let step = 0; step < ms; step += 1_000) {
      elapsed += 1_000;
      for (const worker of workers) if (worker.alive) await worker.timer.advance(1_000);
      await store.settled();
    }
  }

  const discordGlobal = (worker: Worker) => worker.shares.limits().DISCORD.global?.limit;
  const total = (of: (worker: Worker) => number | undefined) =>
    workers.filter((w) => w.alive).reduce((sum, w) => sum + (of(w) ?? 0), 0);

  it('divides the budget among the workers that join, and gives a dead one’s part back once its heartbeat expires', async () => {
    const a = await join('worker-a');
    expect(discordGlobal(a)).toBe(50);
    const b = await join('worker-b');
    const c = await join('worker-c');
    // The last to join knows all three at once; the others at their next heartbeat.
    expect(c.shares.workersSharing('DISCORD')).toBe(3);
    await advance(5_000);
    expect(workers.map((w) => w.shares.workersSharing('DISCORD'))).toEqual([3, 3, 3]);
    // One budget in all: 17 + 17 + 16 a second, 25 in flight.
    expect(workers.map(discordGlobal)).toEqual([17, 17, 16]);
    expect(total((w) => w.shares.limits().DISCORD.concurrency)).toBe(25);

    // worker-c is killed: its row stays until a lease after its last heartbeat.
    c.alive = false;
    await advance(LEASE_MS - 1_000);
    expect(a.shares.workersSharing('DISCORD')).toBe(3);
    await advance(LEASE_MS / 3 + 1_000);
    expect([a, b].map((w) => w.shares.workersSharing('DISCORD'))).toEqual([2, 2]);
    expect([a, b].map(discordGlobal)).toEqual([25, 25]);

    // worker-b stops cleanly: it leaves, and worker-a has the whole budget at its next heartbeat.
    await b.shares.stop();
    b.alive = false;
    await advance(LEASE_MS / 3);
    expect(a.shares.workersSharing('DISCORD')).toBe(1);
    expect(discordGlobal(a)).toBe(50);
    await a.shares.stop();
  });

  it('counts only the workers serving the same platform', async () => {
    const discord = await join('worker-discord', ['DISCORD']);
    const both = await join('worker-both', ['DISCORD', 'SLACK']);
    const slack = await join('worker-slack', ['SLACK']);
    await advance(5_000);
    expect(discord.shares.workersSharing('DISCORD')).toBe(2);
    expect(slack.shares.workersSharing('SLACK')).toBe(2);
    expect(both.shares.limits().SLACK.perCommunity?.limit).toBe(150);
    expect(both.shares.limits().DISCORD.global?.limit).toBe(25);
    // Nobody shares the console's terminal: a console-only worker writes no heartbeat at all.
    const console = await join('worker-console', ['CONSOLE']);
    await advance(5_000);
    expect(discord.shares.workersSharing('DISCORD')).toBe(2);
    expect(console.shares.limits().CONSOLE).toEqual(LIMITS.CONSOLE);
    expect(await database.prisma.liveWorker.count()).toBe(3);
    for (const worker of workers) await worker.shares.stop();
    expect(await database.prisma.liveWorker.count()).toBe(0);
  });

  it('gives an idle worker no part, and divides the budget once it is busy too', async () => {
    const a = await join('worker-a');
    const b = await join('worker-b', ['DISCORD'], []);
    await advance(5_000);
    // worker-a holds the whole fan-out: it alone has the whole budget.
    expect(discordGlobal(a)).toBe(50);
    // worker-b has its part ready for when posts come.
    expect(discordGlobal(b)).toBe(25);
    b.busy = ['DISCORD'];
    b.shares.poke();
    // worker-a still uses the whole budget: worker-b sends nothing until worker-a counts it.
    expect(b.shares.limits().DISCORD.concurrency).toBe(0);
    await store.settled();
    expect(discordGlobal(a)).toBe(50);
    expect(b.shares.limits().DISCORD.concurrency).toBe(0);
    // worker-a learns at its next heartbeat, a second later at most while busy; worker-b sees
    // that it was counted at its own next one.
    await advance(1_000);
    expect([a, b].map(discordGlobal)).toEqual([25, 25]);
    await advance(1_000);
    expect([a, b].map((w) => w.shares.limits().DISCORD.concurrency)).toEqual([13, 12]);
    // worker-b's posts are all answered: worker-a has the whole budget again a second later.
    b.busy = [];
    b.shares.poke();
    await store.settled();
    // worker-a is offered the whole budget at its next heartbeat and takes it a window later:
    // worker-b's last posts still count in the platform's current window.
    await advance(1_000);
    expect(discordGlobal(a)).toBe(25);
    await advance(1_000);
    expect(discordGlobal(a)).toBe(50);
    for (const worker of workers) await worker.shares.stop();
  });
});
