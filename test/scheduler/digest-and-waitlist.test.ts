/**
 * The weekly digest (default Monday 09:00 in the founding town's zone, configurable, off
 * switch, skipped when nothing is coming up) and the direct message to a member who moves up
 * from the waitlist, on both databases.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translator.ts';
import type { Database } from '../../src/db/open-database.ts';
import { DATABASE_KINDS, createTestDatabase } from '../support/test-database.ts';
import {
  ann,
  bob,
  CHICAGO_CHANNEL,
  jana,
  mike,
  petr,
  PRAHA_CHANNEL,
  schedulerHarness,
  twinPragueAndChicago,
  type SchedulerHarness,
} from './scheduler-harness.ts';

describe.each(DATABASE_KINDS)('on %s', (kind) => {
  let database: Database;
  let h: SchedulerHarness;

  const digest = () =>
    database.prisma.partnership.findUniqueOrThrow({
      where: { number: 1 },
      select: { digestWeekday: true, digestHour: true, digestTimeZone: true, digestNextRunAt: true },
    });

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    // Friday 1 May 2026.
    h = schedulerHarness(database, '2026-05-01T08:00:00Z');
    await twinPragueAndChicago(h);
  });

  afterEach(async () => {
    await h.scheduler.stop();
    await database.close();
  });

  describe('the weekly digest', () => {
    beforeEach(async () => {
      await h.run(
        jana,
        'event create partnership:1 title:Jarmark kind:cultural-event start:"2026-05-08 18:00"',
      );
      await h.run(
        mike,
        'event create partnership:1 title:Picnic kind:citizens-meeting start:"2026-05-20 10:00"',
      );
      // Beyond the four weeks a digest looks ahead.
      await h.run(
        jana,
        'event create partnership:1 title:Koncert kind:cultural-event start:"2026-07-01 19:00"',
      );
      await h.run(petr, 'rsvp event:1 answer:going guests:2');
      await h.run(ann, 'rsvp event:2 answer:going');
      await h.run(jana, 'partner reminders partnership:1 offsets:off');
      h.poster.take();
    });

    it('is on by default, Monday 09:00 in the founding town’s zone, scheduled by the first tick', async () => {
      expect(await h.tickAt('2026-05-01T08:00:10Z')).toEqual([]);
      expect(await digest()).toEqual({
        digestWeekday: 1,
        digestHour: 9,
        digestTimeZone: 'Europe/Prague',
        digestNextRunAt: new Date('2026-05-04T07:00:00Z'),
      });
      const shown = await h.run(mike, 'partner digest partnership:1');
      expect(shown.text).toContain('every Monday at 09:00 (Europe/Prague)');
    });

    it('lists the next four weeks in each channel’s language and zone', async () => {
      await h.tickAt('2026-05-01T08:00:10Z');
      expect(await h.tickAt('2026-05-04T06:59:59Z')).toEqual([]);
      const sent = await h.tickAt('2026-05-04T07:00:00Z');
      expect(sent.map((s) => s.to).sort()).toEqual([PRAHA_CHANNEL, CHICAGO_CHANNEL].sort());
      const praha = sent.find((s) => s.to === PRAHA_CHANNEL)!.text.split('\n');
      expect(praha).toEqual([
        translate('cs', 'digest.heading', { name: 'Praha – Chicago', zone: 'Europe/Prague' }),
        expect.stringMatching(/^#1 .*18:00 · Jarmark · Praha · 3 přihlášení$/),
        expect.stringMatching(/^#2 .*17:00 · Picnic · Chicago · 1 přihlášený$/),
      ]);
      const chicago = sent.find((s) => s.to === CHICAGO_CHANNEL)!.text.split('\n');
      expect(chicago).toEqual([
        translate('en', 'digest.heading', { name: 'Praha – Chicago', zone: 'America/Chicago' }),
        expect.stringMatching(/^#1 Fri 8 May, 11:00 · Jarmark · Praha · 3 going$/),
        expect.stringMatching(/^#2 Wed 20 May, 10:00 · Picnic · Chicago · 1 going$/),
      ]);
      expect((await digest()).digestNextRunAt).toEqual(new Date('2026-05-11T07:00:00Z'));
    });

    it('follows the day and hour a coordinator sets, in their zone, and can be turned off', async () => {
      // The digest is a shared setting: Praha, the founder, hands the settings to Chicago.
      await h.run(jana, 'partner handover partnership:1 town:Chicago');
      const set = await h.run(mike, 'partner digest partnership:1 day:friday hour:17');
      expect(set.text).toContain('every Friday at 17:00 (America/Chicago)');
      // It is Friday 03:00 in Chicago: today at 17:00 CDT, 22:00 UTC.
      expect(await digest()).toMatchObject({
        digestWeekday: 5,
        digestHour: 17,
        digestTimeZone: 'America/Chicago',
        digestNextRunAt: new Date('2026-05-01T22:00:00Z'),
      });
      expect(await h.tickAt('2026-05-01T21:59:59Z')).toEqual([]);
      expect((await h.tickAt('2026-05-01T22:00:00Z')).map((s) => s.text.split('\n').length)).toEqual([3, 3]);
      expect(await h.tickAt('2026-05-04T07:00:00Z')).toEqual([]);
      const sent = await h.tickAt('2026-05-08T22:00:00Z');
      // The Jarmark began at 16:00 UTC: only the picnic is still to come.
      expect(
        sent
          .find((s) => s.to === CHICAGO_CHANNEL)
          ?.text.split('\n')
          .slice(1),
      ).toEqual([expect.stringMatching(/· Picnic · Chicago · 1 going$/)]);
      // A week with nothing coming up posts nothing, and the next one is still planned.
      expect(await h.tickAt('2026-05-22T22:00:00Z')).toEqual([]);
      expect((await digest()).digestNextRunAt).toEqual(new Date('2026-05-29T22:00:00Z'));

      await h.run(mike, 'partner handover partnership:1 town:Praha');
      const off = await h.run(jana, 'partner digest partnership:1 off');
      expect(off.text).toBe(translate('cs', 'digest.show-off', { name: 'Praha – Chicago', number: 1 }));
      expect(await digest()).toMatchObject({ digestWeekday: null, digestNextRunAt: null });
      expect(await h.tickAt('2026-06-26T22:00:00Z')).toEqual([]);
      // Turning it on again from Prague reads the hour in Prague.
      await h.run(jana, 'partner digest partnership:1 day:monday');
      expect(await digest()).toMatchObject({
        digestWeekday: 1,
        digestHour: 17,
        digestTimeZone: 'Europe/Prague',
        digestNextRunAt: new Date('2026-06-29T15:00:00Z'),
      });
    });

    it('refuses an unknown zone and an hour out of range', async () => {
      expect(
        (await h.refused(jana, 'partner digest partnership:1 day:monday timezone:Mars/Olympus')).text,
      ).toBe(translate('cs', 'time.unknown-zone', { zone: 'Mars/Olympus' }));
      expect((await h.refused(jana, 'partner digest partnership:1 hour:24')).error?.key).toBe(
        'validation.too-large',
      );
    });
  });

  describe('moving up from the waitlist', () => {
    beforeEach(async () => {
      await h.run(jana, 'partner digest partnership:1 off');
      await h.run(
        jana,
        'event create partnership:1 title:"Výlet na Karlštejn" kind:cultural-event start:"2026-06-13 09:00" capacity:1',
      );
      await h.run(petr, 'rsvp event:1 answer:going');
      await h.run(ann, 'rsvp event:1 answer:going');
      await h.run(bob, 'rsvp event:1 answer:going');
      h.poster.take();
    });

    it('tells the member who moved up when someone gives their place back, and plans their reminders', async () => {
      await h.run(petr, 'rsvp event:1 answer:no');
      const sent = h.poster.take().filter((s) => s.kind === 'direct');
      expect(sent.map((s) => s.to)).toEqual(['@ann@chicago']);
      expect(sent[0]?.text).toContain(
        translate('en', 'direct.waitlist-promoted', { title: 'Výlet na Karlštejn' }),
      );
      // Her card shows the place is hers, on Chicago time.
      expect(sent[0]?.message.exchange?.whenText).toMatch(/02:00.*CDT/);
      const direct = await database.prisma.delivery.findMany({
        where: { kind: 'reminder.direct', status: 'PENDING' },
        include: { recipient: true },
      });
      expect(new Set(direct.map((d) => d.recipient?.platformUserId))).toEqual(new Set(['ann']));
      expect(direct).toHaveLength(3);
    });

    it('tells members who move up when the host adds places', async () => {
      await h.run(jana, 'event edit event:1 capacity:3');
      const sent = h.poster.take().filter((s) => s.kind === 'direct');
      expect(sent.map((s) => s.to).sort()).toEqual(['@ann@chicago', '@bob@chicago']);
      const promoted = await database.prisma.auditEntry.count({ where: { action: 'rsvp.promoted' } });
      expect(promoted).toBe(2);
      expect(
        await database.prisma.delivery.count({ where: { kind: 'waitlist.promoted', status: 'SENT' } }),
      ).toBe(2);
    });

    it('refuses a limit below the places taken, and changes nothing', async () => {
      await h.run(jana, 'event edit event:1 capacity:3');
      h.poster.take();
      const refused = await h.refused(jana, 'event edit event:1 capacity:2 title:"Karlštejn"');
      expect(refused.error?.key).toBe('event.limit-below-taken');
      expect(refused.text).toBe(translate('cs', 'event.limit-below-taken', { number: 1, taken: 3 }));
      expect(refused.text).toContain('obsazená 3 místa');
      const exchange = await database.prisma.exchange.findFirstOrThrow();
      expect(exchange).toMatchObject({ capacity: 3, title: 'Výlet na Karlštejn' });
      expect(h.poster.take()).toEqual([]);
      // The limit may go down to exactly the places taken.
      expect((await h.run(jana, 'event edit event:1 capacity:3 title:"Karlštejn"')).error).toBeUndefined();
    });
  });
});
