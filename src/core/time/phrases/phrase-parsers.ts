/**
 * Chrono parsers built from a language's words, for the languages chrono-node has no locale for
 * (Czech, Slovak, Polish). Each language file lists its words; this file turns them into
 * chrono `Parser`s added to a clone of chrono's day-first English, which keeps reading clock times
 * ("18:00"), numeric dates ("5.6.2026") and merging a date with a time ("zítra" + "18:00").
 */
import * as chrono from 'chrono-node';
import type { Chrono, Parser, ParsingContext } from 'chrono-node';

/** A weekday phrase's meaning, as chrono's own weekday modifiers have it. */
export type WeekdayModifier = 'this' | 'next' | 'last';
export type DurationUnit = 'minute' | 'hour' | 'day' | 'week' | 'month';

/** Marks a weekday meant to be in the past ("minulý pátek"): parse-when keeps it there. */
export const PAST_WEEKDAY_TAG = 'phrase/pastWeekday';

export interface PhraseWords {
  /** A day by its distance from today: "dnes" 0, "zítra" 1, "včera" -1. */
  days: Record<string, number>;
  /** Weekday names in the case forms people write ("pátek", "středu"), Sunday 0. */
  weekdays: Record<string, chrono.Weekday>;
  /** Words before a weekday: "tento", "příští", "minulý" in each gender. */
  weekdayModifiers: Record<string, WeekdayModifier>;
  /** Prepositions that may stand before a weekday or its modifier ("v", "ve"). */
  weekdayPrepositions: string[];
  /** Prepositions of a span from now: "za" 3 dny. */
  durationPrepositions: string[];
  /** Units of such spans in every form a count takes ("den", "dny", "dní"). */
  units: Record<string, DurationUnit>;
  /** Counts written as words ("dva", "tři"); without a count a unit means one ("za hodinu"). */
  numbers: Record<string, number>;
  /** Prepositions before a clock time: "v" 18:00. */
  clockPrepositions: string[];
  /** Words between the preposition and the hour ("o godzinie 18"). */
  clockLeads?: string[];
  /** Words after the hour ("v 18 hodin"). */
  hourWords: string[];
  /** Parts of the day and the hour each stands for ("večer" 18). */
  partsOfDay: Record<string, number>;
  /** Month names as a date writes them, day first ("5. června"), January 1. */
  months: Record<string, number>;
  /** What "next week" is in the language ("příští týden"): the Monday of next week (nextWeekParser). */
  nextWeek: string[];
}

/** A chrono that reads the language's words, and day-first English besides. */
export function chronoWithWords(words: PhraseWords): Chrono {
  const parser = withNextWeek(chrono.en.GB, words.nextWeek);
  parser.parsers.push(
    dayParser(words.days),
    weekdayParser(words),
    durationParser(words),
    clockParser(words),
    partOfDayParser(words),
    dayOfMonthParser(words),
  );
  return parser;
}

/**
 * "Next week" ("příští týden 18:00") means the Monday of the week after this one (weeks begin on
 * Monday, as in Europe's calendars; on a Sunday that is tomorrow): the day the week starts, which
 * a coordinator then moves with `event edit` if another day was meant. chrono's own English,
 * German and French read it as a week from today; this parser goes first, so it wins over them.
 */
export function nextWeekParser(phrases: string[]): Parser {
  const pattern = wordPattern(alternatives(phrases));
  return {
    pattern: () => pattern,
    extract: (context) => {
      const day = context.reference.getDateWithAdjustedTimezone();
      day.setDate(day.getDate() + ((8 - day.getDay()) % 7 || 7));
      return context
        .createParsingComponents({ year: day.getFullYear(), month: day.getMonth() + 1, day: day.getDate() })
        .addTag('phrase/next-week');
    },
  };
}

/** A copy of `base` that reads these phrases for next week first. */
export function withNextWeek(base: Chrono, phrases: string[]): Chrono {
  const parser = base.clone();
  parser.parsers.unshift(nextWeekParser(phrases));
  return parser;
}

/** Days named by their distance from today ("zítra" 1); French uses it for what chrono misses. */
export function dayParser(days: Record<string, number>): Parser {
  const pattern = wordPattern(alternatives(Object.keys(days)));
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      const offset = lookUp(days, match[1]);
      if (offset === undefined) return null;
      const day = context.reference.getDateWithAdjustedTimezone();
      day.setDate(day.getDate() + offset);
      return context
        .createParsingComponents({ year: day.getFullYear(), month: day.getMonth() + 1, day: day.getDate() })
        .addTag('phrase/day');
    },
  };
}

function weekdayParser(words: PhraseWords): Parser {
  const preposition = alternatives(words.weekdayPrepositions);
  const modifier = alternatives(Object.keys(words.weekdayModifiers));
  const weekday = alternatives(Object.keys(words.weekdays));
  const pattern = wordPattern(`(?:${preposition}\\s+)?(?:(${modifier})\\s+)?(${weekday})`, false);
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      const target = lookUp(words.weekdays, match[2]);
      if (target === undefined) return null;
      const modifier = match[1] === undefined ? 'this' : lookUp(words.weekdayModifiers, match[1]);
      const days = daysToWeekday(context, target, modifier ?? 'this');
      const components = context.createParsingComponents();
      components.addDurationAsImplied({ day: days });
      components.assign('weekday', target);
      if (modifier === 'last') components.addTag(PAST_WEEKDAY_TAG);
      return components;
    },
  };
}

