// The delivery worker's pace on a driven timer: retry_after within a claim, edits in order, parallel sends within the rate.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryWorker, type DeliveryWorkerOptions } from '../../src/core/outbox/delivery-worker.ts';
import type { PostResult } from '../../src/core/ports.ts';
import type { Database } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import { TestClock } from '../console/console-harness.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { enqueueFanOut, RecordingPoster, recordingLogger, seedTwinning } from './outbox-fixtures.ts';
import { Changes, driveUntilDone, ManualPacingTimer } from './manual-pacing-timer.ts';

const START = new Date('2026-11-23T10:00:00Z');

/**
 * Pacing on a driven timer: time moves only to the wakes the worker sets, so what is asserted
 * is the pacing time each post went out at, whatever the machine's speed.
 */
describe('the delivery worker’s pace (embedded)', () => {
  /** Longer than any wake here; the worker's send timeout is set to this and never reached. */
  const SEND_TIMEOUT_MS = 30_000;
  let database: Database;
  let timer: ManualPacingTimer;

  beforeEach(async () => {
    database = await createTestDatabase('embedded');
    timer = new ManualPacingTimer(SEND_TIMEOUT_MS - 1);
  });
  afterEach(() => database.close());

  const pacedWorker = (poster: RecordingPoster, options: Partial<DeliveryWorkerOptions>) =>
    new DeliveryWorker(new PrismaStore(database.prisma), [poster], new TestClock(START), recordingLogger(), {
      workerId: 'paced',
      retryWakeHorizonMs: 0,
      leaseMs: 4 * SEND_TIMEOUT_MS,
      sendTimeoutMs: SEND_TIMEOUT_MS,
      timer,
      ...options,
    });

  it('waits out a short retry_after within the claim, holding back the whole bot when the limit is global', async () => {
    const twinning = await seedTwinning(database, { channels: 4 });
    const ids = await enqueueFanOut(database, twinning, { dueAt: START });
    const refusedAt: number[] = [];
    const sentAt: number[] = [];
    const poster = new RecordingPoster('DISCORD', (): PostResult => {
      if (refusedAt.length === 0) {
        refusedAt.push(timer.now());
        return { ok: false, retryable: true, retryAfterMs: 300, globalRateLimit: true, reason: '429 global' };
      }
      sentAt.push(timer.now());
      return { ok: true, platformMessageId: '' };
    });
    const worker = pacedWorker(poster, { limits: { DISCORD: { concurrency: 1 } } });
    expect(await driveUntilDone(timer, worker.drainDue())).toEqual({
      sent: 4,
      retried: 0,
      failed: 0,
      released: 0,
      lost: 0,
    });
    await worker.stop();
    // Nothing went out, to any channel, until 300 ms of pacing time after the refusal.
    expect(refusedAt).toEqual([0]);
    expect(sentAt).toHaveLength(4);
    expect(Math.min(...sentAt)).toBeGreaterThanOrEqual(300);
    // The refused post counts as one attempt.
    const rows = await database.prisma.delivery.findMany({ where: { id: { in: ids } } });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(Array(4).fill(['SENT', 1]));
  });

  it('applies edits of one message in the order they were claimed, even when the first is slower', async () => {
    const twinning = await seedTwinning(database, { channels: 2 });
    const [first, second] = twinning.links;
    if (!first || !second) throw new Error('two channels expected');
    const store = new PrismaStore(database.prisma);
    // Two redraws of the card in the first channel, and one in the second.
    const redraw = (link: typeof first, n: number, messageId: string) => ({
      dedupeKey: `redraw:${n}:${link.id}`,
      kind: 'exchange.card-redraw',
      sourceId: 'exchange-1',
      channelLinkId: link.id,
      editsMessageId: messageId,
      payload: { text: `counts ${n}` },
      dueAt: new Date(START.getTime() + n),
    });
    await store.transaction((repos) =>
      repos.deliveries.enqueue([
        redraw(first, 1, 'card-a'),
        redraw(first, 2, 'card-a'),
        redraw(second, 3, 'card-b'),
      ]),
    );
    const landed: string[] = [];
    const landings = new Changes();
    let answerFirst = (): void => undefined;
    const firstAnswered = new Promise<void>((resolve) => (answerFirst = resolve));
    const slowPoster = new RecordingPoster('DISCORD', async (call): Promise<PostResult> => {
      // The first edit is held until the test lets it answer: sent together, it would land last.
      if (call.message.text === 'counts 1') await firstAnswered;
      landed.push(`${call.messageId ?? ''} ${call.message.text}`);
      landings.notify();
      return { ok: true, platformMessageId: call.messageId ?? '' };
    });
    const parallel = pacedWorker(slowPoster, { limits: { DISCORD: { concurrency: 8 } } });
    const drained = parallel.drainDue();
    // card-b did not wait for card-a; card-a's second edit waits for its first.
    await landings.until(() => (landed.includes('card-b counts 3') ? true : undefined));
    expect(slowPoster.calls.map((c) => c.message.text).sort()).toEqual(['counts 1', 'counts 3']);
    answerFirst();
    expect(await drained).toMatchObject({ sent: 3 });
    await parallel.stop();
    expect(landed).toEqual(['card-b counts 3', 'card-a counts 1', 'card-a counts 2']);
    expect(slowPoster.calls.map((c) => c.kind)).toEqual(['edit', 'edit', 'edit']);
  });

  it('sends in parallel up to the platform’s concurrency and never over its rate', async () => {
    const twinning = await seedTwinning(database, { channels: 60 });
    await enqueueFanOut(database, twinning, { dueAt: START });
    // Each post is held until the test answers it: the worker's concurrency alone decides how
    // many are under way, and the timer alone how many a window lets out.
    const held: (() => void)[] = [];
    const holding = new Changes();
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    const poster = new RecordingPoster('DISCORD', async (): Promise<PostResult> => {
      started.push(timer.now());
      most = Math.max(most, ++inFlight);
      await new Promise<void>((resolve) => {
        held.push(resolve);
        holding.notify();
      });
      inFlight--;
      return { ok: true, platformMessageId: '' };
    });
    const worker = pacedWorker(poster, {
      batchSize: 20,
      limits: { DISCORD: { concurrency: 6, global: { limit: 30, windowMs: 500 } } },
    });
    let finished = false;
    const drained = worker.drainDue().finally(() => {
      finished = true;
    });
    let answered = 0;
    while (!finished) {
      // Either as many posts as the concurrency allows are under way (answer them), or the
      // worker waits for the window (move time to its wake).
      const wanted = Math.min(6, 60 - answered);
      const next = await Promise.race([
        drained.then(() => 'done' as const),
        holding.until(() => (held.length > 0 && held.length >= wanted ? ('answer' as const) : undefined)),
        timer.whenWakeSet().then(() => 'wake' as const),
      ]);
      if (next === 'answer') {
        answered += held.length;
        for (const answer of held.splice(0)) answer();
      } else if (next === 'wake') {
        timer.advanceTo(timer.nextWake() ?? timer.now());
      }
    }
    expect(await drained).toMatchObject({ sent: 60 });
    await worker.stop();

    expect(most).toBe(6);
    // 60 posts at 30 per 500 ms: the first 30 at once, the rest one window later.
    expect(started.filter((at) => at === 0)).toHaveLength(30);
    expect(Math.min(...started.slice(30))).toBeGreaterThanOrEqual(500);
    started.sort((a, b) => a - b);
    for (let i = 30; i < started.length; i++) {
      expect(started[i]! - started[i - 30]!).toBeGreaterThanOrEqual(500);
    }
  });
});
