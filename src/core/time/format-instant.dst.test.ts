/**
 * Times either side of the daylight saving switches of 2026, in every catalog's language, as the
 * cards show them: local wall time and the zone's abbreviation (or offset where the language has
 * no name for the zone: CLDR's Czech names Chicago's zone CST/CDT, its German does not). Expected texts are written out by hand from the zones' rules:
 * - Europe/Prague and Europe/Warsaw: 29 March 01:00 UTC (02:00 CET -> 03:00 CEST), 25 October
 *   01:00 UTC (03:00 CEST -> 02:00 CET);
 * - America/Chicago: 8 March 08:00 UTC (02:00 CST -> 03:00 CDT), 1 November 07:00 UTC (02:00 CDT
 *   -> 01:00 CST);
 * - Asia/Tokyo keeps UTC+9 all year: the control, at Europe's switch instants.
 * All four days are Sundays.
 */
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../i18n/languages.ts';
import { formatInstant, formatRange } from './format-instant.ts';

/** ICU uses narrow and thin spaces in some patterns; compare on plain spaces and hyphen-minus. */
function plain(text: string): string {
  return text.replace(/[\u202f\u2009\u00a0]/g, ' ').replace(/\u2212/g, '-');
}

const EU_SPRING = ['2026-03-29T00:59:00Z', '2026-03-29T01:01:00Z'] as const;
const EU_AUTUMN = ['2026-10-25T00:59:00Z', '2026-10-25T01:01:00Z'] as const;
const US_SPRING = ['2026-03-08T07:59:00Z', '2026-03-08T08:01:00Z'] as const;
const US_AUTUMN = ['2026-11-01T06:59:00Z', '2026-11-01T07:01:00Z'] as const;

type Row = [zone: string, instant: string, expected: string];

