import { describe, expect, it } from 'vitest';
import { parseWhen } from './parse-when.ts';
import type { WhenResult } from './time-error.ts';

// Friday 2026-06-05 23:30 UTC: already Saturday 01:30 in Prague and 08:30 in Tokyo, still Friday
// 18:30 in Chicago.
const NOW = new Date('2026-06-05T23:30:00Z');

function instantOf(result: WhenResult): string {
  if (!result.ok) throw new Error(`expected an instant, got ${JSON.stringify(result.error)}`);
  return result.instant.toISOString();
}

function when(input: string, zone: string, now = NOW, locale?: string): string {
  return instantOf(parseWhen(input, { zone, now, locale }));
}

function errorOf(input: string, zone: string, now = NOW, locale?: string): unknown {
  const result = parseWhen(input, { zone, now, locale });
  if (result.ok) throw new Error(`expected an error, got ${result.instant.toISOString()}`);
  return result.error;
}

describe('parseWhen: ISO 8601', () => {
  it.each([
    ['2026-06-05T18:00', 'Europe/Prague', '2026-06-05T16:00:00.000Z'],
    ['2026-06-05 18:00', 'Europe/Prague', '2026-06-05T16:00:00.000Z'],
    ['2026-06-05 18:00', 'America/Chicago', '2026-06-05T23:00:00.000Z'],
    ['2026-06-05 18:00', 'Asia/Tokyo', '2026-06-05T09:00:00.000Z'],
    ['2026-06-05T18:00:30', 'Europe/Prague', '2026-06-05T16:00:30.000Z'],
    ['2026-06-05T18:00:30.25', 'Europe/Prague', '2026-06-05T16:00:30.250Z'],
    ['2026-01-15 18:00', 'Europe/Prague', '2026-01-15T17:00:00.000Z'],
  ])('reads %s as wall-clock time in %s', (input, zone, expected) => {
    expect(when(input, zone)).toBe(expected);
  });

  it.each([
    ['2026-06-05T18:00Z', '2026-06-05T18:00:00.000Z'],
    ['2026-06-05t18:00z', '2026-06-05T18:00:00.000Z'],
    ['2026-06-05T18:00+02:00', '2026-06-05T16:00:00.000Z'],
    ['2026-06-05T18:00-0500', '2026-06-05T23:00:00.000Z'],
    ['2026-06-05 18:00 +09:00', '2026-06-05T09:00:00.000Z'],
    ['2026-06-05T18:00+02', '2026-06-05T16:00:00.000Z'],
    ['2026-06-05T18:00:00.5+05:30', '2026-06-05T12:30:00.500Z'],
  ])('takes %s with an explicit offset as that exact instant, whatever the zone', (input, expected) => {
    expect(when(input, 'America/Chicago')).toBe(expected);
    expect(when(input, 'Asia/Tokyo')).toBe(expected);
  });

  it.each([
    ['Europe/Prague', '2026-06-04T22:00:00.000Z'],
    ['America/Chicago', '2026-06-05T05:00:00.000Z'],
    ['Asia/Tokyo', '2026-06-04T15:00:00.000Z'],
  ])('reads a plain date as the start of that day in %s', (zone, expected) => {
    expect(when('2026-06-05', zone)).toBe(expected);
  });

  it('starts a switch day at its real first instant', () => {
    expect(when('2026-03-29', 'Europe/Prague')).toBe('2026-03-28T23:00:00.000Z');
    expect(when('2026-10-25', 'Europe/Prague')).toBe('2026-10-24T22:00:00.000Z');
    // Havana springs forward at midnight (00:00 does not exist) and falls back into it.
    expect(when('2026-03-08', 'America/Havana')).toBe('2026-03-08T05:00:00.000Z');
    expect(when('2026-11-01', 'America/Havana')).toBe('2026-11-01T04:00:00.000Z');
  });

  it('trims the input', () => {
    expect(when('  2026-06-05 18:00 \n', 'Europe/Prague')).toBe('2026-06-05T16:00:00.000Z');
  });
});

