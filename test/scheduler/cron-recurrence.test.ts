/** The Recurrence port on cron-parser: five fields, evaluated in the announcement's own zone. */
import { describe, expect, it } from 'vitest';
import { CronRecurrence } from '../../src/scheduler/cron-recurrence.ts';

const recurrence = new CronRecurrence();

function runs(expression: string, zone: string, after: string, count: number): string[] {
  const out: string[] = [];
  let at = new Date(after);
  for (let i = 0; i < count; i++) {
    const next = recurrence.nextAfter(expression, zone, at);
    if (!next) break;
    out.push(next.toISOString());
    at = next;
  }
  return out;
}

describe('cron recurrence', () => {
  it('keeps 09:00 on Mondays at 09:00 local across the switches in Prague and Chicago', () => {
    expect(runs('0 9 * * 1', 'Europe/Prague', '2026-03-20T00:00:00Z', 2)).toEqual([
      '2026-03-23T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
    expect(runs('0 9 * * 1', 'Europe/Prague', '2026-10-18T00:00:00Z', 2)).toEqual([
      '2026-10-19T07:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
    ]);
    expect(runs('0 9 * * 1', 'America/Chicago', '2026-03-01T00:00:00Z', 2)).toEqual([
      '2026-03-02T15:00:00.000Z',
      '2026-03-09T14:00:00.000Z',
    ]);
    expect(runs('0 9 * * 1', 'America/Chicago', '2026-10-25T00:00:00Z', 2)).toEqual([
      '2026-10-26T14:00:00.000Z',
      '2026-11-02T15:00:00.000Z',
    ]);
  });

  it('runs a time the spring switch skips an hour later, and a time the autumn switch repeats once', () => {
    // 02:30 does not exist in Prague on 29 March 2026: 03:30 CEST (01:30 UTC) instead.
    expect(runs('30 2 * * *', 'Europe/Prague', '2026-03-28T12:00:00Z', 2)).toEqual([
      '2026-03-29T01:30:00.000Z',
      '2026-03-30T00:30:00.000Z',
    ]);
    // 02:30 happens twice on 25 October 2026: once, at the first (CEST, 00:30 UTC).
    expect(runs('30 2 * * *', 'Europe/Prague', '2026-10-24T12:00:00Z', 2)).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
    ]);
  });

  it('refuses what is not five valid fields, naming the field at fault and its range', () => {
    const validate = (expression: string) => recurrence.validate(expression, 'Europe/Prague');
    expect(validate('0 9 * * 1')).toBeNull();
    expect(validate('0 9 * * mon-fri')).toBeNull();
    expect(validate('0 0 9 * * 1')).toEqual({ kind: 'field-count', count: 6 });
    expect(validate('0 9 *')).toEqual({ kind: 'field-count', count: 3 });
    expect(validate('60 9 * * 1')).toEqual({ kind: 'field', field: 'minute', value: '60', min: 0, max: 59 });
    expect(validate('0 25 * * 1')).toEqual({ kind: 'field', field: 'hour', value: '25', min: 0, max: 23 });
    expect(validate('0 9 0 * *')).toEqual({ kind: 'field', field: 'day', value: '0', min: 1, max: 31 });
    expect(validate('0 9 * 13 *')).toEqual({ kind: 'field', field: 'month', value: '13', min: 1, max: 12 });
    expect(validate('0 9 * * 8')).toEqual({ kind: 'field', field: 'weekday', value: '8', min: 0, max: 7 });
    expect(validate('0 9 * * funday')).toEqual({
      kind: 'field',
      field: 'weekday',
      value: 'funday',
      min: 0,
      max: 7,
    });
    expect(validate('0 9 31 2 *')).toEqual({ kind: 'never' });
  });
});
