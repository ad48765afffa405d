/**
 * How long the outbox keeps trying, on both databases with the real repositories and a recording
 * poster, on the test clock: retryable failures are retried for a window from the first failure
 * (24 h) with waits of at most 10 minutes, so an outage of hours loses nothing; a delivery whose
 * worker dies each time it is sent (its lease expires again and again) fails as a crash loop,
 * however many answered retries another delivery has had.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryWorker, DeliveryWorkerOptions } from '../../src/core/outbox/delivery-worker.ts';
import type { PostResult } from '../../src/core/ports.ts';
import type { Database } from '../../src/db/open-database.ts';
import type { PrismaStore } from '../../src/db/prisma-store.ts';
import { TestClock } from '../console/console-harness.ts';
import { DATABASE_KINDS } from '../support/test-database.ts';
import {
  coordinatorNotices,
  crashWhileSending,
  enqueueFanOut,
  RecordingPoster,
  recordingLogger,
  seededOutbox,
  workerOnTestClock,
  type Twinning,
} from './outbox-fixtures.ts';

const START = new Date('2026-11-23T10:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The defaults the worker is documented with (README, docs/RELIABILITY.md), written out here. */
const RETRY_WINDOW_MS = 24 * HOUR;
const BACKOFF_CAP_MS = 10 * MINUTE;
/** The test clock moves 1 ms each time it is read: a wait measured here may carry a few. */
const CLOCK_TICKS_MS = 100;

const UNAVAILABLE: PostResult = { ok: false, retryable: true, reason: '503 Service Unavailable' };