describe('parseWhen: daylight saving switches', () => {
  it('refuses a Prague time skipped by the spring-forward switch', () => {
    expect(errorOf('2026-03-29 02:30', 'Europe/Prague')).toEqual({
      code: 'time.nonexistent',
      local: '2026-03-29 02:30',
      zone: 'Europe/Prague',
    });
    expect(errorOf('2026-03-29T02:00', 'Europe/Prague')).toMatchObject({ code: 'time.nonexistent' });
  });

  it('keeps the Prague times either side of the gap', () => {
    expect(when('2026-03-29 01:59', 'Europe/Prague')).toBe('2026-03-29T00:59:00.000Z');
    expect(when('2026-03-29 03:00', 'Europe/Prague')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('reports both instants of a Prague time that happens twice', () => {
    expect(errorOf('2026-10-25 02:30', 'Europe/Prague')).toEqual({
      code: 'time.ambiguous',
      local: '2026-10-25 02:30',
      zone: 'Europe/Prague',
      earlier: new Date('2026-10-25T00:30:00.000Z'),
      later: new Date('2026-10-25T01:30:00.000Z'),
    });
    expect(errorOf('2026-10-25 02:00', 'Europe/Prague')).toMatchObject({
      code: 'time.ambiguous',
      earlier: new Date('2026-10-25T00:00:00.000Z'),
      later: new Date('2026-10-25T01:00:00.000Z'),
    });
  });

  it('keeps the Prague times either side of the overlap', () => {
    expect(when('2026-10-25 01:59', 'Europe/Prague')).toBe('2026-10-24T23:59:00.000Z');
    expect(when('2026-10-25 03:00', 'Europe/Prague')).toBe('2026-10-25T02:00:00.000Z');
  });

  it('refuses a Chicago time skipped in March', () => {
    expect(errorOf('2026-03-08 02:30', 'America/Chicago')).toEqual({
      code: 'time.nonexistent',
      local: '2026-03-08 02:30',
      zone: 'America/Chicago',
    });
    expect(when('2026-03-08 01:59', 'America/Chicago')).toBe('2026-03-08T07:59:00.000Z');
    expect(when('2026-03-08 03:00', 'America/Chicago')).toBe('2026-03-08T08:00:00.000Z');
  });

  it('reports both instants of a Chicago time that happens twice in November', () => {
    expect(errorOf('2026-11-01 01:30', 'America/Chicago')).toEqual({
      code: 'time.ambiguous',
      local: '2026-11-01 01:30',
      zone: 'America/Chicago',
      earlier: new Date('2026-11-01T06:30:00.000Z'),
      later: new Date('2026-11-01T07:30:00.000Z'),
    });
    expect(when('2026-11-01 02:00', 'America/Chicago')).toBe('2026-11-01T08:00:00.000Z');
  });

  it('never calls an explicit offset ambiguous or nonexistent', () => {
    expect(when('2026-10-25 02:30+02:00', 'Europe/Prague')).toBe('2026-10-25T00:30:00.000Z');
    expect(when('2026-10-25 02:30+01:00', 'Europe/Prague')).toBe('2026-10-25T01:30:00.000Z');
    expect(when('2026-11-01T01:30-05:00', 'America/Chicago')).toBe('2026-11-01T06:30:00.000Z');
    expect(when('2026-11-01T01:30-06:00', 'America/Chicago')).toBe('2026-11-01T07:30:00.000Z');
    expect(when('2026-03-29T02:30+01:00', 'Europe/Prague')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('applies the same checks to phrases', () => {
    const saturdayBeforeSpring = new Date('2026-03-28T10:00:00Z');
    expect(errorOf('tomorrow 2:30', 'Europe/Prague', saturdayBeforeSpring)).toEqual({
      code: 'time.nonexistent',
      local: '2026-03-29 02:30',
      zone: 'Europe/Prague',
    });
    expect(errorOf('morgen 2:30', 'Europe/Prague', saturdayBeforeSpring, 'de')).toMatchObject({
      code: 'time.nonexistent',
      local: '2026-03-29 02:30',
    });
    const thursdayBeforeAutumn = new Date('2026-10-22T10:00:00Z');
    expect(errorOf('sunday 2:30', 'Europe/Prague', thursdayBeforeAutumn)).toEqual({
      code: 'time.ambiguous',
      local: '2026-10-25 02:30',
      zone: 'Europe/Prague',
      earlier: new Date('2026-10-25T00:30:00.000Z'),
      later: new Date('2026-10-25T01:30:00.000Z'),
    });
    expect(errorOf('tomorrow 1:30am', 'America/Chicago', new Date('2026-10-31T15:00:00Z'))).toMatchObject({
      code: 'time.ambiguous',
      local: '2026-11-01 01:30',
      earlier: new Date('2026-11-01T06:30:00.000Z'),
      later: new Date('2026-11-01T07:30:00.000Z'),
    });
  });

  it('counts "in N hours" in real hours across a switch', () => {
    // 01:30 CET, two real hours later the clocks show 04:30 CEST.
    expect(when('in 2 hours', 'Europe/Prague', new Date('2026-03-29T00:30:00Z'))).toBe(
      '2026-03-29T02:30:00.000Z',
    );
    expect(when('in 1 hour', 'Europe/Prague', new Date('2026-10-25T00:00:00Z'))).toBe(
      '2026-10-25T01:00:00.000Z',
    );
  });

  it('starts "tomorrow" on a switch day at its real first instant', () => {
    expect(when('tomorrow', 'Europe/Prague', new Date('2026-03-28T10:00:00Z'))).toBe(
      '2026-03-28T23:00:00.000Z',
    );
  });
});

describe('parseWhen: phrases, relative to now as the zone sees it', () => {
  it.each([
    ['Europe/Prague', '2026-06-07T16:00:00.000Z'], // Saturday there: tomorrow is Sunday 7 June
    ['America/Chicago', '2026-06-06T23:00:00.000Z'], // still Friday: tomorrow is 6 June
    ['Asia/Tokyo', '2026-06-07T09:00:00.000Z'],
  ])('reads "tomorrow 18:00" in %s', (zone, expected) => {
    expect(when('tomorrow 18:00', zone)).toBe(expected);
  });

  it('reads a bare "tomorrow" as the start of that day in the zone', () => {
    expect(when('tomorrow', 'Europe/Prague')).toBe('2026-06-06T22:00:00.000Z');
    expect(when('tomorrow', 'America/Chicago')).toBe('2026-06-06T05:00:00.000Z');
  });

  it('reads "next friday 9:30" as the Friday of next week', () => {
    expect(when('next friday 9:30', 'Europe/Prague')).toBe('2026-06-12T07:30:00.000Z');
    expect(when('next friday 9:30', 'America/Chicago')).toBe('2026-06-12T14:30:00.000Z');
  });

  it('reads "in 2 hours" from now, in any zone', () => {
    expect(when('in 2 hours', 'Europe/Prague')).toBe('2026-06-06T01:30:00.000Z');
    expect(when('in 2 hours', 'Asia/Tokyo')).toBe('2026-06-06T01:30:00.000Z');
    expect(when('in 90 minutes', 'America/Chicago')).toBe('2026-06-06T01:00:00.000Z');
  });

  it('reads "friday at 7pm" as the coming Friday', () => {
    expect(when('friday at 7pm', 'America/Chicago')).toBe('2026-06-06T00:00:00.000Z'); // today, 19:00 CDT
    expect(when('friday at 5pm', 'America/Chicago')).toBe('2026-06-12T22:00:00.000Z'); // today's has passed
    expect(when('friday at 7pm', 'Europe/Prague')).toBe('2026-06-12T17:00:00.000Z');
    expect(when('friday at 7pm', 'Asia/Tokyo')).toBe('2026-06-12T10:00:00.000Z');
    expect(when('on Friday at 19:00', 'Europe/Prague')).toBe('2026-06-12T17:00:00.000Z');
  });

  it('reads a weekday without time as the start of the coming one', () => {
    expect(when('friday', 'Europe/Prague')).toBe('2026-06-11T22:00:00.000Z');
  });

  it('leaves "last friday" in the past', () => {
    expect(when('last friday 9:30', 'Europe/Prague')).toBe('2026-06-05T07:30:00.000Z');
  });

  it('reads "5 June 18:00" as the next 5 June', () => {
    expect(when('5 June 18:00', 'Europe/Prague')).toBe('2027-06-05T16:00:00.000Z'); // 6 June there
    expect(when('5 June 18:00', 'America/Chicago')).toBe('2027-06-05T23:00:00.000Z'); // 18:30 there
    expect(when('5 June 19:00', 'America/Chicago')).toBe('2026-06-06T00:00:00.000Z');
    expect(when('June 5 19:00', 'America/Chicago')).toBe('2026-06-06T00:00:00.000Z');
    expect(when('24 December 18:00', 'Europe/Prague')).toBe('2026-12-24T17:00:00.000Z');
    expect(when('5 June 2026 18:00', 'Europe/Prague')).toBe('2026-06-05T16:00:00.000Z');
  });

  it('reads a bare time as its next occurrence', () => {
    expect(when('19:00', 'America/Chicago')).toBe('2026-06-06T00:00:00.000Z');
    expect(when('18:00', 'America/Chicago')).toBe('2026-06-06T23:00:00.000Z');
    expect(when('6pm', 'Europe/Prague')).toBe('2026-06-06T16:00:00.000Z');
  });

  it('reads other common forms', () => {
    expect(when('at 6pm tomorrow', 'Europe/Prague')).toBe('2026-06-07T16:00:00.000Z');
    expect(when('tomorrow evening', 'Europe/Prague')).toBe('2026-06-07T18:00:00.000Z');
    expect(when('in 3 days', 'Europe/Prague')).toBe('2026-06-08T22:00:00.000Z');
    expect(when('now', 'Asia/Tokyo')).toBe('2026-06-05T23:30:00.000Z');
    expect(when('Tomorrow 18:00.', 'Europe/Prague')).toBe('2026-06-07T16:00:00.000Z');
  });

  it('honours a zone written in the phrase as an explicit offset', () => {
    expect(when('tomorrow 6pm CET', 'America/Chicago')).toBe('2026-06-06T16:00:00.000Z');
    expect(when('tomorrow 18:00 UTC', 'Europe/Prague')).toBe('2026-06-07T18:00:00.000Z');
  });
});

describe('parseWhen: German', () => {
  it.each([
    ['morgen 18:00', '2026-06-07T16:00:00.000Z'],
    ['morgen um 18 Uhr', '2026-06-07T16:00:00.000Z'],
    ['nächsten Freitag 9:30', '2026-06-12T07:30:00.000Z'],
    ['Freitag um 19 Uhr', '2026-06-12T17:00:00.000Z'],
    ['in 2 Stunden', '2026-06-06T01:30:00.000Z'],
    ['5. Juni 18:00', '2027-06-05T16:00:00.000Z'],
    ['übermorgen abend', '2026-06-08T16:00:00.000Z'],
    ['5.6.2026 18:00', '2026-06-05T16:00:00.000Z'],
    ['morgen', '2026-06-06T22:00:00.000Z'],
  ])('reads "%s" in Prague', (input, expected) => {
    expect(when(input, 'Europe/Prague', NOW, 'de')).toBe(expected);
  });

  it('reads German relative to the zone too', () => {
    expect(when('morgen 18:00', 'America/Chicago', NOW, 'de')).toBe('2026-06-06T23:00:00.000Z');
  });

  it('still understands English and ISO when the locale is German', () => {
    expect(when('tomorrow 18:00', 'Europe/Prague', NOW, 'de')).toBe('2026-06-07T16:00:00.000Z');
    expect(when('2026-06-05 18:00', 'Europe/Prague', NOW, 'de-AT')).toBe('2026-06-05T16:00:00.000Z');
  });

  it('does not read German without the German locale', () => {
    expect(errorOf('morgen 18:00', 'Europe/Prague')).toEqual({
      code: 'time.unparseable',
      input: 'morgen 18:00',
    });
  });
});

describe('parseWhen: numeric dates', () => {
  it('refuses a day/month order plain English cannot know', () => {
    expect(errorOf('5/6/2026 10:00', 'Europe/Prague')).toMatchObject({ code: 'time.unparseable' });
  });

  it('accepts numeric dates whose order is clear', () => {
    expect(when('13/6/2026 10:00', 'Europe/Prague')).toBe('2026-06-13T08:00:00.000Z');
    expect(when('6/13/2026 10:00', 'Europe/Prague')).toBe('2026-06-13T08:00:00.000Z');
    expect(when('6/6/2026 10:00', 'Europe/Prague')).toBe('2026-06-06T08:00:00.000Z');
  });

  it('reads day first in Czech and German, month first in US English', () => {
    expect(when('5/6/2026 10:00', 'Europe/Prague', NOW, 'cs')).toBe('2026-06-05T08:00:00.000Z');
    expect(when('5.6.2026 10:00', 'Europe/Prague', NOW, 'cs')).toBe('2026-06-05T08:00:00.000Z');
    expect(when('5. 6. 2026 10:00', 'Europe/Prague', NOW, 'cs')).toBe('2026-06-05T08:00:00.000Z');
    expect(when('5. 6. 2026 10:00', 'Europe/Prague', NOW, 'de')).toBe('2026-06-05T08:00:00.000Z');
    expect(when('5/6/2026 10:00', 'Europe/Prague', NOW, 'de')).toBe('2026-06-05T08:00:00.000Z');
    expect(when('5/6/2026 10:00', 'America/Chicago', NOW, 'en-US')).toBe('2026-05-06T15:00:00.000Z');
  });
});

describe('parseWhen: refusals', () => {
  it.each([
    'garbage',
    'soon-ish',
    'tomorrow 18:00 in the town hall',
    'friday 18:00-20:00',
    'tomorrow 18:00 and friday 9:00',
    '2026-02-30 10:00',
    '2026-13-01',
    '2026-06-05 24:30',
    '2026-06-05 24:00',
    '2026-06-05T18:00+15:00',
    'tomorrow 25:00',
  ])('calls "%s" unparseable', (input) => {
    expect(errorOf(input, 'Europe/Prague')).toEqual({ code: 'time.unparseable', input });
  });

  it('calls empty and blank input unparseable, reporting the trimmed text', () => {
    expect(errorOf('', 'Europe/Prague')).toEqual({ code: 'time.unparseable', input: '' });
    expect(errorOf('   ', 'Europe/Prague')).toEqual({ code: 'time.unparseable', input: '' });
    expect(errorOf('  garbage  ', 'Europe/Prague')).toEqual({ code: 'time.unparseable', input: 'garbage' });
  });

  it.each(['Mars/Olympus', '', 'Europe/Praha', '+02:00', 'CEST'])('refuses the unknown zone "%s"', (zone) => {
    expect(errorOf('2026-06-05 18:00', zone)).toEqual({ code: 'time.unknown-zone', zone });
  });

  it('reports an unknown zone before looking at the input', () => {
    expect(errorOf('garbage', 'Mars/Olympus')).toEqual({ code: 'time.unknown-zone', zone: 'Mars/Olympus' });
  });

  it('accepts a zone in any casing and reports it canonically', () => {
    expect(when('2026-06-05 18:00', 'europe/prague')).toBe('2026-06-05T16:00:00.000Z');
    expect(errorOf('2026-03-29 02:30', ' EUROPE/PRAGUE ')).toMatchObject({ zone: 'Europe/Prague' });
  });

  it('treats an invalid now as a bug', () => {
    expect(() => parseWhen('tomorrow', { zone: 'Europe/Prague', now: new Date(Number.NaN) })).toThrow(
      RangeError,
    );
  });
});
