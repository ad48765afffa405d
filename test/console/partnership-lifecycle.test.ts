/**
 * `channel link` in a linked channel, `partner leave` and `partner edit` through the console's
 * real wiring. Linking again with another language changes the channel's (its planned reminders
 * follow). A town that leaves loses its channel links (nothing more is enqueued for them), the
 * other towns are told in their own languages, and the leaver no longer sees the partnership;
 * every field `partner edit` changes is shown by `partner info`, and bad values are refused by
 * name. Expected wording is written out.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translator.ts';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, type ConsoleHarness } from './console-harness.ts';
import { answer, posts } from './console-output.ts';
import { NAME, SETUP } from './three-towns.ts';

describe.each(DATABASE_KINDS)('partnership lifecycle on %s', (kind) => {
  let database: Database;
  let harness: ConsoleHarness;

  // A fresh partnership of three towns per test: no test depends on another.
  beforeEach(async () => {
    database = await createTestDatabase(kind);
    harness = consoleHarness(database, '2026-11-23T10:00:00Z');
    const printed = await harness.run(SETUP);
    expect(printed).not.toMatch(/^✗/m);
  });
  afterEach(async () => {
    await database.close();
  });

  const bonnLinks = () =>
    database.prisma.channelLink.findMany({ where: { community: { externalId: 'bonn' } } });
  const deliveriesToBonn = () =>
    database.prisma.delivery.count({ where: { channelLink: { community: { externalId: 'bonn' } } } });

  describe('channel link in a linked channel', () => {
    const oxfordReminders = () =>
      database.prisma.delivery.findMany({
        where: { kind: 'reminder', status: 'PENDING', channelLink: { community: { externalId: 'oxford' } } },
        select: { payload: true },
      });

    beforeEach(async () => {
      await harness.run(':community oxford\n:channel twinning\n:as alice');
    });

    it('changes the language of the channel’s posts, its planned reminders too', async () => {
      const before = await oxfordReminders();
      expect(before.length).toBeGreaterThan(0);
      const printed = await answer(harness, 'channel link partnership:1 language:de');
      expect(printed).toBe(
        `✓ Posts of “${NAME}” in this channel (#twinning) now come in “German” (before: “English”).`,
      );
      const link = await database.prisma.channelLink.findFirstOrThrow({
        where: { community: { externalId: 'oxford' } },
      });
      expect(link.language).toBe('de');
      const after = await oxfordReminders();
      expect(after).toHaveLength(before.length);
      for (const { payload } of after)
        expect(JSON.stringify(payload)).toContain(`"label":"${translate('de', 'card.host')}"`);
    });

    it('restores a broken link in the language asked for', async () => {
      await database.prisma.channelLink.updateMany({
        where: { community: { externalId: 'oxford' } },
        data: { status: 'BROKEN', brokenReason: 'Missing Access' },
      });
      expect(await answer(harness, 'channel link partnership:1 language:cs')).toBe(
        `✓ This channel (#twinning) receives the posts of “${NAME}” again, in “Czech”; posts dropped while it was broken are not sent again.`,
      );
    });

    it('says how to change the language when none or the same one is given', async () => {
      const refusal = `✗ ${translate('en', 'channel.already-linked', {
        channel: 'twinning',
        name: NAME,
        language: 'English',
        change: 'channel link partnership:1 language:<code>',
      })}`;
      expect(await answer(harness, 'channel link partnership:1')).toBe(refusal);
      expect(await answer(harness, 'channel link partnership:1 language:en')).toBe(refusal);
    });
  });

  describe('partner leave', () => {
    it('unlinks the leaving town’s channels and tells the others in their languages', async () => {
      expect(await bonnLinks()).toHaveLength(2);
      // The exchange's reminders wait for Bonn's channels too, until Bonn leaves.
      expect(await deliveriesToBonn()).toBeGreaterThan(0);

      const printed = await harness.run(
        ':community bonn\n:channel partnerstadt\n:as bernd\npartner leave partnership:1',
      );
      expect(printed).toContain(`✓ Ihre Stadt hat „${NAME}“ verlassen; 2 Kanäle wurden getrennt.`);
      const told = posts(printed);
      expect(told.get('#twinning in oxford')).toEqual([`Bonn left the partnership “${NAME}”.`]);
      expect(told.get('#partneri in krumlov')).toEqual([`Město Bonn opustilo partnerství „${NAME}“.`]);
      expect([...told.keys()].sort()).toEqual(['#partneri in krumlov', '#twinning in oxford']);

      expect(await bonnLinks()).toEqual([]);
      expect(await deliveriesToBonn()).toBe(0);
      const partnership = await database.prisma.partnership.findUniqueOrThrow({
        where: { number: 1 },
        include: { towns: { include: { town: true } } },
      });
      expect(partnership.towns.map((t) => t.town.name).sort()).toEqual(['Oxford', 'Český Krumlov']);
      // Two towns remain: the partnership goes on.
      expect(partnership.status).toBe('ACTIVE');
    });

    it('sends the partnership’s later posts to the remaining towns only', async () => {
      await harness.run(':community bonn\n:channel partnerstadt\n:as bernd\npartner leave partnership:1');
      const printed = await harness.run(
        [
          ':community oxford',
          ':channel twinning',
          ':as alice',
          'announce send partnership:1 text:"Photos are online"',
          'event create partnership:1 title:"Regatta" kind:sports-event start:"2027-06-12 10:00"',
        ].join('\n'),
      );
      const told = posts(printed);
      expect(told.get('#partneri in krumlov')?.length).toBe(2);
      expect([...told.keys()].some((where) => where.endsWith('in bonn'))).toBe(false);
      // Not even a row waiting for later (reminders of the new exchange included).
      expect(await deliveriesToBonn()).toBe(0);
      expect(
        await database.prisma.delivery.count({
          where: { channelLink: { community: { externalId: 'krumlov' } }, kind: 'reminder' },
        }),
      ).toBeGreaterThan(0);
    });

    it('hides the partnership from the town that left', async () => {
      await harness.run(':community bonn\n:channel partnerstadt\n:as bernd\npartner leave partnership:1');
      expect(await answer(harness, 'partner list')).toBe(
        '• Ihre Stadt hat noch keine Partnerschaften. Starten Sie eine mit „partner invite name:…“.',
      );
      expect(await answer(harness, 'partner info partnership:1')).toBe(
        '✗ Ihre Stadt hat keine Partnerschaft mit der Nummer 1. Siehe „partner list“.',
      );
      expect(await answer(harness, 'event list')).toBe(
        '• Keine anstehenden Veranstaltungen. Koordinatoren erstellen sie mit „event create“.',
      );
      expect(await answer(harness, 'event info event:1')).toBe(
        '✗ In Ihren Partnerschaften gibt es keine Veranstaltung mit der Nummer 1. Siehe „event list“.',
      );
      expect(await answer(harness, 'partner leave partnership:1')).toBe(
        '✗ Ihre Stadt hat keine Partnerschaft mit der Nummer 1. Siehe „partner list“.',
      );
      // The others still see it, without Bonn.
      await harness.run(':community oxford\n:channel twinning\n:as alice');
      const info = await answer(harness, 'partner info partnership:1');
      expect(info).toContain(`#1 ${NAME}: Oxford (GB), Český Krumlov (CZ)`);
      expect(info).not.toContain('Bonn (DE)');
      expect(info).not.toContain('#partnerstadt');
    });

    it('ends the partnership when only one town would be left', async () => {
      await harness.run(':community bonn\n:channel partnerstadt\n:as bernd\npartner leave partnership:1');
      const printed = await harness.run(
        ':community krumlov\n:channel partneri\n:as jana\npartner leave partnership:1',
      );
      expect(printed).toContain(`✓ Vaše město opustilo „${NAME}“; 1 kanál byl odpojen.`);
      // Krumlov's exchange stays planned, hosted now by the owning town.
      expect(posts(printed).get('#twinning in oxford')).toEqual([
        `Český Krumlov left the partnership “${NAME}”.\nIts upcoming events are now hosted by Oxford: #1 Choir visit.`,
      ]);
      const partnership = await database.prisma.partnership.findUniqueOrThrow({ where: { number: 1 } });
      expect(partnership.status).toBe('ENDED');
    });
  });

  describe('partner edit', () => {
    it('changes each field and shows it in partner info', async () => {
      await harness.run(':community oxford\n:channel twinning\n:as alice');
      const edits: [string, string][] = [
        ['name:"Oxford – Bonn – Krumlov Trio"', '#1 Oxford – Bonn – Krumlov Trio: '],
        ['form:joint-project', ' · Joint project · '],
        ['status:dormant', ' · Dormant'],
        ['areas:"youth, education, youth"', 'Areas: youth, education'],
        ['agreement-date:2024-05-09', 'Agreement: 2024-05-09 · —'],
        [
          'agreement-url:https://oxford.example/twinning.pdf',
          'Agreement: 2024-05-09 · https://oxford.example/twinning.pdf',
        ],
      ];
      for (const [option, shown] of edits) {
        const edited = await answer(harness, `partner edit partnership:1 ${option}`);
        expect(edited, option).toMatch(/^✓ Partnership updated\.\n {2}#1 /);
        expect(await answer(harness, 'partner info partnership:1'), option).toContain(shown);
      }
      const info = await answer(harness, 'partner info partnership:1');
      expect(info.split('\n').slice(0, 3)).toEqual([
        '• #1 Oxford – Bonn – Krumlov Trio: Oxford (GB), Bonn (DE), Český Krumlov (CZ) · Joint project · Dormant',
        '  Areas: youth, education',
        '  Agreement: 2024-05-09 · https://oxford.example/twinning.pdf',
      ]);
      // Every town sees the change.
      await harness.run(':community bonn\n:channel partnerstadt\n:as bernd');
      expect(await answer(harness, 'partner info partnership:1')).toContain(
        '#1 Oxford – Bonn – Krumlov Trio: ',
      );
    });

    it('refuses bad values naming the option or the value, and changes nothing', async () => {
      await harness.run(':community oxford\n:channel twinning\n:as alice');
      const before = await database.prisma.partnership.findUniqueOrThrow({ where: { number: 1 } });
      const refusals: [string, string][] = [
        ['status:finished', '✗ “status” must be one of: proposed, active, dormant, ended.'],
        ['form:marriage', '✗ “form” must be one of: formal, joint-project, informal.'],
        [
          'areas:culture,knitting',
          '✗ Unknown areas: knitting. Known areas: urban-development, social-affairs, education, environment, tourism, local-government, economy, culture, sport, youth.',
        ],
        ['agreement-date:2024-02-30', '✗ “2024-02-30” is not a date. Write it as YYYY-MM-DD.'],
        ['agreement-date:9.5.2024', '✗ “9.5.2024” is not a date. Write it as YYYY-MM-DD.'],
        [
          'agreement-url:ftp://oxford.example/a.pdf',
          '✗ “ftp://oxford.example/a.pdf” is not a web link (http or https).',
        ],
        [`name:"${'x'.repeat(101)}"`, '✗ “name” is too long: at most 100 characters.'],
        ['', '✗ Say what to change: name, status, form, areas, agreement-date or agreement-url.'],
      ];
      for (const [option, refusal] of refusals) {
        // The first line refuses; option errors go on with the command's usage.
        const [first] = (await answer(harness, `partner edit partnership:1 ${option}`)).split('\n');
        expect(first, option).toBe(refusal);
      }
      expect(await database.prisma.partnership.findUniqueOrThrow({ where: { number: 1 } })).toEqual(before);
      expect(await database.prisma.auditEntry.count({ where: { action: 'partner.edit' } })).toBe(0);
    });

    it('keeps members who are not coordinators from editing', async () => {
      await harness.run(':community oxford\n:channel twinning\n:as dave');
      expect(await answer(harness, 'partner edit partnership:1 name:Mine')).toBe(
        '✗ Only a coordinator of your town can use “partner edit”.',
      );
      expect((await database.prisma.partnership.findUniqueOrThrow({ where: { number: 1 } })).name).toBe(NAME);
    });
  });
});
