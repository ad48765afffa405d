/**
 * Phrases in every language Twinbridge speaks, read against a fixed now and zone. Expected
 * instants are worked out by hand: Wednesday 3 June 2026, 10:00 summer time (UTC+2) in Prague,
 * Bratislava, Warsaw and Paris.
 */
import { describe, expect, it } from 'vitest';
import { parseWhen } from './parse-when.ts';

const NOW = new Date('2026-06-03T08:00:00Z');

function when(input: string, zone: string, locale: string, now = NOW): string {
  const result = parseWhen(input, { zone, now, locale });
  if (!result.ok) throw new Error(`expected an instant, got ${JSON.stringify(result.error)}`);
  return result.instant.toISOString();
}

function errorOf(input: string, zone: string, locale: string, now = NOW): unknown {
  const result = parseWhen(input, { zone, now, locale });
  if (result.ok) throw new Error(`expected an error, got ${result.instant.toISOString()}`);
  return result.error;
}

// Start of a day, 00:00 local, is 22:00 UTC the day before.
const TABLES: Record<string, { zone: string; phrases: [string, string][] }> = {
  cs: {
    zone: 'Europe/Prague',
    phrases: [
      ['dnes 18:00', '2026-06-03T16:00:00.000Z'],
      ['zítra 18:00', '2026-06-04T16:00:00.000Z'],
      ['Zítra v 18 hodin', '2026-06-04T16:00:00.000Z'],
      ['zitra 18:00', '2026-06-04T16:00:00.000Z'],
      ['zítra', '2026-06-03T22:00:00.000Z'],
      ['pozítří', '2026-06-04T22:00:00.000Z'],
      ['příští pátek 9:30', '2026-06-12T07:30:00.000Z'],
      ['příští pátek v 9:30', '2026-06-12T07:30:00.000Z'],
      ['v pátek 9:30', '2026-06-05T07:30:00.000Z'],
      ['tento pátek', '2026-06-04T22:00:00.000Z'],
      ['v pátek ráno', '2026-06-05T06:00:00.000Z'],
      ['ve středu 9:00', '2026-06-10T07:00:00.000Z'],
      ['v neděli večer', '2026-06-07T16:00:00.000Z'],
      ['minulý pátek', '2026-05-28T22:00:00.000Z'],
      ['za 3 dny', '2026-06-05T22:00:00.000Z'],
      ['za dva dny', '2026-06-04T22:00:00.000Z'],
      ['za 2 týdny', '2026-06-16T22:00:00.000Z'],
      ['za hodinu', '2026-06-03T09:00:00.000Z'],
      ['za 30 minut', '2026-06-03T08:30:00.000Z'],
      ['za 3 dny v 18:00', '2026-06-06T16:00:00.000Z'],
      ['zítra večer', '2026-06-04T16:00:00.000Z'],
      ['v 18 hodin', '2026-06-03T16:00:00.000Z'],
      ['5. 6. 2026 18:00', '2026-06-05T16:00:00.000Z'],
      ['5/6/2026', '2026-06-04T22:00:00.000Z'],
      ['5. června 18:00', '2026-06-05T16:00:00.000Z'],
      ['2. června v 18:00', '2027-06-02T16:00:00.000Z'],
      ['24. prosince 2026', '2026-12-23T23:00:00.000Z'],
      ['tomorrow 18:00', '2026-06-04T16:00:00.000Z'],
      // Next week: its Monday (8 June), at the time given, else the start of the day.
      ['příští týden 18:00', '2026-06-08T16:00:00.000Z'],
      ['příští týden', '2026-06-07T22:00:00.000Z'],
      ['v příštím týdnu v 9:30', '2026-06-08T07:30:00.000Z'],
    ],
  },
  sk: {
    zone: 'Europe/Bratislava',
    phrases: [
      ['dnes o 18:00', '2026-06-03T16:00:00.000Z'],
      ['zajtra 18:00', '2026-06-04T16:00:00.000Z'],
      ['pozajtra', '2026-06-04T22:00:00.000Z'],
      ['v piatok o 9:30', '2026-06-05T07:30:00.000Z'],
      ['vo štvrtok o 18:00', '2026-06-04T16:00:00.000Z'],
      ['budúci piatok', '2026-06-11T22:00:00.000Z'],
      ['minulý piatok', '2026-05-28T22:00:00.000Z'],
      ['o 3 dni', '2026-06-05T22:00:00.000Z'],
      ['za 3 dni', '2026-06-05T22:00:00.000Z'],
      ['o 2 týždne', '2026-06-16T22:00:00.000Z'],
      ['o hodinu', '2026-06-03T09:00:00.000Z'],
      ['o 2 hodiny', '2026-06-03T10:00:00.000Z'],
      ['zajtra večer', '2026-06-04T16:00:00.000Z'],
      ['5. 6. 2026 18:00', '2026-06-05T16:00:00.000Z'],
      ['5. júna o 18:00', '2026-06-05T16:00:00.000Z'],
      ['budúci týždeň o 18:00', '2026-06-08T16:00:00.000Z'],
      ['budúci týždeň', '2026-06-07T22:00:00.000Z'],
    ],
  },
  pl: {
    zone: 'Europe/Warsaw',
    phrases: [
      ['dziś o 18:00', '2026-06-03T16:00:00.000Z'],
      ['dzisiaj o 18', '2026-06-03T16:00:00.000Z'],
      ['jutro o 18:00', '2026-06-04T16:00:00.000Z'],
      ['pojutrze', '2026-06-04T22:00:00.000Z'],
      ['w piątek', '2026-06-04T22:00:00.000Z'],
      ['w przyszły piątek o 9:30', '2026-06-12T07:30:00.000Z'],
      ['w środę rano', '2026-06-10T06:00:00.000Z'],
      ['w zeszły piątek', '2026-05-28T22:00:00.000Z'],
      ['za 3 dni', '2026-06-05T22:00:00.000Z'],
      ['za 2 tygodnie', '2026-06-16T22:00:00.000Z'],
      ['za godzinę', '2026-06-03T09:00:00.000Z'],
      ['jutro wieczorem', '2026-06-04T16:00:00.000Z'],
      ['o godzinie 18', '2026-06-03T16:00:00.000Z'],
      ['5.6.2026 18:00', '2026-06-05T16:00:00.000Z'],
      ['5/6/2026', '2026-06-04T22:00:00.000Z'],
      ['5 czerwca o 18:00', '2026-06-05T16:00:00.000Z'],
      ['5 czerwca 2027', '2027-06-04T22:00:00.000Z'],
      ['w przyszłym tygodniu o 18:00', '2026-06-08T16:00:00.000Z'],
      ['w przyszlym tygodniu', '2026-06-07T22:00:00.000Z'],
    ],
  },
  fr: {
    zone: 'Europe/Paris',
    phrases: [
      ['demain 18h', '2026-06-04T16:00:00.000Z'],
      ['demain à 18h00', '2026-06-04T16:00:00.000Z'],
      ['après-demain', '2026-06-04T22:00:00.000Z'],
      ['vendredi prochain 9h30', '2026-06-12T07:30:00.000Z'],
      ['mardi dernier', '2026-06-01T22:00:00.000Z'],
      ['dans 3 jours', '2026-06-05T22:00:00.000Z'],
      ['dans une heure', '2026-06-03T09:00:00.000Z'],
      ['demain soir', '2026-06-04T16:00:00.000Z'],
      ['le 5 juin 2026 à 18h', '2026-06-05T16:00:00.000Z'],
      ['5/6/2026 18:00', '2026-06-05T16:00:00.000Z'],
      ['la semaine prochaine 18h', '2026-06-08T16:00:00.000Z'],
      ['semaine prochaine', '2026-06-07T22:00:00.000Z'],
    ],
  },
  de: {
    zone: 'Europe/Berlin',
    phrases: [
      ['morgen 18:00', '2026-06-04T16:00:00.000Z'],
      ['5/6/2026 18:00', '2026-06-05T16:00:00.000Z'],
      ['nächste Woche 18:00', '2026-06-08T16:00:00.000Z'],
      ['nächste Woche', '2026-06-07T22:00:00.000Z'],
    ],
  },
  en: {
    zone: 'Europe/London',
    // 09:00 British summer time is 08:00 UTC.
    phrases: [
      ['next week 9:00', '2026-06-08T08:00:00.000Z'],
      ['next week', '2026-06-07T23:00:00.000Z'],
    ],
  },
  'en-US': {
    zone: 'America/Chicago',
    phrases: [
      ['5/6/2026 18:00', '2026-05-06T23:00:00.000Z'],
      // Wednesday 3 June in Chicago too: Monday 8 June, 18:00 CDT (23:00 UTC).
      ['next week 18:00', '2026-06-08T23:00:00.000Z'],
    ],
  },
};

