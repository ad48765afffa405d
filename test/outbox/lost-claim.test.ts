/**
 * Claims and their leases, two workers on one database, the lease run out on the test clock:
 * - a worker whose claim ran out while its post hung must not record the outcome of a delivery
 *   another worker has taken over meanwhile (the coordinators must not be told it failed);
 * - a worker frozen past its lease and resumed sends nothing it lost (it checks before sending);
 * - a worker that lives renews what it holds (heartbeat), however long a post takes, and once
 *   it stops (killed) its claims lapse after one short lease.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryWorker } from '../../src/core/outbox/delivery-worker.ts';
import type { PostResult, Repositories, Store } from '../../src/core/ports.ts';
import type { Database } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import { TestClock } from '../console/console-harness.ts';
import { ManualPacingTimer } from './manual-pacing-timer.ts';
import { ManualTimer } from '../support/manual-timer.ts';
import { DATABASE_KINDS, createTestDatabase } from '../support/test-database.ts';
import {
  RecordingPoster,
  enqueueFanOut,
  recordingLogger,
  seedTwinning,
  type Twinning,
} from './outbox-fixtures.ts';

const LEASE_MS = 15_000;

/** The real store, signalling each time a renewal of claims has been committed. */
class RenewalWatch implements Store {
  private waiters: (() => void)[] = [];
  constructor(private readonly inner: Store) {}

  /** Resolves once the next renewal has been committed and the worker has seen its answer. */
  nextRenewal(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    let renewal = false;
    const result = await this.inner.transaction((repos) => {
      const deliveries = Object.create(repos.deliveries) as Repositories['deliveries'];
      deliveries.renewClaims = (...args) => {
        renewal = true;
        return repos.deliveries.renewClaims(...args);
      };
      return work({ ...repos, deliveries });
    });
    // After the worker's own continuation (the next heartbeat is armed by then).
    if (renewal) for (const waiter of this.waiters.splice(0)) setImmediate(waiter);
    return result;
  }
}

