/**
 * No English piece inside a translated answer: a bad cron expression refused naming the field
 * and its range, usage lines with placeholders in the reader's language, areas in a change post
 * labelled, announcements listed with the language's quotes, and Discord permissions named as
 * Discord's client names them. Expected wording is written out here, not produced by the
 * translator; each answer is also checked for the English it used to carry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/commands/invocation.ts';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { consoleHarness, TWIN_KRUMLOV_PASSAU, type ConsoleHarness } from './console-harness.ts';

const discordMember = (server: string): Actor => ({
  platform: 'DISCORD',
  communityExternalId: server,
  communityName: server,
  userId: 'member-1',
  displayName: 'Member',
  communityAdmin: false,
});

describe('translated answers carry no English pieces', () => {
  let database: Database;
  let h: ConsoleHarness;

  beforeAll(async () => {
    database = await createTestDatabase('embedded');
    h = consoleHarness(database, '2027-03-01T10:00:00Z');
    await h.run(TWIN_KRUMLOV_PASSAU);
  });
  afterAll(async () => {
    await database.close();
  });

  it('refuses a bad cron field in Czech and German, naming the field and its range', async () => {
    const czech = await h.run('announce schedule partnership:1 text:Ahoj cron:"0 25 * * 1"');
    expect(czech).toContain(
      '✗ V „0 25 * * 1“ hodina „25“ neplatí: použijte číslo od 0 do 23, výčet (1,15), rozsah (1-5), krok (*/15) nebo *.',
    );
    expect(czech).not.toMatch(/Constraint|expected range|got value/);
    const fields = await h.run('announce schedule partnership:1 text:Ahoj cron:"0 9 * *"');
    expect(fields).toContain('✗ „0 9 * *“ má 4 pole; cron výraz jich má pět');
    expect(await h.run('announce schedule partnership:1 text:Ahoj cron:"0 9 31 2 *"')).toContain(
      '✗ „0 9 31 2 *“ nikdy nenastane.',
    );
    const german = await h.run(
      ':community passau\n:channel partnerstadt\n:as max\nannounce schedule partnership:1 text:Hallo cron:"0 9 * 13 *"',
    );
    expect(german).toContain(
      '✗ In „0 9 * 13 *“ ist der Monat „13“ ungültig: erlaubt sind eine Zahl von 1 bis 12',
    );
    await h.run(':community krumlov\n:channel partneri\n:as jana');
    expect(await database.prisma.announcement.count()).toBe(0);
  });

  it('writes usage placeholders in the reader’s language', async () => {
    const czech = await h.run('event create partnership:1 kind:youth-exchange start:"2027-05-01 10:00"');
    expect(czech).toContain('Použití: event create partnership:<číslo> title:<text> kind:');
    expect(czech).toContain('[capacity:<číslo>]');
    expect(czech).not.toContain('<number>');
    await h.run('profile set languages:pl');
    const polish = await h.run('help event create');
    expect(polish).toContain('Użycie: event create partnership:<liczba> title:<tekst>');
    await h.run('profile set languages:fr');
    const french = await h.run('channel link partnership:one');
    expect(french).toContain('Utilisation\u00a0: channel link partnership:<nombre> [language:<texte>]');
    await h.run('profile set languages:cs');
  });

  it('labels the areas of a changed partnership in each channel’s language', async () => {
    await h.run('partner edit partnership:1 areas:culture,youth');
    const posted = await h.run('partner edit partnership:1 areas:education,sport');
    expect(posted).toContain('oblasti: kultura, mládež → vzdělávání, sport');
    expect(posted).toContain('Bereiche: Kultur, Jugend → Bildung, Sport');
    expect(posted).not.toContain('culture, youth');
  });

  it('lists an announcement with the reader’s quotation marks', async () => {
    await h.run('announce schedule partnership:1 text:"Schůze výboru" cron:"0 9 * * 1"');
    const czech = await h.run('announce list');
    expect(czech).toContain('· „Schůze výboru“');
    expect(czech).not.toContain('“Schůze výboru”');
  });

  it('names Discord permissions as Discord’s client does in Czech, German, Polish and French', async () => {
    const refusal = async (locale: string) =>
      (
        await h.bus.run({
          text: 'town register name:X country:CZ timezone:Europe/Prague language:cs',
          actor: discordMember(`server-${locale}`),
          channel: { id: 'general', name: 'general' },
          locale,
        })
      ).text;
    expect(await refusal('cs')).toContain('oprávnění „Spravovat server“ (nebo „Správce“)');
    expect(await refusal('de')).toContain('Berechtigung „Server verwalten“ (oder „Administrator“)');
    expect(await refusal('pl')).toContain('uprawnienia „Zarządzanie serwerem“ (albo „Administrator“)');
    expect(await refusal('fr')).toContain(
      'permission «\u202fGérer le serveur\u202f» (ou «\u202fAdministrateur\u202f»)',
    );
    expect(await refusal('cs')).not.toMatch(/Manage Server|Administrator\b/);
  });

  it('names the posting permissions the bot lacks in the reader’s language', async () => {
    const reply = await h.bus.run({
      text: 'channel link partnership:1',
      actor: { ...discordMember('krumlov'), platform: 'CONSOLE', userId: 'jana', displayName: 'jana' },
      channel: {
        id: 'novinky',
        name: 'novinky',
        postingBlocked: 'missing permissions Send Messages, Embed Links',
        missingPermissions: ['send-messages', 'embed-links'],
      },
    });
    expect(reply.text).toBe(
      'Do kanálu #novinky nemohu psát: chybí oprávnění „Odesílat zprávy“, „Vkládat odkazy“. Dejte mi v tomto kanálu tato oprávnění (nebo příkaz spusťte v jiném kanálu) a zkuste to znovu.',
    );
  });

  it('names languages in the reader’s language, not by their codes', async () => {
    expect(await h.run('town info')).toContain(
      '• Český Krumlov (Česko) · časové pásmo Europe/Prague · jazyk čeština\n',
    );
    expect(await h.run('channel link partnership:1 language:pl')).toContain(
      '✓ Příspěvky „Krumlov – Passau“ v tomto kanálu (#partneri) teď chodí v jazyce „polština“ (dříve „čeština“).',
    );
    await h.run('channel link partnership:1 language:cs');
    const german = await h.run(':community passau\n:channel partnerstadt\n:as max\ntown info');
    expect(german).toContain('• Passau (Deutschland) · Zeitzone Europe/Berlin · Sprache Deutsch\n');
    // A member whose platform speaks English, in the Czech town.
    const english = await h.run(':community krumlov\n:channel partneri\n:as nick\n:locale en\ntown info');
    expect(english).toContain('• Český Krumlov (Czechia) · time zone Europe/Prague · language Czech\n');
    await h.run(':locale none\n:as jana');
  });
});
