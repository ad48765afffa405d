import { describe, expect, it } from 'vitest';
import { localDateTimeInput } from './local-date-time-input.ts';
import { parseWhen } from './parse-when.ts';

describe('localDateTimeInput', () => {
  it('writes the wall-clock time of the zone', () => {
    const instant = new Date('2026-06-05T16:00:00Z');
    expect(localDateTimeInput(instant, 'Europe/Prague')).toBe('2026-06-05 18:00');
    expect(localDateTimeInput(instant, 'America/Chicago')).toBe('2026-06-05 11:00');
    expect(localDateTimeInput(instant, 'Asia/Tokyo')).toBe('2026-06-06 01:00');
  });

  it('shows seconds only when there are some', () => {
    expect(localDateTimeInput(new Date('2026-06-05T16:00:30Z'), 'Europe/Prague')).toBe('2026-06-05 18:00:30');
  });

  it('adds the offset inside an autumn overlap so the text stays unambiguous', () => {
    expect(localDateTimeInput(new Date('2026-10-25T00:30:00Z'), 'Europe/Prague')).toBe(
      '2026-10-25 02:30+02:00',
    );
    expect(localDateTimeInput(new Date('2026-10-25T01:30:00Z'), 'Europe/Prague')).toBe(
      '2026-10-25 02:30+01:00',
    );
    expect(localDateTimeInput(new Date('2026-11-01T07:30:00Z'), 'America/Chicago')).toBe(
      '2026-11-01 01:30-06:00',
    );
  });

  it.each([
    ['2026-06-05T16:00:00Z', 'Europe/Prague'],
    ['2026-03-29T01:00:00Z', 'Europe/Prague'],
    ['2026-10-25T00:30:00Z', 'Europe/Prague'],
    ['2026-10-25T01:30:00Z', 'Europe/Prague'],
    ['2026-11-01T06:30:00Z', 'America/Chicago'],
    ['2026-11-01T07:30:00Z', 'America/Chicago'],
    ['2026-06-05T16:00:00Z', 'Asia/Tokyo'],
  ])('reads back %s in %s to the same instant', (iso, zone) => {
    const instant = new Date(iso);
    const result = parseWhen(localDateTimeInput(instant, zone), { zone, now: instant });
    expect(result).toEqual({ ok: true, instant });
  });
});
