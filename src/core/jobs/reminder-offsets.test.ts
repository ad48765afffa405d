import { describe, expect, it } from 'vitest';
import { formatOffsets, offsetUnit, parseReminderOffsets } from './reminder-offsets.ts';

describe('reminder offsets', () => {
  it('read days, hours, minutes and weeks, longest first, without repeats', () => {
    expect(parseReminderOffsets(['1h', '7d', '1d'])).toEqual({ ok: true, minutes: [10080, 1440, 60] });
    expect(parseReminderOffsets(['2w', '90m', '1D', '24h'])).toEqual({
      ok: true,
      minutes: [20160, 1440, 90],
    });
    expect(parseReminderOffsets([' 30 m '])).toEqual({ ok: true, minutes: [30] });
  });

  it('turn off with “off” or “none”', () => {
    expect(parseReminderOffsets(['off'])).toEqual({ ok: true, minutes: [] });
    expect(parseReminderOffsets(['None'])).toEqual({ ok: true, minutes: [] });
  });

  it('refuse what they cannot read, too short or too long, and too many', () => {
    expect(parseReminderOffsets(['1y'])).toEqual({ ok: false, error: 'bad-offset', offset: '1y' });
    expect(parseReminderOffsets(['7d', 'off'])).toEqual({ ok: false, error: 'bad-offset', offset: 'off' });
    expect(parseReminderOffsets([''])).toEqual({ ok: false, error: 'bad-offset', offset: '' });
    expect(parseReminderOffsets(['4m'])).toEqual({ ok: false, error: 'out-of-range', offset: '4m' });
    expect(parseReminderOffsets(['9w'])).toEqual({ ok: false, error: 'out-of-range', offset: '9w' });
    expect(parseReminderOffsets(['1d', '2d', '3d', '4d', '5d', '6d'])).toEqual({
      ok: false,
      error: 'too-many',
      max: 5,
    });
  });

  it('are shown in their largest whole unit, in the reader’s language', () => {
    expect(offsetUnit(10080)).toEqual({ unit: 'days', count: 7 });
    expect(offsetUnit(180)).toEqual({ unit: 'hours', count: 3 });
    expect(offsetUnit(90)).toEqual({ unit: 'minutes', count: 90 });
    expect(formatOffsets([10080, 1440, 60], 'en')).toBe('7 days, 1 day and 1 hour');
    expect(formatOffsets([4320, 180, 5], 'cs')).toBe('3 dny, 3 hodiny a\u00a05 minut');
    expect(formatOffsets([2880, 60], 'de')).toBe('2 Tage und 1 Stunde');
  });
});
