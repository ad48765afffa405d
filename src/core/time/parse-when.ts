import type { ParsedComponents, ParsedResult } from 'chrono-node';
import {
  formatLocalDateTime,
  isValidLocalDateTime,
  naiveMillis,
  resolveLocalDateTime,
  startOfLocalDay,
  toLocalDateTime,
  type LocalDateTime,
} from './local-time.ts';
import { PAST_WEEKDAY_TAG } from './phrases/phrase-parsers.ts';
import { phraseReaders, type PhraseReader } from './phrases/phrase-readers.ts';
import type { TimeError, WhenResult } from './time-error.ts';
import { normalizeTimeZone } from './time-zone.ts';

export interface ParseWhenOptions {
  /** IANA zone the person's wall clock is in (their town's zone). */
  zone: string;
  /** The current instant; relative phrases ("tomorrow", "in 2 hours") count from it. */
  now: Date;
  /**
   * Language of the phrase. `cs`, `sk`, `pl`, `fr`, `de`: that language, then English, dates day
   * first. Plain `en` (the default): English, refusing numeric dates like 5/6 whose order it
   * cannot know. `en-US`: month first. Any other: English with the day first.
   */
  locale?: string;
}

/** What the input names, before the zone's rules are applied. */
type Reading =
  | { kind: 'instant'; instant: Date }
  | { kind: 'local'; local: LocalDateTime }
  | { kind: 'day'; year: number; month: number; day: number };

/** `2026-06-05`, `2026-06-05T18:00`, `2026-06-05 18:00:30.5`, each time optionally with `Z`/`+02:00`. */
const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3}))?)?(?:\s*(Z|[+-]\d{2}(?::?\d{2})?))?)?$/i;

/** Chrono's tags for phrases that carry a time of day without a clock time ("tomorrow evening"). */
const TIME_OF_DAY_TAGS = [
  'casualReference/morning',
  'casualReference/noon',
  'casualReference/afternoon',
  'casualReference/evening',
  'casualReference/tonight',
  'casualReference/midnight',
];

const DAY_MS = 86_400_000;

/**
 * Reads a time a person typed, as the wall clock in `zone` shows it.
 *
 * - ISO 8601 without offset (`2026-06-05T18:00`, `2026-06-05 18:00`) is local time in the zone;
 *   with `Z` or an offset it is that exact instant (never ambiguous).
 * - A date without a time (`2026-06-05`, `tomorrow`, `5 June`, `friday`) means the start of that
 *   day in the zone.
 * - Phrases go through chrono-node (English, and the `locale`'s language), relative to
 *   `now` as the zone's clock shows it. A weekday, a bare time or a date without year that has
 *   already passed means the next one. The phrase must be the whole input ("tomorrow 18:00 in
 *   the hall" and ranges are refused). A zone named in it ("6pm CET") is an explicit offset.
 * - "in 2 hours" and "now" count real time from `now`.
 * - A local time skipped by a spring-forward switch is `time.nonexistent`; one that happens twice
 *   in an autumn switch is `time.ambiguous` with both instants. Neither is ever shifted silently.
 */
export function parseWhen(input: string, options: ParseWhenOptions): WhenResult {
  const zone = normalizeTimeZone(options.zone);
  if (zone === null) return failure({ code: 'time.unknown-zone', zone: options.zone });
  if (Number.isNaN(options.now.getTime())) throw new RangeError('parseWhen: now is not a valid date');

  const text = input.trim();
  const iso = ISO_PATTERN.exec(text);
  const reading =
    text === '' ? null : iso ? readIso(iso) : readPhrase(text, zone, options.now, options.locale);
  if (reading === null) return failure({ code: 'time.unparseable', input: text });
  return settle(reading, zone, text);
}

function failure(error: TimeError): WhenResult {
  return { ok: false, error };
}

