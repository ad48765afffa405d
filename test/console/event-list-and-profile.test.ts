/**
 * `event list` and `profile show` through the console's real wiring. The list holds the exchanges
 * that have not ended (cancelled ones left out), soonest first, filtered by partnership, in the
 * reader's town zone and the reader's language; the profile shows what `profile set` saved.
 * Expected texts are written out by hand, times worked out from the zones' offsets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, type ConsoleHarness } from './console-harness.ts';

// Created on Monday 23 November 2026, 10:00 UTC; the list is read on Wednesday the 25th.
const SETUP = `
:community oxford
:channel twinning
:as alice
town register name:Oxford country:GB timezone:Europe/London language:en
partner invite name:"Oxford – Krumlov" form:formal
channel link partnership:1
:community krumlov
:channel partneri
:as jana
town register name:"Český Krumlov" country:CZ timezone:Europe/Prague language:cs
partner join code:$invite
:community oxford
:channel twinning
:as alice
partner invite name:"Oxford – Bonn" form:informal
event create partnership:1 title:"Choir visit" kind:cultural-event start:"2027-05-01 18:00" end:"2027-05-01 21:00"
event create partnership:2 title:"Regatta" kind:sports-event start:"2027-03-10 10:00"
event create partnership:1 title:"Planning call" kind:online-meeting start:"2026-11-24 10:00" end:"2026-11-24 11:00"
event create partnership:1 title:"Winter camp" kind:youth-exchange start:"2026-11-24 09:00" end:"2026-11-30 16:00"
event create partnership:1 title:"Cancelled fair" kind:business-forum start:"2027-01-15 09:00"
event cancel event:5
`;

/**
 * Runs one line and returns the single answer the console printed for it (the echo dropped), on
 * plain spaces: ICU writes date ranges with thin ones ("10:00 – po 30. 11.").
 */
async function answer(harness: ConsoleHarness, line: string): Promise<string> {
  const printed = await harness.run(line);
  return printed
    .split('\n')
    .slice(1)
    .join('\n')
    .trim()
    .replace(/[\u202f\u2009\u00a0]/g, ' ');
}

describe.each(DATABASE_KINDS)('event list and profile on %s', (kind) => {
  let database: Database;
  let harness: ConsoleHarness;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    harness = consoleHarness(database, '2026-11-23T10:00:00Z');
    const printed = await harness.run(SETUP);
    expect(printed).not.toMatch(/^✗/m);
    // The planning call is over; the winter camp has begun and is still on.
    harness.clock.set('2026-11-25T12:00:00Z');
  });
  afterAll(async () => {
    await database.close();
  });

  describe('event list', () => {
    it('lists exchanges not yet ended, soonest first, in the reader’s zone', async () => {
      await harness.run(':community oxford\n:channel twinning\n:as alice');
      // London is on GMT in November and March, on BST (UTC+1) in May: the choir's 17:00 UTC is 18:00.
      expect(await answer(harness, 'event list')).toBe(
        [
          '• Upcoming events (times in Europe/London):',
          '  #4 Tue, 24 Nov 2026, 09:00 – Mon, 30 Nov 2026, 16:00 GMT (Europe/London) · Winter camp · Oxford',
          '  #2 Wed, 10 Mar 2027, 10:00–12:00 GMT (Europe/London) · Regatta · Oxford',
          '  #1 Sat, 1 May 2027, 18:00–21:00 BST (Europe/London) · Choir visit · Oxford',
        ].join('\n'),
      );
    });

    it('keeps to one partnership when given', async () => {
      await harness.run(':community oxford\n:channel twinning\n:as alice');
      expect(await answer(harness, 'event list partnership:2')).toBe(
        [
          '• Upcoming events (times in Europe/London):',
          '  #2 Wed, 10 Mar 2027, 10:00–12:00 GMT (Europe/London) · Regatta · Oxford',
        ].join('\n'),
      );
    });

    it('shows a partner town only its partnerships’ exchanges, in its zone and language', async () => {
      await harness.run(':community krumlov\n:channel partneri\n:as petr');
      // Prague is an hour ahead of London all year: CET in November, CEST in May.
      const list = await answer(harness, 'event list');
      const lines = list.split('\n');
      expect(lines[0]).toBe('• Nadcházející akce (časy v pásmu Europe/Prague):');
      expect(
        lines.slice(1).map((line) => line.replace(/^ {2}#(\d+) .* · (.+) · (.+)$/, '#$1 $2 · $3')),
      ).toEqual(['#4 Winter camp · Oxford', '#1 Choir visit · Oxford']);
      // The cards' long form, start and end.
      expect(lines[1]).toContain('út 24. 11. 2026 10:00 – po 30. 11. 2026 17:00 SEČ (Europe/Prague)');
      expect(lines[2]).toContain('so 1. 5. 2027 19:00–22:00 SELČ (Europe/Prague)');
      expect(await answer(harness, 'event list partnership:2')).toBe(
        '✗ Vaše město nemá partnerství číslo 2. Viz „partner list“.',
      );
    });

    it('answers in the reader’s own language, with the town’s zone', async () => {
      await harness.run(':community oxford\n:channel twinning\n:as greta\nprofile set languages:de');
      const list = await answer(harness, 'event list partnership:2');
      expect(list.split('\n')[0]).toBe('• Anstehende Veranstaltungen (Zeiten in Europe/London):');
      expect(list).toContain(
        '#2 Mi., 10. März 2027, 10:00–12:00 Uhr GMT+0 (Europe/London) · Regatta · Oxford',
      );
    });

    it('says so when nothing is upcoming', async () => {
      harness.clock.set('2027-06-01T00:00:00Z');
      try {
        await harness.run(':community oxford\n:channel twinning\n:as alice');
        expect(await answer(harness, 'event list')).toBe(
          '• No upcoming events. Coordinators create them with “event create”.',
        );
      } finally {
        harness.clock.set('2026-11-25T12:00:00Z');
      }
    });
  });

  describe('profile show', () => {
    it('shows an empty profile, then what profile set saved, in the chosen language', async () => {
      await harness.run(':community oxford\n:channel twinning\n:as dave');
      expect(await answer(harness, 'profile show')).toBe(
        '• dave · Oxford · member\n  Languages: —\n  Interests: —',
      );
      expect(await answer(harness, 'profile set languages:de,en interests:"choir, rowing"')).toBe(
        '• Ihr Profil ist gespeichert.',
      );
      expect(await answer(harness, 'profile show')).toBe(
        '• dave · Oxford · Mitglied\n  Sprachen: Deutsch (de), Englisch (en)\n  Interessen: choir, rowing',
      );
      // Changing only the interests keeps the languages.
      await answer(harness, 'profile set interests:cycling');
      expect(await answer(harness, 'profile show')).toBe(
        '• dave · Oxford · Mitglied\n  Sprachen: Deutsch (de), Englisch (en)\n  Interessen: cycling',
      );
    });

    it('names a coordinator’s role', async () => {
      await harness.run(':community krumlov\n:channel partneri\n:as jana');
      expect(await answer(harness, 'profile show')).toBe(
        '• jana · Český Krumlov · koordinátor\n  Jazyky: —\n  Zájmy: —',
      );
    });
  });
});
