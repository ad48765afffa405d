import { describe, expect, it } from 'vitest';
import { isValidTimeZone, normalizeTimeZone } from './time-zone.ts';

describe('isValidTimeZone', () => {
  it.each([
    'Europe/Prague',
    'America/Chicago',
    'Asia/Tokyo',
    'UTC',
    'Etc/GMT+2',
    'europe/prague',
    'US/Central',
  ])('accepts %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each([
    '',
    'Mars/Olympus',
    'Europe/Praha',
    ' Europe/Prague',
    '+02:00',
    '-05:00',
    'UTC+2',
    'CEST',
    'Prague',
  ])('refuses "%s"', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('normalizeTimeZone', () => {
  it.each([
    ['europe/prague', 'Europe/Prague'],
    ['AMERICA/CHICAGO', 'America/Chicago'],
    ['asia/tokyo', 'Asia/Tokyo'],
    ['  Europe/Prague\n', 'Europe/Prague'],
    ['america/argentina/buenos_aires', 'America/Argentina/Buenos_Aires'],
    ['america/port-au-prince', 'America/Port-au-Prince'],
    // ICU lists these under their old names (Asia/Calcutta, Europe/Kiev); keep the current ones.
    ['asia/kolkata', 'Asia/Kolkata'],
    ['europe/kyiv', 'Europe/Kyiv'],
    ['utc', 'UTC'],
    ['etc/gmt+2', 'Etc/GMT+2'],
  ])('spells %s as %s', (input, expected) => {
    expect(normalizeTimeZone(input)).toBe(expected);
  });

  it('keeps the old names people may still type', () => {
    expect(normalizeTimeZone('Europe/Kiev')).toBe('Europe/Kiev');
  });

  it('gives an alias a valid zone name', () => {
    const name = normalizeTimeZone('us/central');
    expect(name).not.toBeNull();
    expect(isValidTimeZone(name ?? '')).toBe(true);
  });

  it.each(['', '   ', 'Mars/Olympus', '+02:00', 'CEST'])('returns null for "%s"', (input) => {
    expect(normalizeTimeZone(input)).toBeNull();
  });
});
