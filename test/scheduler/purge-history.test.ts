/**
 * The retention purge on the scheduler's tick, with the clock moved: delivery history and audit
 * entries go after 90 days, Slack event receipts after a day, cards of exchanges that have not
 * ended stay; other periods and the batch bound through the job itself.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeExpiredHistory } from '../../src/core/jobs/purge-history.ts';
import type { Database } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import { CronRecurrence } from '../../src/scheduler/cron-recurrence.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { jana, schedulerHarness, twinPragueAndChicago, type SchedulerHarness } from './scheduler-harness.ts';

const START = '2026-11-23T10:00:00Z';

describe.each(DATABASE_KINDS)('retention purge on %s', (kind) => {
  let database: Database;
  let h: SchedulerHarness;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    h = schedulerHarness(database, START);
  });
  afterEach(async () => {
    await database.close();
  });

  /** Deliveries by kind, audit entries and receipts left after a tick at `instant`. */
  async function tickAndCount(instant: string) {
    h.clock.set(instant);
    const report = await h.scheduler.tick();
    const deliveries = await database.prisma.delivery.findMany({ where: { createdAt: { lt: new Date() } } });
    const byKind: Record<string, number> = {};
    for (const d of deliveries) if (d.status !== 'PENDING') byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
    return {
      purged: report?.recordsPurged,
      finished: byKind,
      audit: await database.prisma.auditEntry.count(),
      receipts: await database.prisma.slackEventReceipt.count(),
    };
  }

  it('deletes each kind of history once older than its period, and keeps cards of exchanges still ahead', async () => {
    await twinPragueAndChicago(h);
    await h.run(jana, 'announce send partnership:1 text:"Hello, Chicago"');
    // Ends on 1 December 2027: its cards are edited until then.
    await h.run(
      jana,
      'event create partnership:1 title:"Choir" kind:cultural-event start:"2027-11-30 18:00" end:"2027-12-01 21:00"',
    );
    await database.prisma.slackEventReceipt.create({
      data: { eventId: 'Ev1', teamId: 'T1', receivedAt: new Date(START) },
    });
    const audit = await database.prisma.auditEntry.count();
    expect(audit).toBeGreaterThan(0);
    const posted = { 'partnership.joined': 1, announcement: 2, 'exchange.created': 2 };

    // A day less a minute: everything is kept.
    expect(await tickAndCount('2026-11-24T09:59:00Z')).toEqual({
      purged: 0,
      finished: posted,
      audit,
      receipts: 1,
    });
    // A day after it: the receipt goes.
    expect(await tickAndCount('2026-11-24T10:01:00Z')).toEqual({
      purged: 1,
      finished: posted,
      audit,
      receipts: 0,
    });
    // 90 days less a minute after the posts and entries (21 February 2027, 10:00 UTC): kept.
    expect(await tickAndCount('2027-02-21T09:59:00Z')).toMatchObject({ purged: 0, finished: posted, audit });
    // A minute past 90 days: the join notice, the announcement's posts and the audit entries go;
    // the exchange's cards stay while it has not ended.
    expect(await tickAndCount('2027-02-21T10:01:00Z')).toMatchObject({
      purged: 3 + audit,
      finished: { 'exchange.created': 2 },
      audit: 0,
    });
    // Once the exchange has ended (and 90 days have passed since they were posted), its cards go too.
    const after = await tickAndCount('2027-12-02T10:00:00Z');
    expect(after.finished['exchange.created']).toBeUndefined();
  });

  it('takes other periods and deletes in bounded batches', async () => {
    const deps = {
      store: new PrismaStore(database.prisma),
      recurrence: new CronRecurrence(),
      logger: h.logger,
    };
    await database.prisma.auditEntry.createMany({
      data: Array.from({ length: 6 }, (_, i) => ({
        action: 'test',
        targetType: 'town',
        targetId: `t${i}`,
        at: new Date('2026-10-01T00:00:00Z'),
      })),
    });
    await database.prisma.auditEntry.create({
      data: { action: 'recent', targetType: 'town', targetId: 'r', at: new Date('2026-11-01T00:00:00Z') },
    });
    const now = new Date('2026-11-23T00:00:00Z');
    const periods = { deliveries: 90, audit: 30, receipts: 1 };
    // Batches of one, at most four per kind and run: four now, the other two on the next run.
    expect(await purgeExpiredHistory(deps, now, periods, 1)).toBe(4);
    expect(await purgeExpiredHistory(deps, now, periods, 1)).toBe(2);
    expect(await purgeExpiredHistory(deps, now, periods, 1)).toBe(0);
    const left = await database.prisma.auditEntry.findMany();
    expect(left.map((e) => e.action)).toEqual(['recent']);
  });
});
