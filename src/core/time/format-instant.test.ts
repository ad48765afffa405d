import { describe, expect, it } from 'vitest';
import { formatDayAndTime, formatInstant, formatRange } from './format-instant.ts';

const SUMMER = new Date('2026-06-05T16:00:00Z'); // 18:00 in Prague, 11:00 in Chicago, 01:00 (6 June) in Tokyo
const WINTER = new Date('2026-01-15T17:00:00Z'); // 18:00 in Prague

/** ICU uses narrow and thin spaces in some patterns; compare on plain spaces. */
function plain(text: string): string {
  return text.replace(/[\u202f\u2009\u00a0]/g, ' ');
}

describe('formatInstant', () => {
  it('writes English with the zone abbreviation and the IANA zone', () => {
    expect(plain(formatInstant(SUMMER, 'Europe/Prague', 'en'))).toBe(
      'Fri, 5 Jun 2026, 18:00 CEST (Europe/Prague)',
    );
    expect(plain(formatInstant(WINTER, 'Europe/Prague', 'en'))).toBe(
      'Thu, 15 Jan 2026, 18:00 CET (Europe/Prague)',
    );
  });

  it('names American zones in English too', () => {
    expect(plain(formatInstant(SUMMER, 'America/Chicago', 'en'))).toBe(
      'Fri, 5 Jun 2026, 11:00 CDT (America/Chicago)',
    );
  });

  it('shows the local date and hour of the zone, not of the instant in UTC', () => {
    const text = plain(formatInstant(SUMMER, 'Asia/Tokyo', 'en'));
    expect(text).toMatch(/^Sat, 6 Jun 2026, 01:00 /);
    expect(text).toMatch(/GMT\+9 \(Asia\/Tokyo\)$/);
  });

  it('writes Czech in its own format', () => {
    const summer = plain(formatInstant(SUMMER, 'Europe/Prague', 'cs'));
    expect(summer).toContain('pá');
    expect(summer).toContain('5. 6. 2026');
    expect(summer).toContain('18:00');
    expect(summer).toMatch(/SELČ \(Europe\/Prague\)$/);
    expect(plain(formatInstant(WINTER, 'Europe/Prague', 'cs'))).toMatch(/18:00 SEČ \(Europe\/Prague\)$/);
    expect(plain(formatInstant(SUMMER, 'America/Chicago', 'cs'))).toMatch(/11:00 .*\(America\/Chicago\)$/);
  });

  it('writes German in its own format', () => {
    const summer = plain(formatInstant(SUMMER, 'Europe/Prague', 'de'));
    expect(summer).toContain('Fr.');
    expect(summer).toContain('Juni 2026');
    expect(summer).toMatch(/18:00 MESZ \(Europe\/Prague\)$/);
    expect(plain(formatInstant(WINTER, 'Europe/Prague', 'de'))).toMatch(/18:00 MEZ \(Europe\/Prague\)$/);
    expect(plain(formatInstant(SUMMER, 'Asia/Tokyo', 'de'))).toMatch(
      /Sa\., 6\. Juni 2026, 01:00 .*\(Asia\/Tokyo\)$/,
    );
  });

  it('follows a regional English locale', () => {
    const text = plain(formatInstant(SUMMER, 'America/Chicago', 'en-US'));
    expect(text).toContain('Jun 5, 2026');
    expect(text).toMatch(/11:00 AM CDT \(America\/Chicago\)$/);
  });

  it('has a short style without weekday and abbreviation', () => {
    expect(plain(formatInstant(SUMMER, 'Europe/Prague', 'en', 'short'))).toBe(
      '05/06/2026, 18:00 (Europe/Prague)',
    );
    const de = plain(formatInstant(SUMMER, 'Europe/Prague', 'de', 'short'));
    expect(de).toMatch(/^05\.06\.26, 18:00 \(Europe\/Prague\)$/);
  });

  it('prints the canonical zone name', () => {
    expect(formatInstant(SUMMER, 'europe/prague', 'en')).toMatch(/\(Europe\/Prague\)$/);
  });

  it('falls back to English for a malformed locale tag', () => {
    expect(plain(formatInstant(SUMMER, 'Europe/Prague', 'not a locale!'))).toBe(
      'Fri, 5 Jun 2026, 18:00 CEST (Europe/Prague)',
    );
  });

  it('treats an unknown zone as a bug', () => {
    expect(() => formatInstant(SUMMER, 'Mars/Olympus', 'en')).toThrow(RangeError);
  });
});

