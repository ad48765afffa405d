import { DateTime } from 'luxon';
import { formatLocalDateTime, resolveLocalDateTime, toLocalDateTime } from './local-time.ts';

/**
 * An instant as the wall-clock text a person would type for it in `zone`, `2026-06-05 18:00`,
 * so an edit command can echo the current value. Inside an autumn overlap the wall time alone
 * would read back as ambiguous, so the offset is added: `2026-10-25 02:30+01:00`.
 */
export function localDateTimeInput(instant: Date, zone: string): string {
  const local = toLocalDateTime(instant, zone);
  const text = formatLocalDateTime(local);
  if (resolveLocalDateTime(local, zone).kind !== 'ambiguous') return text;
  return `${text}${DateTime.fromJSDate(instant, { zone }).toFormat('ZZ')}`;
}
