/**
 * A bot that was down for three weeks starts again on the same database: what came due is sent
 * once (not once per missed occurrence), reminders of exchanges that started meanwhile are
 * dropped and logged rather than sent late, and the scheduler keeps ticking on node-cron.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translate } from '../../src/core/i18n/translator.ts';
import type { Database } from '../../src/db/open-database.ts';
import { DATABASE_KINDS, createTestDatabase } from '../support/test-database.ts';
import {
  CHICAGO_CHANNEL,
  jana,
  petr,
  PRAHA_CHANNEL,
  schedulerHarness,
  twinPragueAndChicago,
  type SchedulerHarness,
} from './scheduler-harness.ts';

describe.each(DATABASE_KINDS)('start-up after downtime on %s', (kind) => {
  let database: Database;
  let before: SchedulerHarness;
  let after: SchedulerHarness;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    // Friday 1 May 2026; the bot runs for an hour, then is down until Monday 25 May, 12:00 in Prague.
    before = schedulerHarness(database, '2026-05-01T08:00:00Z');
    await twinPragueAndChicago(before);
    await before.run(jana, 'announce schedule partnership:1 text:"Týdenní schůzka" cron:"0 9 * * 1"');
    // Started during the downtime: its reminders must not go out.
    await before.run(
      jana,
      'event create partnership:1 title:Jarmark kind:cultural-event start:"2026-05-10 18:00"',
    );
    // Still ahead: its week-before reminder (23 May) was missed and is still worth sending.
    await before.run(
      jana,
      'event create partnership:1 title:Koncert kind:cultural-event start:"2026-05-30 18:00"',
    );
    await before.run(petr, 'rsvp event:1 answer:going');
    await before.run(petr, 'rsvp event:2 answer:going');
    await before.tickAt('2026-05-01T09:00:00Z');
    await before.scheduler.stop();
    after = schedulerHarness(database, '2026-05-25T10:00:00Z');
  });

  afterEach(async () => {
    await after.scheduler.stop();
    await database.close();
  });

  it('sends what came due once, drops reminders of exchanges that started, and logs them', async () => {
    // Start-up: the jobs run before adapters take commands, so nothing late can slip out.
    const report = await after.scheduler.catchUp();
    expect(report).toEqual({
      remindersDropped: 9,
      remindersReplanned: 0,
      announcementsSent: 1,
      digestsPosted: 1,
      recordsPurged: 0,
    });
    expect(after.poster.take()).toEqual([]);

    await after.scheduler.tick();
    const sent = after.poster.take();
    const lines = sent.map((s) => `${s.to} ${s.text.split('\n')[0]}`).sort();
    const week = { unit: 'days', count: 7 };
    expect(lines).toEqual(
      [
        // The weekly announcement missed four Mondays: posted once.
        `${PRAHA_CHANNEL} Týdenní schůzka`,
        `${CHICAGO_CHANNEL} Týdenní schůzka`,
        // So was the digest.
        `${PRAHA_CHANNEL} ${translate('cs', 'digest.heading', { name: 'Praha – Chicago', zone: 'Europe/Prague' })}`,
        `${CHICAGO_CHANNEL} ${translate('en', 'digest.heading', { name: 'Praha – Chicago', zone: 'America/Chicago' })}`,
        // The concert's week-before reminder, late but before the concert.
        `${PRAHA_CHANNEL} ${translate('cs', 'post.reminder', { title: 'Koncert', host: 'Praha', ...week })}`,
        `${CHICAGO_CHANNEL} ${translate('en', 'post.reminder', { title: 'Koncert', host: 'Praha', ...week })}`,
        `@petr@praha ${translate('cs', 'direct.reminder', { answer: 'going', title: 'Koncert', ...week })}`,
      ].sort(),
    );
    expect(sent.some((s) => s.text.includes('Jarmark'))).toBe(false);

    const announcement = await database.prisma.announcement.findUniqueOrThrow({ where: { number: 1 } });
    expect(announcement.nextRunAt).toEqual(new Date('2026-06-01T07:00:00Z'));
    const partnership = await database.prisma.partnership.findUniqueOrThrow({ where: { number: 1 } });
    expect(partnership.digestNextRunAt).toEqual(new Date('2026-06-01T07:00:00Z'));

    const jarmark = await database.prisma.exchange.findUniqueOrThrow({ where: { number: 1 } });
    const dropped = await database.prisma.delivery.findMany({
      where: { sourceId: jarmark.id, status: 'DROPPED' },
    });
    expect(dropped).toHaveLength(9);
    expect(dropped.every((d) => d.lastError?.startsWith('dropped: the event had started'))).toBe(true);
    expect(after.logger.entries).toContainEqual({
      level: 'warn',
      message: 'reminders dropped unsent: their event has started (or starts before the next tick)',
      // Since when they were due: the earliest, the week-before one.
      details: {
        exchange: 1,
        startsAt: new Date('2026-05-10T16:00:00Z'),
        dropped: 9,
        dueSince: new Date('2026-05-03T16:00:00Z'),
      },
    });

    // Nothing more is due until the concert's day-before reminder.
    expect(await after.tickAt('2026-05-29T15:59:00Z')).toEqual([]);
    expect(await after.tickAt('2026-05-29T16:00:00Z')).toHaveLength(3);
  });

  it('drops a reminder whose exchange starts before the next tick could send it', async () => {
    // The concert starts at 16:00 UTC; the bot comes back at 15:59:50.
    const concert = await database.prisma.exchange.findUniqueOrThrow({ where: { number: 2 } });
    after.clock.set('2026-05-30T15:59:50Z');
    const report = await after.scheduler.catchUp();
    // The concert starts in 10 s, before the next tick: its week, day and hour reminders (9) go
    // with the Jarmark's (9), rather than arriving as the concert begins.
    expect(report.remindersDropped).toBe(18);
    const left = await database.prisma.delivery.count({ where: { sourceId: concert.id, status: 'PENDING' } });
    expect(left).toBe(0);
  });

  it('ticks on node-cron once started, at once and then on its schedule, and stops cleanly', async () => {
    after.scheduler.start();
    await vi.waitFor(() => expect(after.poster.sent.length).toBeGreaterThanOrEqual(7), { timeout: 10_000 });
    await after.scheduler.stop();
    // Stopped means no tick runs any more, from node-cron or by hand (the one under way ended
    // within stop()), so nothing can post after this; no wait needed to see it.
    const count = after.poster.sent.length;
    expect(await after.scheduler.tick()).toBeNull();
    expect(after.poster.sent.length).toBe(count);
  });
});