const EXPECTED: Record<string, Row[]> = {
  en: [
    ['Europe/Prague', EU_SPRING[0], 'Sun, 29 Mar 2026, 01:59 CET (Europe/Prague)'],
    ['Europe/Prague', EU_SPRING[1], 'Sun, 29 Mar 2026, 03:01 CEST (Europe/Prague)'],
    ['Europe/Prague', EU_AUTUMN[0], 'Sun, 25 Oct 2026, 02:59 CEST (Europe/Prague)'],
    ['Europe/Prague', EU_AUTUMN[1], 'Sun, 25 Oct 2026, 02:01 CET (Europe/Prague)'],
    ['Europe/Warsaw', EU_SPRING[0], 'Sun, 29 Mar 2026, 01:59 CET (Europe/Warsaw)'],
    ['Europe/Warsaw', EU_SPRING[1], 'Sun, 29 Mar 2026, 03:01 CEST (Europe/Warsaw)'],
    ['Europe/Warsaw', EU_AUTUMN[0], 'Sun, 25 Oct 2026, 02:59 CEST (Europe/Warsaw)'],
    ['Europe/Warsaw', EU_AUTUMN[1], 'Sun, 25 Oct 2026, 02:01 CET (Europe/Warsaw)'],
    ['America/Chicago', US_SPRING[0], 'Sun, 8 Mar 2026, 01:59 CST (America/Chicago)'],
    ['America/Chicago', US_SPRING[1], 'Sun, 8 Mar 2026, 03:01 CDT (America/Chicago)'],
    ['America/Chicago', US_AUTUMN[0], 'Sun, 1 Nov 2026, 01:59 CDT (America/Chicago)'],
    ['America/Chicago', US_AUTUMN[1], 'Sun, 1 Nov 2026, 01:01 CST (America/Chicago)'],
    ['Asia/Tokyo', EU_SPRING[0], 'Sun, 29 Mar 2026, 09:59 GMT+9 (Asia/Tokyo)'],
    ['Asia/Tokyo', EU_SPRING[1], 'Sun, 29 Mar 2026, 10:01 GMT+9 (Asia/Tokyo)'],
    ['Asia/Tokyo', EU_AUTUMN[0], 'Sun, 25 Oct 2026, 09:59 GMT+9 (Asia/Tokyo)'],
    ['Asia/Tokyo', EU_AUTUMN[1], 'Sun, 25 Oct 2026, 10:01 GMT+9 (Asia/Tokyo)'],
  ],
  cs: [
    ['Europe/Prague', EU_SPRING[0], 'ne 29. 3. 2026 1:59 SEČ (Europe/Prague)'],
    ['Europe/Prague', EU_SPRING[1], 'ne 29. 3. 2026 3:01 SELČ (Europe/Prague)'],
    ['Europe/Prague', EU_AUTUMN[0], 'ne 25. 10. 2026 2:59 SELČ (Europe/Prague)'],
    ['Europe/Prague', EU_AUTUMN[1], 'ne 25. 10. 2026 2:01 SEČ (Europe/Prague)'],
    ['Europe/Warsaw', EU_SPRING[0], 'ne 29. 3. 2026 1:59 SEČ (Europe/Warsaw)'],
    ['Europe/Warsaw', EU_SPRING[1], 'ne 29. 3. 2026 3:01 SELČ (Europe/Warsaw)'],
    ['Europe/Warsaw', EU_AUTUMN[0], 'ne 25. 10. 2026 2:59 SELČ (Europe/Warsaw)'],
    ['Europe/Warsaw', EU_AUTUMN[1], 'ne 25. 10. 2026 2:01 SEČ (Europe/Warsaw)'],
    ['America/Chicago', US_SPRING[0], 'ne 8. 3. 2026 1:59 CST (America/Chicago)'],
    ['America/Chicago', US_SPRING[1], 'ne 8. 3. 2026 3:01 CDT (America/Chicago)'],
    ['America/Chicago', US_AUTUMN[0], 'ne 1. 11. 2026 1:59 CDT (America/Chicago)'],
    ['America/Chicago', US_AUTUMN[1], 'ne 1. 11. 2026 1:01 CST (America/Chicago)'],
    ['Asia/Tokyo', EU_SPRING[0], 'ne 29. 3. 2026 9:59 GMT+9 (Asia/Tokyo)'],
    ['Asia/Tokyo', EU_SPRING[1], 'ne 29. 3. 2026 10:01 GMT+9 (Asia/Tokyo)'],
    ['Asia/Tokyo', EU_AUTUMN[0], 'ne 25. 10. 2026 9:59 GMT+9 (Asia/Tokyo)'],
    ['Asia/Tokyo', EU_AUTUMN[1], 'ne 25. 10. 2026 10:01 GMT+9 (Asia/Tokyo)'],
  ],
  de: [
    ['Europe/Prague', EU_SPRING[0], 'So., 29. März 2026, 01:59 MEZ (Europe/Prague)'],
    ['Europe/Prague', EU_SPRING[1], 'So., 29. März 2026, 03:01 MESZ (Europe/Prague)'],
    ['Europe/Prague', EU_AUTUMN[0], 'So., 25. Okt. 2026, 02:59 MESZ (Europe/Prague)'],
    ['Europe/Prague', EU_AUTUMN[1], 'So., 25. Okt. 2026, 02:01 MEZ (Europe/Prague)'],
    ['Europe/Warsaw', EU_SPRING[0], 'So., 29. März 2026, 01:59 MEZ (Europe/Warsaw)'],
    ['Europe/Warsaw', EU_SPRING[1], 'So., 29. März 2026, 03:01 MESZ (Europe/Warsaw)'],
    ['Europe/Warsaw', EU_AUTUMN[0], 'So., 25. Okt. 2026, 02:59 MESZ (Europe/Warsaw)'],
    ['Europe/Warsaw', EU_AUTUMN[1], 'So., 25. Okt. 2026, 02:01 MEZ (Europe/Warsaw)'],
    ['America/Chicago', US_SPRING[0], 'So., 8. März 2026, 01:59 GMT-6 (America/Chicago)'],
    ['America/Chicago', US_SPRING[1], 'So., 8. März 2026, 03:01 GMT-5 (America/Chicago)'],
    ['America/Chicago', US_AUTUMN[0], 'So., 1. Nov. 2026, 01:59 GMT-5 (America/Chicago)'],
    ['America/Chicago', US_AUTUMN[1], 'So., 1. Nov. 2026, 01:01 GMT-6 (America/Chicago)'],
    ['Asia/Tokyo', EU_SPRING[0], 'So., 29. März 2026, 09:59 GMT+9 (Asia/Tokyo)'],
    ['Asia/Tokyo', EU_SPRING[1], 'So., 29. März 2026, 10:01 GMT+9 (Asia/Tokyo)'],
    ['Asia/Tokyo', EU_AUTUMN[0], 'So., 25. Okt. 2026, 09:59 GMT+9 (Asia/Tokyo)'],
    ['Asia/Tokyo', EU_AUTUMN[1], 'So., 25. Okt. 2026, 10:01 GMT+9 (Asia/Tokyo)'],
  ],
  pl: [
    ['Europe/Prague', EU_SPRING[0], 'niedz., 29 mar 2026, 01:59 CET (Europe/Prague)'],
    ['Europe/Prague', EU_SPRING[1], 'niedz., 29 mar 2026, 03:01 CEST (Europe/Prague)'],
    ['Europe/Prague', EU_AUTUMN[0], 'niedz., 25 paź 2026, 02:59 CEST (Europe/Prague)'],
    ['Europe/Prague', EU_AUTUMN[1], 'niedz., 25 paź 2026, 02:01 CET (Europe/Prague)'],
    ['Europe/Warsaw', EU_SPRING[0], 'niedz., 29 mar 2026, 01:59 CET (Europe/Warsaw)'],
    ['Europe/Warsaw', EU_SPRING[1], 'niedz., 29 mar 2026, 03:01 CEST (Europe/Warsaw)'],
    ['Europe/Warsaw', EU_AUTUMN[0], 'niedz., 25 paź 2026, 02:59 CEST (Europe/Warsaw)'],
    ['Europe/Warsaw', EU_AUTUMN[1], 'niedz., 25 paź 2026, 02:01 CET (Europe/Warsaw)'],
    ['America/Chicago', US_SPRING[0], 'niedz., 8 mar 2026, 01:59 GMT-6 (America/Chicago)'],
    ['America/Chicago', US_SPRING[1], 'niedz., 8 mar 2026, 03:01 GMT-5 (America/Chicago)'],
    ['America/Chicago', US_AUTUMN[0], 'niedz., 1 lis 2026, 01:59 GMT-5 (America/Chicago)'],
    ['America/Chicago', US_AUTUMN[1], 'niedz., 1 lis 2026, 01:01 GMT-6 (America/Chicago)'],
    ['Asia/Tokyo', EU_SPRING[0], 'niedz., 29 mar 2026, 09:59 GMT+9 (Asia/Tokyo)'],
    ['Asia/Tokyo', EU_SPRING[1], 'niedz., 29 mar 2026, 10:01 GMT+9 (Asia/Tokyo)'],
    ['Asia/Tokyo', EU_AUTUMN[0], 'niedz., 25 paź 2026, 09:59 GMT+9 (Asia/Tokyo)'],
    ['Asia/Tokyo', EU_AUTUMN[1], 'niedz., 25 paź 2026, 10:01 GMT+9 (Asia/Tokyo)'],
  ],
  sk: [
    ['Europe/Prague', EU_SPRING[0], 'ne 29. 3. 2026, 1:59 SEČ (Europe/Prague)'],
    ['Europe/Prague', EU_SPRING[1], 'ne 29. 3. 2026, 3:01 SELČ (Europe/Prague)'],
    ['Europe/Prague', EU_AUTUMN[0], 'ne 25. 10. 2026, 2:59 SELČ (Europe/Prague)'],
    ['Europe/Prague', EU_AUTUMN[1], 'ne 25. 10. 2026, 2:01 SEČ (Europe/Prague)'],
    ['Europe/Warsaw', EU_SPRING[0], 'ne 29. 3. 2026, 1:59 SEČ (Europe/Warsaw)'],
    ['Europe/Warsaw', EU_SPRING[1], 'ne 29. 3. 2026, 3:01 SELČ (Europe/Warsaw)'],
    ['Europe/Warsaw', EU_AUTUMN[0], 'ne 25. 10. 2026, 2:59 SELČ (Europe/Warsaw)'],
    ['Europe/Warsaw', EU_AUTUMN[1], 'ne 25. 10. 2026, 2:01 SEČ (Europe/Warsaw)'],
    ['America/Chicago', US_SPRING[0], 'ne 8. 3. 2026, 1:59 GMT-6 (America/Chicago)'],
    ['America/Chicago', US_SPRING[1], 'ne 8. 3. 2026, 3:01 GMT-5 (America/Chicago)'],
    ['America/Chicago', US_AUTUMN[0], 'ne 1. 11. 2026, 1:59 GMT-5 (America/Chicago)'],
    ['America/Chicago', US_AUTUMN[1], 'ne 1. 11. 2026, 1:01 GMT-6 (America/Chicago)'],
    ['Asia/Tokyo', EU_SPRING[0], 'ne 29. 3. 2026, 9:59 GMT+9 (Asia/Tokyo)'],
    ['Asia/Tokyo', EU_SPRING[1], 'ne 29. 3. 2026, 10:01 GMT+9 (Asia/Tokyo)'],
    ['Asia/Tokyo', EU_AUTUMN[0], 'ne 25. 10. 2026, 9:59 GMT+9 (Asia/Tokyo)'],
    ['Asia/Tokyo', EU_AUTUMN[1], 'ne 25. 10. 2026, 10:01 GMT+9 (Asia/Tokyo)'],
  ],
  fr: [
    ['Europe/Prague', EU_SPRING[0], 'dim. 29 mars 2026, 01:59 UTC+1 (Europe/Prague)'],
    ['Europe/Prague', EU_SPRING[1], 'dim. 29 mars 2026, 03:01 UTC+2 (Europe/Prague)'],
    ['Europe/Prague', EU_AUTUMN[0], 'dim. 25 oct. 2026, 02:59 UTC+2 (Europe/Prague)'],
    ['Europe/Prague', EU_AUTUMN[1], 'dim. 25 oct. 2026, 02:01 UTC+1 (Europe/Prague)'],
    ['Europe/Warsaw', EU_SPRING[0], 'dim. 29 mars 2026, 01:59 UTC+1 (Europe/Warsaw)'],
    ['Europe/Warsaw', EU_SPRING[1], 'dim. 29 mars 2026, 03:01 UTC+2 (Europe/Warsaw)'],
    ['Europe/Warsaw', EU_AUTUMN[0], 'dim. 25 oct. 2026, 02:59 UTC+2 (Europe/Warsaw)'],
    ['Europe/Warsaw', EU_AUTUMN[1], 'dim. 25 oct. 2026, 02:01 UTC+1 (Europe/Warsaw)'],
    ['America/Chicago', US_SPRING[0], 'dim. 8 mars 2026, 01:59 UTC-6 (America/Chicago)'],
    ['America/Chicago', US_SPRING[1], 'dim. 8 mars 2026, 03:01 UTC-5 (America/Chicago)'],
    ['America/Chicago', US_AUTUMN[0], 'dim. 1 nov. 2026, 01:59 UTC-5 (America/Chicago)'],
    ['America/Chicago', US_AUTUMN[1], 'dim. 1 nov. 2026, 01:01 UTC-6 (America/Chicago)'],
    ['Asia/Tokyo', EU_SPRING[0], 'dim. 29 mars 2026, 09:59 UTC+9 (Asia/Tokyo)'],
    ['Asia/Tokyo', EU_SPRING[1], 'dim. 29 mars 2026, 10:01 UTC+9 (Asia/Tokyo)'],
    ['Asia/Tokyo', EU_AUTUMN[0], 'dim. 25 oct. 2026, 09:59 UTC+9 (Asia/Tokyo)'],
    ['Asia/Tokyo', EU_AUTUMN[1], 'dim. 25 oct. 2026, 10:01 UTC+9 (Asia/Tokyo)'],
  ],
};

