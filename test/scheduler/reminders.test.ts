/**
 * Reminders before exchanges, on both databases through the real wiring: offsets per
 * partnership, every linked channel in its language and zone, direct messages that follow
 * people's answers, edits that move reminders, cancellations that withdraw them, and DST
 * switches on both sides of the Atlantic.
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

const DAY = 24 * 60 * 60 * 1000;

describe.each(DATABASE_KINDS)('reminders on %s', (kind) => {
  let database: Database;
  let h: SchedulerHarness;

  /** Reminder rows as `status to dueAt`, sorted. */
  async function reminders(status?: 'PENDING' | 'SENT' | 'DROPPED'): Promise<string[]> {
    const rows = await database.prisma.delivery.findMany({
      where: { kind: { in: ['reminder', 'reminder.direct'] }, ...(status ? { status } : {}) },
      include: { channelLink: { include: { community: true } }, recipient: { include: { community: true } } },
    });
    return rows
      .map((row) => {
        const to = row.channelLink
          ? `#${row.channelLink.channelName}@${row.channelLink.community.externalId}`
          : `@${row.recipient?.platformUserId}@${row.recipient?.community.externalId}`;
        return `${status ? '' : `${row.status} `}${to} ${row.dueAt.toISOString()}`;
      })
      .sort();
  }

  /** Twins the towns, with the weekly digest off so only reminders are posted here. */
  async function twin(now: string): Promise<void> {
    h = schedulerHarness(database, now);
    await twinPragueAndChicago(h);
    await h.run(jana, 'partner digest partnership:1 off');
  }

  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });

  afterEach(async () => {
    await h.scheduler.stop();
    await database.close();
  });

  describe('for an exchange in June in Prague', () => {
    beforeEach(async () => {
      await twin('2026-05-01T08:00:00Z');
      // 18:00 CEST is 16:00 UTC and 11:00 CDT in Chicago.
      await h.run(
        jana,
        'event create partnership:1 title:Jarmark kind:cultural-event start:"2026-06-05 18:00" location:"Staroměstské náměstí" capacity:20',
      );
      await h.run(petr, 'rsvp event:1 answer:going');
      await h.run(ann, 'rsvp event:1 answer:maybe');
      await h.run(bob, 'rsvp event:1 answer:no');
      h.poster.take();
    });

    it('plans one reminder per offset for every linked channel and everyone going or maybe', async () => {
      const at = ['2026-05-29T16:00:00.000Z', '2026-06-04T16:00:00.000Z', '2026-06-05T15:00:00.000Z'];
      expect(await reminders('PENDING')).toEqual(
        [PRAHA_CHANNEL, CHICAGO_CHANNEL, '@petr@praha', '@ann@chicago']
          .flatMap((to) => at.map((dueAt) => `${to} ${dueAt}`))
          .sort(),
      );
    });

    it('posts each reminder when it is due, in each channel’s language and zone and to each person', async () => {
      expect(await h.tickAt('2026-05-29T15:59:59Z')).toEqual([]);
      const sent = await h.tickAt('2026-05-29T16:00:00Z');
      expect(sent.map((s) => s.to).sort()).toEqual(
        ['@ann@chicago', '@petr@praha', CHICAGO_CHANNEL, PRAHA_CHANNEL].sort(),
      );
      const to = (where: string) => sent.find((s) => s.to === where)!;
      // Worded literally here (the translator builds the other expectations in these tests).
      expect(to(PRAHA_CHANNEL).text).toContain('Připomínka: „Jarmark“ (pořádá Praha) začíná za 7 dní.');
      expect(to(PRAHA_CHANNEL).text).toContain('18:00');
      expect(to(CHICAGO_CHANNEL).text).toContain('Reminder: “Jarmark”, hosted by Praha, starts in 7 days.');
      // Chicago reads the time on its own clock, and sees the host's beside it.
      expect(to(CHICAGO_CHANNEL).message.exchange?.whenText).toMatch(/11:00.*CDT.*America\/Chicago/);
      expect(to('@petr@praha').text).toContain('Přijdete na „Jarmark“: začíná za 7 dní.');
      expect(to('@ann@chicago').text).toContain('You answered maybe to “Jarmark”: it starts in 7 days.');
      // No stale counts in a reminder, but the buttons to answer.
      expect(to(PRAHA_CHANNEL).message.exchange?.fields.map((f) => f.label)).not.toContain(
        translate('cs', 'card.places'),
      );
      expect(to(CHICAGO_CHANNEL).message.exchange?.rsvpButtons).toBeDefined();

      expect(await h.tickAt('2026-06-04T16:00:00Z')).toHaveLength(4);
      const lastHour = await h.tickAt('2026-06-05T15:00:00Z');
      expect(lastHour.find((s) => s.to === PRAHA_CHANNEL)?.text).toContain(
        translate('cs', 'post.reminder', { title: 'Jarmark', host: 'Praha', unit: 'hours', count: 1 }),
      );
      expect(await reminders('PENDING')).toEqual([]);
      expect(await reminders('SENT')).toHaveLength(12);
    });

    it('follows changed answers: direct reminders are withdrawn, replaced or planned again', async () => {
      await h.run(ann, 'rsvp event:1 answer:no');
      await h.run(petr, 'rsvp event:1 answer:maybe');
      await h.run(bob, 'rsvp event:1 answer:going');
      const pending = await reminders('PENDING');
      expect(pending.filter((r) => r.startsWith('@'))).toEqual([
        '@bob@chicago 2026-05-29T16:00:00.000Z',
        '@bob@chicago 2026-06-04T16:00:00.000Z',
        '@bob@chicago 2026-06-05T15:00:00.000Z',
        '@petr@praha 2026-05-29T16:00:00.000Z',
        '@petr@praha 2026-06-04T16:00:00.000Z',
        '@petr@praha 2026-06-05T15:00:00.000Z',
      ]);
      // Ann's are kept as history; Petr's “going” ones gave way to “maybe” ones.
      expect((await reminders('DROPPED')).filter((r) => r.startsWith('@ann'))).toHaveLength(3);
      expect((await reminders('DROPPED')).filter((r) => r.startsWith('@petr'))).toHaveLength(3);

      const sent = await h.tickAt('2026-05-29T16:00:00Z');
      expect(sent.find((s) => s.to === '@petr@praha')?.text).toContain(
        translate('cs', 'direct.reminder', { answer: 'maybe', title: 'Jarmark', unit: 'days', count: 7 }),
      );
      expect(sent.some((s) => s.to === '@ann@chicago')).toBe(false);

      // Answering maybe again restores the withdrawn rows still ahead rather than adding new ones.
      await h.run(ann, 'rsvp event:1 answer:maybe');
      expect((await reminders('PENDING')).filter((r) => r.startsWith('@ann'))).toEqual([
        '@ann@chicago 2026-06-04T16:00:00.000Z',
        '@ann@chicago 2026-06-05T15:00:00.000Z',
      ]);
      expect((await reminders()).filter((r) => r.includes('@ann'))).toHaveLength(3);
    });

    it('moves pending reminders when the exchange moves, and leaves sent ones alone', async () => {
      await h.tickAt('2026-05-29T16:00:00Z');
      h.clock.set('2026-05-30T09:00:00Z');
      await h.run(jana, 'event edit event:1 start:"2026-06-12 18:00"');
      // A week later: every offset is ahead again, so the 7-day reminder goes out once more.
      const at = ['2026-06-05T16:00:00.000Z', '2026-06-11T16:00:00.000Z', '2026-06-12T15:00:00.000Z'];
      expect(await reminders('PENDING')).toEqual(
        [PRAHA_CHANNEL, CHICAGO_CHANNEL, '@petr@praha', '@ann@chicago']
          .flatMap((to) => at.map((dueAt) => `${to} ${dueAt}`))
          .sort(),
      );
      expect(await reminders('SENT')).toHaveLength(4);
      expect(await reminders('DROPPED')).toHaveLength(8);
      const withdrawn = await database.prisma.delivery.findMany({ where: { status: 'DROPPED' } });
      expect(new Set(withdrawn.map((d) => d.lastError))).toEqual(
        new Set(['withdrawn: the event, its channels, the answer or the reminder times changed']),
      );
      expect(await h.tickAt('2026-06-04T16:00:00Z')).toEqual([]);

      // A new title replaces the text of what is pending; the times stay.
      await h.run(jana, 'event edit event:1 title:"Svatojánský jarmark"');
      const sent = await h.tickAt('2026-06-05T16:00:00Z');
      expect(sent).toHaveLength(4);
      expect(sent.find((s) => s.to === PRAHA_CHANNEL)?.text).toContain('Svatojánský jarmark');
      // Editing what a reminder does not show (capacity) changes nothing.
      const before = await reminders();
      await h.run(jana, 'event edit event:1 capacity:30');
      expect(await reminders()).toEqual(before);
    });

    it('withdraws pending reminders when the exchange is cancelled, keeping them as history', async () => {
      await h.tickAt('2026-05-29T16:00:00Z');
      await h.run(jana, 'event cancel event:1 reason:"Bouřka"');
      expect(await reminders('PENDING')).toEqual([]);
      const dropped = await database.prisma.delivery.findMany({
        where: { kind: { in: ['reminder', 'reminder.direct'] }, status: 'DROPPED' },
      });
      expect(dropped).toHaveLength(8);
      expect(new Set(dropped.map((d) => d.lastError))).toEqual(
        new Set(['withdrawn: the event is cancelled']),
      );
      expect(await h.tickAt('2026-06-04T16:00:00Z')).toEqual([]);
      expect(await h.tickAt('2026-06-05T15:00:00Z')).toEqual([]);
    });

    it('plans no reminders for an exchange whose host town is no longer a member', async () => {
      expect((await reminders('PENDING')).length).toBeGreaterThan(0);
      // A host gone without the leave command's hand-over (a row from before it, or a race).
      await database.prisma.partnershipTown.deleteMany({ where: { town: { name: 'Praha' } } });
      await database.prisma.channelLink.deleteMany({ where: { town: { name: 'Praha' } } });
      // Chicago, the only member left, owns the settings now; re-planning drops every reminder.
      await h.run(mike, 'partner reminders partnership:1 offsets:2d');
      expect(await reminders('PENDING')).toEqual([]);
    });

    it('lets coordinators set the times per partnership, which moves what is pending', async () => {
      const shown = await h.run(jana, 'partner reminders partnership:1');
      // Czech keeps “a” and the next word together (a no-break space).
      expect(shown.text).toBe(
        translate('cs', 'reminders.show', {
          name: 'Praha – Chicago',
          offsets: '7 dní, 1 den a\u00a01 hodinu',
        }),
      );
      // Reminder times are a shared setting: Praha, the founder, hands them to Chicago.
      await h.run(jana, 'partner handover partnership:1 town:Chicago');
      const set = await h.run(mike, 'partner reminders partnership:1 offsets:3h,2d,90m');
      expect(set.text).toContain(
        translate('en', 'reminders.show', {
          name: 'Praha – Chicago',
          offsets: '2 days, 3 hours and 90 minutes',
        }),
      );
      expect(set.text).toContain(translate('en', 'reminders.replanned', { events: 1 }));
      expect(
        (await reminders('PENDING')).filter((r) => r.startsWith(PRAHA_CHANNEL)).map((r) => r.split(' ')[1]),
      ).toEqual(['2026-06-03T16:00:00.000Z', '2026-06-05T13:00:00.000Z', '2026-06-05T14:30:00.000Z']);

      expect((await h.refused(mike, 'partner reminders partnership:1 offsets:1y')).text).toBe(
        translate('en', 'reminders.bad-offset', { offset: '1y' }),
      );
      expect((await h.refused(mike, 'partner reminders partnership:1 offsets:1m')).text).toBe(
        translate('en', 'reminders.out-of-range', { offset: '1m' }),
      );

      await h.run(mike, 'partner reminders partnership:1 offsets:off');
      expect(await reminders('PENDING')).toEqual([]);
      expect((await h.run(jana, 'partner reminders partnership:1')).text).toBe(
        translate('cs', 'reminders.show-off', { name: 'Praha – Chicago' }),
      );
      // New exchanges get none either.
      await h.run(
        jana,
        'event create partnership:1 title:Koncert kind:cultural-event start:"2026-06-20 19:00"',
      );
      expect(await reminders('PENDING')).toEqual([]);
    });

    it('gives a newly linked channel the reminders of exchanges already planned', async () => {
      await h.run({ ...jana, channel: 'mladez' }, 'channel link partnership:1 language:en');
      expect((await reminders('PENDING')).filter((r) => r.startsWith('#mladez@praha'))).toHaveLength(3);
      const sent = await h.tickAt('2026-05-29T16:00:00Z');
      expect(sent.find((s) => s.to === '#mladez@praha')?.text).toContain(
        translate('en', 'post.reminder', { title: 'Jarmark', host: 'Praha', unit: 'days', count: 7 }),
      );
    });

    it('does not plan reminders whose time has already passed', async () => {
      h.clock.set('2026-06-05T10:00:00Z');
      await h.run(
        jana,
        'event create partnership:1 title:Koncert kind:cultural-event start:"2026-06-06 20:00"',
      );
      const rows = await database.prisma.delivery.findMany({
        where: {
          kind: 'reminder',
          sourceId: (await database.prisma.exchange.findFirstOrThrow({ where: { number: 2 } })).id,
        },
      });
      // 20:00 CEST on the 6th: a day before and an hour before are ahead, a week before is not.
      expect(rows.map((r) => r.dueAt.toISOString()).sort()).toEqual([
        '2026-06-05T18:00:00.000Z',
        '2026-06-05T18:00:00.000Z',
        '2026-06-06T17:00:00.000Z',
        '2026-06-06T17:00:00.000Z',
      ]);
    });
  });

  describe('across DST switches', () => {
    it('sends “1 day before” 24 real hours before, across the spring switch in Prague', async () => {
      await twin('2026-03-01T08:00:00Z');
      // Sunday 29 March 2026, 18:00 CEST (the clocks went forward at 02:00 that morning) = 16:00 UTC.
      await h.run(
        jana,
        'event create partnership:1 title:Velikonoce kind:cultural-event start:"2026-03-29 18:00"',
      );
      const channel = (await reminders('PENDING')).filter((r) => r.startsWith(PRAHA_CHANNEL));
      expect(channel.map((r) => r.split(' ')[1])).toEqual([
        // 7 × 24 h and 24 h before: 17:00 CET on the wall clock, an hour earlier than the event's 18:00.
        '2026-03-22T16:00:00.000Z',
        '2026-03-28T16:00:00.000Z',
        '2026-03-29T15:00:00.000Z',
      ]);
      const start = new Date('2026-03-29T16:00:00Z').getTime();
      expect(start - new Date('2026-03-28T16:00:00Z').getTime()).toBe(DAY);

      expect(await h.tickAt('2026-03-22T16:00:00Z')).toHaveLength(2);
      expect(await h.tickAt('2026-03-28T15:59:59Z')).toEqual([]);
      const sent = await h.tickAt('2026-03-28T16:00:00Z');
      expect(sent.map((s) => s.to).sort()).toEqual([CHICAGO_CHANNEL, PRAHA_CHANNEL].sort());
      // Chicago switched on 8 March: the event is at 11:00 CDT there.
      expect(sent.find((s) => s.to === CHICAGO_CHANNEL)?.message.exchange?.whenText).toMatch(/11:00.*CDT/);
      expect(sent.find((s) => s.to === PRAHA_CHANNEL)?.message.exchange?.whenText).toMatch(/18:00.*SELČ/);
    });

    it('sends “1 day before” 24 real hours before, across the autumn switch in Prague', async () => {
      await twin('2026-10-01T08:00:00Z');
      // Sunday 25 October 2026, 18:00 CET (the clocks went back at 03:00) = 17:00 UTC.
      await h.run(
        jana,
        'event create partnership:1 title:Posvícení kind:cultural-event start:"2026-10-25 18:00"',
      );
      const channel = (await reminders('PENDING')).filter((r) => r.startsWith(PRAHA_CHANNEL));
      // 24 h before is 19:00 CEST on the 24th.
      expect(channel.map((r) => r.split(' ')[1])).toEqual([
        '2026-10-18T17:00:00.000Z',
        '2026-10-24T17:00:00.000Z',
        '2026-10-25T16:00:00.000Z',
      ]);
      expect(await h.tickAt('2026-10-18T17:00:00Z')).toHaveLength(2);
      expect(await h.tickAt('2026-10-24T16:59:59Z')).toEqual([]);
      const sent = await h.tickAt('2026-10-24T17:00:00Z');
      expect(sent).toHaveLength(2);
      // Chicago is still on CDT (it switches on 1 November): 12:00 there.
      expect(sent.find((s) => s.to === CHICAGO_CHANNEL)?.message.exchange?.whenText).toMatch(/12:00.*CDT/);
    });

    it('keeps real hours for an exchange in Chicago across its own November switch', async () => {
      await twin('2026-10-01T08:00:00Z');
      // Sunday 1 November 2026, 10:00 CST in Chicago (the clocks went back at 02:00) = 16:00 UTC.
      await h.run(
        mike,
        'event create partnership:1 title:"Sister Cities Picnic" kind:citizens-meeting start:"2026-11-01 10:00"',
      );
      const channel = (await reminders('PENDING')).filter((r) => r.startsWith(CHICAGO_CHANNEL));
      // A day before is 11:00 CDT on 31 October; an hour before is 09:00 CST.
      expect(channel.map((r) => r.split(' ')[1])).toEqual([
        '2026-10-25T16:00:00.000Z',
        '2026-10-31T16:00:00.000Z',
        '2026-11-01T15:00:00.000Z',
      ]);
      expect(await h.tickAt('2026-10-25T16:00:00Z')).toHaveLength(2);
      const sent = await h.tickAt('2026-10-31T16:00:00Z');
      expect(sent.find((s) => s.to === CHICAGO_CHANNEL)?.text).toContain(
        translate('en', 'post.reminder', {
          title: 'Sister Cities Picnic',
          host: 'Chicago',
          unit: 'days',
          count: 1,
        }),
      );
      // Prague switched a week earlier: 17:00 CET there, with Chicago's 10:00 CST beside it.
      expect(sent.find((s) => s.to === PRAHA_CHANNEL)?.message.exchange?.whenText).toMatch(/17:00/);
      expect(sent.find((s) => s.to === PRAHA_CHANNEL)?.text).toMatch(/10:00.*America\/Chicago/s);
    });
  });

  it('costs nothing to hold many reminders: a tick only reads what is due', async () => {
    await twin('2026-05-01T08:00:00Z');
    for (let day = 1; day <= 20; day++) {
      await h.run(
        jana,
        `event create partnership:1 title:"Den ${day}" kind:cultural-event start:"2026-07-${String(day).padStart(2, '0')} 18:00"`,
      );
    }
    expect(await reminders('PENDING')).toHaveLength(20 * 3 * 2);
    h.poster.take();
    const report = await h.scheduler.tick();
    expect(report).toEqual({
      remindersDropped: 0,
      remindersReplanned: 0,
      announcementsSent: 0,
      digestsPosted: 0,
      recordsPurged: 0,
    });
    expect(h.poster.take()).toEqual([]);
  });
});