describe('formatRange', () => {
  const END_SAME_DAY = new Date('2026-06-05T18:00:00Z');
  const END_NEXT_DAY = new Date('2026-06-06T08:00:00Z');

  it('writes the date once when both ends fall on the same local day', () => {
    expect(plain(formatRange(SUMMER, END_SAME_DAY, 'Europe/Prague', 'en'))).toBe(
      'Fri, 5 Jun 2026, 18:00–20:00 CEST (Europe/Prague)',
    );
    const de = plain(formatRange(SUMMER, END_SAME_DAY, 'Europe/Prague', 'de'));
    expect(de).toMatch(/^Fr\., 5\. Juni 2026, 18:00\s?–\s?20:00/);
    expect(de).toMatch(/MESZ \(Europe\/Prague\)$/);
    const cs = plain(formatRange(SUMMER, END_SAME_DAY, 'Europe/Prague', 'cs'));
    expect(cs.match(/2026/g)).toHaveLength(1);
    expect(cs).toMatch(/18:00\s?–\s?20:00 SELČ \(Europe\/Prague\)$/);
  });

  it('writes both dates when the span crosses midnight in the zone', () => {
    expect(plain(formatRange(SUMMER, END_NEXT_DAY, 'Europe/Prague', 'en'))).toBe(
      'Fri, 5 Jun 2026, 18:00 – Sat, 6 Jun 2026, 10:00 CEST (Europe/Prague)',
    );
    // In Tokyo the same two instants fall on one day.
    expect(plain(formatRange(SUMMER, END_NEXT_DAY, 'Asia/Tokyo', 'en'))).toMatch(
      /^Sat, 6 Jun 2026, 01:00–17:00 GMT\+9 \(Asia\/Tokyo\)$/,
    );
  });

  it('names both offsets when the clocks change in between', () => {
    const earlier = new Date('2026-10-25T00:30:00Z');
    const later = new Date('2026-10-25T01:30:00Z');
    expect(plain(formatRange(earlier, later, 'Europe/Prague', 'en'))).toBe(
      'Sun, 25 Oct 2026, 02:30 CEST – Sun, 25 Oct 2026, 02:30 CET (Europe/Prague)',
    );
  });

  it('writes an empty span as one instant', () => {
    expect(formatRange(SUMMER, SUMMER, 'Europe/Prague', 'en')).toBe(
      formatInstant(SUMMER, 'Europe/Prague', 'en'),
    );
  });

  it('treats an end before the start as a bug', () => {
    expect(() => formatRange(END_SAME_DAY, SUMMER, 'Europe/Prague', 'en')).toThrow(RangeError);
  });
});

describe('formatDayAndTime: a digest line’s day and time', () => {
  it('writes the instant in each zone asked for, one after the other, in the reader’s language', () => {
    expect(formatDayAndTime(SUMMER, 'Europe/Prague', 'en')).toBe('Fri 5 Jun, 18:00');
    expect(formatDayAndTime(SUMMER, 'America/Chicago', 'en')).toBe('Fri 5 Jun, 11:00');
    expect(formatDayAndTime(SUMMER, 'Europe/Prague', 'en')).toBe('Fri 5 Jun, 18:00');
    expect(formatDayAndTime(SUMMER, 'America/Chicago', 'cs')).toBe('pá 5. 6. 11:00');
  });
});
