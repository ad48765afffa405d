/** Cron expressions evaluated in an IANA zone (cron-parser), behind the core's Recurrence port. */
import { CronExpressionParser } from 'cron-parser';
import type { Recurrence } from '../core/ports.ts';

export class CronRecurrence implements Recurrence {
  validate(expression: string, timeZone: string): string | null {
    const fields = expression.trim().split(/\s+/);
    // Five fields (minute hour day-of-month month day-of-week): announcements need no seconds.
    if (fields.length !== 5) return `expected 5 fields (minute hour day month weekday), got ${fields.length}`;
    try {
      CronExpressionParser.parse(expression, { tz: timeZone, strict: false });
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  nextAfter(expression: string, timeZone: string, after: Date): Date | null {
    try {
      return CronExpressionParser.parse(expression, { tz: timeZone, currentDate: after }).next().toDate();
    } catch {
      return null;
    }
  }
}
