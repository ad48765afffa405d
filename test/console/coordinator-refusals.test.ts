/**
 * What a coordinator is told when a command cannot do what was asked, word for word in the
 * town's language (Czech for Český Krumlov, German for Passau), and that nothing was written:
 * announcements, exchanges, invites and joins, language codes, a channel that is not linked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, TWIN_KRUMLOV_PASSAU, type ConsoleHarness } from './console-harness.ts';
import { answer } from './console-output.ts';

const AS_MAX = ':community passau\n:channel partnerstadt\n:as max';
const AS_JANA = ':community krumlov\n:channel partneri\n:as jana';
const AS_GERDA = ':community graz\n:channel partner\n:as gerda';
const GRAZ_REGISTERS = `${AS_GERDA}\ntown register name:Graz country:AT timezone:Europe/Vienna language:de`;

describe.each(DATABASE_KINDS)('refusals a coordinator meets, on %s', (kind) => {
  let database: Database;
  let h: ConsoleHarness;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    h = consoleHarness(database, '2027-03-01T10:00:00Z');
    await h.run(TWIN_KRUMLOV_PASSAU);
  });
  afterEach(() => database.close());

  it('announcements: no channel to post to, a zone or time that cannot be, a cron that never fires', async () => {
    await h.run('partner invite name:"Krumlov – Linz"');
    expect(await answer(h, 'announce send partnership:2 text:Ahoj')).toBe(
      '✗ Partnerství #2 nemá žádné propojené kanály, kam by se dalo psát: nejdřív spusťte „channel link“.',
    );
    expect(
      await answer(
        h,
        'announce schedule partnership:1 text:Ahoj at:"2027-03-02 10:30" timezone:Mars/Olympus',
      ),
    ).toBe(
      '✗ „Mars/Olympus“ není časové pásmo, které znám. Použijte názvy jako Europe/Prague nebo America/Chicago.',
    );
    expect(await answer(h, 'announce schedule partnership:1 text:Ahoj at:"2027-02-01 10:00"')).toBe(
      '✗ po 1. 2. 2027 10:00 SEČ (Europe/Prague) je už v minulosti.',
    );
    expect(await answer(h, 'announce schedule partnership:1 text:Ahoj cron:"0 0 30 2 *"')).toBe(
      '✗ „0 0 30 2 *“ nikdy nenastane.',
    );
    expect(await database.prisma.announcement.count()).toBe(0);
    expect(await database.prisma.delivery.count({ where: { kind: { startsWith: 'announce' } } })).toBe(0);
  });

  it('announcements: the list, empty and not, and a cancel of one no longer scheduled', async () => {
    expect(await answer(h, 'announce list partnership:1')).toBe('• Žádná naplánovaná oznámení.');
    await h.run('announce schedule partnership:1 text:Jednou at:"2027-03-02 10:00"');
    expect(await answer(h, 'announce list partnership:1')).toBe(
      '• #1 út 2. 3. 2027 10:00 SEČ (Europe/Prague), příště út 2. 3. 2027 10:00 SEČ (Europe/Prague) · „Jednou“',
    );
    expect(await answer(h, 'announce cancel announcement:1')).toBe('✓ Oznámení #1 je zrušené.');
    expect(await answer(h, 'announce cancel announcement:1')).toBe('✗ Oznámení #1 už není naplánované.');
  });

  it('exchanges: a start in the past; a cancelled one can be neither edited nor cancelled again', async () => {
    expect(
      await answer(h, 'event create partnership:1 title:Minule kind:cultural-event start:"2027-02-01 10:00"'),
    ).toBe('✗ Začátek (po 1. 2. 2027 10:00 SEČ (Europe/Prague)) je už v minulosti.');
    expect(await database.prisma.exchange.count()).toBe(0);
    await h.run('event create partnership:1 title:Jarmark kind:cultural-event start:"2027-04-10 10:00"');
    const edited = await h.run(
      'event edit event:1 kind:sports-event description:"Na náměstí" end:"2027-04-10 14:00"',
    );
    expect(edited).toContain('    so 10. 4. 2027 10:00–14:00 SELČ (Europe/Prague)\n');
    expect(edited).toContain('    Druh: Sportovní akce\n');
    expect(edited).toContain('    Na náměstí\n');
    expect(edited).toContain('      Art: Sportveranstaltung\n');
    // Without a reason the headline ends at the title (no space left after it).
    expect(await h.run('event cancel event:1')).toContain(
      '    Zrušeno (pořadatel: Český Krumlov): „Jarmark“.\n',
    );
    expect(await answer(h, 'event edit event:1 title:Znovu')).toBe('✗ Akce #1 je zrušená.');
    expect(await answer(h, 'event cancel event:1')).toBe('✗ Akce #1 je zrušená.');
    expect(await database.prisma.exchange.findFirst({ select: { title: true } })).toEqual({
      title: 'Jarmark',
    });
  });

  it('invites: a name and a number at once, neither, an unknown invite revoked', async () => {
    expect(await answer(h, 'partner invite partnership:1 name:Jiné')).toBe(
      '✗ Zadejte buď name: pro nové partnerství, nebo partnership: pro existující – ne obojí.',
    );
    expect(await answer(h, 'partner invite')).toBe(
      '✗ Pojmenujte nové partnerství (name:…), nebo pozvěte do existujícího pomocí partnership:… (číslo partnerství).',
    );
    expect(await answer(h, 'partner revoke partnership:1 invite:ABCD')).toBe(
      '✗ Partnerství #1 nemá otevřenou pozvánku „ABCD“. Viz „partner invites“.',
    );
    expect(await database.prisma.partnership.count()).toBe(1);
  });

  it('joins: the own town’s code, a town already in, a code used once already', async () => {
    await h.run('partner invite partnership:1');
    expect(await answer(h, 'partner join code:$invite')).toBe(
      '✗ Tento kód zve partnerské město; vaše vlastní město už v partnerství je.',
    );
    expect((await h.run(`${AS_MAX}\npartner join code:$invite`)).split('\n').at(-2)).toBe(
      '✗ Ihre Stadt ist bereits in der Partnerschaft #1 „Krumlov – Passau“.',
    );
    await h.run(
      ':community linz\n:channel partner\n:as lena\ntown register name:Linz country:AT timezone:Europe/Vienna language:de',
    );
    expect(await answer(h, 'partner join code:$invite')).toContain(
      '✓ Der Partnerschaft #1 „Krumlov – Passau“',
    );
    await h.run(GRAZ_REGISTERS);
    expect(await answer(h, 'partner join code:$invite')).toBe(
      '✗ Dieser Einladungscode wurde bereits verwendet. Bitten Sie um einen neuen.',
    );
    expect(await database.prisma.partnershipTown.count()).toBe(3);
  });

  it('a partnership that ended takes no new invite, and an older code opens nothing', async () => {
    await h.run('partner invite partnership:1');
    await h.run(`${AS_MAX}\npartner leave partnership:1`);
    await h.run(GRAZ_REGISTERS);
    expect(await answer(h, 'partner join code:$invite')).toBe(
      '✗ Dieser Einladungscode ist ungültig. Klären Sie das mit dem Koordinator, der ihn geschickt hat.',
    );
    await h.run(AS_JANA);
    expect(await answer(h, 'partner invite partnership:1')).toBe('✗ Partnerství #1 skončilo.');
    expect(await answer(h, 'partner list')).toBe(
      '• #1 Krumlov – Passau: Český Krumlov (CZ) · Neformální · Ukončeno',
    );
  });

  it('language codes that are none, in a profile, a channel link and a town', async () => {
    expect(await answer(h, 'profile set')).toBe('✗ Zadejte, co nastavit: languages:… nebo interests:…');
    expect(await answer(h, 'profile set languages:xx-yy-zz-1')).toBe(
      '✗ „xx-yy-zz-1“ není kód jazyka, který znám. Použijte kódy jako cs, de, en, pl.',
    );
    await h.run('partner invite name:"Krumlov – Linz"');
    expect(await answer(h, 'channel link partnership:2 language:qqqq')).toBe(
      '✗ „qqqq“ není kód jazyka, který znám. Použijte kódy jako cs, de, en, pl.',
    );
    // Graz has no town yet: the answer is in English.
    await h.run(AS_GERDA);
    expect(await answer(h, 'town register name:Graz country:AT timezone:Europe/Vienna language:qqqq')).toBe(
      '✗ “qqqq” is not a language code I know. Use codes like cs, de, en, pl.',
    );
    expect(await database.prisma.town.count()).toBe(2);
    expect(await database.prisma.channelLink.count()).toBe(2);
  });

  it('a channel that is not linked can be neither unlinked nor set to relay', async () => {
    await h.run(':channel obecne');
    expect(await answer(h, 'channel unlink partnership:1')).toBe(
      '✗ Tento kanál (#obecne) není propojen s „Krumlov – Passau“.',
    );
    expect(await answer(h, 'channel relay partnership:1 relay:on')).toBe(
      '✗ Tento kanál (#obecne) není propojen s „Krumlov – Passau“.',
    );
    expect(await database.prisma.channelLink.count({ where: { relay: true } })).toBe(0);
  });
});
