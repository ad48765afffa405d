/**
 * A worker whose claim ran out while its post hung must not record the outcome of a delivery
 * another worker has taken over meanwhile: when the other worker posted it, the town's
 * coordinators must not be told it failed. Two workers on one database, the first one's post
 * held at a gate until the second has sent, the lease run out on the test clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryWorker } from '../../src/core/outbox/delivery-worker.ts';
import type { PostResult } from '../../src/core/ports.ts';
import type { Database } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import { TestClock } from '../console/console-harness.ts';
import { ManualPacingTimer } from './manual-pacing-timer.ts';
import { DATABASE_KINDS, createTestDatabase } from '../support/test-database.ts';
import {
  RecordingPoster,
  enqueueFanOut,
  recordingLogger,
  seedTwinning,
  type Twinning,
} from './outbox-fixtures.ts';

const LEASE_MS = 60_000;

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

  function workerWith(workerId: string, poster: RecordingPoster): DeliveryWorker {
    const worker = new DeliveryWorker(store, [poster], clock, recordingLogger(), {
      workerId,
      leaseMs: LEASE_MS,
      maxAttempts: 3,
      limits: { DISCORD: { concurrency: 8 } },
      retryWakeHorizonMs: 0,
      // Pacing time never moves: nothing here waits for a pace, and the send timeout never fires.
      timer: new ManualPacingTimer(0),
      random: () => 1,
    });
    workers.push(worker);
    return worker;
  }

  it('does not tell the coordinators a post failed that the other worker sent', async () => {
    let reached!: () => void;
    const postReached = new Promise<void>((resolve) => (reached = resolve));
    let answer!: (result: PostResult) => void;
    // Its first post hangs; anything after it (a notice) would go through.
    const stuck = new RecordingPoster('DISCORD', () => {
      if (stuck.calls.length > 1) return { ok: true, platformMessageId: '' };
      reached();
      return new Promise<PostResult>((resolve) => {
        answer = resolve;
        releaseHeldPost = () => resolve({ ok: false, retryable: true, reason: 'test ended' });
      });
    });
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
});
