import { DateTime, IANAZone } from 'luxon';

/** A wall-clock reading without a zone: what a person types or sees on a town hall clock. */
export interface LocalDateTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export type LocalResolution =
  | { kind: 'exact'; instant: Date }
  | { kind: 'nonexistent' }
  | { kind: 'ambiguous'; earlier: Date; later: Date }
  | { kind: 'invalid' };

const HOUR_MS = 3_600_000;

/** The local reading as if it were UTC: plain calendar arithmetic, no zone rules. */
export function naiveMillis(local: LocalDateTime): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  date.setUTCFullYear(local.year, local.month - 1, local.day);
  date.setUTCHours(local.hour, local.minute, local.second, local.millisecond);
  return date.getTime();
}

/** A real calendar date and clock reading (no 30 February, no 24:00). */
export function isValidLocalDateTime(local: LocalDateTime): boolean {
  if (!Object.values(local).every((value) => Number.isInteger(value))) return false;
  if (local.hour > 23) return false; // luxon would read 24:00 as the next midnight
  return DateTime.fromObject({ ...local }, { zone: 'utc' }).isValid;
}

/**
 * Every instant at which the zone's clocks show `local`: none in a spring-forward gap, two in an
 * autumn overlap. Luxon alone would silently move a gap time forward and pick one side of an
 * overlap, which is exactly what we must not do with an event time.
 */
export function resolveLocalDateTime(local: LocalDateTime, zone: string): LocalResolution {
  if (!isValidLocalDateTime(local)) return { kind: 'invalid' };
  const rules = IANAZone.create(zone);
  if (!rules.isValid) throw new RangeError(`unknown time zone ${zone}`);
  const naive = naiveMillis(local);
  // Any instant showing `local` lies within ±14 h of `naive`; sampling the offsets a day either
  // side catches both sides of any transition near it.
  const offsets = new Set<number>();
  for (const hours of [-24, -12, 0, 12, 24]) offsets.add(rules.offset(naive + hours * HOUR_MS));
  const instants = new Set<number>();
  for (const offset of offsets) {
    const candidate = naive - offset * 60_000;
    if (rules.offset(candidate) === offset) instants.add(candidate);
  }
  const sorted = [...instants].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return { kind: 'nonexistent' };
  if (first === last) return { kind: 'exact', instant: new Date(first) };
  return { kind: 'ambiguous', earlier: new Date(first), later: new Date(last) };
}

/**
 * The first instant of a local calendar day. Midnight itself may be skipped (zones that spring
 * forward at 00:00) or repeated; the day then starts at the end of the gap or the first midnight.
 */
export function startOfLocalDay(year: number, month: number, day: number, zone: string): Date | null {
  const midnight = { year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 };
  const resolved = resolveLocalDateTime(midnight, zone);
  switch (resolved.kind) {
    case 'invalid':
      return null;
    case 'exact':
      return resolved.instant;
    case 'ambiguous':
      return resolved.earlier;
    case 'nonexistent':
      // Luxon moves a gap time forward by the gap's length: for a gap starting at midnight that
      // is the transition itself.
      return DateTime.fromObject(midnight, { zone }).toJSDate();
  }
}

/** `2026-06-05 18:00` (seconds only when set): how we show a wall-clock time to be retyped. */
export function formatLocalDateTime(local: LocalDateTime): string {
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  const date = `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}`;
  const seconds = local.second !== 0 || local.millisecond !== 0 ? `:${pad(local.second)}` : '';
  return `${date} ${pad(local.hour)}:${pad(local.minute)}${seconds}`;
}

/** The wall-clock reading of an instant in a zone. */
export function toLocalDateTime(instant: Date, zone: string): LocalDateTime {
  const dt = DateTime.fromJSDate(instant, { zone });
  if (!dt.isValid) throw new RangeError(`cannot read ${String(instant)} in zone ${zone}`);
  const { year, month, day, hour, minute, second, millisecond } = dt;
  return { year, month, day, hour, minute, second, millisecond };
}
