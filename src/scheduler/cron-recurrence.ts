/** Cron expressions evaluated in an IANA zone (cron-parser), behind the core's Recurrence port. */
import {
  CronDayOfMonth,
  CronDayOfWeek,
  CronExpressionParser,
  CronHour,
  CronMinute,
  CronMonth,
} from 'cron-parser';
import type { CronField, CronProblem, Recurrence } from '../core/ports.ts';

/** The five fields announcements use (no seconds), in order, with cron-parser's ranges. */
const FIELDS: readonly { field: CronField; min: number; max: number }[] = [
  { field: 'minute', min: CronMinute.min, max: CronMinute.max },
  { field: 'hour', min: CronHour.min, max: CronHour.max },
  { field: 'day', min: CronDayOfMonth.min, max: CronDayOfMonth.max },
  { field: 'month', min: CronMonth.min, max: CronMonth.max },
  { field: 'weekday', min: CronDayOfWeek.min, max: CronDayOfWeek.max },
];

function parses(expression: string, timeZone: string): boolean {
  try {
    CronExpressionParser.parse(expression, { tz: timeZone, strict: false });
    return true;
  } catch {
    return false;
  }
}

export class CronRecurrence implements Recurrence {
  /**
   * The parser's own message is English and names no field, so the field at fault is found by
   * parsing each field alone (the others `*`); fields each valid together fail only when they
   * never meet (31 February).
   */
  validate(expression: string, timeZone: string): CronProblem | null {
    const fields = expression.trim().split(/\s+/).filter(Boolean);
    if (fields.length !== FIELDS.length) return { kind: 'field-count', count: fields.length };
    if (parses(expression, timeZone)) return null;
    for (const [index, spec] of FIELDS.entries()) {
      const alone = FIELDS.map((_, i) => (i === index ? fields[index] : '*')).join(' ');
      if (!parses(alone, timeZone)) {
        return { kind: 'field', field: spec.field, value: fields[index] ?? '', min: spec.min, max: spec.max };
      }
    }
    return { kind: 'never' };
  }

  nextAfter(expression: string, timeZone: string, after: Date): Date | null {
    try {
      return CronExpressionParser.parse(expression, { tz: timeZone, currentDate: after }).next().toDate();
    } catch {
      return null;
    }
  }
}
