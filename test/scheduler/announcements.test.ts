/**
 * Scheduled announcements on both databases: once or by cron in the announcement's own zone,
 * at 09:00 local on both sides of DST switches in Prague and Chicago, never twice, not even
 * with two schedulers ticking at the same moment.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { DATABASE_KINDS, createTestDatabase } from '../support/test-database.ts';
import {
  CHICAGO_CHANNEL,
  jana,
  mike,
  PRAHA_CHANNEL,
  schedulerHarness,
  twinPragueAndChicago,
  type SchedulerHarness,
} from './scheduler-harness.ts';

describe.each(DATABASE_KINDS)('scheduled announcements on %s', (kind) => {
  let database: Database;
  let h: SchedulerHarness;
  const others: SchedulerHarness[] = [];

  async function twin(now: string): Promise<void> {
    h = schedulerHarness(database, now);
    await twinPragueAndChicago(h);
    await h.run(jana, 'partner digest partnership:1 off');
  }

  const nextRunAt = async (number: number) =>
    (await database.prisma.announcement.findUniqueOrThrow({ where: { number } })).nextRunAt?.toISOString();

  /** Ticks at each instant; returns `instant: where text | …` for what was posted, sorted. */
  async function tickThrough(instants: string[]): Promise<string[]> {
    const lines: string[] = [];
    for (const instant of instants) {
      const sent = await h.tickAt(instant);
      const posts = sent.map((s) => `${s.to} ${s.text}`).sort();
      lines.push(`${instant}: ${posts.join(' | ')}`);
    }
    return lines;
  }

  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });

  afterEach(async () => {
    for (const other of others.splice(0)) await other.scheduler.stop();
    await h.scheduler.stop();
    await database.close();
  });

  it('does not post an announcement of a town that is no longer in the partnership, and cancels it', async () => {
    await twin('2026-03-20T10:00:00Z');
    await h.run(mike, 'announce schedule partnership:1 text:"Sister-city picnic" cron:"0 9 * * 1"');
    await h.run(jana, 'announce schedule partnership:1 text:"Schůzka výboru" cron:"0 9 * * 1"');
    // A town gone without the leave command's clean-up (a row from before it, or a race).
    await database.prisma.partnershipTown.deleteMany({ where: { town: { name: 'Chicago' } } });
    await database.prisma.channelLink.deleteMany({ where: { town: { name: 'Chicago' } } });
    // 09:00 in Chicago (CDT) is 14:00 UTC, in Prague (CET) 08:00 UTC: one tick after both.
    expect(await tickThrough(['2026-03-23T14:00:00Z'])).toEqual([
      `2026-03-23T14:00:00Z: ${PRAHA_CHANNEL} Schůzka výboru`,
    ]);
    const picnic = await database.prisma.announcement.findUniqueOrThrow({ where: { number: 1 } });
    expect([picnic.status, picnic.nextRunAt]).toEqual(['CANCELLED', null]);
    expect(h.logger.entries.map((e) => e.message)).toContain(
      'scheduled announcement cancelled: its town left the partnership',
    );
  });

  it('fires a Monday 09:00 announcement at 09:00 in Prague on both sides of the spring switch', async () => {
    await twin('2026-03-20T10:00:00Z');
    await h.run(
      jana,
      'announce schedule partnership:1 text:"Schůzka výboru v 9:00" text-en:"Committee meets at 9:00" cron:"0 9 * * 1"',
    );
    // 09:00 CET is 08:00 UTC; after 29 March 09:00 CEST is 07:00 UTC.
    expect(await nextRunAt(1)).toBe('2026-03-23T08:00:00.000Z');
    expect(
      await tickThrough([
        '2026-03-23T07:59:59Z',
        '2026-03-23T08:00:00Z',
        '2026-03-30T06:59:59Z',
        '2026-03-30T07:00:00Z',
      ]),
    ).toEqual([
      '2026-03-23T07:59:59Z: ',
      `2026-03-23T08:00:00Z: ${PRAHA_CHANNEL} Schůzka výboru v 9:00 | ${CHICAGO_CHANNEL} Committee meets at 9:00`,
      '2026-03-30T06:59:59Z: ',
      `2026-03-30T07:00:00Z: ${PRAHA_CHANNEL} Schůzka výboru v 9:00 | ${CHICAGO_CHANNEL} Committee meets at 9:00`,
    ]);
    expect(await nextRunAt(1)).toBe('2026-04-06T07:00:00.000Z');
  });

  it('fires a Monday 09:00 announcement at 09:00 in Prague on both sides of the autumn switch', async () => {
    await twin('2026-10-16T10:00:00Z');
    await h.run(jana, 'announce schedule partnership:1 text:"Schůzka výboru" cron:"0 9 * * 1"');
    expect(await nextRunAt(1)).toBe('2026-10-19T07:00:00.000Z');
    const lines = await tickThrough([
      '2026-10-19T07:00:00Z',
      '2026-10-26T07:00:00Z',
      '2026-10-26T07:59:59Z',
      '2026-10-26T08:00:00Z',
    ]);
    expect(lines.map((line) => line.split(' | ').length)).toEqual([2, 1, 1, 2]);
    expect(lines[1]).toBe('2026-10-26T07:00:00Z: ');
    expect(await nextRunAt(1)).toBe('2026-11-02T08:00:00.000Z');
  });

  it('fires a Monday 09:00 announcement at 09:00 in Chicago on both sides of its switches', async () => {
    await twin('2026-03-01T10:00:00Z');
    // Mike types it in Chicago: the cron is read in America/Chicago (CST, then CDT from 8 March).
    await h.run(mike, 'announce schedule partnership:1 text:"Sister cities call at 9" cron:"0 9 * * 1"');
    expect(await nextRunAt(1)).toBe('2026-03-02T15:00:00.000Z');
    const spring = await tickThrough([
      '2026-03-02T15:00:00Z',
      '2026-03-09T13:59:59Z',
      '2026-03-09T14:00:00Z',
    ]);
    expect(spring.map((line) => line.endsWith(': '))).toEqual([false, true, false]);
    expect(spring[0]).toContain(`${PRAHA_CHANNEL} Sister cities call at 9`);
    expect(await nextRunAt(1)).toBe('2026-03-16T14:00:00.000Z');

    // Autumn: CDT until 1 November, then CST.
    await h.run(mike, 'announce cancel announcement:1');
    h.clock.set('2026-10-23T10:00:00Z');
    await h.run(mike, 'announce schedule partnership:1 text:"Sister cities call at 9" cron:"0 9 * * 1"');
    expect(await nextRunAt(2)).toBe('2026-10-26T14:00:00.000Z');
    const autumn = await tickThrough([
      '2026-10-26T14:00:00Z',
      '2026-11-02T14:00:00Z',
      '2026-11-02T15:00:00Z',
    ]);
    expect(autumn.map((line) => line.endsWith(': '))).toEqual([false, true, false]);
    expect(await nextRunAt(2)).toBe('2026-11-09T15:00:00.000Z');
  });

  it('sends a one-off announcement once, marks it sent, and never sends a cancelled one', async () => {
    await twin('2026-05-01T08:00:00Z');
    await h.run(jana, 'announce schedule partnership:1 text:"Zítra je sraz" at:"2026-05-02 10:00"');
    await h.run(jana, 'announce schedule partnership:1 text:"Zrušeno" at:"2026-05-02 10:00"');
    await h.run(jana, 'announce cancel announcement:2');
    expect(await h.tickAt('2026-05-02T07:59:00Z')).toEqual([]);
    const sent = await h.tickAt('2026-05-02T08:00:00Z');
    expect(sent.map((s) => `${s.to} ${s.text}`).sort()).toEqual([
      `${PRAHA_CHANNEL} Zítra je sraz`,
      `${CHICAGO_CHANNEL} Zítra je sraz`,
    ]);
    expect(await h.tickAt('2026-05-02T08:00:30Z')).toEqual([]);
    expect(await h.tickAt('2026-05-09T08:00:00Z')).toEqual([]);
    const rows = await database.prisma.announcement.findMany({ orderBy: { number: 'asc' } });
    expect(rows.map((a) => [a.number, a.status, a.nextRunAt])).toEqual([
      [1, 'SENT', null],
      [2, 'CANCELLED', null],
    ]);
    const runs = await database.prisma.auditEntry.findMany({ where: { action: 'announce.run' } });
    expect(runs).toHaveLength(1);
    expect(runs[0]?.details).toMatchObject({ channels: 2, next: null });
  });

  it('logs each announcement sent, how late it went and where, and audits the run', async () => {
    // A clock that holds still, so how late it went is exact.
    h = schedulerHarness(database, '2026-05-01T08:00:00Z', undefined, 0);
    await twinPragueAndChicago(h);
    await h.run(jana, 'partner digest partnership:1 off');
    await h.run(jana, 'announce schedule partnership:1 text:"Zítra je sraz" at:"2026-05-02 10:00"');
    // The bot was down at 10:00; it comes back five minutes later.
    expect(await h.tickAt('2026-05-02T08:05:00Z')).toHaveLength(2);
    const sent = h.logger.entries.filter((e) => e.message === 'scheduled announcement sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.level).toBe('info');
    expect(sent[0]?.details).toMatchObject({
      announcement: 1,
      runAt: new Date('2026-05-02T08:00:00Z'),
      channels: 2,
      next: null,
    });
    expect(sent[0]?.details['lateMs']).toBe(300_000);
    expect(h.logger.entries.filter((e) => e.level === 'warn')).toEqual([]);
    const runs = await database.prisma.auditEntry.findMany({ where: { action: 'announce.run' } });
    expect(runs.map((r) => r.targetType)).toEqual(['announcement']);
  });

  it('keeps going when a partnership has no channel left, and says so in the log', async () => {
    await twin('2026-05-01T08:00:00Z');
    await h.run(jana, 'announce schedule partnership:1 text:"Každé pondělí" cron:"0 9 * * 1"');
    await h.run(jana, 'channel unlink partnership:1');
    await h.run(mike, 'channel unlink partnership:1');
    expect(await h.tickAt('2026-05-04T07:00:00Z')).toEqual([]);
    expect(await nextRunAt(1)).toBe('2026-05-11T07:00:00.000Z');
    expect(h.logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'scheduled announcement due, but its partnership has no linked channel',
      }),
    );
  });

  // PGlite runs one transaction at a time, so the two ticks never overlap there: only
  // PostgreSQL shows that the claim's row locks keep each announcement to one scheduler.
  it.runIf(kind === 'postgres')(
    'sends each due announcement once when two schedulers tick at the same moment',
    async () => {
      await twin('2026-05-01T08:00:00Z');
      for (let i = 1; i <= 12; i++)
        await h.run(jana, `announce schedule partnership:1 text:"Oznámení ${i}" at:"2026-05-02 10:00"`);
      const second = schedulerHarness(database, '2026-05-02T08:00:05Z');
      others.push(second);
      h.clock.set('2026-05-02T08:00:05Z');
      h.poster.take();
      const [first, other] = await Promise.all([h.scheduler.tick(), second.scheduler.tick()]);
      expect((first?.announcementsSent ?? 0) + (other?.announcementsSent ?? 0)).toBe(12);
      const posted = [...h.poster.take(), ...second.poster.take()].map((s) => `${s.to} ${s.text}`);
      expect(posted).toHaveLength(24);
      expect(new Set(posted).size).toBe(24);
      expect(await database.prisma.auditEntry.count({ where: { action: 'announce.run' } })).toBe(12);
      expect(await database.prisma.delivery.count({ where: { kind: 'announcement' } })).toBe(24);
    },
  );
});
