/**
 * The README's console scenario, end to end on both databases: real command bus, real
 * repositories, real outbox and console adapter. Answers come in each town's language.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translator.ts';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, type ConsoleHarness } from './console-harness.ts';

const scenario = readFileSync(new URL('../../examples/twinning-scenario.twin', import.meta.url), 'utf8');

describe.each(DATABASE_KINDS)('console scenario on %s', (kind) => {
  let database: Database;
  let harness: ConsoleHarness;
  let output: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    harness = consoleHarness(database);
    output = await harness.run(scenario);
  });
  afterAll(async () => {
    await database.close();
  });

  it('registers both towns, answering each in its own language', () => {
    expect(output).toContain(
      translate('cs', 'town.registered', {
        town: 'Český Krumlov',
        country: 'Česko',
        zone: 'Europe/Prague',
        language: 'čeština',
        user: 'jana',
      }),
    );
    expect(output).toContain('max@passau #partnerstadt> town register name:Passau');
    expect(output).toMatch(/Passau \(Deutschland\)/);
  });

  it('words answers as the README shows them, in Czech and German (checked literally)', () => {
    expect(output).toContain(
      '✓ Vítejte, Český Krumlov (Česko)! Časy se zadávají v pásmu Europe/Prague, příspěvky jsou v jazyce „čeština“. jana je prvním koordinátorem města.',
    );
    expect(output).toContain(
      '✓ Der Partnerschaft #1 „Krumlov – Passau“ (Český Krumlov, Passau) beigetreten. Dieser Kanal (#partnerstadt) erhält ihre Beiträge ab jetzt auf „Deutsch“.',
    );
    expect(output).toContain('Město Passau (DE) se připojilo k partnerství „Krumlov – Passau“. Vítejte!');
    expect(output).toContain(
      '• „Letní tábor mládeže“ ist ausgebucht: Sie sind Nummer 1 auf der Warteliste und rücken nach, sobald ein Platz frei wird.',
    );
    expect(output).toContain(
      '✗ Čas 2027-03-28 02:30 v časovém pásmu Europe/Prague neexistuje: hodiny se tehdy posouvají dopředu. Zvolte jiný čas.',
    );
  });

  it('joins with the invite code and tells the partner channel', async () => {
    const partnership = await database.prisma.partnership.findUniqueOrThrow({
      where: { number: 1 },
      include: { towns: true, channelLinks: true },
    });
    expect(partnership.status).toBe('ACTIVE');
    expect(partnership.towns).toHaveLength(2);
    expect(partnership.channelLinks.map((l) => [l.channelId, l.language]).sort()).toEqual([
      ['partneri', 'cs'],
      ['partnerstadt', 'de'],
    ]);
    const invite = await database.prisma.invite.findFirstOrThrow();
    expect(invite.usedAt).not.toBeNull();
    expect(invite.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(output).toContain('⇒ posted to #partneri in krumlov:');
    expect(output).toContain(
      translate('cs', 'partner.joined-post', { town: 'Passau', country: 'DE', name: 'Krumlov – Passau' }),
    );
  });

  it('announces the exchange in both channels and keeps the waitlist in order', async () => {
    expect(output).toContain(translate('cs', 'post.exchange.created', { host: 'Český Krumlov' }));
    expect(output).toContain(translate('de', 'post.exchange.created', { host: 'Český Krumlov' }));
    expect(output).toContain(
      translate('de', 'rsvp.waitlisted', { title: 'Letní tábor mládeže', position: 1, guests: 0 }),
    );
    const rsvps = await database.prisma.rsvp.findMany({
      include: { member: true, town: true },
      orderBy: { member: { platformUserId: 'asc' } },
    });
    expect(rsvps.map((r) => [r.member.platformUserId, r.status, r.guests, r.town.name])).toEqual([
      ['lena', 'GOING', 0, 'Passau'],
      ['max', 'GOING', 0, 'Passau'],
      ['petra', 'NOT_GOING', 1, 'Český Krumlov'],
    ]);
    // Max waited in line and moved up when Petra's two places freed.
    const promotion = await database.prisma.auditEntry.findFirstOrThrow({
      where: { action: 'rsvp.promoted' },
    });
    expect(promotion.targetId).toBe(rsvps[1]?.id);
  });

  it('counts attendance per town and country', () => {
    expect(output).toContain(
      translate('cs', 'attendees.town-row', {
        town: 'Passau',
        country: 'DE',
        going: 2,
        maybe: 0,
        waiting: 0,
      }),
    );
    expect(output).toContain(translate('cs', 'attendees.totals', { total: 2, international: 2 }));
  });

  it('posts announcements in each channel’s language and schedules recurring ones', async () => {
    expect(output).toMatch(/#partneri in krumlov:\n {4}Fotky z jarního setkání jsou online/);
    expect(output).toMatch(/#partnerstadt in passau:\n {4}Die Fotos vom Frühjahrstreffen sind online/);
    const scheduled = await database.prisma.announcement.findFirstOrThrow({ where: { status: 'SCHEDULED' } });
    expect(scheduled.cron).toBe('0 9 * * 1');
    // Monday 2026-11-30 09:00 in Prague (CET, UTC+1).
    expect(scheduled.nextRunAt?.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    const reminderKinds = ['reminder', 'reminder.direct'];
    const deliveries = await database.prisma.delivery.groupBy({
      by: ['status'],
      where: { kind: { notIn: reminderKinds } },
      _count: { _all: true },
    });
    expect(deliveries).toEqual([{ status: 'SENT', _count: { _all: expect.any(Number) as number } }]);
    // Reminders of the July camp wait for their time (Petra's were withdrawn when she said no).
    const reminders = await database.prisma.delivery.findMany({
      where: { kind: { in: reminderKinds }, status: 'PENDING' },
    });
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((r) => r.dueAt > new Date('2027-01-01T00:00:00Z'))).toBe(true);
  });

  it('refuses mistakes clearly', () => {
    expect(output).toContain(
      translate('cs', 'time.nonexistent', {
        option: 'start',
        local: '2027-03-28 02:30',
        zone: 'Europe/Prague',
      }),
    );
    expect(output).toMatch(/✗ .*kind/);
    expect(output).toContain(translate('cs', 'permission.coordinator-only', { command: 'announce send' }));
    expect(output).not.toMatch(/Error|at .*\.ts:\d+/);
  });
});
