/**
 * What adapters ask the core besides commands (src/core/services/queries.ts, through the inbound
 * port every adapter is given): suggestions while a member types, the language a form is shown
 * in, and an exchange's card as one linked channel shows it. Expected values are written out.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, TWIN_KRUMLOV_PASSAU, type ConsoleHarness } from './console-harness.ts';

const KRUMLOV = { platform: 'CONSOLE', communityExternalId: 'krumlov' } as const;
const PASSAU = { platform: 'CONSOLE', communityExternalId: 'passau' } as const;

/** Linz and Ried in a partnership of their own, which Krumlov must never see. */
const LINZ_AND_RIED = `
:community linz
:channel partner
:as lena
town register name:Linz country:AT timezone:Europe/Vienna language:de
partner invite name:"Linz – Ried"
event create partnership:2 title:"Linzer Fest" kind:cultural-event start:"2027-06-12 10:00"
announce schedule partnership:2 text:"Linzer Ankündigung" at:"2027-04-01 18:00"
:community krumlov
:channel partneri
:as jana
`;

describe.each(DATABASE_KINDS)('what adapters ask the core, on %s', (kind) => {
  let database: Database;
  let harness: ConsoleHarness;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    harness = consoleHarness(database, '2026-11-23T10:00:00Z');
    await harness.run(`${TWIN_KRUMLOV_PASSAU}
event create partnership:1 title:"Letní slavnost" kind:citizens-meeting start:"2027-06-05 10:00"
event create partnership:1 title:"Školní výměna" kind:youth-exchange start:"2027-07-01 09:00"
${LINZ_AND_RIED}`);
  });
  afterEach(() => database.close());

  const suggest = (source: 'partnership' | 'exchange' | 'announcement', typed: string) =>
    harness.inbound.suggest(KRUMLOV, source, typed);

  it('suggests the own town’s partnerships only, numbered', async () => {
    expect(await suggest('partnership', '')).toEqual([{ value: 1, label: '#1 Krumlov – Passau' }]);
    expect(await harness.inbound.suggest(PASSAU, 'partnership', '')).toEqual([
      { value: 1, label: '#1 Krumlov – Passau' },
    ]);
  });

  it('suggests nothing of a community without a town, or one never seen', async () => {
    await harness.run(':community graz\n:channel allgemein\n:as gerda\nhelp');
    const graz = { platform: 'CONSOLE', communityExternalId: 'graz' } as const;
    expect(await harness.inbound.suggest(graz, 'partnership', '')).toEqual([]);
    expect(await harness.inbound.suggest(graz, 'exchange', '')).toEqual([]);
    const unknown = { platform: 'CONSOLE', communityExternalId: 'nowhere' } as const;
    expect(await harness.inbound.suggest(unknown, 'exchange', '')).toEqual([]);
  });

  it('suggests planned exchanges that have not ended, found by title in any case or by number', async () => {
    expect(await suggest('exchange', '')).toEqual([
      { value: 1, label: '#1 Letní slavnost' },
      { value: 2, label: '#2 Školní výměna' },
    ]);
    expect(await suggest('exchange', '  ŠKOLNÍ ')).toEqual([{ value: 2, label: '#2 Školní výměna' }]);
    expect(await suggest('exchange', '1')).toEqual([{ value: 1, label: '#1 Letní slavnost' }]);
    await harness.run('event cancel event:2');
    expect(await suggest('exchange', '')).toEqual([{ value: 1, label: '#1 Letní slavnost' }]);
    harness.clock.set(new Date('2027-06-06T10:00:00Z')); // the summer festival is over
    expect(await suggest('exchange', '')).toEqual([]);
  });

  it('suggests scheduled announcements, not cancelled ones', async () => {
    await harness.run(`announce schedule partnership:1 text:"Zkouška sboru" at:"2027-04-01 18:00"
announce schedule partnership:1 text:"Jarmark" at:"2027-05-01 18:00"`);
    expect(await suggest('announcement', '')).toEqual([
      { value: 2, label: '#2 Zkouška sboru' },
      { value: 3, label: '#3 Jarmark' },
    ]);
    await harness.run('announce cancel announcement:2');
    expect(await suggest('announcement', 'jar')).toEqual([{ value: 3, label: '#3 Jarmark' }]);
    expect(await suggest('announcement', 'zkouška')).toEqual([]);
  });

  it('cuts a label to 100 characters and offers at most 25', async () => {
    const title = 'Výměna '.repeat(20).trim().slice(0, 120);
    await harness.run(
      `event create partnership:1 title:"${title}" kind:youth-exchange start:"2027-08-01 09:00"`,
    );
    // Exchange #3 is Linz's.
    const [long] = await suggest('exchange', '4');
    expect(long?.label).toBe(`#4 ${title}`.slice(0, 99) + '…');
    expect(long?.label).toHaveLength(100);
    const more = Array.from(
      { length: 24 },
      (_, i) =>
        `event create partnership:1 title:Akce-${i} kind:sports-event start:"2027-09-${String(i + 1).padStart(2, '0')} 10:00"`,
    );
    await harness.run(more.join('\n'));
    const all = await suggest('exchange', '');
    expect(all).toHaveLength(25);
    expect(all[0]).toEqual({ value: 1, label: '#1 Letní slavnost' });
  });

  it('answers in the person’s own language, else the platform’s, else the town’s', async () => {
    const eva = { ...KRUMLOV, userId: 'eva' };
    expect(await harness.inbound.readerLanguage(eva)).toBe('cs');
    expect(await harness.inbound.readerLanguage(eva, 'fr')).toBe('fr');
    await harness.run(':as eva\nprofile set languages:de,cs');
    expect(await harness.inbound.readerLanguage(eva, 'fr')).toBe('de');
    const stranger = { platform: 'CONSOLE', communityExternalId: 'nowhere', userId: 'x' } as const;
    expect(await harness.inbound.readerLanguage(stranger, 'pl')).toBe('pl');
    expect(await harness.inbound.readerLanguage(stranger)).toBe('en');
  });

  it('draws a card in the linked channel’s language and town’s zone, and none elsewhere', async () => {
    const passau = await harness.inbound.channelCard(PASSAU, { id: 'partnerstadt', name: 'partnerstadt' }, 1);
    expect(passau).toMatchObject({
      number: 1,
      title: 'Letní slavnost',
      whenText: 'Sa., 5. Juni 2027, 10:00–12:00 Uhr MESZ (Europe/Berlin)',
      fields: [
        { label: 'Gastgeber', value: 'Český Krumlov (CZ)' },
        { label: 'Art', value: 'Bürgertreffen' },
        { label: 'Plätze', value: '0 dabei, unbegrenzt' },
        { label: 'Zusagen pro Stadt', value: '—' },
      ],
    });
    expect(passau?.rsvpButtons).toEqual({ going: 'Ich komme', maybe: 'Vielleicht', no: 'Ich komme nicht' });
    const krumlov = await harness.inbound.channelCard(KRUMLOV, { id: 'partneri', name: 'partneri' }, 1);
    expect(krumlov?.whenText).toBe('so 5. 6. 2027 10:00–12:00 SELČ (Europe/Prague)');
    expect(krumlov?.rsvpButtons).toEqual({ going: 'Přijdu', maybe: 'Možná', no: 'Nepřijdu' });
    // A channel not linked, an exchange of another partnership, one that does not exist.
    expect(await harness.inbound.channelCard(KRUMLOV, { id: 'obecne', name: 'obecne' }, 1)).toBeNull();
    expect(await harness.inbound.channelCard(KRUMLOV, { id: 'partneri', name: 'partneri' }, 3)).toBeNull();
    expect(await harness.inbound.channelCard(KRUMLOV, { id: 'partneri', name: 'partneri' }, 99)).toBeNull();
    const nowhere = { platform: 'CONSOLE', communityExternalId: 'nowhere' } as const;
    expect(await harness.inbound.channelCard(nowhere, { id: 'partneri', name: 'partneri' }, 1)).toBeNull();
  });
});
