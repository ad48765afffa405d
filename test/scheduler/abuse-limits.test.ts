/**
 * What one partnership may ask of the bot, on both databases through the real wiring: recurring
 * announcements no more often than the minimum (over many occurrences, and held by the scheduler
 * too), caps on scheduled announcements, one-off announcements per 24 hours and upcoming
 * exchanges, and reminders of a whole partnership planned again in batches, the rest by the
 * scheduler from what the database holds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replanRemindersInBatches } from '../../src/core/jobs/reminder-replanning.ts';
import type { AbuseLimits } from '../../src/core/limits.ts';
import type { Database } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import { CronRecurrence } from '../../src/scheduler/cron-recurrence.ts';
import { DATABASE_KINDS, createTestDatabase } from '../support/test-database.ts';
import {
  jana,
  mike,
  schedulerHarness,
  twinPragueAndChicago,
  type SchedulerHarness,
} from './scheduler-harness.ts';

const MINUTE = 60_000;

describe.each(DATABASE_KINDS)('abuse limits on %s', (kind) => {
  let database: Database;
  let h: SchedulerHarness;

  /** Twins Praha and Chicago under these limits, with the weekly digest off. */
  async function twin(now: string, limits: Partial<AbuseLimits> = {}): Promise<void> {
    h = schedulerHarness(database, now, limits);
    await twinPragueAndChicago(h);
    await h.run(jana, 'partner digest partnership:1 off');
  }

  const announcements = () => database.prisma.announcement.count();

  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });

  afterEach(async () => {
    await h.scheduler.stop();
    await database.close();
  });

  it('refuses a cron that comes round more often than the minimum, and accepts one on it', async () => {
    await twin('2026-12-02T10:00:00Z');
    expect((await h.refused(mike, 'announce schedule partnership:1 text:Spam cron:"* * * * *"')).text).toBe(
      '“* * * * *” comes round too often: two of its times are only 1 minute apart. ' +
        'A recurring announcement may come round at most once every 60 minutes.',
    );
    expect(
      (await h.refused(mike, 'announce schedule partnership:1 text:Spam cron:"0,45 9 * * *"')).text,
    ).toBe(
      '“0,45 9 * * *” comes round too often: two of its times are only 45 minutes apart. ' +
        'A recurring announcement may come round at most once every 60 minutes.',
    );
    expect(await announcements()).toBe(0);
    await h.run(jana, 'announce schedule partnership:1 text:Hodinově cron:"0 * * * *"');
    expect(await announcements()).toBe(1);
  });

  it('checks many occurrences, not just the first two: a Friday 23:00 before a Saturday the 1st', async () => {
    // The 1st of the month or a Friday, at 00:00 and 23:00: 23 hours apart until Friday
    // 30 April 2027 23:00 is followed by Saturday 1 May 00:00, an hour later.
    await twin('2026-12-02T10:00:00Z', { minRepeatMinutes: 90 });
    expect(
      (await h.refused(mike, 'announce schedule partnership:1 text:Spam cron:"0 0,23 1 * 5"')).text,
    ).toBe(
      '“0 0,23 1 * 5” comes round too often: two of its times are only 60 minutes apart. ' +
        'A recurring announcement may come round at most once every 90 minutes.',
    );
    await h.run(jana, 'announce schedule partnership:1 text:Dvakrát cron:"0 0,12 * * *"');
    expect(await announcements()).toBe(1);
  });

  it('never moves a recurring announcement on by less than the minimum, whatever its cron', async () => {
    await twin('2026-12-02T10:00:00Z');
    const partnership = await database.prisma.partnership.findUniqueOrThrow({ where: { number: 1 } });
    const author = await database.prisma.member.findFirstOrThrow({ where: { platformUserId: 'jana' } });
    // Written before the minimum existed (or past the horizon the command checks).
    await database.prisma.announcement.create({
      data: {
        partnershipId: partnership.id,
        authorId: author.id,
        text: 'Každých pět minut',
        cron: '*/5 * * * *',
        timeZone: 'Europe/Prague',
        nextRunAt: new Date('2026-12-02T10:05:00Z'),
      },
    });
    expect(await h.tickAt('2026-12-02T10:05:00Z')).toHaveLength(2);
    const row = await database.prisma.announcement.findFirstOrThrow();
    expect(row.nextRunAt?.toISOString()).toBe('2026-12-02T11:05:00.000Z');
    expect(await h.tickAt('2026-12-02T10:10:00Z')).toEqual([]);
  });

  it('caps the scheduled announcements a partnership has waiting', async () => {
    await twin('2026-12-02T10:00:00Z', { scheduledAnnouncements: 2 });
    await h.run(jana, 'announce schedule partnership:1 text:Výbor cron:"0 9 * * 1"');
    await h.run(mike, 'announce schedule partnership:1 text:Fair at:"2026-12-20 10:00"');
    expect(
      (await h.refused(mike, 'announce schedule partnership:1 text:Třetí at:"2026-12-21 10:00"')).text,
    ).toBe(
      'Partnership #1 already has 2 scheduled announcements, the most allowed. ' +
        'Cancel one (announce cancel) before scheduling another.',
    );
    expect(await announcements()).toBe(2);
    await h.run(jana, 'announce cancel announcement:1');
    await h.run(jana, 'announce schedule partnership:1 text:Třetí at:"2026-12-21 10:00"');
  });

  it('caps one-off announcements per partnership in any 24 hours', async () => {
    await twin('2026-12-02T10:00:00Z', { announcementsPerDay: 2 });
    await h.run(jana, 'announce send partnership:1 text:První');
    h.clock.set('2026-12-02T18:00:00Z');
    await h.run(mike, 'announce send partnership:1 text:Second');
    h.clock.set('2026-12-03T09:59:00Z');
    expect((await h.refused(mike, 'announce send partnership:1 text:Třetí')).text).toBe(
      'Partnership #1 has already sent 2 one-off announcements in the last 24 hours, the most allowed. ' +
        'Please try again later.',
    );
    expect(await announcements()).toBe(2);
    // 24 hours after the first, one more fits.
    h.clock.set('2026-12-03T10:00:01Z');
    await h.run(jana, 'announce send partnership:1 text:Třetí');
  });

  it('caps the upcoming exchanges of a partnership; one that has begun no longer counts', async () => {
    await twin('2026-05-01T08:00:00Z', { upcomingExchanges: 2 });
    await h.run(
      jana,
      'event create partnership:1 title:Jarmark kind:cultural-event start:"2026-05-10 18:00"',
    );
    await h.run(
      mike,
      'event create partnership:1 title:Concert kind:cultural-event start:"2026-06-10 18:00"',
    );
    expect(
      (
        await h.refused(
          mike,
          'event create partnership:1 title:Third kind:cultural-event start:"2026-07-01 18:00"',
        )
      ).text,
    ).toBe(
      'Partnership #1 already has 2 upcoming events, the most allowed. Cancel one, or wait until one has taken place.',
    );
    expect(await database.prisma.exchange.count()).toBe(2);
    h.clock.set('2026-05-10T16:00:01Z');
    await h.run(jana, 'event create partnership:1 title:Třetí kind:cultural-event start:"2026-07-01 18:00"');
  });

  describe('re-planning a partnership’s reminders', () => {
    /** The reminder times pending in Praha's channel, per exchange in number order: `7d,1d,1h`. */
    async function pendingOffsets(): Promise<string[]> {
      const exchanges = await database.prisma.exchange.findMany({ orderBy: { number: 'asc' } });
      const label = (minutes: number) =>
        minutes % 1440 === 0 ? `${minutes / 1440}d` : minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
      const offsets: string[] = [];
      for (const exchange of exchanges) {
        const rows = await database.prisma.delivery.findMany({
          where: {
            sourceId: exchange.id,
            kind: 'reminder',
            status: 'PENDING',
            channelLink: { channelName: 'partneri' },
          },
        });
        const minutes = rows.map((row) => (exchange.startsAt.getTime() - row.dueAt.getTime()) / MINUTE);
        offsets.push(
          minutes
            .sort((a, b) => b - a)
            .map(label)
            .join(','),
        );
      }
      return offsets;
    }

    /** One batch of the scheduler's job, in its own transaction, as a process would run it. */
    const replanOneBatch = () =>
      replanRemindersInBatches(
        { store: new PrismaStore(database.prisma), recurrence: new CronRecurrence(), logger: h.logger },
        new Date('2026-05-01T09:00:00Z'),
        2,
        1,
      );

    async function fiveExchanges(): Promise<void> {
      await twin('2026-05-01T08:00:00Z', { replanBatch: 2 });
      for (const day of [1, 2, 3, 4, 5])
        await h.run(
          jana,
          `event create partnership:1 title:Akce${day} kind:cultural-event start:"2026-06-0${day} 18:00"`,
        );
    }

    const OLD = '7d,1d,1h';
    // Chicago (mike) sets the reminders, so Praha, the founding town, hands it the settings first.

    it('plans the soonest batch in the command and the rest on the next tick', async () => {
      await fiveExchanges();
      await h.run(jana, 'partner handover partnership:1 town:Chicago');
      const reply = await h.run(mike, 'partner reminders partnership:1 offsets:2d');
      expect(reply.text.split('\n').at(-1)).toBe(
        'Reminders of the 2 soonest events of 5 upcoming were planned again; the others follow within a minute.',
      );
      expect(await pendingOffsets()).toEqual(['2d', '2d', OLD, OLD, OLD]);
      expect(await database.prisma.reminderReplan.count()).toBe(1);

      const report = await h.scheduler.tick();
      expect(report?.remindersReplanned).toBe(3);
      expect(await pendingOffsets()).toEqual(['2d', '2d', '2d', '2d', '2d']);
      expect(await database.prisma.reminderReplan.count()).toBe(0);
      expect((await h.scheduler.tick())?.remindersReplanned).toBe(0);
    });

    it('continues after the last exchange of each batch, planning each exchange once', async () => {
      await twin('2026-05-01T08:00:00Z', { replanBatch: 3 });
      for (const day of [1, 2, 3, 4, 5, 6, 7])
        await h.run(
          jana,
          `event create partnership:1 title:Akce${day} kind:cultural-event start:"2026-06-0${day} 18:00"`,
        );
      await h.run(jana, 'partner handover partnership:1 town:Chicago');
      await h.run(mike, 'partner reminders partnership:1 offsets:2d');
      // The command planned 3; the tick plans the other 4, in batches of 3 and 1.
      expect((await h.scheduler.tick())?.remindersReplanned).toBe(4);
      expect(await pendingOffsets()).toEqual(Array(7).fill('2d'));
      expect(await database.prisma.reminderReplan.count()).toBe(0);
    });

    it('says all were planned when one batch holds them', async () => {
      await twin('2026-05-01T08:00:00Z', { replanBatch: 2 });
      await h.run(jana, 'event create partnership:1 title:Akce kind:cultural-event start:"2026-06-01 18:00"');
      await h.run(jana, 'partner handover partnership:1 town:Chicago');
      const reply = await h.run(mike, 'partner reminders partnership:1 offsets:2d');
      expect(reply.text.split('\n').at(-1)).toBe('Reminders of 1 upcoming event were planned again.');
      expect(await database.prisma.reminderReplan.count()).toBe(0);
    });

    it('resumes from what the database holds when the process stopped between batches', async () => {
      await fiveExchanges();
      await h.run(jana, 'partner handover partnership:1 town:Chicago');
      await h.run(mike, 'partner reminders partnership:1 offsets:2d');
      // One batch, one transaction, then this process is gone.
      expect(await replanOneBatch()).toBe(2);
      expect(await pendingOffsets()).toEqual(['2d', '2d', '2d', '2d', OLD]);
      await h.scheduler.stop();

      // Another process picks up at exchange 5.
      const next = schedulerHarness(database, '2026-05-01T09:01:00Z', { replanBatch: 2 });
      const report = await next.scheduler.tick();
      await next.scheduler.stop();
      expect(report?.remindersReplanned).toBe(1);
      expect(await pendingOffsets()).toEqual(['2d', '2d', '2d', '2d', '2d']);
      expect(await database.prisma.reminderReplan.count()).toBe(0);
    });

    it('starts again from the first exchange when the times change while re-planning runs', async () => {
      await fiveExchanges();
      await h.run(jana, 'partner handover partnership:1 town:Chicago');
      await h.run(mike, 'partner reminders partnership:1 offsets:2d');
      await replanOneBatch();
      await h.run(mike, 'partner reminders partnership:1 offsets:3d');
      expect(await pendingOffsets()).toEqual(['3d', '3d', '2d', '2d', OLD]);
      expect((await h.scheduler.tick())?.remindersReplanned).toBe(3);
      expect(await pendingOffsets()).toEqual(['3d', '3d', '3d', '3d', '3d']);
    });
  });
});