describe.each(Object.entries(TABLES))('parseWhen in %s', (locale, { zone, phrases }) => {
  it.each(phrases)(`reads "%s" in ${zone}`, (input, expected) => {
    expect(when(input, zone, locale)).toBe(expected);
  });
});

describe('parseWhen: languages, what stays refused', () => {
  it.each([
    ['cs', 'zítra 18:00 v sále'],
    ['cs', 'zítra v 25 hodin'],
    ['cs', '18'],
    ['cs', 'pátek 5'],
    ['cs', '31. června'],
    ['cs', 'pátek 18:00-20:00'],
    ['sk', 'zajtra 18:00 v sále'],
    ['pl', 'jutro o 18:00 w sali'],
    ['fr', 'demain 18h à la mairie'],
  ])('%s: refuses "%s", more or less than a time', (locale, input) => {
    expect(errorOf(input, 'Europe/Prague', locale)).toEqual({ code: 'time.unparseable', input });
  });

  it('reads next week from a Sunday as tomorrow, and from a Monday as the Monday after', () => {
    const sunday = new Date('2026-06-07T08:00:00Z');
    const monday = new Date('2026-06-08T08:00:00Z');
    expect(when('příští týden 18:00', 'Europe/Prague', 'cs', sunday)).toBe('2026-06-08T16:00:00.000Z');
    expect(when('příští týden 18:00', 'Europe/Prague', 'cs', monday)).toBe('2026-06-15T16:00:00.000Z');
  });

  it('reads Czech only when the language is Czech', () => {
    expect(errorOf('zítra 18:00', 'Europe/Prague', 'en')).toMatchObject({ code: 'time.unparseable' });
    expect(errorOf('zítra 18:00', 'Europe/Prague', 'de')).toMatchObject({ code: 'time.unparseable' });
  });

  it('keeps refusing in plain English a 5/6 whose order it cannot know', () => {
    expect(errorOf('5/6/2026 18:00', 'Europe/London', 'en')).toMatchObject({ code: 'time.unparseable' });
  });

  it('refuses a Czech time the spring-forward switch skips, and one the autumn switch repeats', () => {
    const springEve = new Date('2026-03-28T12:00:00Z');
    expect(errorOf('zítra 2:30', 'Europe/Prague', 'cs', springEve)).toEqual({
      code: 'time.nonexistent',
      local: '2026-03-29 02:30',
      zone: 'Europe/Prague',
    });
    const autumnEve = new Date('2026-10-24T12:00:00Z');
    expect(errorOf('zítra ve 2:30', 'Europe/Prague', 'cs', autumnEve)).toEqual({
      code: 'time.ambiguous',
      local: '2026-10-25 02:30',
      zone: 'Europe/Prague',
      earlier: new Date('2026-10-25T00:30:00.000Z'),
      later: new Date('2026-10-25T01:30:00.000Z'),
    });
    expect(errorOf('jutro o 2:30', 'Europe/Warsaw', 'pl', springEve)).toMatchObject({
      code: 'time.nonexistent',
    });
  });

  it('counts "za 2 hodiny" in real time across the autumn switch', () => {
    // 01:30 summer time, then 02:00 summer, 02:00 winter... two real hours later is 02:30 winter.
    const beforeSwitch = new Date('2026-10-24T23:30:00Z');
    expect(when('za 2 hodiny', 'Europe/Prague', 'cs', beforeSwitch)).toBe('2026-10-25T01:30:00.000Z');
  });
});