/** A card for an exchange that spans the switch writes each end with its own abbreviation. */
const RANGES: Record<string, [zone: string, from: string, to: string, expected: string][]> = {
  en: [
    [
      'Europe/Warsaw',
      ...EU_SPRING,
      'Sun, 29 Mar 2026, 01:59 CET – Sun, 29 Mar 2026, 03:01 CEST (Europe/Warsaw)',
    ],
    [
      'America/Chicago',
      ...US_AUTUMN,
      'Sun, 1 Nov 2026, 01:59 CDT – Sun, 1 Nov 2026, 01:01 CST (America/Chicago)',
    ],
    ['Asia/Tokyo', ...EU_SPRING, 'Sun, 29 Mar 2026, 09:59–10:01 GMT+9 (Asia/Tokyo)'],
  ],
  cs: [
    ['Europe/Prague', ...EU_AUTUMN, 'ne 25. 10. 2026 2:59 SELČ – ne 25. 10. 2026 2:01 SEČ (Europe/Prague)'],
    ['Asia/Tokyo', ...EU_AUTUMN, 'ne 25. 10. 2026 9:59–10:01 GMT+9 (Asia/Tokyo)'],
  ],
  de: [
    [
      'Europe/Prague',
      ...EU_SPRING,
      'So., 29. März 2026, 01:59 MEZ – So., 29. März 2026, 03:01 MESZ (Europe/Prague)',
    ],
    ['Asia/Tokyo', ...EU_SPRING, 'So., 29. März 2026, 09:59–10:01 Uhr GMT+9 (Asia/Tokyo)'],
  ],
  pl: [
    [
      'Europe/Warsaw',
      ...EU_AUTUMN,
      'niedz., 25 paź 2026, 02:59 CEST – niedz., 25 paź 2026, 02:01 CET (Europe/Warsaw)',
    ],
  ],
  sk: [
    ['Europe/Prague', ...EU_SPRING, 'ne 29. 3. 2026, 1:59 SEČ – ne 29. 3. 2026, 3:01 SELČ (Europe/Prague)'],
  ],
  fr: [['Asia/Tokyo', ...EU_SPRING, 'dim. 29 mars 2026, 09:59 – 10:01 UTC+9 (Asia/Tokyo)']],
};

describe('formatting across daylight saving switches', () => {
  // Polish, Slovak and French are here before their catalogs: cards will read so once they exist.
  it('has a table for every catalog language', () => {
    expect(Object.keys(EXPECTED)).toEqual(expect.arrayContaining([...SUPPORTED_LANGUAGES]));
    expect(Object.keys(RANGES)).toEqual(expect.arrayContaining([...SUPPORTED_LANGUAGES]));
  });

  describe.each(Object.entries(EXPECTED))('in %s', (language, rows) => {
    it.each(rows)('%s at %s: %s', (zone, instant, expected) => {
      expect(plain(formatInstant(new Date(instant), zone, language))).toBe(expected);
    });
  });

  describe.each(Object.entries(RANGES))('a span in %s', (language, rows) => {
    it.each(rows)('%s from %s to %s: %s', (zone, from, to, expected) => {
      expect(plain(formatRange(new Date(from), new Date(to), zone, language))).toBe(expected);
    });
  });
});
