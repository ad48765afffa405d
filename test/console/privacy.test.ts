/**
 * `profile export` and `profile forget` through the console's real wiring, and what the audit
 * log keeps of a profile. Expected texts are written out by hand; times in the town's zone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, TWIN_KRUMLOV_PASSAU, type ConsoleHarness } from './console-harness.ts';

// Created on Monday 23 November 2026, 10:00 UTC (11:00 in Prague). The camp takes 2 people.
const SETUP = `${TWIN_KRUMLOV_PASSAU}event create partnership:1 title:"Youth camp" kind:youth-exchange start:"2027-07-06 10:00" end:"2027-07-10 16:00" capacity:2
:as petr
profile set languages:en interests:"choir, cycling"
rsvp event:1 answer:going guests:1
:as eva
profile set languages:en
rsvp event:1 answer:going
`;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Runs lines and returns the last answer the console printed (echoes and posts dropped). */
async function answer(harness: ConsoleHarness, lines: string): Promise<string> {
  const printed = await harness.run(lines);
  const last = printed.split('\n').findLastIndex((line) => /^[•✓✗] /.test(line));
  return printed
    .split('\n')
    .slice(last)
    .filter((line) => !/^\S+@\S+ #\S+> /.test(line))
    .join('\n')
    .trim();
}

describe.each(DATABASE_KINDS)('profile export and forget on %s', (kind) => {
  let database: Database;
  let harness: ConsoleHarness;
  const petr = ':community krumlov\n:channel partneri\n:as petr\n';

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    harness = consoleHarness(database, '2026-11-23T10:00:00Z');
    const printed = await harness.run(SETUP);
    expect(printed).not.toMatch(/^✗/m);
  });
  afterAll(async () => {
    await database.close();
  });

  it('exports everything held about the member, privately', async () => {
    const text = await answer(harness, `${petr}profile export`);
    expect(text.replace(UUID, '<id>')).toBe(
      [
        '• Everything Twinbridge holds about you in this community:',
        '  Profile: petr · Český Krumlov (CZ) · member',
        '    Languages: English (en)',
        '    Interests: choir, cycling',
        '    Your platform’s language, as last sent: —',
        '    Account: console user petr in “krumlov” (krumlov)',
        '  Your answers to events (1):',
        '    #1 Youth camp · 06/07/2027, 10:00 (Europe/Prague) · going with 1 guest · counted for Český Krumlov',
        '  Messages waiting to be sent to you (3):',
        '    reminder.direct · due 29/06/2027, 10:00 (Europe/Prague)',
        '    reminder.direct · due 05/07/2027, 10:00 (Europe/Prague)',
        '    reminder.direct · due 06/07/2027, 09:00 (Europe/Prague)',
        '  Audit log entries by or about you (2):',
        '    23/11/2026, 11:00 (Europe/Prague) · profile.set · member <id> · by you',
        '    23/11/2026, 11:00 (Europe/Prague) · rsvp · exchange <id> · by you',
        '  “profile forget” deletes this data.',
      ].join('\n'),
    );
  });

  it('keeps which profile fields changed in the audit log, not their values', async () => {
    const entries = await database.prisma.auditEntry.findMany({ where: { action: 'profile.set' } });
    expect(entries.map((e) => e.details)).toEqual([
      { fields: ['interests', 'languages'] },
      { fields: ['languages'] },
    ]);
  });

  it('refuses the last coordinator of a town, naming what to do', async () => {
    const text = await answer(
      harness,
      ':community krumlov\n:channel partneri\n:as jana\nprofile forget confirm:yes',
    );
    expect(text).toBe(
      '✗ Jste jediný koordinátor města Český Krumlov: nejdřív jmenujte dalšího (town coordinator add user:…) a pak spusťte profile forget znovu.',
    );
    const jana = await database.prisma.member.findFirst({ where: { platformUserId: 'jana' } });
    expect(jana).toMatchObject({ displayName: 'jana', role: 'COORDINATOR', forgottenAt: null });
  });

  it('says what would be deleted and changes nothing without confirm:yes', async () => {
    const text = await answer(harness, `${petr}profile forget`);
    expect(text).toBe(
      '• This deletes your profile in this community (name, account id, languages, interests) and withdraws 3 messages waiting for you. Your 1 answer stays in the events’ counts without your name; a waitlist place is given up. It cannot be undone. To go ahead: profile forget confirm:yes',
    );
    const member = await database.prisma.member.findFirst({ where: { platformUserId: 'petr' } });
    expect(member).toMatchObject({ displayName: 'petr', interests: ['choir', 'cycling'], forgottenAt: null });
  });

  it('forgets the member: profile emptied, answers kept anonymous, waiting messages withdrawn', async () => {
    const before = await database.prisma.member.findFirstOrThrow({ where: { platformUserId: 'petr' } });
    const text = await answer(harness, `${petr}profile forget confirm:yes`);
    expect(text).toBe(
      '• Your data in this community is deleted. 1 answer stays in the events’ counts without your name; 3 waiting messages were withdrawn. If you use the bot here again, you start as a new member.',
    );
    const after = await database.prisma.member.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({
      platformUserId: `forgotten:${before.id}`,
      displayName: '',
      languages: [],
      interests: [],
      townId: null,
      role: 'MEMBER',
    });
    expect(after.forgottenAt).toBeInstanceOf(Date);
    // The answer still counts for Krumlov: 2 places (petr and his guest).
    const rsvps = await database.prisma.rsvp.findMany({ where: { memberId: before.id } });
    expect(rsvps.map((r) => [r.status, r.guests])).toEqual([['GOING', 1]]);
    const deliveries = await database.prisma.delivery.findMany({ where: { recipientMemberId: before.id } });
    expect(deliveries.map((d) => [d.status, d.lastError])).toEqual([
      ['DROPPED', 'the recipient asked to be forgotten (profile forget)'],
      ['DROPPED', 'the recipient asked to be forgotten (profile forget)'],
      ['DROPPED', 'the recipient asked to be forgotten (profile forget)'],
    ]);
    // Nothing the person typed or is called is left anywhere in the tables that held it.
    const rows = JSON.stringify([
      await database.prisma.member.findMany(),
      await database.prisma.auditEntry.findMany(),
    ]);
    expect(rows).not.toMatch(/choir|cycling|"petr"/);

    // The answer still counts for Krumlov in the attendance.
    const attendees = await answer(
      harness,
      ':community krumlov\n:channel partneri\n:as jana\nevent attendees event:1',
    );
    expect(attendees).toContain('Český Krumlov (CZ): účast 2 · možná 0');
    // The exchange moves: reminders are planned again, but none for the forgotten member.
    await answer(
      harness,
      ':community krumlov\n:channel partneri\n:as jana\nevent edit event:1 start:"2027-07-07 10:00"',
    );
    const pending = await database.prisma.delivery.count({
      where: { recipientMemberId: before.id, status: { in: ['PENDING', 'SENDING'] } },
    });
    expect(pending).toBe(0);
    // The person coming back is someone new with nothing held; answers now in the town's Czech.
    const fresh = await answer(harness, `${petr}profile export`);
    expect(fresh).toContain('  Profil: petr · Český Krumlov (CZ) · člen\n    Jazyky: —\n    Zájmy: —');
    expect(fresh).toContain('  Vaše odpovědi na akce (0):\n    žádné');
  });

  it('gives up a waitlist place of an exchange still ahead', async () => {
    const eva = await database.prisma.member.findFirstOrThrow({ where: { platformUserId: 'eva' } });
    expect((await database.prisma.rsvp.findFirstOrThrow({ where: { memberId: eva.id } })).status).toBe(
      'WAITLISTED',
    );
    await answer(harness, ':community krumlov\n:channel partneri\n:as eva\nprofile forget confirm:yes');
    expect((await database.prisma.rsvp.findFirstOrThrow({ where: { memberId: eva.id } })).status).toBe(
      'NOT_GOING',
    );
  });
});
