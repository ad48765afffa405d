/**
 * An attempt that may have posted without the bot hearing so is kept with the delivery, so the
 * next attempt — by a worker started afresh on the same database — is told to look for the post
 * first (`unansweredBefore`): a post whose answer was lost, one that took longer than the send
 * timeout, and one whose worker stopped while sending (a takeover). A refusal says nothing was
 * posted and tells nothing; once told, later attempts are told too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryWorker } from '../../src/core/outbox/delivery-worker.ts';
import type { PostResult } from '../../src/core/ports.ts';
import type { Database } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import { TestClock } from '../console/console-harness.ts';
import { ManualTimer } from '../support/manual-timer.ts';
import { DATABASE_KINDS, createTestDatabase } from '../support/test-database.ts';
import {
  RecordingPoster,
  crashWhileSending,
  enqueueFanOut,
  recordingLogger,
  seedTwinning,
  workerOnTestClock,
  type Twinning,
} from './outbox-fixtures.ts';

const LOST: PostResult = {
  ok: false,
  retryable: true,
  unanswered: true,
  reason: 'Discord: 502 after posting',
};
const REFUSED: PostResult = { ok: false, retryable: true, retryAfterMs: 1_000, reason: 'Discord: 429' };

describe.each(DATABASE_KINDS)('what an unanswered attempt leaves for the next, on %s', (kind) => {
  let database: Database;
  let store: PrismaStore;
  let clock: TestClock;
  let twinning: Twinning;
  const workers: DeliveryWorker[] = [];

  /** A worker as after a restart: its own poster and nothing in memory from the one before. */
  const freshWorker = (
    answers: PostResult[],
    options: { sendTimeoutMs?: number; timer?: ManualTimer } = {},
  ) => {
    const poster = new RecordingPoster(
      'DISCORD',
      () => answers.shift() ?? { ok: true, platformMessageId: '' },
    );
    const worker = workerOnTestClock(store, poster, clock, recordingLogger(), {
      workerId: `worker-${workers.length + 1}`,
      ...options,
    });
    workers.push(worker);
    return { poster, worker };
  };
  /** Lets the retry come due (backoff is minutes at most). */
  const later = () => clock.set(new Date(clock.now().getTime() + 15 * 60_000));
  const posts = (poster: RecordingPoster) => poster.calls.map((c) => c.unansweredBefore === true);

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    store = new PrismaStore(database.prisma);
    clock = new TestClock(new Date('2026-11-23T10:00:00Z'));
    twinning = await seedTwinning(database, { channels: 1 });
    await enqueueFanOut(database, twinning, { dueAt: clock.now(), kind: 'relay.message' });
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop();
    await database.close();
  });

  it('after a lost answer, tells the next worker to look first', async () => {
    const first = freshWorker([LOST]);
    await first.worker.drainDue();
    await first.worker.stop();
    expect(posts(first.poster)).toEqual([false]);

    later();
    const second = freshWorker([]);
    await second.worker.drainDue();
    expect(posts(second.poster)).toEqual([true]);
    expect((await database.prisma.delivery.findFirstOrThrow()).status).toBe('SENT');
  });

  it('after a refusal (nothing posted) tells nothing; once told, it keeps telling', async () => {
    const { poster, worker } = freshWorker([REFUSED, LOST, REFUSED]);
    for (let attempt = 0; attempt < 4; attempt++) {
      await worker.drainDue();
      later();
    }
    expect(posts(poster)).toEqual([false, false, true, true]);
  });

  it('after a post that took longer than the send timeout, tells the next attempt', async () => {
    const timer = new ManualTimer();
    let answer: ((result: PostResult) => void) | undefined;
    const poster = new RecordingPoster('DISCORD', () =>
      answer ? { ok: true, platformMessageId: '' } : new Promise<PostResult>((resolve) => (answer = resolve)),
    );
    const worker = workerOnTestClock(store, poster, clock, recordingLogger(), {
      sendTimeoutMs: 30_000,
      timer,
    });
    workers.push(worker);
    const drained = worker.drainDue();
    await poster.callsReached(1);
    await timer.advance(30_000);
    await drained;
    answer?.({ ok: true, platformMessageId: 'late' });
    later();
    await worker.drainDue();
    expect(posts(poster)).toEqual([false, true]);
  });

  it('after a worker stopped while sending (its claim taken over), tells the next', async () => {
    await crashWhileSending(store, clock, 1);
    const { poster, worker } = freshWorker([]);
    await worker.drainDue();
    expect(posts(poster)).toEqual([true]);
  });
});