describe.each(DATABASE_KINDS)('the outbox’s retry window on %s', (kind) => {
  let database: Database;
  let store: PrismaStore;
  let clock: TestClock;
  let twinning: Twinning;
  let poster: RecordingPoster;
  const workers: DeliveryWorker[] = [];

  function worker(options: Partial<DeliveryWorkerOptions> = {}): DeliveryWorker {
    // The full backoff step every time: the longest waits the policy allows.
    const created = workerOnTestClock(store, poster, clock, recordingLogger(), options);
    workers.push(created);
    return created;
  }

  const row = (id: string) => database.prisma.delivery.findUniqueOrThrow({ where: { id } });
  const notices = () => coordinatorNotices(database);
  const channelPosts = () => poster.calls.filter((c) => c.kind === 'post');

  /** One announcement in the first channel, due now; its delivery id. */
  async function oneAnnouncement(text?: string): Promise<string> {
    const [id] = await enqueueFanOut(
      database,
      { ...twinning, links: twinning.links.slice(0, 1) },
      { dueAt: clock.now(), ...(text === undefined ? {} : { text }) },
    );
    return id!;
  }

  /** Channel posts answer 503; direct messages (the notices) go through. */
  function channelUnavailable(): void {
    poster.answer = (call) => (call.kind === 'post' ? UNAVAILABLE : { ok: true, platformMessageId: '' });
  }

  /**
   * Drains, expects the delivery retried, and moves the clock to its retry; returns how long the
   * worker set it to wait.
   */
  async function failOnceMore(w: DeliveryWorker, id: string): Promise<number> {
    const before = clock.now();
    expect(await w.drainDue()).toMatchObject({ retried: 1, failed: 0 });
    const waiting = await row(id);
    expect(waiting.status).toBe('PENDING');
    clock.set(waiting.dueAt);
    return waiting.dueAt.getTime() - before.getTime();
  }

  /** Workers claim the delivery and die while sending, `times` times; each lease runs out. */
  const crash = (times: number) => crashWhileSending(store, clock, times);

  /** A claim that takes over the expired lease and gives the delivery back unsent (for pace). */
  async function claimAndGiveBack(id: string) {
    return store.transaction(async (repos) => {
      const now = clock.now();
      const [claimed] = await repos.deliveries.claimDue({
        now,
        limit: 1,
        workerId: 'pacing',
        leaseUntil: new Date(now.getTime() + 1_000),
      });
      await repos.deliveries.recordOutcomes('pacing', [{ id, outcome: 'released' }], now);
      return claimed;
    });
  }

  /** The platform answers again: the delivery is sent at its next retry. */
  async function sendAtNextRetry(w: DeliveryWorker, id: string) {
    expect(await w.drainDue()).toMatchObject({ sent: 1, retried: 0, failed: 0 });
    return row(id);
  }

  beforeEach(async () => {
    ({ database, store, twinning } = await seededOutbox(kind));
    clock = new TestClock(START);
    poster = new RecordingPoster();
  });

  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
    await database.close();
  });

  it('keeps a post through two hours of 503s, waiting at most 10 minutes each time, and sends it once the platform is back', async () => {
    const id = await oneAnnouncement();
    channelUnavailable();
    const w = worker();

    const waits: number[] = [];
    let lastFailedAt = clock.now();
    while (clock.now().getTime() - START.getTime() < 2 * HOUR) {
      lastFailedAt = clock.now();
      waits.push(await failOnceMore(w, id));
    }
    for (const wait of waits) expect(wait).toBeLessThanOrEqual(BACKOFF_CAP_MS + CLOCK_TICKS_MS);
    // It did reach the cap (the steps double: 2 s, 4 s … 512 s, then 10 min).
    expect(waits.at(-1)).toBeGreaterThanOrEqual(BACKOFF_CAP_MS);
    expect(await row(id)).toMatchObject({ status: 'PENDING', attempts: waits.length });

    // The platform is back right after the last 503: noticed within the cap.
    poster.answer = () => ({ ok: true, platformMessageId: '' });
    const recovered = await sendAtNextRetry(w, id);
    expect(recovered.status).toBe('SENT');
    expect(recovered.sentAt!.getTime() - lastFailedAt.getTime()).toBeLessThanOrEqual(
      BACKOFF_CAP_MS + CLOCK_TICKS_MS,
    );
    expect(channelPosts()).toHaveLength(waits.length + 1);
    expect(await notices()).toHaveLength(0);
  });

  it('fails a post still refused 24 hours after its first failure, keeping that first time, and tells the coordinators', async () => {
    const id = await oneAnnouncement('Jarmark na náměstí v sobotu');
    channelUnavailable();
    const w = worker();

    await failOnceMore(w, id);
    const { firstFailedAt } = await row(id);
    expect(firstFailedAt).toBeInstanceOf(Date);
    // Later failures do not move it: the window is counted from the first.
    await failOnceMore(w, id);
    // 10 s before the window ends: retried (due again 8 s later, inside the window's last seconds).
    clock.set(new Date(firstFailedAt!.getTime() + RETRY_WINDOW_MS - 10_000));
    await failOnceMore(w, id);
    expect(await row(id)).toMatchObject({ status: 'PENDING', attempts: 3, firstFailedAt });

    clock.set(new Date(firstFailedAt!.getTime() + RETRY_WINDOW_MS));
    expect(await w.drainDue()).toMatchObject({ failed: 1, sent: 2 });
    expect(await row(id)).toMatchObject({
      status: 'FAILED',
      attempts: 4,
      lastError: '503 Service Unavailable',
      firstFailedAt,
    });
    const told = await notices();
    expect(told.map((n) => [n.recipient?.platformUserId, n.status, n.sourceId])).toEqual([
      ['jana', 'SENT', id],
      ['klaus', 'SENT', id],
    ]);
    expect(poster.directTo('jana')[0]?.message.text).toBe(
      'Bot nemohl zveřejnit příspěvek v kanálu #twinning-0 („Krumlov – Passau“) ani po 4 pokusech a vzdal to: ' +
        '503 Service Unavailable\nPříspěvek začínal: „Jarmark na náměstí v sobotu“',
    );
  });

  it('fails a post whose lease expired six times (one more than five takeovers) as a crash loop, without sending it', async () => {
    const id = await oneAnnouncement();
    await crash(6);

    expect(await worker().drainDue()).toMatchObject({ failed: 1, sent: 2 });
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'FAILED', takeovers: 6, firstFailedAt: null });
    expect(failed.lastError).toContain('claimed 6 times in a row without an outcome');
    expect(channelPosts()).toHaveLength(0);
    expect((await notices()).map((n) => n.recipient?.platformUserId)).toEqual(['jana', 'klaus']);
  });

  it('still sends a post whose lease expired five times', async () => {
    const id = await oneAnnouncement();
    await crash(5);

    expect(await worker().drainDue()).toMatchObject({ sent: 1, failed: 0 });
    expect(await row(id)).toMatchObject({ status: 'SENT', takeovers: 5, attempts: 6 });
  });

  it('does not take 50 answered retries for a crash loop', async () => {
    const id = await oneAnnouncement();
    channelUnavailable();
    const w = worker({ baseBackoffMs: 1_000, maxBackoffMs: 1_000 });
    for (let retry = 0; retry < 50; retry++) await failOnceMore(w, id);
    expect(await row(id)).toMatchObject({ status: 'PENDING', attempts: 50, takeovers: 0 });

    poster.answer = () => ({ ok: true, platformMessageId: '' });
    expect((await sendAtNextRetry(w, id)).status).toBe('SENT');
  });

  it('counts takeovers in a row: an answered retry between them starts the count again', async () => {
    const id = await oneAnnouncement();
    const w = worker({ baseBackoffMs: 1_000, maxBackoffMs: 1_000 });
    await crash(4);
    channelUnavailable();
    await failOnceMore(w, id);
    expect(await row(id)).toMatchObject({ status: 'PENDING', takeovers: 0 });

    await crash(4);
    poster.answer = () => ({ ok: true, platformMessageId: '' });
    expect((await sendAtNextRetry(w, id)).status).toBe('SENT');
    expect(await row(id)).toMatchObject({ takeovers: 4, attempts: 10 });
  });

  it('counts a claim given back unsent neither as a failure nor as an attempt, and it ends no run of takeovers', async () => {
    const id = await oneAnnouncement();
    await crash(2);
    expect(await claimAndGiveBack(id)).toMatchObject({ id, takeovers: 2, firstFailedAt: null });
    expect(await row(id)).toMatchObject({
      status: 'PENDING',
      attempts: 2,
      takeovers: 2,
      firstFailedAt: null,
    });
  });

  it('starts afresh when a withdrawn reminder is planned again', async () => {
    const reminder = {
      dedupeKey: 'reminder:exchange-1:petr',
      kind: 'reminder',
      sourceId: 'exchange-1',
      recipientMemberId: twinning.member.id,
      payload: { text: 'Zítra v 18:00: Jarmark' },
      dueAt: clock.now(),
    };
    await store.transaction((repos) => repos.deliveries.plan([reminder]));
    const { id } = await database.prisma.delivery.findUniqueOrThrow({
      where: { dedupeKey: reminder.dedupeKey },
    });
    // A failure, then a crash taken over by a claim given back: both counts are set.
    poster.answer = () => UNAVAILABLE;
    await failOnceMore(worker(), id);
    await crash(1);
    await claimAndGiveBack(id);
    const counted = await row(id);
    expect(counted).toMatchObject({ status: 'PENDING', takeovers: 1 });
    expect(counted.firstFailedAt).toBeInstanceOf(Date);

    await store.transaction(async (repos) => {
      await repos.deliveries.withdrawPending(
        { sourceId: 'exchange-1', kinds: ['reminder'], exceptKeys: [] },
        'exchange moved',
      );
      await repos.deliveries.plan([reminder]);
    });
    expect(await row(id)).toMatchObject({
      status: 'PENDING',
      attempts: 0,
      takeovers: 0,
      firstFailedAt: null,
    });
  });
});
