/**
 * Partner towns across an ocean read each exchange in their own time, and two people taking the
 * last place at the same moment never overbook it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, type ConsoleHarness } from './console-harness.ts';

const SETUP = `
:community pisek
:channel partneri
:as eva
town register name:Písek country:CZ timezone:Europe/Prague language:cs
profile set languages:en
partner invite name:"Písek – Berwyn" form:informal areas:culture
channel link partnership:1
:community berwyn
:channel sister-city
:as bob
town register name:Berwyn country:US timezone:America/Chicago language:en
partner join code:$invite
:community pisek
:channel partneri
:as eva
`;

describe.each(DATABASE_KINDS)('time zones and races on %s', (kind) => {
  let database: Database;
  let harness: ConsoleHarness;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    harness = consoleHarness(database, '2027-03-01T10:00:00Z');
    await harness.run(SETUP);
  });
  afterAll(async () => {
    await database.close();
  });

  it('shows an exchange in each partner channel’s own zone, and the host’s clock where it differs', async () => {
    // 20 March 2027: Prague is still on CET (UTC+1), Chicago already on CDT (UTC-5).
    // Eva in Písek creates it, whichever test ran before (each sets who acts where).
    harness.clock.set('2027-03-01T10:00:00Z');
    await harness.run(':community pisek\n:channel partneri\n:as eva');
    const printed = await harness.run(
      'event create partnership:1 title:"Polka night" kind:cultural-event start:"2027-03-20 18:00" end:"2027-03-20 22:00"',
    );
    const exchange = await database.prisma.exchange.findFirstOrThrow({ where: { title: 'Polka night' } });
    expect(exchange.startsAt.toISOString()).toBe('2027-03-20T17:00:00.000Z');
    expect(exchange.timeZone).toBe('Europe/Prague');
    const berwynPost = printed.split('⇒ posted to #sister-city in berwyn:')[1]?.split('⇒')[0] ?? '';
    expect(berwynPost).toContain('Sat, 20 Mar 2027, 12:00–16:00 CDT (America/Chicago)');
    expect(berwynPost).toContain('Local time at the host: Sat, 20 Mar 2027, 18:00–22:00 CET (Europe/Prague)');
    // Eva chose English for her answers; her own card needs no second clock.
    const evaCard = printed.split('⇒')[0] ?? '';
    expect(evaCard).toContain('18:00–22:00 CET (Europe/Prague)');
    expect(evaCard).not.toContain('Local time at the host');
  });

  it('reads “tomorrow” in the typing town’s zone', async () => {
    // 02:30 UTC on 2 March is still 1 March, 20:30, in Chicago.
    harness.clock.set('2027-03-02T02:30:00Z');
    await harness.run(':community berwyn\n:channel sister-city\n:as bob');
    await harness.run(
      'event create partnership:1 title:"Committee call" kind:online-meeting start:"tomorrow 19:00"',
    );
    const call = await database.prisma.exchange.findFirstOrThrow({ where: { title: 'Committee call' } });
    // Tomorrow for Berwyn is 2 March; 19:00 CST is 01:00 UTC on 3 March.
    expect(call.startsAt.toISOString()).toBe('2027-03-03T01:00:00.000Z');
    expect(call.timeZone).toBe('America/Chicago');
  });

  // PGlite runs one transaction at a time, so answers there never overlap: only PostgreSQL,
  // where they do, shows that the row lock keeps the last place for one of them.
  it.runIf(kind === 'postgres')(
    'gives the last place to exactly one of three simultaneous answers',
    async () => {
      await harness.run(
        ':community pisek\n:channel partneri\n:as eva\nevent create partnership:1 title:"Brewery tour" kind:study-visit start:"2027-06-01 10:00" capacity:1',
      );
      const tour = await database.prisma.exchange.findFirstOrThrow({ where: { title: 'Brewery tour' } });
      const answer = (user: string, community: string) =>
        harness.bus.run({
          text: `rsvp event:${tour.number} answer:going`,
          actor: {
            platform: 'CONSOLE',
            communityExternalId: community,
            communityName: community,
            userId: user,
            displayName: user,
            communityAdmin: true,
          },
          channel: { id: 'general', name: 'general' },
        });
      const replies = await Promise.all([
        answer('karel', 'pisek'),
        answer('alice', 'berwyn'),
        answer('jan', 'pisek'),
      ]);
      expect(replies.every((r) => !r.error)).toBe(true);
      const rsvps = await database.prisma.rsvp.findMany({ where: { exchangeId: tour.id } });
      expect(rsvps.map((r) => r.status).sort()).toEqual(['GOING', 'WAITLISTED', 'WAITLISTED']);
    },
  );
});
