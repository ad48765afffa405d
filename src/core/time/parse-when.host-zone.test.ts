import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWhen } from './parse-when.ts';

// chrono-node computes with the host's local Date. The bot runs in UTC, but results must not
// depend on it: run the same readings with the process in zones that have their own switches.
// Node re-reads TZ when it is assigned; the original is restored after the suite.
const HOST_ZONES = ['Europe/Prague', 'America/Chicago', 'Asia/Tokyo', 'Pacific/Chatham'];

function when(input: string, zone: string, now: Date, locale?: string): string {
  const result = parseWhen(input, { zone, now, locale });
  return result.ok ? result.instant.toISOString() : result.error.code;
}

describe.each(HOST_ZONES)('parseWhen on a host in %s', (hostZone) => {
  const original = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = hostZone;
  });
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('really runs in that zone', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(hostZone);
  });

  it('reads the same instants as in UTC', () => {
    const now = new Date('2026-06-05T23:30:00Z');
    expect(when('tomorrow 18:00', 'Europe/Prague', now)).toBe('2026-06-07T16:00:00.000Z');
    expect(when('tomorrow 18:00', 'America/Chicago', now)).toBe('2026-06-06T23:00:00.000Z');
    expect(when('next friday 9:30', 'Asia/Tokyo', now)).toBe('2026-06-12T00:30:00.000Z');
    expect(when('morgen 18:00', 'Europe/Prague', now, 'de')).toBe('2026-06-07T16:00:00.000Z');
    expect(when('zítra 18:00', 'Europe/Prague', now, 'cs')).toBe('2026-06-07T16:00:00.000Z');
    expect(when('příští pátek 9:30', 'Asia/Tokyo', now, 'cs')).toBe('2026-06-12T00:30:00.000Z');
    expect(when('za 2 hodiny', 'Europe/Prague', now, 'cs')).toBe('2026-06-06T01:30:00.000Z');
    expect(when('za 3 dni', 'Europe/Warsaw', now, 'pl')).toBe('2026-06-08T22:00:00.000Z');
    expect(when('in 2 hours', 'Europe/Prague', now)).toBe('2026-06-06T01:30:00.000Z');
    expect(when('2026-06-05', 'America/Chicago', now)).toBe('2026-06-05T05:00:00.000Z');
  });

  it('still finds the zone’s own gaps and overlaps', () => {
    expect(when('2026-03-29 02:30', 'Europe/Prague', new Date('2026-03-01T00:00:00Z'))).toBe(
      'time.nonexistent',
    );
    expect(when('tomorrow 2:30', 'Europe/Prague', new Date('2026-03-28T10:00:00Z'))).toBe('time.nonexistent');
    expect(when('tomorrow 1:30am', 'America/Chicago', new Date('2026-10-31T15:00:00Z'))).toBe(
      'time.ambiguous',
    );
  });

  it('reads phrases when the zone’s current clock time does not exist on the host', () => {
    // 02:30 on 29 March in Chicago (already on summer time) is skipped in Prague.
    const now = new Date('2026-03-29T07:30:00Z');
    expect(when('in 2 hours', 'America/Chicago', now)).toBe('2026-03-29T09:30:00.000Z');
    expect(when('tomorrow 18:00', 'America/Chicago', now)).toBe('2026-03-30T23:00:00.000Z');
    expect(when('18:00', 'America/Chicago', now)).toBe('2026-03-29T23:00:00.000Z');
    expect(when('friday 9:30', 'America/Chicago', now)).toBe('2026-04-03T14:30:00.000Z');
    expect(when('w piątek o 9:30', 'America/Chicago', now, 'pl')).toBe('2026-04-03T14:30:00.000Z');
    expect(when('zítra v 18 hodin', 'America/Chicago', now, 'cs')).toBe('2026-03-30T23:00:00.000Z');
  });
});