/** Applies the zone's rules to a reading. */
function settle(reading: Reading, zone: string, text: string): WhenResult {
  switch (reading.kind) {
    case 'instant':
      return { ok: true, instant: reading.instant };
    case 'day': {
      const start = startOfLocalDay(reading.year, reading.month, reading.day, zone);
      return start ? { ok: true, instant: start } : failure({ code: 'time.unparseable', input: text });
    }
    case 'local': {
      const resolved = resolveLocalDateTime(reading.local, zone);
      const local = formatLocalDateTime(reading.local);
      switch (resolved.kind) {
        case 'exact':
          return { ok: true, instant: resolved.instant };
        case 'nonexistent':
          return failure({ code: 'time.nonexistent', local, zone });
        case 'ambiguous':
          return failure({
            code: 'time.ambiguous',
            local,
            zone,
            earlier: resolved.earlier,
            later: resolved.later,
          });
        case 'invalid':
          return failure({ code: 'time.unparseable', input: text });
      }
    }
  }
}

function readIso(match: RegExpExecArray): Reading | null {
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const date = { year: Number(year), month: Number(month), day: Number(day) };
  if (hour === undefined || minute === undefined) {
    const local = { ...date, hour: 0, minute: 0, second: 0, millisecond: 0 };
    return isValidLocalDateTime(local) ? { kind: 'day', ...date } : null;
  }
  const local: LocalDateTime = {
    ...date,
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second ?? 0),
    millisecond: Number((fraction ?? '0').padEnd(3, '0')),
  };
  if (!isValidLocalDateTime(local)) return null;
  if (offset === undefined) return { kind: 'local', local };
  const offsetMinutes = parseOffset(offset);
  if (offsetMinutes === null) return null;
  return { kind: 'instant', instant: new Date(naiveMillis(local) - offsetMinutes * 60_000) };
}