describe.each(DATABASE_KINDS)('a claim lost while posting, on %s', (kind) => {
  let database: Database;
  let store: PrismaStore;
  let clock: TestClock;
  let twinning: Twinning;
  const workers: DeliveryWorker[] = [];
  /** Answers a post still held, so a failed test does not leave its worker waiting on it. */
  let releaseHeldPost: () => void = () => undefined;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    store = new PrismaStore(database.prisma);
    clock = new TestClock(new Date('2026-11-23T08:00:00Z'));
    twinning = await seedTwinning(database, { channels: 1 });
  });
  afterEach(async () => {
    releaseHeldPost();
    for (const worker of workers.splice(0)) await worker.stop();
    await database.close();
  });

  function workerWith(
    workerId: string,
    poster: RecordingPoster,
    options: { concurrency?: number; timer?: ManualTimer | ManualPacingTimer; store?: Store } = {},
  ): DeliveryWorker {
    const worker = new DeliveryWorker(options.store ?? store, [poster], clock, recordingLogger(), {
      workerId,
      leaseMs: LEASE_MS,
      limits: { DISCORD: { concurrency: options.concurrency ?? 8 } },
      retryWakeHorizonMs: 0,
      // Unless the test drives it, pacing time never moves: nothing here waits for a pace, no
      // heartbeat comes (a frozen process), and the send timeout never fires.
      timer: options.timer ?? new ManualPacingTimer(0),
      random: () => 1,
    });
    workers.push(worker);
    return worker;
  }

  /** A poster whose first post hangs until the test answers it; later posts go through. */
  function hangingFirstPost() {
    let reached!: () => void;
    const postReached = new Promise<void>((resolve) => (reached = resolve));
    let answer!: (result: PostResult) => void;
    const poster = new RecordingPoster('DISCORD', () => {
      if (poster.calls.length > 1) return { ok: true, platformMessageId: '' };
      reached();
      return new Promise<PostResult>((resolve) => {
        answer = resolve;
        releaseHeldPost = () => resolve({ ok: false, retryable: true, reason: 'test ended' });
      });
    });
    return { poster, postReached, answer: (result: PostResult) => answer(result) };
  }

  it('does not tell the coordinators a post failed that the other worker sent', async () => {
    // Its first post hangs; anything after it (a notice) would go through.
    const { poster: stuck, postReached, answer } = hangingFirstPost();
    const healthy = new RecordingPoster('DISCORD');
    const [delivery] = await enqueueFanOut(database, twinning, {
      dueAt: clock.now(),
      text: 'Jarmark v sobotu',
    });

    const first = workerWith('worker-1', stuck).drainDue();
    await postReached;
    // worker-1 hangs past its lease; worker-2 takes the post over and sends it.
    clock.set(new Date(clock.now().getTime() + LEASE_MS + 1_000));
    await workerWith('worker-2', healthy).drainDue();
    expect(healthy.calls.map((call) => call.message.text)).toEqual(['Jarmark v sobotu']);

    // Then worker-1's platform answers that the post failed for good.
    answer({ ok: false, retryable: false, reason: '50001 Missing Access' });
    await first;
    await workers[1]?.drainDue();

    const row = await database.prisma.delivery.findUniqueOrThrow({ where: { id: delivery ?? '' } });
    expect(row.status).toBe('SENT');
    const notices = await database.prisma.delivery.count({ where: { kind: 'notice.delivery-failed' } });
    expect(notices).toBe(0);
    const directs = [...stuck.calls, ...healthy.calls].filter((call) => call.kind === 'direct');
    expect(directs).toEqual([]);
  });

  const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));

  it('sends nothing it lost when resumed after a freeze past its lease: it checks its claim before each post', async () => {
    // Two posts to one channel, one at a time: the second waits while the first hangs.
    const [first, second] = await enqueueFanOut(database, twinning, { dueAt: clock.now(), rounds: 2 });
    const frozen = hangingFirstPost();
    // Its own time moves only when the test says (its heartbeat and send timeout never fire).
    const frozenTime = new ManualPacingTimer(0);
    const draining = workerWith('worker-1', frozen.poster, { concurrency: 1, timer: frozenTime }).drainDue();
    await frozen.postReached;

    // worker-1 stands still past its lease (no heartbeat), as the database's clock and its own
    // monotonic time both show once it resumes; worker-2 takes both over and sends them.
    later(LEASE_MS + 1_000);
    frozenTime.advanceTo(LEASE_MS + 1_000);
    const healthy = new RecordingPoster('DISCORD');
    expect(await workerWith('worker-2', healthy).drainDue()).toMatchObject({ sent: 2 });
    expect(healthy.calls.map((call) => call.key).sort()).toEqual([first, second].sort());

    // worker-1 resumes: its hung post answers; the one it had not sent yet is not sent.
    frozen.answer({ ok: true, platformMessageId: 'first-again' });
    expect(await draining).toMatchObject({ sent: 1, lost: 1 });
    expect(frozen.poster.calls).toHaveLength(1);
    expect([first, second]).toContain(frozen.poster.calls[0]?.key);
    const rows = await database.prisma.delivery.findMany({ select: { status: true, claimedBy: true } });
    expect(rows).toEqual([
      { status: 'SENT', claimedBy: 'worker-2' },
      { status: 'SENT', claimedBy: 'worker-2' },
    ]);
  });

  it('renews its claims while a post takes longer than a lease, and once it stops another worker takes over after one lease', async () => {
    const [delivery] = await enqueueFanOut(database, twinning, { dueAt: clock.now() });
    const slow = hangingFirstPost();
    const timer = new ManualTimer();
    const watched = new RenewalWatch(store);
    const draining = workerWith('worker-1', slow.poster, { timer, store: watched }).drainDue();
    await slow.postReached;
    const healthy = new RecordingPoster('DISCORD');
    const other = workerWith('worker-2', healthy);

    // Five heartbeats, each a third of a lease apart (25 s, short of the 30 s send timeout).
    for (let beat = 0; beat < 5; beat++) {
      later(LEASE_MS / 3);
      const renewed = watched.nextRenewal();
      await timer.advance(LEASE_MS / 3);
      await renewed;
      expect(await other.drainDue()).toMatchObject({ sent: 0 });
    }
    const held = await database.prisma.delivery.findUniqueOrThrow({ where: { id: delivery ?? '' } });
    expect(held).toMatchObject({ status: 'SENDING', claimedBy: 'worker-1' });
    expect(held.leaseUntil!.getTime()).toBeGreaterThan(clock.now().getTime() + LEASE_MS - 1_000);

    // worker-1 dies (its heartbeat stops): one lease later, and not before, worker-2 sends it.
    later(LEASE_MS - 1_000);
    expect(await other.drainDue()).toMatchObject({ sent: 0 });
    later(1_001);
    expect(await other.drainDue()).toMatchObject({ sent: 1 });
    expect(healthy.calls.map((call) => call.key)).toEqual([delivery]);
    console.log('answering');
    slow.answer({ ok: true, platformMessageId: 'late' });
    await draining;
  });
});