/** Chrono's own rule for "this", "next" and "last friday" (calculation/weekdays.js). */
function daysToWeekday(context: ParsingContext, target: number, modifier: WeekdayModifier): number {
  const today = context.reference.getDateWithAdjustedTimezone().getDay();
  const forward = (target - today + 7) % 7;
  if (modifier === 'this') return forward;
  if (modifier === 'last') return forward - 7;
  if (today === 0) return target === 0 ? 7 : target;
  if (today === 6) return target === 6 ? 7 : target === 0 ? 8 : 1 + target;
  return target < today && target !== 0 ? forward : forward + 7;
}

function durationParser(words: PhraseWords): Parser {
  const preposition = alternatives(words.durationPrepositions);
  const count = `\\d{1,3}|${alternatives(Object.keys(words.numbers))}`;
  const unit = alternatives(Object.keys(words.units));
  const pattern = wordPattern(`${preposition}\\s+(?:(${count})\\s+)?(${unit})`, false);
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      const unit = lookUp(words.units, match[2]);
      const written = match[1];
      const count =
        written === undefined ? 1 : /^\d+$/.test(written) ? Number(written) : lookUp(words.numbers, written);
      if (unit === undefined || count === undefined) return null;
      return chrono.ParsingComponents.createRelativeFromReference(context.reference, { [unit]: count });
    },
  };
}

function clockParser(words: PhraseWords): Parser {
  const preposition = alternatives(words.clockPrepositions);
  const lead = alternatives(words.clockLeads ?? []);
  const hourWord = alternatives(words.hourWords);
  const leadPart = `(?:${lead}\\s*)?`;
  const pattern = wordPattern(
    `(?:(${preposition})\\s+)?${leadPart}(\\d{1,2})(?:[:.](\\d{2}))?(?:\\s*(${hourWord}))?`,
    false,
  );
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      const [, preposition, hour, minute, hourWord] = match;
      // A bare "18:00" is chrono's; a bare "18" is no time at all.
      if (preposition === undefined && hourWord === undefined) return null;
      const components = { hour: Number(hour), minute: Number(minute ?? 0) };
      if (components.hour > 23 || components.minute > 59) return null;
      return context.createParsingComponents(components).addTag('phrase/clock');
    },
  };
}

function partOfDayParser(words: PhraseWords): Parser {
  const pattern = wordPattern(alternatives(Object.keys(words.partsOfDay)));
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      const hour = lookUp(words.partsOfDay, match[1]);
      if (hour === undefined) return null;
      return context.createParsingComponents({ hour, minute: 0 }).addTag('phrase/partOfDay');
    },
  };
}

/** "5. června", "5 czerwca 2026": day first, the year optional (then the next such day). */
function dayOfMonthParser(words: PhraseWords): Parser {
  const month = alternatives(Object.keys(words.months));
  const pattern = wordPattern(`(\\d{1,2})\\.?\\s*(${month})(?:\\s+(\\d{4}))?`, false);
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      const [, day, written, year] = match;
      const monthNumber = lookUp(words.months, written);
      if (monthNumber === undefined) return null;
      const components = context.createParsingComponents({ day: Number(day), month: monthNumber });
      if (year === undefined)
        components.imply('year', context.reference.getDateWithAdjustedTimezone().getFullYear());
      else components.assign('year', Number(year));
      return components.addTag('phrase/dayOfMonth');
    },
  };
}

/**
 * A pattern that matches whole words only (JavaScript's \b knows no "ř"), case-insensitive, with
 * or without diacritics: people often type "zitra" for "zítra".
 */
function wordPattern(body: string, capture = true): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${capture ? `(${body})` : `(?:${body})`}(?![\\p{L}\\p{N}])`, 'iu');
}

/** Longest first, so that "pozítří" is not read as a shorter word; diacritics optional. */
function alternatives(list: string[]): string {
  const sorted = [...list].sort((a, b) => b.length - a.length);
  return `(?:${sorted.map(loose).join('|') || '(?!)'})`;
}

function loose(word: string): string {
  return [...word]
    .map((char) => {
      if (/\s/.test(char)) return '\\s+';
      const plain = stripDiacritics(char);
      const quoted = char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return plain === char ? quoted : `[${char}${plain}]`;
    })
    .join('');
}

/** The table entry for a matched word, however it was cased or accented. */
function lookUp<T>(table: Record<string, T>, written: string | undefined): T | undefined {
  if (written === undefined) return undefined;
  const key = fold(written);
  for (const [word, value] of Object.entries(table)) if (fold(word) === key) return value;
  return undefined;
}

function fold(text: string): string {
  return stripDiacritics(text.toLowerCase()).replace(/\s+/g, ' ');
}

function stripDiacritics(text: string): string {
  // "ł" has no decomposition: Poles typing without diacritics write "l".
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L');
}
