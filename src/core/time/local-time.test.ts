import { describe, expect, it } from 'vitest';
import {
  formatLocalDateTime,
  resolveLocalDateTime,
  startOfLocalDay,
  type LocalDateTime,
} from './local-time.ts';

function local(year: number, month: number, day: number, hour: number, minute = 0): LocalDateTime {
  return { year, month, day, hour, minute, second: 0, millisecond: 0 };
}

describe('resolveLocalDateTime', () => {
  it('finds the single instant of an ordinary time', () => {
    expect(resolveLocalDateTime(local(2026, 6, 5, 18), 'Europe/Prague')).toEqual({
      kind: 'exact',
      instant: new Date('2026-06-05T16:00:00Z'),
    });
  });

  it('finds none in a gap and two in an overlap', () => {
    expect(resolveLocalDateTime(local(2026, 3, 29, 2, 30), 'Europe/Prague')).toEqual({ kind: 'nonexistent' });
    expect(resolveLocalDateTime(local(2026, 10, 25, 2, 30), 'Europe/Prague')).toEqual({
      kind: 'ambiguous',
      earlier: new Date('2026-10-25T00:30:00Z'),
      later: new Date('2026-10-25T01:30:00Z'),
    });
  });

  it('handles zones with half-hour switches and southern-hemisphere seasons', () => {
    // Lord Howe Island moves its clocks by 30 minutes, at 02:00 in early October.
    expect(resolveLocalDateTime(local(2026, 10, 4, 2, 15), 'Australia/Lord_Howe')).toEqual({
      kind: 'nonexistent',
    });
    // Santiago falls back at 24:00 on the first Saturday of April: 23:30 on 4 April happens twice.
    expect(resolveLocalDateTime(local(2026, 4, 4, 23, 30), 'America/Santiago')).toEqual({
      kind: 'ambiguous',
      earlier: new Date('2026-04-05T02:30:00Z'),
      later: new Date('2026-04-05T03:30:00Z'),
    });
  });

  it('rejects impossible readings', () => {
    expect(resolveLocalDateTime(local(2026, 2, 30, 10), 'Europe/Prague')).toEqual({ kind: 'invalid' });
    expect(resolveLocalDateTime(local(2026, 6, 5, 24), 'Europe/Prague')).toEqual({ kind: 'invalid' });
  });
});

describe('startOfLocalDay', () => {
  it('starts a day at midnight, or where a gap at midnight ends', () => {
    expect(startOfLocalDay(2026, 6, 5, 'Europe/Prague')).toEqual(new Date('2026-06-04T22:00:00Z'));
    expect(startOfLocalDay(2026, 9, 6, 'America/Santiago')).toEqual(new Date('2026-09-06T04:00:00Z'));
  });

  it('starts a day whose midnight repeats at the first midnight', () => {
    expect(startOfLocalDay(2026, 11, 1, 'America/Havana')).toEqual(new Date('2026-11-01T04:00:00Z'));
  });
});

describe('formatLocalDateTime', () => {
  it('pads like ISO and uses a space', () => {
    expect(formatLocalDateTime(local(2026, 3, 8, 2, 5))).toBe('2026-03-08 02:05');
  });
});
