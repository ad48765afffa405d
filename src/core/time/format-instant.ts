import { DateTime, Interval } from 'luxon';
import { normalizeTimeZone } from './time-zone.ts';

export type FormatStyle = 'full' | 'short';

const FULL: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
};
const FULL_PADDED: Intl.DateTimeFormatOptions = { ...FULL, hour: '2-digit' };
const fullFormats = new Map<string, Intl.DateTimeFormatOptions>();
const SHORT: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short' };

/** A bare GMT offset, which CLDR gives when a language has no name for the zone. */
const OFFSET_NAME = /^(GMT|UTC)[+\-\u2212]/;

/**
 * An instant as a reader in `zone` sees it, in the locale's own formatting, always followed by
 * the IANA zone so partner towns know whose clock it is:
 * `Fri, 5 Jun 2026, 18:00 CEST (Europe/Prague)`, `pá 5. 6. 2026 18:00 SELČ (Europe/Prague)`.
 * `short` drops the weekday and the zone abbreviation: `05/06/2026, 18:00 (Europe/Prague)`.
 * Plain `en` formats as British English (day first, 24-hour clock); `en-US` as American.
 */
export function formatInstant(
  instant: Date,
  zone: string,
  locale: string,
  style: FormatStyle = 'full',
): string {
  const { dt, zoneName, loc } = prepare(instant, zone, locale);
  if (style === 'short') return `${dt.toLocaleString(SHORT)} (${zoneName})`;
  return `${dt.toLocaleString(fullFormat(loc))} ${zoneAbbreviation(dt, loc)} (${zoneName})`;
}

/**
 * A start-end span in `zone`, compact where the locale allows: one date when both ends fall on
 * the same local day (`Fri, 5 Jun 2026, 18:00–20:00 CEST (Europe/Prague)`). When the clocks
 * change in between, both ends are written out with their own abbreviation.
 */
export function formatRange(start: Date, end: Date, zone: string, locale: string): string {
  if (end.getTime() < start.getTime()) throw new RangeError('formatRange: end is before start');
  const from = prepare(start, zone, locale);
  const to = prepare(end, zone, locale);
  if (from.dt.offset !== to.dt.offset) {
    const fromText = `${from.dt.toLocaleString(fullFormat(from.loc))} ${zoneAbbreviation(from.dt, from.loc)}`;
    const toText = `${to.dt.toLocaleString(fullFormat(to.loc))} ${zoneAbbreviation(to.dt, to.loc)}`;
    return `${fromText} – ${toText} (${from.zoneName})`;
  }
  // Intl's formatRange knows each locale's way of sharing the date ("18:00–20:00 Uhr").
  const span = Interval.fromDateTimes(from.dt, to.dt).toLocaleString(fullFormat(from.loc));
  return `${span} ${zoneAbbreviation(from.dt, from.loc)} (${from.zoneName})`;
}

/**
 * `Fri 5 Jun, 18:00` in `zone`: no year and no zone, for the lines of a list whose heading names
 * the zone (the weekly digest). Its formatters are kept per locale and zone: building an
 * Intl.DateTimeFormat costs far more than formatting with it (a Monday's 100,000 digest lines,
 * bench:scale), and locales and zones are few.
 */
export function formatDayAndTime(instant: Date, zone: string, locale: string): string {
  const loc = formattingLocale(locale);
  const key = `${loc} ${zone}`;
  let format = dayAndTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(loc, { ...DAY_AND_TIME, timeZone: zone });
    dayAndTimeFormats.set(key, format);
  }
  return format.format(instant);
}

const dayAndTimeFormats = new Map<string, Intl.DateTimeFormat>();
const DAY_AND_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

function prepare(
  instant: Date,
  zone: string,
  locale: string,
): { dt: DateTime; zoneName: string; loc: string } {
  const zoneName = normalizeTimeZone(zone);
  if (zoneName === null) throw new RangeError(`unknown time zone ${zone}`);
  const loc = formattingLocale(locale);
  const dt = DateTime.fromJSDate(instant, { zone: zoneName }).setLocale(loc);
  if (!dt.isValid) throw new RangeError(`cannot format ${String(instant)}`);
  return { dt, zoneName, loc };
}

/**
 * Whether the locale writes 01:00 or 1:00. Asked for a `numeric` hour, Intl drops the pad even
 * in locales that use one (en-GB, de), but keeps it in ranges: follow the locale's own short time.
 */
function fullFormat(loc: string): Intl.DateTimeFormatOptions {
  let format = fullFormats.get(loc);
  if (!format) {
    const oneAm = new Intl.DateTimeFormat(loc, { timeStyle: 'short', timeZone: 'UTC' }).format(
      Date.UTC(2000, 0, 1, 1),
    );
    format = oneAm.startsWith('0') ? FULL_PADDED : FULL;
    fullFormats.set(loc, format);
  }
  return format;
}

function formattingLocale(locale: string): string {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(locale.replace('_', '-'))[0];
  } catch {
    canonical = undefined; // a malformed tag from a platform should not break a reply
  }
  if (canonical === undefined || canonical === 'en') return 'en-GB';
  return canonical;
}

/**
 * CEST, MESZ, SELČ... English CLDR names zones only for its own region (en-GB knows CEST but
 * not CDT, en-US the reverse), so for English take whichever variant has a name.
 */
function zoneAbbreviation(dt: DateTime, loc: string): string {
  const own = dt.offsetNameShort ?? dt.toFormat('ZZ');
  if (!loc.startsWith('en') || !OFFSET_NAME.test(own)) return own;
  for (const variant of ['en-US', 'en-GB']) {
    const name = dt.setLocale(variant).offsetNameShort;
    if (name && !OFFSET_NAME.test(name)) return name;
  }
  return own;
}