/** `Z`, `+02`, `+0200`, `-05:30` -> minutes east of UTC; null when out of range. */
function parseOffset(offset: string): number | null {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 14 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

function readPhrase(text: string, zone: string, now: Date, locale: string | undefined): Reading | null {
  const nowLocal = toLocalDateTime(now, zone);
  // Chrono computes in the host's local time. Hand it a reference whose host-local clock shows
  // the zone's clock, so "tomorrow" is tomorrow in the zone, and read back only its wall-clock
  // components. (On a host in UTC, as the bot runs, this is exact.)
  const reference = new Date(
    nowLocal.year,
    nowLocal.month - 1,
    nowLocal.day,
    nowLocal.hour,
    nowLocal.minute,
    nowLocal.second,
    nowLocal.millisecond,
  );
  // Czech (and often German) spaces its numeric dates, "5. 6. 2026", which chrono does not read.
  const phrase = text.replace(/\b(\d{1,2})\.\s+(\d{1,2})\.\s+(\d{4})\b/g, '$1.$2.$3');
  for (const reader of phraseReaders(locale)) {
    const result = soleFullMatch(reader.parser.parse(phrase, reference), phrase, reader.leftover);
    if (result) return readChronoResult(result, reader, { now, nowLocal, reference });
  }
  return null;
}

/** Only a phrase that is all time: "tomorrow 18:00 in the hall" or "friday 18-20" is refused. */
function soleFullMatch(results: ParsedResult[], text: string, ignorable: RegExp): ParsedResult | null {
  const [result, ...others] = results;
  if (!result || others.length > 0 || result.end) return null;
  const leftover = text.slice(0, result.index) + text.slice(result.index + result.text.length);
  return ignorable.test(leftover) ? result : null;
}

interface Now {
  now: Date;
  nowLocal: LocalDateTime;
  /** The host-local Date given to chrono as its reference. */
  reference: Date;
}

function readChronoResult(result: ParsedResult, reader: PhraseReader, at: Now): Reading | null {
  const c = result.start;
  const tags = c.tags();
  let local = componentsOf(c);
  if (!isValidLocalDateTime(local)) return null;

  // "in 2 hours" and "now" are durations from this instant, whatever the wall clock does.
  if (tags.has('result/relativeDateAndTime') || tags.has('casualReference/now')) {
    return {
      kind: 'instant',
      instant: new Date(at.now.getTime() + naiveMillis(local) - hostClockMillis(at.reference)),
    };
  }

  if (reader.refusesAmbiguousNumericDates && tags.has('parser/SlashDateFormatParser')) {
    if (local.day <= 12 && local.day !== local.month) return null;
  }

  const hasTime = c.isCertain('hour') || TIME_OF_DAY_TAGS.some((tag) => tags.has(tag));
  if (!hasTime) local = { ...local, hour: 0, minute: 0, second: 0, millisecond: 0 };

  // A zone written in the phrase ("6pm CET") is an explicit offset: no zone rules apply.
  const offset = c.isCertain('timezoneOffset') ? c.get('timezoneOffset') : null;
  const isPast = (candidate: LocalDateTime): boolean => {
    if (offset !== null) return naiveMillis(candidate) - offset * 60_000 < at.now.getTime();
    if (hasTime) return naiveMillis(candidate) < naiveMillis(at.nowLocal);
    return (
      naiveMillis(candidate) < naiveMillis({ ...at.nowLocal, hour: 0, minute: 0, second: 0, millisecond: 0 })
    );
  };
  // "last friday" is meant to be in the past: do not move it to the coming Friday.
  const meantPast = c.tags().has(PAST_WEEKDAY_TAG) || reader.pastWeekdayWords.test(result.text);
  const forward = rollForward(local, c, meantPast, isPast);
  if (forward === null) return null;
  local = forward;

  if (offset !== null) return { kind: 'instant', instant: new Date(naiveMillis(local) - offset * 60_000) };
  if (!hasTime) return { kind: 'day', year: local.year, month: local.month, day: local.day };
  return { kind: 'local', local };
}

/**
 * Chrono picks the closest match ("friday" may be yesterday); a coordinator scheduling something
 * means the next one. Mirrors chrono's forwardDate option, which cannot be used here: it compares
 * the zone-shifted reference with real instants.
 */
function rollForward(
  local: LocalDateTime,
  c: ParsedComponents,
  meantPast: boolean,
  isPast: (candidate: LocalDateTime) => boolean,
): LocalDateTime | null {
  if (c.tags().has('result/relativeDate')) return local; // "in 3 days" is anchored already
  const knowsDate = c.isCertain('day') || c.isCertain('month') || c.isCertain('year');
  if (!knowsDate && !c.isCertain('weekday')) {
    return isPast(local) ? addDays(local, 1) : local; // "18:00"
  }
  if (c.isCertain('weekday') && !c.isCertain('day') && !c.isCertain('month')) {
    return isPast(local) && !meantPast ? addDays(local, 7) : local; // "friday 9:30"
  }
  if (c.isCertain('month') && !c.isCertain('year')) {
    // "5 June": this year's or the next; 29 February may need a few years.
    let candidate = local;
    for (let years = 1; years <= 8 && (!isValidLocalDateTime(candidate) || isPast(candidate)); years++) {
      candidate = { ...local, year: local.year + years };
    }
    return isValidLocalDateTime(candidate) ? candidate : null;
  }
  return local;
}

function addDays(local: LocalDateTime, days: number): LocalDateTime {
  const shifted = new Date(naiveMillis(local) + days * DAY_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: local.hour,
    minute: local.minute,
    second: local.second,
    millisecond: local.millisecond,
  };
}

function componentsOf(c: ParsedComponents): LocalDateTime {
  return {
    year: c.get('year') ?? Number.NaN,
    month: c.get('month') ?? Number.NaN,
    day: c.get('day') ?? Number.NaN,
    hour: c.get('hour') ?? 0,
    minute: c.get('minute') ?? 0,
    second: c.get('second') ?? 0,
    millisecond: c.get('millisecond') ?? 0,
  };
}

/** The reference's clock as chrono read it (host-local getters), on the naive scale. */
function hostClockMillis(reference: Date): number {
  return naiveMillis({
    year: reference.getFullYear(),
    month: reference.getMonth() + 1,
    day: reference.getDate(),
    hour: reference.getHours(),
    minute: reference.getMinutes(),
    second: reference.getSeconds(),
    millisecond: reference.getMilliseconds(),
  });
}
