/**
 * The delivery worker on both databases, with the real repositories and a recording poster
 * in place of a platform: delivery, retries, the bound and what coordinators are told, broken
 * channels, leases and start-up. Sending within the platform's pace is in
 * delivery-worker-pace.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryWorker, DeliveryWorkerOptions } from '../../src/core/outbox/delivery-worker.ts';
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

describe.each(DATABASE_KINDS)('the delivery worker on %s', (kind) => {
  let database: Database;
  let store: PrismaStore;
  let clock: TestClock;
  let twinning: Twinning;
  let poster: RecordingPoster;
  let logger: ReturnType<typeof recordingLogger>;
  const workers: DeliveryWorker[] = [];

  function worker(options: Partial<DeliveryWorkerOptions> = {}): DeliveryWorker {
    // Pacing is tested on its own below; here the fake platform takes anything.
    const created = workerOnTestClock(store, poster, clock, logger, options);
    workers.push(created);
    return created;
  }

  const rows = () => database.prisma.delivery.findMany({ orderBy: [{ dueAt: 'asc' }, { dedupeKey: 'asc' }] });
  const row = (id: string) => database.prisma.delivery.findUniqueOrThrow({ where: { id } });
  const notices = () => coordinatorNotices(database);

  beforeEach(async () => {
    ({ database, store, twinning } = await seededOutbox(kind));
    clock = new TestClock(START);
    poster = new RecordingPoster();
    logger = recordingLogger();
  });

  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
    await database.close();
  });

  it('posts to a channel and sends a direct message, recording the platform message ids', async () => {
    const [channelPost] = await enqueueFanOut(
      database,
      { ...twinning, links: twinning.links.slice(0, 1) },
      {
        dueAt: START,
      },
    );
    await store.transaction((repos) =>
      repos.deliveries.enqueue([
        {
          dedupeKey: 'reminder:x:petr',
          kind: 'reminder',
          sourceId: 'x',
          recipientMemberId: twinning.member.id,
          payload: { text: 'Zítra v 18:00: Jarmark' },
          dueAt: START,
        },
      ]),
    );
    clock.set(new Date(START.getTime() + 1_000));

    expect(await worker().drainDue()).toEqual({ sent: 2, retried: 0, failed: 0, released: 0, lost: 0 });

    const link = twinning.links[0]!;
    expect(poster.calls.find((c) => c.kind === 'post')).toEqual({
      kind: 'post',
      key: channelPost,
      target: {
        platform: 'DISCORD',
        communityExternalId: 'krumlov-guild',
        channelId: link.channelId,
        channelName: link.channelName,
      },
      message: { text: `Announcement 0 for #${link.channelName}` },
    });
    expect(poster.directTo('petr')).toEqual([
      expect.objectContaining({
        target: { platform: 'DISCORD', communityExternalId: 'krumlov-guild', userId: 'petr' },
        message: { text: 'Zítra v 18:00: Jarmark' },
      }),
    ]);
    for (const delivery of await rows()) {
      expect(delivery).toMatchObject({ status: 'SENT', attempts: 1, leaseUntil: null, lastError: null });
      expect(delivery.platformMessageId).toMatch(/^m\d+$/);
      expect(delivery.sentAt).toBeInstanceOf(Date);
    }
  });

  it('reschedules a retryable failure no sooner than the platform’s retry_after', async () => {
    const [id] = await enqueueFanOut(
      database,
      { ...twinning, links: twinning.links.slice(0, 1) },
      {
        dueAt: START,
      },
    );
    poster.answer = () => ({
      ok: false,
      retryable: true,
      retryAfterMs: 90_000,
      reason: '429 Too Many Requests',
    });
    const w = worker();
    const failedAt = clock.now();
    expect(await w.drainDue()).toMatchObject({ sent: 0, retried: 1 });

    const waiting = await row(id!);
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 1, lastError: '429 Too Many Requests' });
    expect(waiting.dueAt.getTime() - failedAt.getTime()).toBeGreaterThanOrEqual(90_000);

    poster.answer = () => ({ ok: true, platformMessageId: '' });
    clock.set(new Date(waiting.dueAt.getTime() - 1_000));
    expect(await w.drainDue()).toMatchObject({ sent: 0, retried: 0 });
    expect(poster.calls).toHaveLength(1);

    clock.set(waiting.dueAt);
    expect(await w.drainDue()).toMatchObject({ sent: 1 });
    expect(await row(id!)).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
  });

  it('backs off exponentially, stops once the retry window has passed and tells the coordinators in their languages', async () => {
    const [id] = await enqueueFanOut(
      database,
      { ...twinning, links: twinning.links.slice(0, 1) },
      {
        dueAt: START,
        text: 'Jarmark na náměstí v sobotu\nPřijďte všichni',
      },
    );
    poster.answer = (call) =>
      call.kind === 'post'
        ? { ok: false, retryable: true, reason: '503 Service Unavailable' }
        : { ok: true, platformMessageId: '' };
    // Failures at about 0 s, 1 s, 3 s and 7 s: the fourth is past a 6 s window.
    const w = worker({ retryForMs: 6_000, baseBackoffMs: 1_000 });

    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const before = clock.now();
      expect(await w.drainDue()).toMatchObject({ retried: 1 });
      const waiting = await row(id!);
      expect(waiting).toMatchObject({ status: 'PENDING', attempts: attempt });
      delays.push(waiting.dueAt.getTime() - before.getTime());
      clock.set(waiting.dueAt);
    }
    // Full jitter step (random() = 1): 1 s, 2 s, 4 s, give or take the clock's own ticks.
    expect(delays.map((d) => Math.round(d / 1_000))).toEqual([1, 2, 4]);

    // The fourth attempt is the last: failed, and both coordinators are told directly.
    expect(await w.drainDue()).toMatchObject({ failed: 1, sent: 2 });
    expect(await row(id!)).toMatchObject({
      status: 'FAILED',
      attempts: 4,
      lastError: '503 Service Unavailable',
    });
    const told = await notices();
    expect(told.map((n) => [n.kind, n.recipient?.platformUserId, n.status, n.sourceId])).toEqual([
      ['notice.delivery-failed', 'jana', 'SENT', id],
      ['notice.delivery-failed', 'klaus', 'SENT', id],
    ]);
    const [jana] = poster.directTo('jana');
    const [klaus] = poster.directTo('klaus');
    expect(jana?.message.text).toBe(
      'Bot nemohl zveřejnit příspěvek v kanálu #twinning-0 („Krumlov – Passau“) ani po 4 pokusech a vzdal to: ' +
        '503 Service Unavailable\nPříspěvek začínal: „Jarmark na náměstí v sobotu“',
    );
    expect(klaus?.message.text).toContain('auch nach 4 Versuchen nichts posten');
    expect(klaus?.message.text).toContain('„Jarmark na náměstí v sobotu“');
  });

  it('fails a delivery the platform refuses for good at once, and a failing notice is not reported again', async () => {
    const [id] = await enqueueFanOut(
      database,
      { ...twinning, links: twinning.links.slice(0, 1) },
      {
        dueAt: START,
      },
    );
    // The platform refuses everything: the post, then the notices about it.
    poster.answer = () => ({ ok: false, retryable: false, reason: '400 Cannot send an empty message' });
    const w = worker();

    expect(await w.drainDue()).toMatchObject({ sent: 0, failed: 3 });
    expect(await row(id!)).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect((await notices()).map((n) => n.status)).toEqual(['FAILED', 'FAILED']);
    expect(await rows()).toHaveLength(3);

    // Nothing left to do: no notice about the notices, however often the worker runs.
    clock.set(new Date(START.getTime() + 24 * 3_600_000));
    expect(await w.drainDue()).toEqual({ sent: 0, retried: 0, failed: 0, released: 0, lost: 0 });
    expect(poster.calls).toHaveLength(3);
    expect(logger.entries.filter((e) => e.message.startsWith('notice to a coordinator failed'))).toHaveLength(
      2,
    );
  });

  it('marks a channel the bot lost broken, drops the posts waiting for it and tells the coordinators once', async () => {
    const [broken, healthy] = twinning.links;
    const now = await enqueueFanOut(database, { ...twinning, links: [broken!, healthy!] }, { dueAt: START });
    const later = await enqueueFanOut(
      database,
      { ...twinning, links: [broken!] },
      { dueAt: new Date(START.getTime() + 3_600_000), kind: 'reminder' },
    );
    poster.answer = (call) =>
      call.kind === 'post' && 'channelId' in call.target && call.target.channelId === broken!.channelId
        ? { ok: false, retryable: false, channelBroken: true, reason: 'Missing Access (50001)' }
        : { ok: true, platformMessageId: '' };
    const w = worker();

    expect(await w.drainDue()).toMatchObject({ sent: 3, failed: 1 });
    expect(await database.prisma.channelLink.findUniqueOrThrow({ where: { id: broken!.id } })).toMatchObject({
      status: 'BROKEN',
      brokenReason: 'Missing Access (50001)',
    });
    const statuses = Object.fromEntries((await rows()).map((r) => [r.id, r.status]));
    expect([now.map((id) => statuses[id]).sort(), statuses[later[0]!]]).toEqual([
      ['FAILED', 'SENT'],
      'FAILED',
    ]);

    expect((await notices()).map((n) => [n.kind, n.recipient?.platformUserId])).toEqual([
      ['notice.channel-broken', 'jana'],
      ['notice.channel-broken', 'klaus'],
    ]);
    expect(poster.directTo('jana')[0]?.message.text).toContain(
      'Bot už nemůže psát do kanálu #twinning-0 („Krumlov – Passau“): Missing Access (50001)',
    );
    expect(poster.directTo('jana')[0]?.message.text).toContain('1 čekající příspěvek byl zahozen');
    expect(poster.directTo('klaus')[0]?.message.text).toContain('1 wartender Beitrag wurde verworfen');

    // A post that was already queued when the link broke fails too, without a second notice.
    await store.transaction((repos) =>
      repos.deliveries.enqueue([
        {
          dedupeKey: 'stray',
          kind: 'announcement',
          sourceId: 'stray',
          channelLinkId: broken!.id,
          payload: { text: 'stray' },
          dueAt: clock.now(),
        },
      ]),
    );
    expect(await w.drainDue()).toMatchObject({ failed: 1, sent: 0 });
    expect(await notices()).toHaveLength(2);
  });

  it('leaves a live claim alone and takes over one whose lease ran out', async () => {
    const ids = await enqueueFanOut(database, twinning, { dueAt: START });
    // Another worker claims everything and dies before answering.
    const claimed = await store.transaction((repos) => {
      const now = clock.now();
      return repos.deliveries.claimDue({
        now,
        limit: 10,
        workerId: 'worker-that-died',
        leaseUntil: new Date(now.getTime() + 60_000),
      });
    });
    expect(claimed.map((c) => c.id).sort()).toEqual([...ids].sort());

    const w = worker();
    expect(await w.drainDue()).toMatchObject({ sent: 0 });
    expect(poster.calls).toHaveLength(0);

    clock.set(new Date(START.getTime() + 61_000));
    expect(await w.drainDue()).toMatchObject({ sent: 3 });
    for (const delivery of await rows()) {
      expect(delivery).toMatchObject({ status: 'SENT', attempts: 2, claimedBy: 'worker-1' });
    }
    // The dead worker's late answer cannot undo what the next worker did.
    const late = await store.transaction((repos) =>
      repos.deliveries.recordOutcomes(
        'worker-that-died',
        ids.map((id) => ({ id, outcome: 'retry' as const, retryAt: clock.now(), error: 'late' })),
        clock.now(),
      ),
    );
    expect(late).toBe(0);
    expect((await rows()).every((r) => r.status === 'SENT')).toBe(true);
  });

  it('gives up on a delivery whose worker died every time it was being sent, without sending it again', async () => {
    const [id] = await enqueueFanOut(
      database,
      { ...twinning, links: twinning.links.slice(0, 1) },
      {
        dueAt: START,
      },
    );
    await crashWhileSending(store, clock, 2);
    // The second and third claims took over from an expired lease: two takeovers, one too many.
    expect(await worker({ maxTakeovers: 1 }).drainDue()).toMatchObject({ failed: 1, sent: 2 });
    expect(await row(id!)).toMatchObject({ status: 'FAILED', attempts: 3, takeovers: 2 });
    expect(poster.calls.filter((c) => c.kind === 'post')).toHaveLength(0);
    expect((await notices()).map((n) => n.recipient?.platformUserId)).toEqual(['jana', 'klaus']);
  });

  it('sends what fell due while no worker ran as soon as one starts, and nothing early', async () => {
    const overdue = await enqueueFanOut(database, twinning, {
      dueAt: new Date(START.getTime() - 3 * 3_600_000),
    });
    const future = await enqueueFanOut(database, twinning, {
      dueAt: new Date(START.getTime() + 3_600_000),
      kind: 'reminder',
    });
    expect(await worker().drainDue()).toMatchObject({ sent: 3 });
    expect(poster.calls.map((c) => c.key).sort()).toEqual([...overdue].sort());
    const statuses = await database.prisma.delivery.findMany({ where: { id: { in: future } } });
    expect(statuses.map((r) => r.status)).toEqual(['PENDING', 'PENDING', 'PENDING']);
  });

  it('gives a claim back unsent, attempt uncounted, when the platform’s pace would keep it waiting too long', async () => {
    await enqueueFanOut(
      database,
      { ...twinning, links: twinning.links.slice(0, 1) },
      {
        dueAt: START,
        rounds: 3,
      },
    );
    const w = worker({
      slotWaitMs: 2_000,
      limits: { DISCORD: { concurrency: 8, perDestination: { limit: 1, windowMs: 10_000 } } },
    });
    expect(await w.drainDue()).toMatchObject({ sent: 1, released: 2 });
    const waiting = (await rows()).filter((r) => r.status !== 'SENT');
    expect(waiting.map((r) => [r.status, r.attempts, r.leaseUntil])).toEqual([
      ['PENDING', 0, null],
      ['PENDING', 0, null],
    ]);
  });
});
